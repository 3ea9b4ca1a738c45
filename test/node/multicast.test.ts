import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { MockRequest } from '../support/mockLine';
import {
	apiRequests,
	builder,
	GROUP,
	header,
	hello,
	HELLO,
	runLine,
	runLineOk,
	USER,
	USER_2,
	useMockLine,
	userIds,
	UUID,
} from './fixtures';

/** Multicasts of any size: de-duplicated, split into requests of 500, optionally combined across items. */

const line = useMockLine();

const multicast = (parameters: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation: 'sendMulticast',
	...hello,
	...parameters,
});

const recipientsOf = (request: MockRequest) => (request.body as { to: string[] }).to;

function multicasts(): MockRequest[] {
	const requests = apiRequests(line.mock);
	expect(requests.every((r) => r.operationId === 'multicast')).toBe(true);
	return requests;
}

describe('one item', () => {
	it('1,201 recipients go out as 500 + 500 + 201, each ID exactly once, one output item per request', async () => {
		const ids = userIds(1201);
		const items = await runLineOk(line.mock, multicast({ to: '={{ $json.ids }}' }), {
			input: [{ ids }],
		});

		const requests = multicasts();
		expect(requests.map((r) => recipientsOf(r).length)).toEqual([500, 500, 201]);
		expect(requests.flatMap(recipientsOf)).toEqual(ids);
		requests.forEach((r) => expect(r.body).toEqual({ to: recipientsOf(r), messages: HELLO }));
		const keys = requests.map((r) => header(r, 'x-line-retry-key'));
		keys.forEach((key) => expect(key).toMatch(UUID));
		expect(new Set(keys).size).toBe(3);

		expect(items).toEqual(
			requests.map((r) => ({
				json: {
					requestId: r.requestId,
					retryKey: header(r, 'x-line-retry-key'),
					recipientCount: recipientsOf(r).length,
					recipients: recipientsOf(r),
				},
				pairedItem: [{ item: 0 }],
			})),
		);
	});

	it('drops duplicates, whether written as text or given as a list', async () => {
		await runLineOk(
			line.mock,
			multicast({ to: `${USER}, ${USER}\n${USER_2}; ${USER}  ${USER_2}` }),
		);
		await runLineOk(line.mock, multicast({ to: '={{ $json.ids }}' }), {
			input: [{ ids: [USER_2, USER, USER_2, [USER]] }],
		});
		expect(multicasts().map(recipientsOf)).toEqual([
			[USER, USER_2],
			[USER_2, USER],
		]);
	});

	it('500 recipients after dropping duplicates fit in one request', async () => {
		const ids = userIds(500);
		await runLineOk(line.mock, multicast({ to: '={{ $json.ids }}' }), {
			input: [{ ids: [...ids, ...ids.slice(0, 50)] }],
		});
		expect(multicasts().map((r) => recipientsOf(r).length)).toEqual([500]);
	});

	it('refuses a group or room among the recipients and sends nothing', async () => {
		const result = await runLine(line.mock, multicast({ to: `${USER}, ${USER_2}, ${GROUP}` }));
		expect(result.error?.message).toMatch(
			/^to\[2\]: "C[0-9a-f]+" is a group ID, but only user IDs are allowed here.*\[item 0\]$/,
		);
		expect(line.mock.requests).toHaveLength(0);
	});

	it('sends per item without Combine All Items, each request paired with its item', async () => {
		const items = await runLineOk(line.mock, multicast({ to: '={{ $json.to }}' }), {
			input: [{ to: USER }, { to: USER }, { to: USER_2 }],
		});
		expect(multicasts().map(recipientsOf)).toEqual([[USER], [USER], [USER_2]]);
		expect(items.map((i) => i.pairedItem)).toEqual([[{ item: 0 }], [{ item: 1 }], [{ item: 2 }]]);
	});
});

describe('Combine All Items', () => {
	it('10,000 items of one recipient each → exactly 20 requests; every recipient once; pairedItem lists the items covered', async () => {
		const ids = userIds(10_000);
		const started = Date.now();
		const items = await runLineOk(
			line.mock,
			multicast({ to: '={{ $json.userId }}', options: { combineItems: true } }),
			{ input: ids.map((userId) => ({ userId })) },
		);
		const elapsed = Date.now() - started;

		const requests = multicasts();
		expect(requests).toHaveLength(20);
		requests.forEach((r) => expect(recipientsOf(r)).toHaveLength(500));
		expect(requests.flatMap(recipientsOf)).toEqual(ids);
		expect(new Set(requests.map((r) => header(r, 'x-line-retry-key'))).size).toBe(20);

		expect(items).toHaveLength(20);
		items.forEach((item, n) => {
			const covered = Array.from({ length: 500 }, (_, i) => ({ item: n * 500 + i }));
			expect(item.pairedItem).toEqual(covered);
			expect(item.json).toEqual({
				requestId: requests[n].requestId,
				retryKey: header(requests[n], 'x-line-retry-key'),
				recipientCount: 500,
				recipients: recipientsOf(requests[n]),
			});
		});
		// Budget for the engine, 10,000 expression evaluations and 20 HTTP requests.
		expect(elapsed).toBeLessThan(10_000);
	}, 30_000);

	it('a recipient of several items is sent once, and that request is paired with all of them', async () => {
		const items = await runLineOk(
			line.mock,
			multicast({ to: '={{ $json.to }}', options: { combineItems: true } }),
			{
				input: [{ to: [USER] }, { to: [USER, USER_2] }, { to: [USER_2] }],
			},
		);
		expect(multicasts().map(recipientsOf)).toEqual([[USER, USER_2]]);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('does not merge items that send different messages', async () => {
		const items = await runLineOk(
			line.mock,
			multicast({
				to: '={{ $json.to }}',
				...builder({ type: 'text', text: '={{ $json.text }}' }),
				options: { combineItems: true },
			}),
			{
				input: [
					{ to: USER, text: 'A' },
					{ to: USER_2, text: 'B' },
					{ to: USER_2, text: 'A' },
				],
			},
		);
		const bodies = multicasts().map((r) => r.body as IDataObject);
		expect(bodies).toEqual([
			{ to: [USER, USER_2], messages: [{ type: 'text', text: 'A' }] },
			{ to: [USER_2], messages: [{ type: 'text', text: 'B' }] },
		]);
		expect(items.map((i) => i.pairedItem)).toEqual([[{ item: 0 }, { item: 2 }], [{ item: 1 }]]);
	});

	it('with continueOnFail a bad item becomes an error item and the other items are combined and sent', async () => {
		const result = await runLine(
			line.mock,
			multicast({ to: '={{ $json.to }}', options: { combineItems: true } }),
			{ input: [{ to: USER }, { to: GROUP }, { to: USER_2 }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(multicasts().map(recipientsOf)).toEqual([[USER, USER_2]]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([
			[{ item: 0 }, { item: 2 }],
			{ item: 1 },
		]);
		expect(result.items[0].json.recipients).toEqual([USER, USER_2]);
		expect(result.items[1].json.error).toMatch(/^to\[0\]: .* is a group ID.*\[item 1\]$/);
	});

	it('does not merge items whose options differ', async () => {
		await runLineOk(
			line.mock,
			multicast({
				to: '={{ $json.to }}',
				options: { combineItems: true, notificationDisabled: '={{ $json.quiet }}' },
			}),
			{
				input: [
					{ to: USER, quiet: true },
					{ to: USER_2, quiet: false },
				],
			},
		);
		expect(multicasts().map((r) => r.body)).toEqual([
			{ to: [USER], messages: HELLO, notificationDisabled: true },
			{ to: [USER_2], messages: HELLO },
		]);
	});
});

describe('failures part-way', () => {
	const failSecondRequest = () => {
		let count = 0;
		line.mock.on('POST', '/v2/bot/message/multicast', () =>
			++count === 2
				? {
						status: 400,
						body: {
							message: 'The request body has 1 error(s)',
							details: [{ message: 'invalid', property: 'to[3]' }],
						},
					}
				: undefined,
		);
	};

	it('says how many requests and recipients were already sent, and sends no more', async () => {
		failSecondRequest();
		const result = await runLine(line.mock, multicast({ to: '={{ $json.ids }}' }), {
			input: [{ ids: userIds(1201) }],
		});
		expect(result.status).toBe('error');
		expect(apiRequests(line.mock)).toHaveLength(2);
		expect(result.error?.httpCode).toBe('400');
		const shown = `${result.error?.message}\n${result.error?.description}`;
		expect(shown).toContain('to[3]: invalid');
		expect(shown).toContain('Sent before this failure: 1 of 3 multicast requests (500 recipients)');
	});

	it('with continueOnFail the failed request becomes an error item with its recipients, and the rest is sent', async () => {
		failSecondRequest();
		const ids = userIds(1201);
		const result = await runLine(line.mock, multicast({ to: '={{ $json.ids }}' }), {
			input: [{ ids }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => r.response.status)).toEqual([200, 400, 200]);
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json.requestId).toBe(requests[0].requestId);
		expect(result.items[1]).toEqual({
			json: {
				error: expect.stringContaining('The request body has 1 error(s)'),
				errorDetails: expect.stringContaining('to[3]: invalid'),
				httpCode: '400',
				recipientCount: 500,
				recipients: ids.slice(500, 1000),
			},
			pairedItem: [{ item: 0 }],
		});
		expect(result.items[2].json.recipients).toEqual(ids.slice(1000));
	});
});
