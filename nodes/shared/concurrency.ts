/**
 * Runs `task` for every index in [0, count) with at most `limit` running at once and returns the
 * results in index order, whatever order they finish in. After a task throws no new task starts
 * (those already running finish), and the first error is thrown.
 */
export async function mapWithConcurrency<T>(
	count: number,
	limit: number,
	task: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	let failure: { error: unknown } | undefined;
	const worker = async () => {
		while (next < count && !failure) {
			const index = next++;
			try {
				results[index] = await task(index);
			} catch (error) {
				failure ??= { error };
			}
		}
	};
	const workers = [];
	for (let i = 0; i < Math.max(1, Math.min(limit, count)); i++) workers.push(worker());
	await Promise.all(workers);
	if (failure) throw failure.error;
	return results;
}
