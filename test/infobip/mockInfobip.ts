import { randomUUID } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Generations } from '../support/generations';
import { infobipOperationId, validateInfobipRequest } from './openapi';

/**
 * A mock Infobip on 127.0.0.1 for the LINE API: checks the Authorization header, validates every
 * request against Infobip's line.json (an invalid request gets Infobip's E400 with violations),
 * answers sends like Infobip, and hands out delivery reports only once, like Infobip.
 */

export const API_KEY = 'test-infobip-api-key';
export const USERNAME = 'infobip-user';
export const PASSWORD = 'infobip-password';

export interface MockRequest {
	method: string;
	/** Path without the query string. */
	path: string;
	/** Path with the query string, as received. */
	url: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	rawBody: string;
	body: unknown;
	operationId?: string;
	/** Problems found against line.json (empty when valid). */
	problems: string[];
	response: { status: number; body: unknown };
}

export interface MockResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Drop the connection instead of answering (after the request arrived): the node sees a reset. */
	destroy?: boolean;
}

export type MockHandler = (
	request: MockRequest,
) => MockResponse | undefined | Promise<MockResponse | undefined>;

export interface MockInfobip {
	readonly url: string;
	readonly requests: MockRequest[];
	/** Reports not handed out yet. */
	readonly pendingReports: Array<Record<string, unknown>>;
	on(method: string, path: string, handler: MockHandler, times?: number): MockInfobip;
	once(method: string, path: string, handler: MockHandler): MockInfobip;
	/** Queues delivery reports for `GET /line/1/reports`. */
	addReports(reports: Array<Record<string, unknown>>): MockInfobip;
	invalidRequests(): MockRequest[];
	/** Forgets requests, reports and handlers; requests still open (a previous test's) are dropped. */
	reset(): void;
	close(): Promise<void>;
}

export const PENDING_STATUS = {
	groupId: 1,
	groupName: 'PENDING',
	id: 7,
	name: 'PENDING_ENROUTE',
	description: 'Message sent to next instance',
};

export const DELIVERED_STATUS = {
	groupId: 3,
	groupName: 'DELIVERED',
	id: 5,
	name: 'DELIVERED_TO_HANDSET',
	description: 'Message delivered to handset',
};

export const NO_ERROR = {
	groupId: 0,
	groupName: 'OK',
	id: 0,
	name: 'NO_ERROR',
	description: 'No Error',
	permanent: false,
};

/** A delivery report shaped like line.json's example. */
export function deliveryReport(fields: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		bulkId: 'bulk-1',
		price: { pricePerMessage: 0.15, currency: 'EUR' },
		status: DELIVERED_STATUS,
		error: NO_ERROR,
		messageId: `msg-${randomUUID()}`,
		to: '66855538125',
		sender: 'OFFICIAL-ACCOUNT-ID-123',
		sentAt: '2026-09-26T10:52:15.457+0000',
		doneAt: '2026-09-26T10:52:15.799+0000',
		messageCount: 1,
		mccMnc: '52001',
		...fields,
	};
}

export const E401 = {
	errorCode: 'E401',
	description: 'The request lacks valid authentication credentials for the requested resource.',
	action: 'Check the resources and adjust authentication credentials.',
	violations: [],
	resources: [
		{
			name: 'API Authentication',
			url: 'https://www.infobip.com/docs/essentials/api-authentication',
		},
	],
};

function acceptedAuthorizations(): Set<string> {
	const basic = Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64');
	return new Set([`App ${API_KEY}`, `Basic ${basic}`]);
}

interface Programmed {
	method: string;
	path: string;
	handler: MockHandler;
	remaining: number;
}

type Json = Record<string, unknown>;

function sendAnswer(body: Json): MockResponse {
	const bulkId =
		((body.options as Json | undefined)?.schedule as Json | undefined)?.bulkId ??
		`bulk-${randomUUID()}`;
	const messages = ((body.messages as Json[]) ?? []).flatMap((message) =>
		((message.destinations as Json[]) ?? []).map((destination) => ({
			messageId: destination.messageId ?? `msg-${randomUUID()}`,
			status: PENDING_STATUS,
			destination: destination.to,
		})),
	);
	return { status: 200, body: { bulkId, messages } };
}

const REPORT_FILTERS = ['bulkId', 'messageId', 'campaignReferenceId'];

function takeReports(queue: Json[], query: Record<string, string>): Json[] {
	const limit = Math.min(Number(query.limit ?? 50), 1000);
	const matches = (report: Json) =>
		REPORT_FILTERS.every((name) => query[name] === undefined || report[name] === query[name]) &&
		['entityId', 'applicationId'].every(
			(name) =>
				query[name] === undefined || (report.platform as Json | undefined)?.[name] === query[name],
		);
	const taken: Json[] = [];
	for (let index = 0; index < queue.length && taken.length < limit; ) {
		if (matches(queue[index])) taken.push(...queue.splice(index, 1));
		else index++;
	}
	return taken;
}

export async function startMockInfobip(): Promise<MockInfobip> {
	const requests: MockRequest[] = [];
	let programmed: Programmed[] = [];
	const reports: Json[] = [];
	const authorizations = acceptedAuthorizations();
	const generations = new Generations();

	const server = http.createServer((req, res) => {
		const { isCurrent } = generations.begin(req, res);
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			void (async () => {
				// A request of a test that has ended (the mock was reset since): not logged, dropped.
				if (!isCurrent()) return;
				const rawBody = Buffer.concat(chunks).toString('utf8');
				const url = req.url ?? '/';
				const parsed = new URL(url, 'http://127.0.0.1');
				let body: unknown;
				try {
					body = rawBody === '' ? undefined : JSON.parse(rawBody);
				} catch {
					body = rawBody;
				}
				const method = (req.method ?? 'GET').toUpperCase();
				const request: MockRequest = {
					method,
					path: parsed.pathname,
					url,
					query: Object.fromEntries(parsed.searchParams),
					headers: req.headers,
					rawBody,
					body,
					operationId: infobipOperationId(method, url),
					problems: validateInfobipRequest({ method, path: url, headers: req.headers, body }),
					response: { status: 0, body: undefined },
				};
				requests.push(request);
				const answer = await respond(request);
				if (!isCurrent()) return;
				request.response = { status: answer.status, body: answer.body };
				if (answer.destroy) {
					res.socket?.destroy();
					return;
				}
				res.writeHead(answer.status, {
					'content-type': 'application/json; charset=utf-8',
					...answer.headers,
				});
				res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
			})();
		});
	});

	async function respond(request: MockRequest): Promise<MockResponse> {
		if (!authorizations.has(String(request.headers.authorization ?? ''))) {
			return { status: 401, body: E401 };
		}
		if (request.problems.length > 0) {
			return {
				status: 400,
				body: {
					errorCode: 'E400',
					description: 'Request cannot be processed.',
					action: 'Check the syntax, violations and adjust the request.',
					violations: request.problems.map((problem) => {
						const colon = problem.indexOf(': ');
						return { property: problem.slice(0, colon), violation: problem.slice(colon + 2) };
					}),
					resources: [],
				},
			};
		}
		for (const entry of programmed) {
			if (entry.remaining <= 0 || entry.method !== request.method || entry.path !== request.path)
				continue;
			const answer = await entry.handler(request);
			if (answer) {
				entry.remaining--;
				return answer;
			}
		}
		if (request.method === 'POST' && request.path === '/line/1/messages') {
			return sendAnswer(request.body as Json);
		}
		if (request.method === 'GET' && request.path === '/line/1/reports') {
			return { status: 200, body: { results: takeReports(reports, request.query) } };
		}
		return { status: 404, body: { errorCode: 'E404', description: 'Not found' } };
	}

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	const mock: MockInfobip = {
		url: `http://127.0.0.1:${port}`,
		requests,
		pendingReports: reports,
		on(method, path, handler, times = Infinity) {
			programmed.push({ method: method.toUpperCase(), path, handler, remaining: times });
			return mock;
		},
		once(method, path, handler) {
			return mock.on(method, path, handler, 1);
		},
		addReports(list) {
			reports.push(...list);
			return mock;
		},
		invalidRequests: () => requests.filter((request) => request.problems.length > 0),
		reset() {
			generations.next();
			requests.length = 0;
			reports.length = 0;
			programmed = [];
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
	return mock;
}
