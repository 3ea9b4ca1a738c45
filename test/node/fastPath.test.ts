import { ExecuteContext } from 'n8n-core';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import * as expressionPaths from '../../nodes/shared/expressionPaths';
import type { RunNodeResult } from '../support/engine';
import type { MockRequest } from '../support/mockLine';
import { apiRequests, builder, runLine, USER, useMockLine, userIds } from './fixtures';

/**
 * Expressions that only read the item (`{{ $json.userId }}`, `Hello {{ $json.name }}`) are answered
 * from the item instead of n8n's evaluator. Here the LINE Messaging node runs in n8n's engine twice
 * on the same items: as it is, and with that fast path switched off (every expression evaluated by
 * n8n, as before). Both runs must send the same requests and give the same items and errors, for
 * items the fast path answers and for items it leaves to n8n (missing fields, null, arrays...).
 */

const line = useMockLine();

const TEXT = '=Hello {{ $json.name }}, your order {{ $json.order.id }}';
const retryKey = (i: number) => `123e4567-e89b-12d3-a456-${i.toString(16).padStart(12, '0')}`;

/** Counts n8n's own parameter resolutions (n8n-core's getNodeParameter), per parameter name. */
function countNodeParameterCalls(): { calls: () => Map<string, number>; restore: () => void } {
	let prototype: object | null = ExecuteContext.prototype;
	while (prototype && !Object.prototype.hasOwnProperty.call(prototype, '_getNodeParameter'))
		prototype = Object.getPrototypeOf(prototype) as object | null;
	if (!prototype) throw new Error("n8n-core's execute context has no _getNodeParameter");
	// Calls the real method; only records the calls.
	const spy = jest.spyOn(
		prototype as { _getNodeParameter: (name: string, ...rest: unknown[]) => unknown },
		'_getNodeParameter',
	);
	const calls = () => {
		const counts = new Map<string, number>();
		for (const [name] of spy.mock.calls) counts.set(name, (counts.get(name) ?? 0) + 1);
		return counts;
	};
	return { calls, restore: () => spy.mockRestore() };
}

interface Outcome {
	requests: unknown[];
	items: unknown;
	error?: { message: string; description?: string | null };
	/** How many times n8n resolved each parameter. */
	calls: Map<string, number>;
}

/**
 * What a run did, with what the mock or the engine makes up per run (request IDs, sent message
 * IDs, keys derived from the execution) named after the request they belong to.
 */
function outcome(
	result: RunNodeResult,
	requests: MockRequest[],
	calls: Map<string, number>,
): Outcome {
	const label = (r: MockRequest) => `${r.method} ${r.path} ${JSON.stringify(r.body)}`;
	const names = new Map<string, string>();
	const name = (value: unknown, as: string) => {
		if (typeof value === 'string' && value !== '' && !names.has(value)) names.set(value, as);
	};
	for (const r of requests) {
		name(r.requestId, `requestId of ${label(r)}`);
		name(r.headers['x-line-retry-key'], `retryKey of ${label(r)}`);
		JSON.stringify(r.response.body, (key, value: unknown) => {
			name(value, `${key} in the answer to ${label(r)}`);
			return value;
		});
	}
	const rename = (value: unknown): unknown =>
		JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
			typeof v === 'string' && names.has(v) ? names.get(v) : v,
		);
	return {
		requests: requests
			.map((r) => ({
				call: label(r),
				retryKey: rename(r.headers['x-line-retry-key']),
				status: r.response.status,
			}))
			.sort((a, b) => a.call.localeCompare(b.call)),
		items: rename(result.items),
		error: result.error && {
			message: result.error.message,
			description: result.error.description,
		},
		calls,
	};
}

/** Runs the node once as it is, once with the fast path off; both outcomes. */
async function withAndWithout(
	parameters: INodeParameters,
	input: IDataObject[],
	continueOnFail: boolean,
): Promise<{ fast: Outcome; evaluated: Outcome }> {
	const run = async (): Promise<Outcome> => {
		line.mock.reset();
		const counter = countNodeParameterCalls();
		try {
			const result = await runLine(line.mock, parameters, { input, continueOnFail });
			expect(line.mock.invalidRequests().map((r) => [r.path, r.problems])).toEqual([]);
			return outcome(result, apiRequests(line.mock), counter.calls());
		} finally {
			counter.restore();
		}
	};
	const fast = await run();
	const off = jest.spyOn(expressionPaths, 'compilePlan').mockReturnValue(undefined);
	try {
		return { fast, evaluated: await run() };
	} finally {
		off.mockRestore();
	}
}

const isText = (value: unknown) =>
	typeof value === 'string' ||
	typeof value === 'boolean' ||
	(typeof value === 'number' && Number.isFinite(value));

const NAMES = [
	'Ann',
	'Ünïcødé 日本語 🎉👍🏽',
	'',
	'{{ $json.userId }}',
	'$json.name',
	'a "quoted" \\ back\\slash',
	'line\nbreak\ttab',
];

/** Items for a push: most answered from the item, every tenth kind left to n8n. */
function pushItems(count: number): IDataObject[] {
	return userIds(count).map((userId, i) => {
		const item: IDataObject = {
			userId,
			name: NAMES[i % NAMES.length],
			order: { id: 1000 + i },
			key: retryKey(i),
		};
		if (i % 10 === 3) delete item.name; // n8n writes a missing field as ''
		if (i % 10 === 4) item.name = null;
		if (i % 10 === 5) item.order = { id: `A-${i}` };
		if (i % 10 === 6) item.order = { id: i % 20 === 6 };
		if (i % 10 === 7) item.name = { first: 'Ann' };
		if (i % 10 === 8) item.order = [{ id: 1 }];
		if (i % 20 === 9) delete item.userId; // no recipient: an error for this item
		if (i % 20 === 19) item.userId = [userId]; // a list: n8n's answer, checked by the node
		if (i % 30 === 29) item.userId = ` ${userId}\n`;
		return item;
	});
}

const pushParameters: INodeParameters = {
	resource: 'message',
	operation: 'sendPush',
	to: '={{ $json.userId }}',
	...builder({ type: 'text', text: TEXT }),
	options: { retryKey: '={{ $json.key }}', parallelRequests: 1 },
};

/** Items 1… whose value at `read` the fast path leaves to n8n (item 0 always goes to n8n). */
const leftToN8n = (input: IDataObject[], read: (item: IDataObject) => boolean) =>
	input.slice(1).filter((item) => !read(item)).length;

describe('Send Push', () => {
	it('sends the same requests and gives the same items with the fast path as n8n evaluating every expression', async () => {
		const input = pushItems(200);
		const { fast, evaluated } = await withAndWithout(pushParameters, input, true);

		expect(fast.error).toBeUndefined();
		expect(fast.requests).toEqual(evaluated.requests);
		expect(fast.items).toEqual(evaluated.items);
		// Not vacuous: most items were sent, some failed, texts from both paths went out.
		const sent = fast.requests.length;
		expect(sent).toBeGreaterThan(150);
		expect(sent).toBeLessThan(200);
		const calls = fast.requests.map((r) => (r as { call: string }).call).join('\n');
		expect(calls).toContain('Hello Ünïcødé 日本語 🎉👍🏽, your order 1001');
		// Answered from the item (a value that looks like an expression stays text) and by n8n.
		expect(calls).toContain('"text":"Hello {{ $json.userId }}, your order 1010"');
		expect(calls).toContain('"text":"Hello , your order 1013"');
		expect(calls).toContain('"text":"Hello [object Object], your order 1017"');

		// Only the first item and those the fast path leaves to n8n were resolved by n8n.
		const userIdIsText = (item: IDataObject) => typeof item.userId === 'string';
		expect(evaluated.calls.get('to')).toBe(input.length);
		expect(fast.calls.get('to')).toBe(1 + leftToN8n(input, userIdIsText));
		const textIsPlain = (item: IDataObject) =>
			isText(item.name) && isText((item.order as IDataObject | undefined)?.id);
		expect(fast.calls.get('messages.message')).toBeLessThanOrEqual(
			1 + leftToN8n(input, textIsPlain),
		);
		expect(evaluated.calls.get('messages.message')).toBeGreaterThan(150);
		expect(fast.calls.get('options')).toBeLessThanOrEqual(2);
	});

	it('an item without a recipient stops the run before anything is sent, with the same error', async () => {
		const input: IDataObject[] = pushItems(40).map((item) => ({
			...item,
			userId: typeof item.userId === 'string' ? item.userId : USER,
		}));
		delete input[27].userId;
		const { fast, evaluated } = await withAndWithout(pushParameters, input, false);
		expect(fast.error?.message).toBeDefined();
		expect(fast.error).toEqual(evaluated.error);
		expect(fast.requests).toEqual([]);
		expect(evaluated.requests).toEqual([]);
	});
});

describe('Send Multicast, Combine All Items', () => {
	it('sends the same multicasts and gives the same items with the fast path as n8n evaluating every expression', async () => {
		const ids = userIds(1500);
		const input: IDataObject[] = ids.map((userId, i) => {
			const item: IDataObject = { userId, greeting: i % 3 === 0 ? 'Hey' : 'Hi' };
			if (i % 100 === 7) item.userId = [userId, ids[(i + 1) % ids.length]];
			if (i % 100 === 8) item.userId = `${userId}, ${ids[0]}`;
			if (i % 100 === 9) item.userId = ids[0]; // one recipient of several items
			if (i % 100 === 10) item.userId = null; // no recipient: an error for this item
			if (i % 100 === 11) delete item.greeting; // n8n writes it as ''
			if (i % 100 === 12) item.greeting = 7;
			if (i === 600) delete item.userId;
			return item;
		});
		const parameters: INodeParameters = {
			resource: 'message',
			operation: 'sendMulticast',
			to: '={{ $json.userId }}',
			...builder({ type: 'text', text: '={{ $json.greeting }} there' }),
			options: { combineItems: true },
		};
		const { fast, evaluated } = await withAndWithout(parameters, input, true);

		expect(fast.error).toBeUndefined();
		expect(fast.requests).toEqual(evaluated.requests);
		expect(fast.items).toEqual(evaluated.items);
		const calls = fast.requests.map((r) => (r as { call: string }).call);
		expect(calls.length).toBeGreaterThanOrEqual(4);
		for (const text of ['Hey there', 'Hi there', '7 there', ' there"'])
			expect(calls.some((call) => call.includes(text))).toBe(true);
		expect((fast.items as unknown[]).length).toBe(input.length);

		const userIdIsText = (item: IDataObject) => typeof item.userId === 'string';
		expect(evaluated.calls.get('to')).toBe(input.length);
		expect(fast.calls.get('to')).toBe(1 + leftToN8n(input, userIdIsText));
		expect(fast.calls.get('messages.message')).toBeLessThanOrEqual(
			1 + leftToN8n(input, (item) => isText(item.greeting)),
		);
	});
});
