import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Keeping one test's requests out of the next test's mock.
 *
 * - `useMockPerTest`: a new mock server (a new port) for every test, closed after it: a request
 *   the test's code still makes after the test ended (it timed out, or a run was left going) is
 *   refused instead of landing in the next test's log.
 * - `Generations`: for a mock shared by several tests (e2e, the sandbox), `reset()` starts a new
 *   generation and drops the requests still open from the old one: they are answered with a
 *   dropped connection and never enter the new log.
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

/** The requests of a mock server by generation; `next()` (on reset) drops the open ones. */
export class Generations {
	private generation = 0;
	private readonly open = new Map<ServerResponse, number>();

	/** Call when a request arrives; `isCurrent()` says whether it still belongs in the log. */
	begin(req: IncomingMessage, res: ServerResponse): { isCurrent: () => boolean } {
		const generation = this.generation;
		this.open.set(res, generation);
		res.on('close', () => this.open.delete(res));
		req.on('error', () => {});
		return { isCurrent: () => generation === this.generation };
	}

	/** A new generation: every request still open is dropped (its connection destroyed). */
	next(): void {
		this.generation++;
		for (const res of this.open.keys()) res.socket?.destroy();
		this.open.clear();
	}
}
