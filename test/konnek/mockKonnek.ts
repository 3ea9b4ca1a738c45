import { randomUUID } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Generations } from '../support/generations';
import { konnekShapeProblems } from './documentedShape';

/**
 * A mock Konnek on 127.0.0.1: `POST /{channel}/send/{clientID}` with the Auth-username /
 * Auth-password headers, the body checked against the documented request, answered with the
 * documented `{ meta, data }` envelope.
 */

export const USERNAME = 'konnek-user';
export const PASSWORD = 'konnek-password';
export const CLIENT_ID = 'client-42';

export interface MockRequest {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	rawBody: string;
	body: unknown;
	/** Differences from the documented request (empty when as documented). */
	problems: string[];
	response: { status: number; body: unknown };
}

export interface MockResponse {
	status: number;
	/** JSON, or a string sent as is. */
	body?: unknown;
	headers?: Record<string, string>;
	/** Drop the connection instead of answering (after the request arrived): the node sees a reset. */
	destroy?: boolean;
}

export type MockHandler = (request: MockRequest) => MockResponse | undefined;

export interface MockKonnek {
	readonly url: string;
	readonly requests: MockRequest[];
	on(handler: MockHandler, times?: number): MockKonnek;
	once(handler: MockHandler): MockKonnek;
	invalidRequests(): MockRequest[];
	/** Forgets requests and handlers; requests still open (a previous test's) are dropped. */
	reset(): void;
	close(): Promise<void>;
}

/** Konnek's documented success answer for a request body. */
export function okAnswer(body: unknown, status = 0): MockResponse {
	return {
		status: 200,
		body: {
			meta: { status: true, code: 200, message: 'OK', errors: null },
			data: {
				message_id: (body as { id?: string } | undefined)?.id ?? randomUUID(),
				status,
				tid: `tid-${randomUUID()}`,
			},
		},
	};
}

export function failedAnswer(httpStatus: number, message: string, errors: unknown): MockResponse {
	return {
		status: httpStatus,
		body: { meta: { status: false, code: httpStatus, message, errors }, data: null },
	};
}

const SEND_PATH = /^\/[^/]+(\/[^/]+)*\/send\/[^/]+$/;

export async function startMockKonnek(): Promise<MockKonnek> {
	const requests: MockRequest[] = [];
	let programmed: Array<{ handler: MockHandler; remaining: number }> = [];
	const generations = new Generations();

	function respond(request: MockRequest): MockResponse {
		if (
			request.headers['auth-username'] !== USERNAME ||
			request.headers['auth-password'] !== PASSWORD
		) {
			return failedAnswer(401, 'Unauthorized', 'invalid username or password');
		}
		if (request.method !== 'POST' || !SEND_PATH.test(request.path)) {
			return { status: 404, body: 'Not Found' };
		}
		if (request.problems.length > 0) {
			return failedAnswer(400, 'Bad Request', request.problems);
		}
		for (const entry of programmed) {
			if (entry.remaining <= 0) continue;
			const answer = entry.handler(request);
			if (answer) {
				entry.remaining--;
				return answer;
			}
		}
		return okAnswer(request.body);
	}

	const server = http.createServer((req, res) => {
		const { isCurrent } = generations.begin(req, res);
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			// A request of a test that has ended (the mock was reset since): not logged, dropped.
			if (!isCurrent()) return;
			const rawBody = Buffer.concat(chunks).toString('utf8');
			let body: unknown;
			try {
				body = rawBody === '' ? undefined : JSON.parse(rawBody);
			} catch {
				body = rawBody;
			}
			const request: MockRequest = {
				method: (req.method ?? 'GET').toUpperCase(),
				path: req.url ?? '/',
				headers: req.headers,
				rawBody,
				body,
				problems: konnekShapeProblems(body),
				response: { status: 0, body: undefined },
			};
			requests.push(request);
			const answer = respond(request);
			request.response = { status: answer.status, body: answer.body };
			if (answer.destroy) {
				res.socket?.destroy();
			} else if (typeof answer.body === 'string') {
				res.writeHead(answer.status, { 'content-type': 'text/html', ...answer.headers });
				res.end(answer.body);
			} else {
				res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
				res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	const mock: MockKonnek = {
		url: `http://127.0.0.1:${port}`,
		requests,
		on(handler, times = Infinity) {
			programmed.push({ handler, remaining: times });
			return mock;
		},
		once(handler) {
			return mock.on(handler, 1);
		},
		invalidRequests: () => requests.filter((request) => request.problems.length > 0),
		reset() {
			generations.next();
			requests.length = 0;
			programmed = [];
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
	return mock;
}
