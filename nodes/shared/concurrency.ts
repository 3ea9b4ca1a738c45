/** Lets at most `limit` holders in at once; waiters get in in the order they asked. */
class Semaphore {
	private free: number;
	private readonly waiters: Array<() => void> = [];
	private head = 0;

	constructor(limit: number) {
		this.free = Math.max(1, limit);
	}

	async acquire(): Promise<void> {
		if (this.free > 0) {
			this.free--;
			return;
		}
		await new Promise<void>((resolve) => this.waiters.push(resolve));
	}

	release(): void {
		if (this.head < this.waiters.length) this.waiters[this.head++]();
		else this.free++;
	}
}

/**
 * Runs `task` for every index in [0, count) with at most `limit` running at once and returns the
 * results in index order, whatever order they finish in. Tasks with the same `keyOf` (e.g. the
 * same recipient) run one after another in index order, so messages to one chat keep their order.
 * After a task throws no new task starts (those already running finish), and the first error is
 * thrown.
 */
export async function mapWithConcurrency<T>(
	count: number,
	limit: number,
	task: (index: number) => Promise<T>,
	keyOf: (index: number) => unknown = (index) => index,
): Promise<T[]> {
	const results = new Array<T>(count);
	const queues = new Map<unknown, number[]>();
	for (let index = 0; index < count; index++) {
		const key = keyOf(index);
		const queue = queues.get(key);
		if (queue) queue.push(index);
		else queues.set(key, [index]);
	}
	const semaphore = new Semaphore(limit);
	let failure: { error: unknown } | undefined;
	const runQueue = async (queue: number[]) => {
		for (const index of queue) {
			if (failure) return;
			await semaphore.acquire();
			try {
				if (!failure) results[index] = await task(index);
			} catch (error) {
				failure ??= { error };
			} finally {
				semaphore.release();
			}
		}
	};
	await Promise.all([...queues.values()].map(runQueue));
	if (failure) throw failure.error;
	return results;
}
