/**
 * Keeping one test's requests out of the next test's mock.
 *
 * - `useMockPerTest`: a new mock server (a new port) for every test, closed after it: a request
 *   the test's code still makes after the test ended (it timed out, or a run was left going) is
 *   refused instead of landing in the next test's log.
 * - `Generations` (./generations.ts): for a mock shared by several tests (e2e, the sandbox).
 */

/** Starts a mock before each test and closes it after; `mock` is the current test's. */
export function useMockPerTest<T extends { close(): Promise<void> }>(
	what: string,
	start: () => Promise<T>,
): { readonly mock: T } {
	let current: T | undefined;
	beforeEach(async () => {
		current = await start();
	});
	afterEach(async () => {
		const closing = current;
		current = undefined;
		await closing?.close();
	});
	return {
		get mock() {
			if (!current) throw new Error(`${what} not started (use it inside a test)`);
			return current;
		},
	};
}
