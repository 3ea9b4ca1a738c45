import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import axios, { type AxiosRequestConfig } from 'axios';

import type { Sandbox } from '../../sandbox';

/** What the sandbox tests of the newer LINE APIs share: LINE calls and a webhook receiver. */

export interface Received {
	headers: IncomingHttpHeaders;
	rawBody: string;
	body: { destination: string; events: Array<Record<string, unknown>> };
}

/** A webhook receiver on 127.0.0.1 that answers 200 and keeps what it got. */
export async function startReceiver() {
	const received: Received[] = [];
	const server = http.createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks).toString('utf8');
		received.push({ headers: req.headers, rawBody, body: JSON.parse(rawBody) });
		res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
		received,
		/** Every event received so far, oldest first. */
		events: () => received.flatMap((request) => request.body.events),
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** A LINE API call to the sandbox with its channel access token; any status is an answer. */
export function lineCall(sandbox: Sandbox) {
	return (method: string, path: string, data?: unknown, config: AxiosRequestConfig = {}) =>
		axios.request({
			method,
			url: sandbox.url + path,
			data,
			validateStatus: () => true,
			...config,
			headers: { Authorization: `Bearer ${sandbox.channel.accessToken}`, ...config.headers },
		});
}

/** Waits until `check` gives a value (the webhook is called after the API answers). */
export async function waitFor<T>(check: () => T | undefined, what: string): Promise<T> {
	for (let attempt = 0; attempt < 200; attempt++) {
		const value = check();
		if (value !== undefined) return value;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	throw new Error(`Timed out waiting for ${what}`);
}
