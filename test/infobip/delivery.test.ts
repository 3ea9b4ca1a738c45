import net from 'node:net';
import type { AddressInfo } from 'node:net';

import { closedPort, shown } from '../support/failures';
import { useRecordedWaits } from '../support/waits';
import { deliveryReport } from './mockInfobip';
import {
	apiKeyCredential,
	PHONE,
	reportRequests,
	reports,
	runInfobip,
	runInfobipOk,
	send,
	sendRequests,
	useMockInfobip,
} from './fixtures';

/**
 * Infobip through the delivery engine. Infobip does not recognise a repeated send, so: a 429 is
 * waited out (Retry-After or backoff) and the messages then go out once; a send whose answer was
 * lost (5xx, reset) is not repeated and says it may have been sent, with how to look it up; a
 * refused connection is tried again and says nothing was sent; reads are repeated.
 */

const infobip = useMockInfobip();

jest.mock('n8n-workflow', () => jest.requireActual('../support/waits').workflowWithRecordedSleep());
const mockWaits = useRecordedWaits({ clock: Date.parse('2026-11-02T09:00:00Z') });

const IO = 30_000;

const E500 = {
	errorCode: 'E500',
	description: 'Something went wrong.',
	action: 'Contact the support.',
	violations: [],
	resources: [],
};
const E429 = {
	errorCode: 'E429',
	description: 'Too many requests',
	action: 'Reduce the request rate.',
	violations: [],
	resources: [],
};
const tooMany = (headers: Record<string, string> = {}) => ({ status: 429, headers, body: E429 });

const MAYBE_SENT =
	'No reliable answer from Infobip: the message may have been sent. It was not repeated, because Infobip cannot recognise a repeated send and it could arrive twice: check before sending it again.';

describe('a 429 on a send is waited out, and the messages go out once', () => {
	it(
		'Retry-After: 4 → waits 4000 ms, sends the same request again, one bulk accepted',
		async () => {
			infobip.mock.once('POST', '/line/1/messages', () => tooMany({ 'Retry-After': '4' }));
			const items = await runInfobipOk(infobip.mock, send({ schedule: { bulkId: 'bulk-7' } }));

			const sends = sendRequests(infobip.mock);
			expect(sends.map((r) => r.response.status)).toEqual([429, 200]);
			expect(sends[1].body).toEqual(sends[0].body);
			expect(mockWaits).toEqual([4000]);
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				bulkId: 'bulk-7',
				destination: PHONE,
				statusName: 'PENDING_ENROUTE',
			});
		},
		IO,
	);

	it(
		'without Retry-After → a backoff of 0.5–1 s, then one bulk accepted',
		async () => {
			infobip.mock.once('POST', '/line/1/messages', () => tooMany());
			const items = await runInfobipOk(infobip.mock, send());
			expect(sendRequests(infobip.mock).map((r) => r.response.status)).toEqual([429, 200]);
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
			infobip.mock.on('POST', '/line/1/messages', () => tooMany({ 'Retry-After': '1' }));
			const result = await runInfobip(infobip.mock, {
				...send({ schedule: { bulkId: 'bulk-8' } }),
				delivery: { maxRateLimitWait: 2 },
			});

			expect(result.status).toBe('error');
			expect(result.error?.httpCode).toBe('429');
			expect(sendRequests(infobip.mock)).toHaveLength(3);
			expect(mockWaits).toEqual([1000, 1000]);
			expect(result.error?.message).toBe('Infobip API error 429 (E429): Too many requests');
			expect(result.error?.description).toContain(
				'Rate limit: Infobip kept answering 429 (too many requests) for longer than this node waits (2 s, Delivery → Max Wait on Rate Limit), so this request was not sent.',
			);
			expect(shown(result)).not.toContain('may have been sent');
			// Nothing to look up: the messages were not accepted.
			expect(shown(result)).not.toContain('look for delivery reports');
		},
		IO,
	);
});

describe('a send whose answer was lost is not repeated, and says it may have been sent', () => {
	it(
		'a 500: exactly one request; the error says how to look the messages up',
		async () => {
			infobip.mock.on('POST', '/line/1/messages', () => ({ status: 500, body: E500 }));
			const result = await runInfobip(infobip.mock, send({ schedule: { bulkId: 'bulk-42' } }));

			expect(sendRequests(infobip.mock)).toHaveLength(1);
			expect(mockWaits).toEqual([]);
			expect(result.error?.httpCode).toBe('500');
			expect(result.error?.message).toBe('Infobip API error 500 (E500): Something went wrong.');
			expect(result.error?.description).toContain(MAYBE_SENT);
			expect(result.error?.description).toContain(
				'Before sending again, look for delivery reports with bulk ID bulk-42 (Delivery Report → Get Many).',
			);
		},
		IO,
	);

	it(
		'without a bulk ID the hint names the message IDs, or suggests setting one',
		async () => {
			infobip.mock.on('POST', '/line/1/messages', () => ({ status: 503, body: E500 }));
			const withIds = await runInfobip(
				infobip.mock,
				send({
					destinations: {
						destination: [
							{ to: PHONE, messageId: 'm-1' },
							{ to: '66800000001', messageId: 'm-2' },
						],
					},
				}),
			);
			expect(shown(withIds)).toContain('delivery reports of message ID m-1 (and 1 more)');
			const without = await runInfobip(infobip.mock, send());
			expect(shown(without)).toContain('Set Schedule → Bulk ID (or message IDs) on sends');
			expect(sendRequests(infobip.mock)).toHaveLength(2);
		},
		IO,
	);

	it(
		'a connection dropped after the request arrived: exactly one request',
		async () => {
			infobip.mock.on('POST', '/line/1/messages', () => ({ status: 0, destroy: true }));
			const result = await runInfobip(infobip.mock, send({ schedule: { bulkId: 'bulk-9' } }));

			expect(sendRequests(infobip.mock)).toHaveLength(1);
			expect(mockWaits).toEqual([]);
			expect(result.error?.message).toBe('No answer from Infobip');
			expect(result.error?.description).toContain('Network error: ECONNRESET');
			expect(result.error?.description).toContain(MAYBE_SENT);
			expect(result.error?.description).toContain('delivery reports with bulk ID bulk-9');
		},
		IO,
	);

	it(
		'a dropped connection: one connection only, for a send and for a delivery-report read (reports are handed out once)',
		async () => {
			let connections = 0;
			const server = net.createServer((socket) => {
				connections++;
				socket.destroy();
			});
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			try {
				const { port } = server.address() as AddressInfo;
				const credentials = {
					...apiKeyCredential(infobip.mock),
					data: { authType: 'apiKey', apiKey: 'k', baseUrl: `http://127.0.0.1:${port}` },
				};
				const sent = await runInfobip(infobip.mock, send(), { credentials });
				expect(connections).toBe(1);
				expect(sent.error?.message).toBe('No answer from Infobip');
				expect(shown(sent)).toMatch(/Network error: E[A-Z]+/);
				expect(shown(sent)).toContain(MAYBE_SENT);

				connections = 0;
				const read = await runInfobip(infobip.mock, reports(), { credentials });
				expect(connections).toBe(1);
				expect(mockWaits).toEqual([]);
				expect(read.error?.description).toContain(
					'what it handed out in the lost answer may not be handed out again',
				);
				expect(shown(read)).not.toContain('may have been sent');
			} finally {
				await new Promise<void>((resolve) => server.close(() => resolve()));
			}
		},
		IO,
	);

	it(
		'a refused connection is tried again (nothing arrived) and then says it was not sent',
		async () => {
			const credentials = {
				...apiKeyCredential(infobip.mock),
				data: {
					authType: 'apiKey',
					apiKey: 'k',
					baseUrl: `http://127.0.0.1:${await closedPort()}`,
				},
			};
			const result = await runInfobip(infobip.mock, send({ schedule: { bulkId: 'bulk-10' } }), {
				credentials,
			});
			expect(result.error?.message).toBe('No answer from Infobip');
			expect(result.error?.description).toContain('Network error: ECONNREFUSED');
			expect(result.error?.description).toContain(
				'No connection to Infobip (3 attempts): the request was not sent.',
			);
			expect(shown(result)).not.toContain('may have been sent');
			expect(shown(result)).not.toContain('look for delivery reports');
			expect(mockWaits).toHaveLength(2);
		},
		IO,
	);
});

describe('delivery-report reads (Infobip hands each report out once)', () => {
	it(
		'a 500 on Get Delivery Reports is not repeated, so no report is skipped unseen; a 429 is',
		async () => {
			infobip.mock.addReports([deliveryReport({ messageId: 'm-1' })]);
			infobip.mock.once('GET', '/line/1/reports', () => ({ status: 500, body: E500 }));
			const failed = await runInfobip(infobip.mock, reports());
			expect(reportRequests(infobip.mock).map((r) => r.response.status)).toEqual([500]);
			expect(mockWaits).toEqual([]);
			expect(failed.error?.description).toContain('may not be handed out again');

			infobip.mock.once('GET', '/line/1/reports', () => ({ status: 429, body: E500 }));
			const items = await runInfobipOk(infobip.mock, reports());
			expect(reportRequests(infobip.mock).map((r) => r.response.status)).toEqual([500, 429, 200]);
			expect(items.map((item) => item.json.messageId)).toEqual(['m-1']);
		},
		IO,
	);

	it(
		'a 401 is not repeated by the node (n8n-core itself re-sends any request once after a 401)',
		async () => {
			const result = await runInfobip(infobip.mock, reports(), {
				credentials: apiKeyCredential(infobip.mock, 'wrong'),
			});
			// n8n-core's httpRequestWithAuthentication repeats a request answered 401 once, to refresh
			// expirable credentials; a 401 means Infobip did nothing, so this is harmless even for sends.
			expect(reportRequests(infobip.mock)).toHaveLength(2);
			expect(mockWaits).toEqual([]);
			expect(result.error?.httpCode).toBe('401');
			expect(result.error?.description).toContain(
				'Infobip refused the request: it was not carried out.',
			);
		},
		IO,
	);
});
