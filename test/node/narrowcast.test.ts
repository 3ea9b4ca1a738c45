import type { INodeParameters } from 'n8n-workflow';

import {
	apiRequests,
	header,
	hello,
	HELLO,
	runLine,
	runLineOk,
	useMockLine,
	UUID,
} from './fixtures';

/** Narrowcast: recipient, filter and limit reach LINE; the request ID feeds Get Narrowcast Progress. */

const line = useMockLine();

const narrowcast = (parameters: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation: 'sendNarrowcast',
	...hello,
	...parameters,
});

const RECIPIENT = {
	type: 'operator',
	and: [
		{ type: 'audience', audienceGroupId: 5614991017776 },
		{
			type: 'operator',
			not: { type: 'redelivery', requestId: '5b59509c-c57b-11e9-aa8c-2a2ae2dbcce4' },
		},
	],
};

const FILTER = {
	type: 'operator',
	and: [
		{ type: 'gender', oneOf: ['male', 'female'] },
		{ type: 'age', gte: 'age_20', lt: 'age_25' },
		{
			type: 'operator',
			or: [
				{ type: 'appType', oneOf: ['android'] },
				{ type: 'area', oneOf: ['jp_08', 'jp_09'] },
			],
		},
		{ type: 'subscriptionPeriod', gte: 'day_7', lt: 'day_30' },
	],
};

describe('send narrowcast', () => {
	it('sends operator recipient, demographic filter and limit exactly as given', async () => {
		const items = await runLineOk(
			line.mock,
			narrowcast({
				recipient: JSON.stringify(RECIPIENT),
				demographic: JSON.stringify(FILTER),
				options: { max: 250 },
			}),
		);
		const [request] = apiRequests(line.mock);
		expect(request.operationId).toBe('narrowcast');
		expect(request.body).toEqual({
			messages: HELLO,
			recipient: RECIPIENT,
			filter: { demographic: FILTER },
			limit: { max: 250 },
		});
		expect(header(request, 'x-line-retry-key')).toMatch(UUID);
		expect(items).toEqual([
			{
				json: { requestId: request.requestId, retryKey: header(request, 'x-line-retry-key') },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('takes recipient and filter objects from expressions, per item', async () => {
		await runLineOk(
			line.mock,
			narrowcast({ recipient: '={{ $json.recipient }}', demographic: '={{ $json.filter }}' }),
			{
				input: [
					{
						recipient: { type: 'audience', audienceGroupId: 1 },
						filter: { type: 'gender', oneOf: ['female'] },
					},
					{
						recipient: { type: 'audience', audienceGroupId: 2 },
						filter: { type: 'age', gte: 'age_30' },
					},
				],
			},
		);
		expect(apiRequests(line.mock).map((r) => r.body)).toEqual([
			{
				messages: HELLO,
				recipient: { type: 'audience', audienceGroupId: 1 },
				filter: { demographic: { type: 'gender', oneOf: ['female'] } },
			},
			{
				messages: HELLO,
				recipient: { type: 'audience', audienceGroupId: 2 },
				filter: { demographic: { type: 'age', gte: 'age_30' } },
			},
		]);
	});

	it.each<[string, INodeParameters, RegExp]>([
		[
			'forbidPartialDelivery without upToRemainingQuota',
			narrowcast({ options: { forbidPartialDelivery: true } }),
			/^limit\.forbidPartialDelivery: only works together with "Up To Remaining Quota"/,
		],
		[
			'an age filter without gte or lt',
			narrowcast({ demographic: '{ "type": "age" }' }),
			/^filter\.demographic: a "age" filter needs "gte", "lt" or both/,
		],
		[
			'an operator with both and and or',
			narrowcast({
				recipient: JSON.stringify({
					type: 'operator',
					and: [RECIPIENT.and[0]],
					or: [RECIPIENT.and[0]],
				}),
			}),
			/^recipient: an operator needs exactly one of "and", "or" or "not" \(found and, or\)/,
		],
		[
			'an audience without its ID',
			narrowcast({ recipient: '{ "type": "audience" }' }),
			/^recipient\.audienceGroupId: is required/,
		],
		[
			'a recipient that is an array',
			narrowcast({ recipient: '[]' }),
			/^recipient: must be a JSON object, got an array/,
		],
	])('refuses %s before sending', async (_name, parameters, message) => {
		const result = await runLine(line.mock, parameters);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.message).toMatch(/\[item 0\]$/);
		expect(line.mock.requests).toHaveLength(0);
	});
});

describe('send narrowcast to the Audience field', () => {
	const picked = (value: string) => ({ __rl: true, mode: 'list', value });
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });

	it('sends to the audience of each item, "and" the Recipient JSON when there is one', async () => {
		const items = await runLineOk(
			line.mock,
			narrowcast({
				audienceGroupId: byId('={{ $json.audience }}'),
				recipient: '={{ $json.recipient }}',
			}),
			{
				input: [
					{ audience: '111' },
					{ audience: 222, recipient: { type: 'redelivery', requestId: 'r-1' } },
				],
			},
		);
		expect(items).toHaveLength(2);
		expect(apiRequests(line.mock).map((request) => request.body)).toEqual([
			{ messages: HELLO, recipient: { type: 'audience', audienceGroupId: 111 } },
			{
				messages: HELLO,
				recipient: {
					type: 'operator',
					and: [
						{ type: 'audience', audienceGroupId: 222 },
						{ type: 'redelivery', requestId: 'r-1' },
					],
				},
			},
		]);
	});

	it('takes an audience picked from the list, and a plain ID of an older workflow', async () => {
		await runLineOk(line.mock, narrowcast({ audienceGroupId: picked('5614991017776') }));
		await runLineOk(line.mock, narrowcast({ audienceGroupId: ' 5614991017776 ' }));
		expect(apiRequests(line.mock).map((request) => request.body)).toEqual([
			{ messages: HELLO, recipient: { type: 'audience', audienceGroupId: 5614991017776 } },
			{ messages: HELLO, recipient: { type: 'audience', audienceGroupId: 5614991017776 } },
		]);
	});

	it('leaves the recipient out when no audience is chosen (the default)', async () => {
		await runLineOk(line.mock, narrowcast({ audienceGroupId: picked('') }));
		expect(apiRequests(line.mock)[0].body).toEqual({ messages: HELLO });
	});

	it('fails the item whose audience expression comes out empty instead of sending to every friend', async () => {
		const result = await runLine(
			line.mock,
			narrowcast({ audienceGroupId: byId('={{ $json.audience }}') }),
			{ input: [{ audience: '333' }, { other: true }], continueOnFail: true },
		);
		expect(result.items.map((item) => item.json.error ?? 'sent')).toEqual([
			'sent',
			'audienceGroupId: is empty [item 1]',
		]);
		expect(apiRequests(line.mock).map((request) => request.body)).toEqual([
			{ messages: HELLO, recipient: { type: 'audience', audienceGroupId: 333 } },
		]);
	});

	it('a typed ID that is not a number: n8n refuses the workflow with the By ID hint, nothing is sent', async () => {
		await expect(
			runLine(line.mock, narrowcast({ audienceGroupId: byId('Spring sale') })),
		).rejects.toThrow('Not an audience ID: a whole number such as 1234567890123');
		expect(line.mock.requests).toHaveLength(0);
	});

	it('an expression that gives no number: the node refuses the item before sending', async () => {
		const result = await runLine(
			line.mock,
			narrowcast({ audienceGroupId: byId('={{ $json.audience }}') }),
			{ input: [{ audience: 'Spring sale' }] },
		);
		expect(result.error?.message).toBe(
			'audienceGroupId: "Spring sale" is not an audience ID (a whole number, e.g. 1234567890123) [item 0]',
		);
		expect(line.mock.requests).toHaveLength(0);
	});
});

describe('get narrowcast progress', () => {
	it("follows a narrowcast by the request ID the send returned (LINE's x-line-request-id)", async () => {
		const [sent] = await runLineOk(
			line.mock,
			narrowcast({ recipient: '{ "type": "audience", "audienceGroupId": 42 }' }),
		);
		const narrowcastRequest = apiRequests(line.mock)[0];
		expect(sent.json.requestId).toBe(narrowcastRequest.requestId);

		// Default parameters: the Request ID is read from the incoming item ({{ $json.requestId }}).
		const progress = await runLineOk(
			line.mock,
			{ resource: 'message', operation: 'getNarrowcastProgress' },
			{ input: [sent.json] },
		);
		const progressRequest = apiRequests(line.mock)[1];
		expect(progressRequest.method).toBe('GET');
		expect(progressRequest.path).toBe('/v2/bot/message/progress/narrowcast');
		expect(progressRequest.query).toEqual({ requestId: narrowcastRequest.requestId });
		expect(progress).toEqual([
			{
				json: {
					requestId: narrowcastRequest.requestId,
					phase: 'succeeded',
					successCount: 1,
					failureCount: 0,
					targetCount: 1,
					acceptedTime: expect.any(String),
					completedTime: expect.any(String),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it("an unknown request ID gives LINE's 404 as the error", async () => {
		const result = await runLine(line.mock, {
			resource: 'message',
			operation: 'getNarrowcastProgress',
			requestId: 'no-such-request',
		});
		expect(result.error).toMatchObject({
			httpCode: '404',
			message: expect.stringContaining('Not found'),
		});
		expect(apiRequests(line.mock)[0].query).toEqual({ requestId: 'no-such-request' });
	});
});
