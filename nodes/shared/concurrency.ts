/**
 * Runs `task` for every index in [0, count) with at most `limit` running at once and returns the
 * results in index order, whatever order they finish in. Tasks with the same `keyOf` (e.g. the
 * same recipient) run one after another in index order, so messages to one chat keep their order.
 * `keyOf` is read for every index before the first task starts. After a task throws no new task
 * starts (those already running finish), and the first error is thrown.
 *
 * `limit` workers take the keys in the order of their first index and run each key's tasks in
 * turn: what waits costs one index in a list, not a pending promise per task.
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
	const pending = queues.values();
	let failure: { error: unknown } | undefined;
	const worker = async () => {
		for (let next = pending.next(); !next.done && !failure; next = pending.next()) {
			for (const index of next.value) {
				if (failure) return;
				try {
					results[index] = await task(index);
				} catch (error) {
					failure ??= { error };
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, queues.size)) }, worker));
	if (failure) throw failure.error;
	return results;
}
