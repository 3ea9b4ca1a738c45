import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../support/engine';
import type { MockLine } from '../support/mockLine';
import { useRecordedWaits } from '../support/waits';
import {
	apiRequests,
	header,
	hello,
	HELLO,
	nodeType,
	REPLY_TOKEN,
	RETRY_KEY,
	runLine,
	runLineOk,
	tokenCredential,
	USER,
	USER_2,
	useMockLine,
	userIds,
	UUID,
} from './fixtures';

/**
 * Nothing sent twice: sends with a retry key are retried with the same key, LINE's "already
 * accepted" 409 is a success, and replies (single-use token, no retry key) are never repeated.
 */

const line = useMockLine();

jest.mock('n8n-workflow', () => jest.requireActual('../support/waits').workflowWithRecordedSleep());
const mockWaits = useRecordedWaits();
afterEach(() => {
	jest.restoreAllMocks();
});

/** Each recorded wait lies in its [min, max] range (in ms), and there are exactly that many. */
function expectWaitsWithin(ranges: Array<[number, number]>) {
	expect(mockWaits).toHaveLength(ranges.length);
	mockWaits.forEach((wait, n) => {
		expect(wait).toBeGreaterThanOrEqual(ranges[n][0]);
		expect(wait).toBeLessThanOrEqual(ranges[n][1]);
	});
}

/** Before the 2nd attempt and before the 3rd: between half and all of 500 ms · 2^n. */
const BEFORE_2ND: [number, number] = [250, 500];
const BEFORE_3RD: [number, number] = [500, 1000];

const shown = (error?: { message: string; description?: string | null }) =>
	`${error?.message}\n${error?.description ?? ''}`;

const SERVER_ERROR = { status: 500, body: { message: 'An error occurred in the internal server' } };

interface RetryKeyedSend {
	operation: string;
	parameters: INodeParameters;
	path: string;
}

const retryKeyedSends: RetryKeyedSend[] = [
	{ operation: 'sendPush', parameters: { to: USER }, path: '/v2/bot/message/push' },
	{
		operation: 'sendMulticast',
		parameters: { to: `${USER},${USER_2}` },
		path: '/v2/bot/message/multicast',
	},
	{ operation: 'sendBroadcast', parameters: {}, path: '/v2/bot/message/broadcast' },
	{ operation: 'sendNarrowcast', parameters: {}, path: '/v2/bot/message/narrowcast' },
];

const sendParameters = (
	{ operation, parameters }: RetryKeyedSend,
	options: INodeParameters = {},
): INodeParameters => ({
	resource: 'message',
	operation,
	...parameters,
	...hello,
	options,
});

describe.each(retryKeyedSends.map((send) => [send.operation, send] as const))(
	'%s',
	(_operation, send) => {
		it('is retried after a 500 with the same X-Line-Retry-Key, and succeeds', async () => {
			line.mock.once('POST', send.path, () => SERVER_ERROR);
			const items = await runLineOk(line.mock, sendParameters(send));

			const requests = apiRequests(line.mock);
			expect(requests.map((r) => r.response.status)).toEqual([500, expect.any(Number)]);
			expect(requests[1].response.status).toBeLessThan(300);
			const keys = requests.map((r) => header(r, 'x-line-retry-key'));
			expect(keys[0]).toMatch(UUID);
			expect(keys[1]).toBe(keys[0]);
			expect(requests[1].body).toEqual(requests[0].body);
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({ requestId: requests[1].requestId, retryKey: keys[0] });
			expect(items[0].json.alreadyAccepted).toBeUndefined();
			expectWaitsWithin([BEFORE_2ND]);
		});

		it("reports LINE's 409 for an already accepted key as a success with the accepted request ID", async () => {
			line.mock.once('POST', send.path, () => ({
				status: 409,
				body: { message: 'The retry key is already accepted' },
				headers: { 'x-line-accepted-request-id': 'accepted-request-1' },
			}));
			const items = await runLineOk(line.mock, sendParameters(send));

			const [request] = apiRequests(line.mock);
			expect(apiRequests(line.mock)).toHaveLength(1);
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				requestId: request.requestId,
				retryKey: header(request, 'x-line-retry-key'),
				alreadyAccepted: true,
				acceptedRequestId: 'accepted-request-1',
			});
			expect(items[0].json.error).toBeUndefined();
		});

		it('when the first answer was lost and LINE had accepted it, the retry reports "already accepted"', async () => {
			line.mock
				.once('POST', send.path, () => SERVER_ERROR)
				.once('POST', send.path, () => ({
					status: 409,
					body: { message: 'The retry key is already accepted' },
					headers: { 'x-line-accepted-request-id': 'first-attempt' },
				}));
			const items = await runLineOk(line.mock, sendParameters(send));
			const requests = apiRequests(line.mock);
			expect(requests).toHaveLength(2);
			expect(header(requests[1], 'x-line-retry-key')).toBe(header(requests[0], 'x-line-retry-key'));
			expect(items[0].json).toMatchObject({
				alreadyAccepted: true,
				acceptedRequestId: 'first-attempt',
			});
		});

		it('sends the Retry Key option as given', async () => {
			const items = await runLineOk(line.mock, sendParameters(send, { retryKey: RETRY_KEY }));
			const [request] = apiRequests(line.mock);
			expect(header(request, 'x-line-retry-key')).toBe(RETRY_KEY);
			expect(items[0].json.retryKey).toBe(RETRY_KEY);
		});

		it('turns a Retry Key that is text into a UUID: the same text, the same key in another run, another text another key', async () => {
			const first = await runLineOk(line.mock, sendParameters(send, { retryKey: 'alert-1234' }));
			const [request] = apiRequests(line.mock);
			const key = header(request, 'x-line-retry-key');
			expect(key).toMatch(UUID);
			expect(first[0].json.retryKey).toBe(key);

			line.mock.reset();
			await runLineOk(line.mock, sendParameters(send, { retryKey: 'alert-1234' }));
			expect(header(apiRequests(line.mock)[0], 'x-line-retry-key')).toBe(key);

			line.mock.reset();
			await runLineOk(line.mock, sendParameters(send, { retryKey: 'alert-1235' }));
			const other = header(apiRequests(line.mock)[0], 'x-line-retry-key');
			expect(other).toMatch(UUID);
			expect(other).not.toBe(key);
		});

		it('a second run with the same text key is recognised by LINE: reported as already accepted, not delivered twice', async () => {
			await runLineOk(line.mock, sendParameters(send, { retryKey: 'spring-sale/U1' }));
			// The mock keeps what it accepted between runs, as LINE keeps keys for 24 hours.
			const again = await runLineOk(
				line.mock,
				sendParameters(send, { retryKey: 'spring-sale/U1' }),
			);
			const requests = apiRequests(line.mock);
			expect(requests).toHaveLength(2);
			expect(requests[0].response.status).toBeGreaterThanOrEqual(200);
			expect(requests[0].response.status).toBeLessThan(300);
			expect(requests[1].response.status).toBe(409);
			expect(again[0].json).toMatchObject({ alreadyAccepted: true });
		});
	},
);

describe('retries', () => {
	it('gives up after three attempts, every attempt with the same key, and says a rerun is safe', async () => {
		line.mock.on('POST', '/v2/bot/message/push', () => SERVER_ERROR);
		const result = await runLine(line.mock, sendParameters(retryKeyedSends[0]));
		const requests = apiRequests(line.mock);
		expect(requests).toHaveLength(3);
		const keys = requests.map((r) => header(r, 'x-line-retry-key'));
		expect(keys[0]).toMatch(UUID);
		expect(new Set(keys).size).toBe(1);
		requests.forEach((r) => expect(r.body).toEqual(requests[0].body));
		expectWaitsWithin([BEFORE_2ND, BEFORE_3RD]);
		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({
			message: expect.stringContaining('An error occurred in the internal server'),
			httpCode: '500',
		});
		const text = shown(result.error);
		expect(text).toContain(
			'No reliable answer from LINE (3 attempts): the message may have been accepted. Running this again is safe',
		);
		expect(text).toContain('This run stopped: 0 of 1 item(s) were sent.');
		expect(text).toContain('Failed: items 0 (see above).');
	});

	it('the waits are jittered from half to all of 500 ms · 2^n', async () => {
		line.mock.on('POST', '/v2/bot/message/push', () => SERVER_ERROR);
		jest.spyOn(Math, 'random').mockReturnValue(0);
		await runLine(line.mock, sendParameters(retryKeyedSends[0]));
		expect(mockWaits).toEqual([250, 500]);

		line.mock.reset();
		line.mock.on('POST', '/v2/bot/message/push', () => SERVER_ERROR);
		mockWaits.length = 0;
		jest.spyOn(Math, 'random').mockReturnValue(0.999999);
		await runLine(line.mock, sendParameters(retryKeyedSends[0]));
		expect(mockWaits).toEqual([500, 1000]);
	});

	it('Delivery → Attempts per Request sets how often a request is tried', async () => {
		line.mock.on('POST', '/v2/bot/message/push', () => SERVER_ERROR);
		const five = await runLine(line.mock, {
			...sendParameters(retryKeyedSends[0]),
			delivery: { maxAttempts: 5 },
		});
		const requests = apiRequests(line.mock);
		expect(requests).toHaveLength(5);
		expect(new Set(requests.map((r) => header(r, 'x-line-retry-key'))).size).toBe(1);
		expectWaitsWithin([BEFORE_2ND, BEFORE_3RD, [1000, 2000], [2000, 4000]]);
		expect(shown(five.error)).toContain('No reliable answer from LINE (5 attempts)');

		line.mock.reset();
		line.mock.on('POST', '/v2/bot/message/push', () => SERVER_ERROR);
		mockWaits.length = 0;
		const one = await runLine(line.mock, {
			...sendParameters(retryKeyedSends[0]),
			delivery: { maxAttempts: 1 },
		});
		expect(apiRequests(line.mock)).toHaveLength(1);
		expect(mockWaits).toEqual([]);
		expect(one.error?.httpCode).toBe('500');
		expect(shown(one.error)).toContain(
			'No reliable answer from LINE: the message may have been accepted.',
		);
	});

	it('retries reads (GET) after a 503', async () => {
		line.mock.once('GET', '/v2/bot/message/quota', () => ({
			status: 503,
			body: { message: 'Service unavailable' },
		}));
		const items = await runLineOk(line.mock, { resource: 'quota', operation: 'getMessageQuota' });
		expect(apiRequests(line.mock).map((r) => r.response.status)).toEqual([503, 200]);
		expect(items[0].json).toEqual({ type: 'limited', value: 1000 });
		expectWaitsWithin([BEFORE_2ND]);
	});

	it('retries twice: a 502 and then a 504 still end in success', async () => {
		line.mock
			.once('GET', '/v2/bot/info', () => ({ status: 502, body: { message: 'Bad gateway' } }))
			.once('GET', '/v2/bot/info', () => ({ status: 504, body: { message: 'Gateway timeout' } }));
		const items = await runLineOk(line.mock, { resource: 'bot', operation: 'getBotInfo' });
		expect(apiRequests(line.mock).map((r) => r.response.status)).toEqual([502, 504, 200]);
		expect(items[0].json.displayName).toBe('Mock LINE Bot');
		expectWaitsWithin([BEFORE_2ND, BEFORE_3RD]);
	});

	it('a read that keeps failing says there was no reliable answer, without talk of messages', async () => {
		line.mock.on('GET', '/v2/bot/info', () => ({ status: 503, body: { message: 'Unavailable' } }));
		const result = await runLine(line.mock, { resource: 'bot', operation: 'getBotInfo' });
		expect(apiRequests(line.mock)).toHaveLength(3);
		const text = shown(result.error);
		expect(text).toContain('No reliable answer from LINE (3 attempts).');
		expect(text).not.toContain('message may have been');
	});

	it('does not retry a 400', async () => {
		line.mock.once('POST', '/v2/bot/message/push', () => ({
			status: 400,
			body: { message: 'Invalid reply token' },
		}));
		const result = await runLine(line.mock, sendParameters(retryKeyedSends[0]));
		expect(apiRequests(line.mock)).toHaveLength(1);
		expect(result.error?.httpCode).toBe('400');
		expect(mockWaits).toEqual([]);
		expect(shown(result.error)).toContain('LINE refused the request: it was not carried out.');
	});

	it('never repeats a reply: one request after a 500, no retry key, and the error is shown', async () => {
		line.mock.once('POST', '/v2/bot/message/reply', () => SERVER_ERROR);
		const result = await runLine(line.mock, {
			resource: 'message',
			operation: 'sendReply',
			replyToken: REPLY_TOKEN,
			...hello,
		});
		const requests = apiRequests(line.mock);
		expect(requests).toHaveLength(1);
		expect(header(requests[0], 'x-line-retry-key')).toBeUndefined();
		expect(mockWaits).toEqual([]);
		expect(result.error).toMatchObject({
			httpCode: '500',
			message: expect.stringContaining('An error occurred in the internal server'),
		});
		const text = shown(result.error);
		expect(text).toContain('No reliable answer from LINE: the message may have been sent.');
		expect(text).toContain('It was not repeated');
		expect(text).not.toContain('Running this again is safe');
	});

	it('a 409 to a request without a retry key (reply) is an error, not "already accepted"', async () => {
		line.mock.once('POST', '/v2/bot/message/reply', () => ({
			status: 409,
			body: { message: 'Conflict' },
		}));
		const result = await runLine(line.mock, {
			resource: 'message',
			operation: 'sendReply',
			replyToken: REPLY_TOKEN,
			...hello,
		});
		expect(result.error?.httpCode).toBe('409');
		expect(result.items).toEqual([]);
	});

	it('does not repeat a loading animation after a 500 (no retry key)', async () => {
		line.mock.once('POST', '/v2/bot/chat/loading/start', () => SERVER_ERROR);
		const result = await runLine(line.mock, {
			resource: 'chat',
			operation: 'showLoadingAnimation',
			chatId: USER,
			loadingSeconds: 5,
		});
		expect(apiRequests(line.mock)).toHaveLength(1);
		expect(result.error?.httpCode).toBe('500');
	});
});

describe('rate limits (429)', () => {
	const rateLimited = (headers: Record<string, string> = {}) => ({
		status: 429,
		body: { message: 'Too many requests' },
		headers,
	});

	it('waits as long as Retry-After says (seconds), then sends again with the same key', async () => {
		line.mock.once('POST', '/v2/bot/message/push', () => rateLimited({ 'retry-after': '5' }));
		const items = await runLineOk(line.mock, sendParameters(retryKeyedSends[0]));
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => r.response.status)).toEqual([429, 200]);
		expect(header(requests[1], 'x-line-retry-key')).toBe(header(requests[0], 'x-line-retry-key'));
		expect(items[0].json.requestId).toBe(requests[1].requestId);
		// The wait follows Retry-After, not the server-error backoff (at most 1 s here).
		expectWaitsWithin([[4000, 5000]]);
	});

	it('reads Retry-After as an HTTP date too', async () => {
		const at = new Date(Date.now() + 10_000).toUTCString();
		line.mock.once('POST', '/v2/bot/message/push', () => rateLimited({ 'retry-after': at }));
		await runLineOk(line.mock, sendParameters(retryKeyedSends[0]));
		expect(apiRequests(line.mock).map((r) => r.response.status)).toEqual([429, 200]);
		// The date has whole seconds: the wait is up to a second shorter than 10 s.
		expectWaitsWithin([[8000, 10_000]]);
	});

	it('without Retry-After waits a backoff of 1 s base (500 ms – 1 s, then 1–2 s)', async () => {
		line.mock.on('GET', '/v2/bot/info', () => rateLimited(), { times: 2 });
		const items = await runLineOk(line.mock, { resource: 'bot', operation: 'getBotInfo' });
		expect(apiRequests(line.mock).map((r) => r.response.status)).toEqual([429, 429, 200]);
		expect(items[0].json.displayName).toBe('Mock LINE Bot');
		expectWaitsWithin([
			[500, 1000],
			[1000, 2000],
		]);
	});

	it('a reply (no retry key) answered 429 is sent again: LINE did not carry it out', async () => {
		line.mock.once('POST', '/v2/bot/message/reply', () => rateLimited({ 'retry-after': '1' }));
		const items = await runLineOk(line.mock, {
			resource: 'message',
			operation: 'sendReply',
			replyToken: REPLY_TOKEN,
			...hello,
		});
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => r.response.status)).toEqual([429, 200]);
		expect(requests[1].body).toEqual(requests[0].body);
		expect(items[0].json.requestId).toBe(requests[1].requestId);
	});

	it('429 answers do not use up the attempts of a request', async () => {
		line.mock
			.once('POST', '/v2/bot/message/push', () => SERVER_ERROR)
			.once('POST', '/v2/bot/message/push', () => rateLimited({ 'retry-after': '1' }))
			.once('POST', '/v2/bot/message/push', () => rateLimited({ 'retry-after': '1' }))
			.once('POST', '/v2/bot/message/push', () => SERVER_ERROR);
		const items = await runLineOk(line.mock, sendParameters(retryKeyedSends[0]));
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => r.response.status)).toEqual([500, 429, 429, 500, 200]);
		expect(new Set(requests.map((r) => header(r, 'x-line-retry-key'))).size).toBe(1);
		expect(items[0].json.requestId).toBe(requests[4].requestId);
	});

	it('gives up when the waits would pass Max Wait on Rate Limit, and says the request was not sent', async () => {
		line.mock.on('POST', '/v2/bot/message/push', () => rateLimited({ 'retry-after': '6' }));
		const result = await runLine(line.mock, {
			...sendParameters(retryKeyedSends[0]),
			delivery: { maxRateLimitWait: 10 },
		});
		// 6 s are waited out; another 6 s would make 12 s > 10 s.
		expect(apiRequests(line.mock)).toHaveLength(2);
		expectWaitsWithin([[5000, 6000]]);
		expect(result.status).toBe('error');
		expect(result.error?.httpCode).toBe('429');
		const text = shown(result.error);
		expect(text).toContain('Rate limit: LINE kept answering 429');
		expect(text).toContain(
			'(10 s, Delivery → Max Wait on Rate Limit), so this request was not sent',
		);
		expect(text).toContain('This run stopped: 0 of 1 item(s) were sent.');
	});
});

describe('timeouts', () => {
	it('a push whose answer does not come within Request Timeout is sent again with the same key', async () => {
		// The first request is held back until the node has given up on it and sent again (then it
		// gets a 500); the others are answered at once.
		let retried!: () => void;
		const sentAgain = new Promise<void>((resolve) => (retried = resolve));
		let held = false;
		line.mock.on('POST', '/v2/bot/message/push', async () => {
			if (held) {
				retried();
				return undefined;
			}
			held = true;
			await sentAgain;
			return SERVER_ERROR;
		});
		const items = await runLineOk(line.mock, {
			...sendParameters(retryKeyedSends[0]),
			delivery: { timeout: 1 },
		});
		const requests = apiRequests(line.mock);
		expect(requests).toHaveLength(2);
		expect(header(requests[0], 'x-line-retry-key')).toMatch(UUID);
		expect(header(requests[1], 'x-line-retry-key')).toBe(header(requests[0], 'x-line-retry-key'));
		expect(requests[1].response.status).toBe(200);
		expect(items[0].json.requestId).toBe(requests[1].requestId);
		expectWaitsWithin([BEFORE_2ND]);
	});

	it('a reply whose answer does not come in time is not sent again, and may have been sent', async () => {
		// The reply is held back until the run has ended (the node gave up waiting), then answered.
		let runEnded!: () => void;
		const ended = new Promise<void>((resolve) => (runEnded = resolve));
		line.mock.on('POST', '/v2/bot/message/reply', async () => {
			await ended;
			return undefined;
		});
		const result = await runLine(line.mock, {
			resource: 'message',
			operation: 'sendReply',
			replyToken: REPLY_TOKEN,
			...hello,
			delivery: { timeout: 1 },
		});
		runEnded();
		expect(apiRequests(line.mock)).toHaveLength(1);
		expect(result.status).toBe('error');
		expect(shown(result.error)).toContain('the message may have been sent');
	});
});

describe('retry keys', () => {
	it("n8n's Retry On Fail sends the same key again, so LINE delivers once", async () => {
		// The node's first try fails after its three attempts; Retry On Fail runs it again.
		line.mock.on('POST', '/v2/bot/message/push', () => SERVER_ERROR, { times: 3 });
		const result = await runNode({
			nodeType,
			parameters: sendParameters(retryKeyedSends[0]),
			credentials: tokenCredential(line.mock),
			node: { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 },
		});
		expect(result.error).toBeUndefined();
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => r.response.status)).toEqual([500, 500, 500, 200]);
		const keys = requests.map((r) => header(r, 'x-line-retry-key'));
		expect(keys[0]).toMatch(UUID);
		expect(new Set(keys).size).toBe(1);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			requestId: requests[3].requestId,
			retryKey: keys[0],
		});
	});

	it('another execution of the same workflow derives other keys and is delivered again', async () => {
		const [first] = await runLineOk(line.mock, sendParameters(retryKeyedSends[0]));
		const [second] = await runLineOk(line.mock, sendParameters(retryKeyedSends[0]));
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => r.response.status)).toEqual([200, 200]);
		expect(first.json.retryKey).toMatch(UUID);
		expect(second.json.retryKey).toMatch(UUID);
		expect(second.json.retryKey).not.toBe(first.json.retryKey);
		expect(second.json.alreadyAccepted).toBeUndefined();
	});
	it('every item gets its own key', async () => {
		const items = await runLineOk(line.mock, sendParameters(retryKeyedSends[0]), {
			input: [{}, {}, {}],
		});
		const keys = apiRequests(line.mock).map((r) => header(r, 'x-line-retry-key'));
		expect(new Set(keys).size).toBe(3);
		keys.forEach((key) => expect(key).toMatch(UUID));
		expect(items.map((i) => i.json.retryKey)).toEqual(keys);
	});

	it('a second run with the same Retry Key is reported as already accepted and LINE delivers once', async () => {
		const parameters = sendParameters(retryKeyedSends[0], { retryKey: RETRY_KEY });
		const [first] = await runLineOk(line.mock, parameters);
		const [second] = await runLineOk(line.mock, parameters);
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => r.response.status)).toEqual([200, 409]);
		expect(first.json.alreadyAccepted).toBeUndefined();
		expect(second.json).toMatchObject({
			to: USER,
			retryKey: RETRY_KEY,
			alreadyAccepted: true,
			acceptedRequestId: requests[0].requestId,
			requestId: requests[1].requestId,
		});
	});

	// LINE's 409 body for push carries the `sentMessages` of the accepted request (ErrorResponse
	// in messaging-api.yml): the node passes them on.
	it('an already accepted push still reports the sentMessages LINE returns with the 409', async () => {
		const parameters = sendParameters(retryKeyedSends[0], { retryKey: RETRY_KEY });
		const [first] = await runLineOk(line.mock, parameters);
		const [second] = await runLineOk(line.mock, parameters);
		expect(apiRequests(line.mock)[1].response.body).toMatchObject({
			sentMessages: first.json.sentMessages,
		});
		expect(second.json.sentMessages).toEqual(first.json.sentMessages);
	});

	// A constant Retry Key option on a run of several items would give every item the same key:
	// LINE would deliver the first and answer 409 to the others, which must not be reported as
	// sent (the node refuses such a run before sending anything).
	it('items sharing one Retry Key are not reported as sent when LINE delivered only the first', async () => {
		const result = await runLine(
			line.mock,
			{ ...sendParameters(retryKeyedSends[0], { retryKey: RETRY_KEY }), to: '={{ $json.to }}' },
			{ input: [{ to: USER }, { to: USER_2 }] },
		);
		const delivered = apiRequests(line.mock)
			.filter((r) => r.response.status < 300)
			.map((r) => (r.body as { to: string }).to);
		const reportedAsSent = result.items
			.filter((i) => i.json.error === undefined)
			.map((i) => i.json.to);
		expect(reportedAsSent.filter((to) => !delivered.includes(to as string))).toEqual([]);
	});

	it('Combine All Items with a Retry Key: every group of messages is delivered', async () => {
		await runLine(
			line.mock,
			{
				resource: 'message',
				operation: 'sendMulticast',
				to: '={{ $json.to }}',
				messagesInput: 'builder',
				messages: { message: [{ type: 'text', text: '={{ $json.text }}' }] },
				options: { combineItems: true, retryKey: RETRY_KEY },
			},
			{
				input: [
					{ to: USER, text: 'A' },
					{ to: USER_2, text: 'B' },
				],
			},
		);
		const delivered = apiRequests(line.mock).filter((r) => r.response.status < 300);
		expect(delivered.map((r) => (r.body as { to: string[] }).to)).toEqual([[USER], [USER_2]]);
	});

	it('multicast uses the given Retry Key for its first request and keys derived from it for the others: a second run is recognised as a whole', async () => {
		const recipients = userIds(1001);
		const run = async () => {
			const items = await runLineOk(
				line.mock,
				{
					...sendParameters(retryKeyedSends[1], { retryKey: RETRY_KEY }),
					to: '={{ $json.recipients }}',
				},
				{ input: [{ recipients }] },
			);
			return items[0].json;
		};
		await run();
		const keys = apiRequests(line.mock).map((r) => header(r, 'x-line-retry-key'));
		expect(keys).toHaveLength(3);
		expect(keys[0]).toBe(RETRY_KEY);
		expect(new Set(keys).size).toBe(3);
		keys.slice(1).forEach((key) => expect(key).toMatch(UUID));

		// Another execution with the same key: the same three keys, all recognised by LINE.
		const again = await run();
		const second = apiRequests(line.mock).slice(3);
		expect(second.map((r) => header(r, 'x-line-retry-key'))).toEqual(keys);
		expect(second.map((r) => r.response.status)).toEqual([409, 409, 409]);
		expect(again).toMatchObject({ alreadyAccepted: true });
	});
});

/**
 * A TCP front for the mock that resets the first `resets` connections (ECONNRESET on the client)
 * and passes the others through.
 */
async function resettingFront(mock: MockLine, resets: number) {
	const target = new URL(mock.url);
	const state = { connections: 0 };
	const sockets = new Set<net.Socket>();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => {});
		if (state.connections++ < resets) {
			socket.once('data', () => socket.resetAndDestroy());
			return;
		}
		const upstream = net.connect(Number(target.port), target.hostname);
		upstream.on('error', () => socket.destroy());
		socket.pipe(upstream).pipe(socket);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		state,
		close: async () => {
			sockets.forEach((socket) => socket.destroy());
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

describe('connection resets', () => {
	it('a push whose connection was reset is sent again with the same key', async () => {
		const front = await resettingFront(line.mock, 1);
		try {
			const credentials = tokenCredential(line.mock);
			credentials.data.baseUrl = front.url;
			const items = await runLineOk(line.mock, sendParameters(retryKeyedSends[0]), { credentials });
			expect(front.state.connections).toBe(2);
			const requests = apiRequests(line.mock);
			expect(requests).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				requestId: requests[0].requestId,
				retryKey: header(requests[0], 'x-line-retry-key'),
			});
			expect(requests[0].body).toEqual({ to: USER, messages: HELLO });
		} finally {
			await front.close();
		}
	});

	it('a reply whose connection was reset is not sent again', async () => {
		const front = await resettingFront(line.mock, 1);
		try {
			const credentials = tokenCredential(line.mock);
			credentials.data.baseUrl = front.url;
			const result = await runLine(
				line.mock,
				{ resource: 'message', operation: 'sendReply', replyToken: REPLY_TOKEN, ...hello },
				{ credentials },
			);
			expect(front.state.connections).toBe(1);
			expect(result.status).toBe('error');
			expect(`${result.error?.message} ${result.error?.description}`).toMatch(
				/ECONNRESET|closed unexpectedly/i,
			);
		} finally {
			await front.close();
		}
	});
});
