import { sleep, type IDataObject, type INodeParameters } from 'n8n-workflow';

import {
	apiRequests,
	header,
	hello,
	REPLY_TOKEN,
	runLineOk,
	USER,
	USER_2,
	useMockLine,
} from './fixtures';

/** The items users get: one per input item (per request for multicast), in input order, paired. */

const line = useMockLine();

it('push: each item reports its own request ID, retry key and sent message IDs, in input order', async () => {
	const third = 'U' + 'f'.repeat(32);
	// Earlier items answer later: all three are held until all three arrived, then answered last
	// item first. The output must still follow the input.
	const input = [{ userId: USER }, { userId: USER_2 }, { userId: third }];
	const held = new Map<string, () => void>();
	line.mock.on('POST', '/v2/bot/message/push', async (request) => {
		const answered = new Promise<void>((resolve) =>
			held.set((request.body as { to: string }).to, resolve),
		);
		if (held.size === input.length) {
			for (const { userId } of [...input].reverse()) {
				held.get(userId)!();
				await new Promise((resolve) => setImmediate(resolve));
			}
		}
		await answered;
		return undefined;
	});
	const items = await runLineOk(
		line.mock,
		{ resource: 'message', operation: 'sendPush', to: '={{ $json.userId }}', ...hello },
		{ input },
	);

	const requests = apiRequests(line.mock);
	expect(items).toEqual(
		input.map(({ userId }, index) => {
			const request = requests.find((r) => (r.body as IDataObject).to === userId)!;
			return {
				json: {
					to: userId,
					requestId: request.requestId,
					retryKey: header(request, 'x-line-retry-key'),
					sentMessages: (request.response.body as IDataObject).sentMessages,
				},
				pairedItem: { item: index },
			};
		}),
	);
	expect((items[0].json.sentMessages as Array<{ id: string }>)[0].id).toMatch(/^\d+$/);
});

it('reply: request ID and sent messages, no retry key', async () => {
	const items = await runLineOk(
		line.mock,
		{ resource: 'message', operation: 'sendReply', ...hello },
		{ input: [{ replyToken: REPLY_TOKEN }, { replyToken: 'second-token' }] },
	);
	const requests = apiRequests(line.mock);
	expect(requests.map((r) => (r.body as IDataObject).replyToken)).toEqual([
		REPLY_TOKEN,
		'second-token',
	]);
	expect(items).toEqual(
		requests.map((request, index) => ({
			json: {
				requestId: request.requestId,
				sentMessages: (request.response.body as IDataObject).sentMessages,
			},
			pairedItem: { item: index },
		})),
	);
});

describe.each<[string, INodeParameters]>([
	['message/sendBroadcast', { resource: 'message', operation: 'sendBroadcast', ...hello }],
	['message/sendNarrowcast', { resource: 'message', operation: 'sendNarrowcast', ...hello }],
	[
		'message/validate',
		{ resource: 'message', operation: 'validate', messageKind: 'multicast', ...hello },
	],
	[
		'chat/showLoadingAnimation',
		{ resource: 'chat', operation: 'showLoadingAnimation', chatId: USER, loadingSeconds: 5 },
	],
	['quota/getMessageQuota', { resource: 'quota', operation: 'getMessageQuota' }],
	['quota/getQuotaConsumption', { resource: 'quota', operation: 'getQuotaConsumption' }],
	[
		'quota/getNumberOfSentMessages',
		{
			resource: 'quota',
			operation: 'getNumberOfSentMessages',
			messageKind: 'push',
			date: '20261122',
		},
	],
	['bot/getBotInfo', { resource: 'bot', operation: 'getBotInfo' }],
])('%s', (_name, parameters) => {
	it('gives one item per input item, paired and in order', async () => {
		const items = await runLineOk(line.mock, parameters, { input: [{ n: 0 }, { n: 1 }, { n: 2 }] });
		const requests = apiRequests(line.mock);
		expect(requests).toHaveLength(3);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		if ('requestId' in items[0].json) {
			expect(items.map((i) => i.json.requestId)).toEqual(requests.map((r) => r.requestId));
		}
	});
});

it('quota consumption and sent-message counts are what LINE answers', async () => {
	await runLineOk(line.mock, {
		resource: 'message',
		operation: 'sendMulticast',
		to: `${USER},${USER_2}`,
		...hello,
	});
	const [consumption] = await runLineOk(line.mock, {
		resource: 'quota',
		operation: 'getQuotaConsumption',
	});
	expect(consumption.json).toEqual({ totalUsage: 2 });
	const [count] = await runLineOk(line.mock, {
		resource: 'quota',
		operation: 'getNumberOfSentMessages',
		messageKind: 'multicast',
		date: '2026-11-22',
	});
	expect(count.json).toEqual({
		messageKind: 'multicast',
		date: '20261122',
		status: 'ready',
		success: 1,
	});
});

it('the default date of Get Number of Sent Messages is yesterday as yyyyMMdd', async () => {
	const [item] = await runLineOk(line.mock, {
		resource: 'quota',
		operation: 'getNumberOfSentMessages',
		messageKind: 'reply',
	});
	const [request] = apiRequests(line.mock);
	expect(request.query.date).toMatch(/^\d{8}$/);
	expect(item.json.date).toBe(request.query.date);
	const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
	const nearby = [-1, 0, 1].map((shift) =>
		new Date(yesterday.getTime() + shift * 24 * 3600 * 1000)
			.toISOString()
			.slice(0, 10)
			.replace(/-/g, ''),
	);
	expect(nearby).toContain(request.query.date);
});

describe('push in parallel', () => {
	const pushTo = (parallelRequests?: number) => ({
		resource: 'message',
		operation: 'sendPush',
		to: '={{ $json.to }}',
		messagesInput: 'builder',
		messages: { message: [{ type: 'text', text: '={{ $json.text }}' }] },
		options: parallelRequests === undefined ? {} : { parallelRequests },
	});

	it('sends to different chats at once, but to one chat one after another, in item order', async () => {
		let inFlight = 0;
		let peak = 0;
		const inFlightTo = new Set<string>();
		const overlapping: string[] = [];
		// The first push is held until a second one arrives (to another chat: sent at once).
		let secondArrived!: () => void;
		const second = new Promise<void>((resolve) => (secondArrived = resolve));
		line.mock.on('POST', '/v2/bot/message/push', async (request) => {
			const { to } = request.body as { to: string };
			if (inFlightTo.has(to)) overlapping.push(to);
			inFlightTo.add(to);
			inFlight++;
			peak = Math.max(peak, inFlight);
			if (inFlight > 1) secondArrived();
			else await second;
			await new Promise((resolve) => setImmediate(resolve));
			inFlight--;
			inFlightTo.delete(to);
			return undefined;
		});
		const third = 'U' + 'e'.repeat(32);
		const input = [USER, USER, USER_2, USER, third, USER_2, USER].map((to, n) => ({
			to,
			text: `m${n}`,
		}));
		const items = await runLineOk(line.mock, pushTo(), { input });

		expect(items.map((item) => item.json.to)).toEqual(input.map((i) => i.to));
		expect(overlapping).toEqual([]);
		expect(peak).toBeGreaterThan(1);
		const textsTo = (to: string) =>
			apiRequests(line.mock)
				.filter((r) => (r.body as { to: string }).to === to)
				.map((r) => (r.body as { messages: Array<{ text: string }> }).messages[0].text);
		expect(textsTo(USER)).toEqual(['m0', 'm1', 'm3', 'm6']);
		expect(textsTo(USER_2)).toEqual(['m2', 'm5']);
	});

	it('with Requests in Parallel = 1 sends strictly one at a time', async () => {
		let inFlight = 0;
		let peak = 0;
		line.mock.on('POST', '/v2/bot/message/push', async () => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			// Gives a second request the chance to arrive meanwhile, were the limit ignored.
			await sleep(5);
			inFlight--;
			return undefined;
		});
		const input = [USER, USER_2, 'U' + 'e'.repeat(32)].map((to) => ({ to, text: 'hi' }));
		await runLineOk(line.mock, pushTo(1), { input });
		expect(peak).toBe(1);
	});
});
