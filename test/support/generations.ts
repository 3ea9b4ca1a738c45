import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * For a mock shared by several tests (e2e, the sandbox): `reset()` starts a new generation and
 * drops the requests still open from the old one: they are answered with a dropped connection
 * and never enter the new log. Plain Node (the sandbox runs it outside jest).
 */

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
