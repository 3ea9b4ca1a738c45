import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { RunNodeResult } from './engine';

/** What n8n shows of a failed run: the error's message and its description. */
export function shown(result: RunNodeResult): string {
	return `${result.error?.message ?? ''}\n${result.error?.description ?? ''}`;
}

/** A 127.0.0.1 port nothing listens on: connecting is refused. */
export async function closedPort(): Promise<number> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}
