import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode, type RunControl } from '../support/engine';
import { startMockLine, type MockLine, type MockRequest } from '../support/mockLine';
import { spendWaitsForReal, useRecordedWaits } from '../support/waits';
import {
	apiRequests,
	builder,
	header,
	hello,
	nodeType,
	REPLY_TOKEN,
	runLine,
	tokenCredential,
	USER,
	useMockLine,
	userIds,
} from './fixtures';

/**
 * The delivery engine against a LINE that misbehaves: rate limits, server errors, dropped
 * connections (also after carrying the request out), hangs; and n8n's own retries. What must
 * hold: every message is delivered exactly once, every input item is accounted for.
 */

const line = useMockLine();

jest.mock('n8n-workflow', () => jest.requireActual('../support/waits').workflowWithRecordedSleep());
const mockWaits = useRecordedWaits();

const LONG = 180_000;

/** One input item per message: `{ userId, text }` with a text naming the item. */
function campaign(count: number): IDataObject[] {
	return userIds(count).map((userId, index) => ({ userId, text: `Message ${index}` }));
}

const pushCampaign = (delivery: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendPush',
	to: '={{ $json.userId }}',
	...builder({ type: 'text', text: '={{ $json.text }}' }),
	delivery,
});

/** How often LINE delivered each text (a push's first message). */
function deliveredTexts(deliveries: MockRequest[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const request of deliveries) {
		const text = (request.body as { messages: Array<{ text: string }> }).messages[0].text;
		counts.set(text, (counts.get(text) ?? 0) + 1);
	}
	return counts;
}

function expectEachOnce(counts: Map<string | number, number>, expected: Array<string | number>) {
	const wrong = [...counts].filter(([, count]) => count !== 1);
	expect(wrong).toEqual([]);
	expect([...counts.keys()].sort()).toEqual([...expected].sort());
}

const ALL_FAULTS = {
	rateLimit: 0.02,
	rateLimitRetryAfter: 0.01,
	serverError: 0.02,
	unavailable: 0.01,
	resetBeforeAnswer: 0.01,
	acceptThenDrop: 0.02,
	hang: 0.001,
};

describe('through every kind of fault', () => {
	it(
		'10,000 pushes: each message delivered exactly once, every item one output item',
		async () => {
			line.mock.injectFaults({ seed: 11, rates: ALL_FAULTS, hangMs: 5_000 });
			const input = campaign(10_000);
			const result = await runLine(line.mock, pushCampaign({ maxAttempts: 10, timeout: 1 }), {
				input,
			});
			expect(result.error).toBeUndefined();

			const faults = line.mock.faultCounts();
			for (const kind of Object.keys(ALL_FAULTS)) expect(faults).toHaveProperty(kind);
			expectEachOnce(
				deliveredTexts(line.mock.deliveries()),
				input.map(({ text }) => text as string),
			);

			expect(result.items).toHaveLength(10_000);
			result.items.forEach((item, index) => {
				expect(item.pairedItem).toEqual({ item: index });
				expect(item.json.to).toBe(input[index].userId);
			});
			// Where LINE carried a push out and the answer was lost, the retry with the same key got
			// 409: exactly the items LINE answered 409 are reported alreadyAccepted, and every lost
			// answer is among them. (On a slow machine an answer LINE did send can also come too late
			// for the 1 s timeout: that push is then retried and gets its 409 the same way.)
			const toOf = (request: MockRequest) => (request.body as { to: string }).to;
			const lostAnswers = line.mock
				.deliveries()
				.filter((request) => request.fault === 'acceptThenDrop')
				.map(toOf);
			const conflicts = line.mock
				.requestsTo('POST', '/v2/bot/message/push')
				.filter((request) => request.response.status === 409)
				.map(toOf);
			const accepted = result.items
				.filter((item) => item.json.alreadyAccepted === true)
				.map((item) => item.json.to as string);
			expect(lostAnswers.length).toBeGreaterThan(0);
			expect(accepted.sort()).toEqual([...new Set(conflicts)].sort());
			expect(accepted).toEqual(expect.arrayContaining(lostAnswers));
			// Retry-After: 1 was waited out as one second.
			expect(mockWaits).toContain(1000);
			expect(line.mock.invalidRequests()).toEqual([]);
		},
		LONG,
	);

	it(
		'a 10,000-recipient multicast (Combine All Items): each recipient exactly once, one output item per input item',
		async () => {
			line.mock.injectFaults({ seed: 12, rates: { ...ALL_FAULTS, hang: 0.05 }, hangMs: 5_000 });
			const input = campaign(10_000);
			const result = await runLine(
				line.mock,
				{
					resource: 'message',
					operation: 'sendMulticast',
					to: '={{ $json.userId }}',
					...hello,
					options: { combineItems: true },
					delivery: { maxAttempts: 10, timeout: 1 },
				},
				{ input },
			);
			expect(result.error).toBeUndefined();

			const recipients = new Map<string, number>();
			for (const request of line.mock.deliveries()) {
				for (const id of (request.body as { to: string[] }).to) {
					recipients.set(id, (recipients.get(id) ?? 0) + 1);
				}
			}
			expectEachOnce(
				recipients,
				input.map(({ userId }) => userId as string),
			);
			expect(line.mock.deliveries()).toHaveLength(20);

			expect(result.items).toHaveLength(10_000);
			const requestIds = new Set(line.mock.deliveries().map((request) => request.requestId));
			result.items.forEach((item, index) => {
				expect(item.pairedItem).toEqual({ item: index });
				expect(item.json.recipients).toEqual([input[index].userId]);
				// The request that covered the item: the delivered one, or (409) the one LINE had accepted.
				const id = item.json.alreadyAccepted ? item.json.acceptedRequestId : item.json.requestId;
				expect(requestIds.has(id as string)).toBe(true);
			});
		},
		LONG,
	);
});

describe('rate limit (429)', () => {
	it(
		'is waited out as Retry-After says, for every request of the run, and the message goes out once',
		async () => {
			line.mock.once('POST', '/v2/bot/message/push', () => ({
				status: 429,
				body: { message: 'The API rate limit has been exceeded. Try again later.' },
				headers: { 'retry-after': '3' },
			}));
			const result = await runLine(line.mock, pushCampaign(), { input: campaign(1) });
			expect(result.error).toBeUndefined();
			expect(mockWaits).toEqual([3000]);
			const pushes = apiRequests(line.mock);
			expect(pushes.map((r) => r.response.status)).toEqual([429, 200]);
			expect(header(pushes[1], 'x-line-retry-key')).toBe(header(pushes[0], 'x-line-retry-key'));
		},
		LONG,
	);

	it(
		'is retried even for a reply (no retry key): LINE did not carry a 429 out',
		async () => {
			line.mock.once('POST', '/v2/bot/message/reply', () => ({
				status: 429,
				body: { message: 'The API rate limit has been exceeded. Try again later.' },
			}));
			const result = await runLine(line.mock, {
				resource: 'message',
				operation: 'sendReply',
				replyToken: REPLY_TOKEN,
				...hello,
			});
			expect(result.error).toBeUndefined();
			expect(apiRequests(line.mock).map((r) => r.response.status)).toEqual([429, 200]);
			// No Retry-After: backoff between half and all of one second.
			expect(mockWaits).toHaveLength(1);
			expect(mockWaits[0]).toBeGreaterThanOrEqual(500);
			expect(mockWaits[0]).toBeLessThanOrEqual(1000);
		},
		LONG,
	);

	it(
		'fails the item once it lasts longer than Max Wait on Rate Limit, saying so and that it was not sent',
		async () => {
			line.mock.on('POST', '/v2/bot/message/push', () => ({
				status: 429,
				body: { message: 'The API rate limit has been exceeded. Try again later.' },
				headers: { 'retry-after': '2' },
			}));
			const result = await runLine(line.mock, pushCampaign({ maxRateLimitWait: 5 }), {
				input: campaign(1),
				continueOnFail: true,
			});
			// Waits of 2 s while the total stays within 5 s; the third would exceed it.
			expect(mockWaits).toEqual([2000, 2000]);
			expect(apiRequests(line.mock)).toHaveLength(3);
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json.httpCode).toBe('429');
			expect(result.items[0].json.errorDetails).toContain('Rate limit');
			expect(result.items[0].json.errorDetails).toContain('was not sent');
		},
		LONG,
	);
});

describe('a send without a retry key (reply)', () => {
	it(
		'is not repeated when the connection drops after LINE carried it out, and says it may have been sent',
		async () => {
			line.mock.injectFaults({ seed: 1, rates: { acceptThenDrop: 1 } });
			const result = await runLine(
				line.mock,
				{ resource: 'message', operation: 'sendReply', replyToken: REPLY_TOKEN, ...hello },
				{ continueOnFail: true },
			);
			expect(apiRequests(line.mock)).toHaveLength(1);
			expect(line.mock.deliveries()).toHaveLength(1);
			expect(result.items[0].json.errorDetails).toContain('may have been sent');
			expect(result.items[0].json.errorDetails).toContain('not repeated');
		},
		LONG,
	);

	it(
		'is repeated when no connection could be made (certainly not sent)',
		async () => {
			// A port nothing listens on: connection refused, then the real LINE stand-in.
			const closed = 'http://127.0.0.1:9';
			const result = await runLine(
				line.mock,
				{
					resource: 'message',
					operation: 'sendReply',
					replyToken: REPLY_TOKEN,
					...hello,
					delivery: { maxAttempts: 2 },
				},
				{
					continueOnFail: true,
					credentials: {
						...tokenCredential(line.mock),
						data: { accessToken: 'test-channel-access-token', baseUrl: closed },
					},
				},
			);
			expect(mockWaits).toHaveLength(1);
			expect(result.items[0].json.errorDetails).toContain('No connection to LINE (2 attempts)');
			expect(result.items[0].json.errorDetails).toContain('was not sent');
		},
		LONG,
	);
});

describe('timeouts', () => {
	it(
		'a push whose answer never comes is given up after Request Timeout and sent again with the same key',
		async () => {
			line.mock.injectFaults({ seed: 3, rates: { hang: 1 }, hangMs: 10_000 });
			const run = runLine(line.mock, pushCampaign({ timeout: 1, maxAttempts: 2 }), {
				input: campaign(1),
				continueOnFail: true,
			});
			const result = await run;
			const pushes = apiRequests(line.mock);
			expect(pushes).toHaveLength(2);
			expect(header(pushes[1], 'x-line-retry-key')).toBe(header(pushes[0], 'x-line-retry-key'));
			expect(result.items[0].json.errorDetails).toContain('may have been accepted');
			expect(result.items[0].json.errorDetails).toContain('Running this again is safe');
		},
		LONG,
	);
});

describe('a run that stops part-way', () => {
	it(
		'says exactly which items were sent, counting pushes that completed after the failure',
		async () => {
			const input = campaign(40);
			line.mock.on('POST', '/v2/bot/message/push', (request) =>
				(request.body as { to: string }).to === input[5].userId
					? { status: 400, body: { message: 'The request body has 1 error(s)' } }
					: undefined,
			);
			const result = await runLine(line.mock, pushCampaign(), { input });
			expect(result.error).toBeDefined();
			const delivered = line.mock
				.deliveries()
				.map((request) =>
					input.findIndex((item) => item.userId === (request.body as IDataObject).to),
				)
				.sort((a, b) => a - b);
			const description = result.error?.description ?? '';
			expect(description).toContain(
				`This run stopped: ${delivered.length} of 40 item(s) were sent`,
			);
			expect(description).toContain('Failed: items 5 (see above).');
			const notSent = 40 - delivered.length - 1;
			if (notSent > 0) expect(description).toContain(`Not sent: ${notSent} item(s)`);
			// Nothing new starts after the failure: at most the pushes in flight (10) complete.
			expect(delivered.length).toBeLessThan(40 - 1);
		},
		LONG,
	);

	it(
		"retrying the failed execution (n8n's Retry) sends only what was not accepted",
		async () => {
			const input = campaign(40);
			let refuse = true;
			line.mock.on('POST', '/v2/bot/message/push', (request) =>
				refuse && (request.body as { to: string }).to === input[5].userId
					? { status: 400, body: { message: 'The request body has 1 error(s)' } }
					: undefined,
			);
			const parameters = pushCampaign();
			const failed = await runLine(line.mock, parameters, { input });
			expect(failed.error).toBeDefined();
			const firstRun = line.mock.deliveries().length;

			refuse = false;
			const retried = await runNode({
				nodeType,
				parameters,
				credentials: tokenCredential(line.mock),
				input,
				retryOf: failed,
			});
			expect(retried.error).toBeUndefined();
			expect(retried.run.mode).toBe('retry');
			expectEachOnce(
				deliveredTexts(line.mock.deliveries()),
				input.map(({ text }) => text as string),
			);
			const already = retried.items.filter((item) => item.json.alreadyAccepted === true);
			expect(already).toHaveLength(firstRun);
		},
		LONG,
	);
});

describe("n8n's Retry On Fail", () => {
	it(
		're-runs the node with the same keys: pushes that had gone out are reported alreadyAccepted, none is delivered twice',
		async () => {
			const input = campaign(3);
			line.mock.once('POST', '/v2/bot/message/push', (request) =>
				(request.body as { to: string }).to === input[2].userId
					? { status: 400, body: { message: 'The request body has 1 error(s)' } }
					: undefined,
			);
			const result = await runNode({
				nodeType,
				parameters: pushCampaign(),
				credentials: tokenCredential(line.mock),
				input,
				node: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
			});
			expect(result.error).toBeUndefined();
			expect(apiRequests(line.mock)).toHaveLength(6);
			expectEachOnce(
				deliveredTexts(line.mock.deliveries()),
				input.map(({ text }) => text as string),
			);
			expect(result.items.map((item: INodeExecutionData) => item.json.alreadyAccepted)).toEqual([
				true,
				true,
				undefined,
			]);
		},
		LONG,
	);
});

describe('speed limit', () => {
	it(
		'spreads the requests of a run: 20 pushes at 10 per second take at least 1.9 s from first to last',
		async () => {
			spendWaitsForReal();
			const result = await runLine(line.mock, pushCampaign({ speedLimit: 10 }), {
				input: campaign(20),
			});
			expect(result.error).toBeUndefined();
			const times = apiRequests(line.mock).map((request) => request.receivedAt);
			// A lower bound only: a busy machine can make the run slower, never faster.
			expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(1_900 - 50);
		},
		LONG,
	);
});

describe('derived retry keys', () => {
	it(
		'are UUIDs, one per item, and differ between executions',
		async () => {
			await runLine(line.mock, pushCampaign(), { input: campaign(3) });
			await runLine(line.mock, pushCampaign(), { input: campaign(3) });
			const keys = apiRequests(line.mock).map((request) => header(request, 'x-line-retry-key'));
			expect(new Set(keys).size).toBe(6);
			for (const key of keys)
				expect(key).toMatch(
					/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
				);
			expect(line.mock.deliveries()).toHaveLength(6);
		},
		LONG,
	);

	it(
		'a user-given Retry Key still wins',
		async () => {
			const key = '123e4567-e89b-12d3-a456-426614174000';
			await runLine(
				line.mock,
				{ ...pushCampaign(), options: { retryKey: key } },
				{
					input: [{ userId: USER, text: 'Hi' }],
				},
			);
			expect(header(apiRequests(line.mock)[0], 'x-line-retry-key')).toBe(key);
		},
		LONG,
	);
});

describe('cancelling the execution', () => {
	it(
		'stops the run at once: no wait goes on, nothing more is sent, the rest is reported not sent',
		async () => {
			spendWaitsForReal();
			let sawThird: () => void = () => {};
			const third = new Promise<void>((resolve) => (sawThird = resolve));
			line.mock.on('POST', '/v2/bot/message/push', () => {
				if (line.mock.requestsTo('POST', '/v2/bot/message/push').length >= 3) sawThird();
				return undefined;
			});
			let control: RunControl | undefined;
			// One push a second, every item on its own under continueOnFail: without honouring the
			// cancel, the node would go on waiting out its speed limit for another 97 items.
			void runNode({
				nodeType,
				parameters: pushCampaign({ speedLimit: 1 }),
				credentials: tokenCredential(line.mock),
				input: campaign(100),
				continueOnFail: true,
				onStarted: (started) => (control = started),
			});
			await third;
			control!.cancel();
			const [output] = (await control!.nodeSettled) ?? [];
			const sent = line.mock.deliveries().length;
			expect(apiRequests(line.mock)).toHaveLength(sent);
			expect(output).toHaveLength(100);
			const cancelled = output.filter((item) =>
				String(item.json.errorDetails ?? '').includes('The execution was cancelled'),
			);
			expect(cancelled).toHaveLength(100 - sent);
		},
		LONG,
	);
});

describe('against a rate limit of 50 sends per second', () => {
	let limited: MockLine;
	beforeEach(async () => {
		limited = await startMockLine({ rateLimitPerSecond: 50 });
	});
	afterEach(async () => await limited.close());

	it.each([
		['without a speed limit: the 429s are waited out', {}],
		['with a speed limit of 40 per second: hardly a 429', { speedLimit: 40 }],
	])(
		'200 pushes, %s, and every message arrives exactly once',
		async (_case, delivery) => {
			spendWaitsForReal();
			const input = campaign(200);
			const result = await runLine(limited, pushCampaign(delivery), { input });
			expect(result.error).toBeUndefined();
			expectEachOnce(
				deliveredTexts(limited.deliveries()),
				input.map(({ text }) => text as string),
			);
			expect(result.items).toHaveLength(200);
			expect(result.items.filter((item) => item.json.error)).toEqual([]);
		},
		LONG,
	);
});
