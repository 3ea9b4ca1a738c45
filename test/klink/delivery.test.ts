import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INodeParameters } from 'n8n-workflow';

import { closedPort, shown } from '../support/failures';
import { useRecordedWaits } from '../support/waits';
import { header, json, klinkCredential, runKlink, runKlinkOk, useMockKlink } from './fixtures';
import { CONTACT_ID, KLINK_TOKEN, LINE_CHANNEL_ID } from './mockKlink';

/**
 * klink.cloud through the delivery engine: a 429 is waited out (Retry-After or backoff) and the
 * message then goes out once; a write whose answer was lost (5xx, reset) is not repeated and
 * says it may have been sent; reads are repeated; an Advanced → Path URL never takes the token
 * to another host.
 */

const klink = useMockKlink();

jest.mock('n8n-workflow', () => jest.requireActual('../support/waits').workflowWithRecordedSleep());
const mockWaits = useRecordedWaits({ clock: Date.parse('2026-11-02T09:00:00Z') });

const IO = 30_000;

const SEND_PATH = '/api/v1/messages/send';
const sendMessage = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'send',
	contactId: CONTACT_ID,
	message: 'Once only',
	...extra,
});
const tooMany = (headers: Record<string, string> = {}) => ({
	status: 429,
	headers,
	body: { status: 'error', message: 'Too Many Attempts.' },
});

describe('a 429 on a send is waited out, and the message goes out once', () => {
	it(
		'Retry-After: 2 → waits 2000 ms, sends again, one message delivered',
		async () => {
			klink.mock.once('POST', SEND_PATH, () => tooMany({ 'retry-after': '2' }));
			const items = await runKlinkOk(klink.mock, sendMessage());

			const sends = klink.mock.requestsTo('POST', SEND_PATH);
			expect(sends.map((r) => r.response.status)).toEqual([429, 200]);
			expect(sends[1].body).toEqual(sends[0].body);
			expect(mockWaits).toEqual([2000]);
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({ direction: 'outgoing', message: 'Once only' });
		},
		IO,
	);

	it(
		'Retry-After as an HTTP date → waits until then',
		async () => {
			const at = new Date(Date.now() + 5000).toUTCString();
			klink.mock.once('POST', SEND_PATH, () => tooMany({ 'retry-after': at }));
			await runKlinkOk(klink.mock, sendMessage());
			expect(klink.mock.requestsTo('POST', SEND_PATH).map((r) => r.response.status)).toEqual([
				429, 200,
			]);
			expect(mockWaits).toEqual([5000]);
		},
		IO,
	);

	it(
		'without Retry-After → a backoff of 0.5–1 s, then one message delivered',
		async () => {
			klink.mock.once('POST', SEND_PATH, () => tooMany());
			const items = await runKlinkOk(klink.mock, sendMessage());
			expect(klink.mock.requestsTo('POST', SEND_PATH).map((r) => r.response.status)).toEqual([
				429, 200,
			]);
			expect(mockWaits).toHaveLength(1);
			expect(mockWaits[0]).toBeGreaterThanOrEqual(500);
			expect(mockWaits[0]).toBeLessThanOrEqual(1000);
			expect(items).toHaveLength(1);
		},
		IO,
	);

	it(
		'a 429 that lasts past Max Wait on Rate Limit fails, saying the rate limit was hit and nothing was sent',
		async () => {
			klink.mock.on('POST', SEND_PATH, () => tooMany({ 'retry-after': '1' }));
			const result = await runKlink(klink.mock, sendMessage({ delivery: { maxRateLimitWait: 2 } }));

			expect(result.status).toBe('error');
			expect(result.error?.httpCode).toBe('429');
			// 1 s + 1 s fit in the 2 s allowed; the third 429 would need a third second.
			expect(klink.mock.requestsTo('POST', SEND_PATH)).toHaveLength(3);
			expect(mockWaits).toEqual([1000, 1000]);
			expect(result.error?.message).toBe(
				`klink.cloud answered 429 on POST ${SEND_PATH}: Too Many Attempts.`,
			);
			expect(result.error?.description).toContain(
				'Rate limit: klink.cloud kept answering 429 (too many requests) for longer than this node waits (2 s, Delivery → Max Wait on Rate Limit), so this request was not sent.',
			);
			expect(shown(result)).not.toContain('may have been sent');
		},
		IO,
	);
});

describe('a send whose answer was lost is not repeated, and says it may have been sent', () => {
	it(
		'a 500: exactly one request',
		async () => {
			klink.mock.on('POST', SEND_PATH, () => ({
				status: 500,
				body: { status: 'error', message: 'Server Error' },
			}));
			const result = await runKlink(klink.mock, sendMessage());

			expect(klink.mock.requests).toHaveLength(1);
			expect(mockWaits).toEqual([]);
			expect(result.error?.httpCode).toBe('500');
			expect(result.error?.message).toBe(
				`klink.cloud answered 500 on POST ${SEND_PATH}: Server Error`,
			);
			expect(result.error?.description).toContain(
				'No reliable answer from klink.cloud: the message may have been sent. It was not repeated, because klink.cloud cannot recognise a repeated send and it could arrive twice: check before sending it again.',
			);
		},
		IO,
	);

	it(
		'a connection dropped after the request arrived: exactly one request',
		async () => {
			klink.mock.on('POST', SEND_PATH, () => ({ status: 0, destroy: true }));
			const result = await runKlink(klink.mock, sendMessage());

			expect(klink.mock.requests).toHaveLength(1);
			expect(mockWaits).toEqual([]);
			expect(result.error?.message).toBe(
				`klink.cloud failed on POST ${SEND_PATH}: no answer; check the credential's Base URL`,
			);
			expect(result.error?.description).toContain('Network error: ECONNRESET');
			expect(result.error?.description).toContain(
				'the message may have been sent. It was not repeated',
			);
		},
		IO,
	);

	it(
		'other writes too (a ticket created twice would be a duplicate ticket)',
		async () => {
			klink.mock.on('POST', '/api/v1/tickets', () => ({ status: 503, body: { message: 'busy' } }));
			const result = await runKlink(klink.mock, {
				resource: 'ticket',
				operation: 'create',
				title: 'Help',
			});
			expect(klink.mock.requests).toHaveLength(1);
			expect(result.error?.description).toContain('may have been sent. It was not repeated');
		},
		IO,
	);

	it(
		'a refused connection is tried again (nothing arrived) and then says it was not sent',
		async () => {
			const credentials = klinkCredential(klink.mock, {
				customBaseUrl: `http://127.0.0.1:${await closedPort()}`,
			});
			const result = await runKlink(klink.mock, sendMessage(), { credentials });

			expect(result.error?.description).toContain('Network error: ECONNREFUSED');
			expect(result.error?.description).toContain(
				'No connection to klink.cloud (3 attempts): the request was not sent.',
			);
			expect(shown(result)).not.toContain('may have been sent');
			expect(mockWaits).toHaveLength(2);
		},
		IO,
	);
});

describe('reads are repeated', () => {
	it(
		'a GET answered 500 is sent again and succeeds',
		async () => {
			klink.mock.once('GET', `/api/v1/contacts/${CONTACT_ID}`, () => ({
				status: 500,
				body: { message: 'Server Error' },
			}));
			const items = await runKlinkOk(klink.mock, {
				resource: 'contact',
				operation: 'get',
				contactId: CONTACT_ID,
			});
			expect(klink.mock.requests.map((r) => [r.method, r.path, r.response.status])).toEqual([
				['GET', `/api/v1/contacts/${CONTACT_ID}`, 500],
				['GET', `/api/v1/contacts/${CONTACT_ID}`, 200],
			]);
			expect(mockWaits).toHaveLength(1);
			expect(json(items)).toMatchObject([{ id: CONTACT_ID, name: 'Somchai Jaidee' }]);
		},
		IO,
	);

	it(
		'a list answered 503 is read again and succeeds',
		async () => {
			klink.mock.once('GET', '/api/v1/tags', () => ({ status: 503, body: { message: 'busy' } }));
			const items = await runKlinkOk(klink.mock, {
				resource: 'tag',
				operation: 'getAll',
				limit: 5,
			});
			expect(klink.mock.requests.map((r) => r.response.status)).toEqual([503, 200]);
			expect(items).toHaveLength(2);
		},
		IO,
	);

	it(
		'a GET that keeps failing is tried Attempts per Request times',
		async () => {
			klink.mock.on('GET', '/api/v1/tags', () => ({
				status: 502,
				body: { message: 'Bad Gateway' },
			}));
			const result = await runKlink(klink.mock, {
				resource: 'tag',
				operation: 'getAll',
				limit: 5,
				delivery: { maxAttempts: 4 },
			});
			expect(klink.mock.requests).toHaveLength(4);
			expect(mockWaits).toHaveLength(3);
			expect(result.error?.description).toContain(
				'No reliable answer from klink.cloud (4 attempts).',
			);
		},
		IO,
	);

	it(
		'the transactional send as a query-string GET is a send: not repeated',
		async () => {
			klink.mock.on('GET', '/api/v1/message/send', () => ({
				status: 503,
				body: { message: 'busy' },
			}));
			const result = await runKlink(klink.mock, {
				resource: 'message',
				operation: 'sendLineTransactional',
				channelId: LINE_CHANNEL_ID,
				contactId: CONTACT_ID,
				message: 'Once',
				advanced: { requestStyle: 'get' },
			});
			expect(klink.mock.requests).toHaveLength(1);
			expect(result.error?.description).toContain('may have been sent. It was not repeated');
		},
		IO,
	);
});

describe("Advanced → Path: a whole URL only on the credential's host", () => {
	/** Another host that would gladly take klink.cloud's token. */
	let other: http.Server;
	let otherUrl = '';
	const otherRequests: Array<{ url?: string; authorization?: string }> = [];
	beforeAll(async () => {
		other = http.createServer((request, response) => {
			otherRequests.push({ url: request.url, authorization: request.headers.authorization });
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end('{"status":"success"}');
		});
		await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
		otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		other.closeAllConnections();
		await new Promise<void>((resolve) => other.close(() => resolve()));
	});
	beforeEach(() => {
		otherRequests.length = 0;
	});

	const transactional = (path: string): INodeParameters => ({
		resource: 'message',
		operation: 'sendLineTransactional',
		channelId: LINE_CHANNEL_ID,
		contactId: CONTACT_ID,
		message: 'Hello',
		advanced: { path },
	});

	it(
		'a URL on another host is refused before anything is sent, naming the field and the item',
		async () => {
			const result = await runKlink(klink.mock, transactional(`${otherUrl}/api/v1/message/send`));

			expect(result.status).toBe('error');
			expect(result.error?.message).toBe(
				`advanced.path: ${otherUrl} is not the credential's host (${klink.mock.url}), so nothing was sent there [item 0]`,
			);
			expect(result.error?.itemIndex).toBe(0);
			expect(result.error?.description).toContain(`a URL starting with ${klink.mock.url}`);
			expect(otherRequests).toEqual([]);
			expect(klink.mock.requests).toEqual([]);
		},
		IO,
	);

	it(
		'one bad item stops the run before any item is sent',
		async () => {
			const result = await runKlink(klink.mock, transactional('={{ $json.path }}'), {
				input: [{ path: '/api/v1/message/send' }, { path: `${otherUrl}/api/v1/message/send` }],
			});
			expect(result.error?.message).toMatch(/^advanced\.path: .* \[item 1\]$/);
			expect(otherRequests).toEqual([]);
			expect(klink.mock.requests).toEqual([]);
		},
		IO,
	);

	it(
		'with continueOnFail the refused item becomes an error item and the others are sent',
		async () => {
			const result = await runKlink(klink.mock, transactional('={{ $json.path }}'), {
				input: [
					{ path: '/api/v1/message/send' },
					{ path: `${otherUrl}/api/v1/message/send` },
					{ path: `${klink.mock.url}/api/v1/message/send` },
				],
				continueOnFail: true,
			});
			expect(result.error).toBeUndefined();
			expect(otherRequests).toEqual([]);
			expect(klink.mock.requests.map((r) => [r.method, r.path])).toEqual([
				['POST', '/api/v1/message/send'],
				['POST', '/api/v1/message/send'],
			]);
			expect(result.items.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
			expect(result.items[0].json.status).toBe('success');
			expect(result.items[1].json).toEqual({
				error: `advanced.path: ${otherUrl} is not the credential's host (${klink.mock.url}), so nothing was sent there [item 1]`,
				errorDetails: expect.stringContaining(
					"The credential's token is only ever sent to its own host.",
				),
			});
			expect(result.items[2].json.status).toBe('success');
		},
		IO,
	);

	it(
		'a placeholder cannot move the URL to another host',
		async () => {
			const result = await runKlink(klink.mock, {
				resource: 'contact',
				operation: 'delete',
				contactId: 'evil.example.com',
				advanced: { path: 'https://{contactId}/api/v1/contacts' },
			});
			expect(result.error?.message).toMatch(
				/^advanced\.path: https:\/\/evil\.example\.com is not the credential's host/,
			);
			expect(klink.mock.requests).toEqual([]);
		},
		IO,
	);

	it(
		"a URL on the credential's own host is sent there, with the token",
		async () => {
			const items = await runKlinkOk(
				klink.mock,
				transactional(`${klink.mock.url}/api/v1/message/send`),
			);
			expect(
				klink.mock.requests.map((r) => [r.method, r.path, header(r, 'authorization')]),
			).toEqual([['POST', '/api/v1/message/send', `Bearer ${KLINK_TOKEN}`]]);
			expect(items[0].json.status).toBe('success');
		},
		IO,
	);
});
