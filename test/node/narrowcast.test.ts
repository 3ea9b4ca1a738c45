import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

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

describe('send narrowcast: a workflow saved before the Specify modes existed', () => {
	it('keeps sending its Audience, Recipient JSON and Demographic Filter JSON (no mode stored)', async () => {
		await runLineOk(
			line.mock,
			narrowcast({
				audienceGroupId: { __rl: true, mode: 'list', value: '111' },
				recipient: '{ "type": "redelivery", "requestId": "5b59509c-c57b-11e9-aa8c-2a2ae2dbcce4" }',
				demographic: '{ "type": "gender", "oneOf": ["female"] }',
			}),
		);
		expect(apiRequests(line.mock)[0].body).toEqual({
			messages: HELLO,
			recipient: {
				type: 'operator',
				and: [
					{ type: 'audience', audienceGroupId: 111 },
					{ type: 'redelivery', requestId: '5b59509c-c57b-11e9-aa8c-2a2ae2dbcce4' },
				],
			},
			filter: { demographic: { type: 'gender', oneOf: ['female'] } },
		});
	});

	it('the Send Narrowcast node of examples/narrowcast.json sends its age filter as before', async () => {
		const workflow = JSON.parse(
			readFileSync(path.join(__dirname, '../../examples/narrowcast.json'), 'utf8'),
		) as { nodes: Array<{ name: string; parameters: INodeParameters }> };
		const node = workflow.nodes.find((n) => n.name === 'Send Narrowcast');
		await runLineOk(line.mock, node!.parameters);
		expect(apiRequests(line.mock)[0].body).toMatchObject({
			filter: { demographic: { type: 'age', gte: 'age_20', lt: 'age_40' } },
			limit: { max: 100 },
		});
		expect(apiRequests(line.mock)[0].body).not.toHaveProperty('recipient');
	});
});

describe('send narrowcast: recipient using fields', () => {
	const picked = (value: string): INodeParameters => ({ __rl: true, mode: 'list', value });
	const byId = (value: string): INodeParameters => ({ __rl: true, mode: 'id', value });
	const audiences = (...ids: INodeParameters[]): INodeParameters => ({
		audience: ids.map((audienceGroupId) => ({ audienceGroupId })),
	});
	const REQUEST_ID = '5b59509c-c57b-11e9-aa8c-2a2ae2dbcce4';
	const fields = (parameters: INodeParameters) =>
		narrowcast({ recipientInput: 'fields', ...parameters });
	const sentRecipients = () =>
		apiRequests(line.mock).map((request) => (request.body as IDataObject).recipient);

	it('All (AND), the default: the audiences and each excluded audience in one "and"', async () => {
		await runLineOk(
			line.mock,
			fields({
				includeAudiences: audiences(picked('1'), byId('2')),
				excludeAudiences: audiences(picked('3')),
			}),
		);
		expect(sentRecipients()).toEqual([
			{
				type: 'operator',
				and: [
					{ type: 'audience', audienceGroupId: 1 },
					{ type: 'audience', audienceGroupId: 2 },
					{ type: 'operator', not: { type: 'audience', audienceGroupId: 3 } },
				],
			},
		]);
	});

	it('Any (OR): audiences and redeliveries in an "or", "and" not the excluded audiences', async () => {
		await runLineOk(
			line.mock,
			fields({
				includeAudiences: audiences(picked('1'), picked('2')),
				redeliveryRequestIds: REQUEST_ID,
				recipientCombine: 'or',
				excludeAudiences: audiences(picked('3'), picked('4')),
			}),
		);
		expect(sentRecipients()).toEqual([
			{
				type: 'operator',
				and: [
					{
						type: 'operator',
						or: [
							{ type: 'audience', audienceGroupId: 1 },
							{ type: 'audience', audienceGroupId: 2 },
							{ type: 'redelivery', requestId: REQUEST_ID },
						],
					},
					{ type: 'operator', not: { type: 'audience', audienceGroupId: 3 } },
					{ type: 'operator', not: { type: 'audience', audienceGroupId: 4 } },
				],
			},
		]);
	});

	it('one audience is sent without an operator; only exclusions send to every other friend; nothing sends to all', async () => {
		await runLineOk(line.mock, fields({ includeAudiences: audiences(picked('5614991017776')) }));
		await runLineOk(line.mock, fields({ excludeAudiences: audiences(picked('7')) }));
		await runLineOk(line.mock, fields({}));
		expect(sentRecipients()).toEqual([
			{ type: 'audience', audienceGroupId: 5614991017776 },
			{ type: 'operator', not: { type: 'audience', audienceGroupId: 7 } },
			undefined,
		]);
	});

	it('takes audiences and redeliveries of each item from expressions', async () => {
		await runLineOk(
			line.mock,
			fields({
				includeAudiences: audiences(byId('={{ $json.audience }}')),
				redeliveryRequestIds: '={{ $json.earlier }}',
			}),
			{
				input: [
					{ audience: 10, earlier: [REQUEST_ID] },
					{ audience: '20', earlier: `${REQUEST_ID}, 6c60610d-d68c-22fa-bb9d-3b3bf3eccdf5` },
				],
			},
		);
		expect(sentRecipients()).toEqual([
			{
				type: 'operator',
				and: [
					{ type: 'audience', audienceGroupId: 10 },
					{ type: 'redelivery', requestId: REQUEST_ID },
				],
			},
			{
				type: 'operator',
				and: [
					{ type: 'audience', audienceGroupId: 20 },
					{ type: 'redelivery', requestId: REQUEST_ID },
					{ type: 'redelivery', requestId: '6c60610d-d68c-22fa-bb9d-3b3bf3eccdf5' },
				],
			},
		]);
	});

	it('under Any (OR), excluding one of the included audiences leaves the others', async () => {
		await runLineOk(
			line.mock,
			fields({
				includeAudiences: audiences(picked('1'), picked('2')),
				recipientCombine: 'or',
				excludeAudiences: audiences(picked('2')),
			}),
		);
		expect(sentRecipients()).toEqual([
			{
				type: 'operator',
				and: [
					{
						type: 'operator',
						or: [
							{ type: 'audience', audienceGroupId: 1 },
							{ type: 'audience', audienceGroupId: 2 },
						],
					},
					{ type: 'operator', not: { type: 'audience', audienceGroupId: 2 } },
				],
			},
		]);
	});

	it('leaves the Audience and Recipient JSON of Using JSON out', async () => {
		await runLineOk(
			line.mock,
			fields({
				audienceGroupId: picked('111'),
				recipient: '{ "type": "audience", "audienceGroupId": 222 }',
				includeAudiences: audiences(picked('333')),
			}),
		);
		expect(sentRecipients()).toEqual([{ type: 'audience', audienceGroupId: 333 }]);
	});

	it('fails the item whose redelivery expression comes out empty instead of widening the narrowcast', async () => {
		const result = await runLine(
			line.mock,
			fields({
				includeAudiences: audiences(picked('1')),
				redeliveryRequestIds: '={{ $json.earlier }}',
			}),
			{ input: [{ earlier: REQUEST_ID }, {}], continueOnFail: true },
		);
		expect(result.items.map((item) => item.json.error ?? 'sent')).toEqual([
			'sent',
			'redeliveryRequestIds: is empty for this item; leaving the redeliveries out would change who receives the narrowcast [item 1]',
		]);
		expect(apiRequests(line.mock)).toHaveLength(1);
	});

	it('an added audience left empty: n8n refuses the workflow (a required field), nothing is sent', async () => {
		await expect(
			runLine(line.mock, fields({ includeAudiences: audiences(picked('1'), picked('')) })),
		).rejects.toThrow('Parameter "Audience" is required.');
		expect(line.mock.requests).toHaveLength(0);
	});

	it.each<[string, INodeParameters, string]>([
		[
			'an added audience whose expression comes out empty',
			{ includeAudiences: audiences(picked('1'), byId('={{ $json.audience }}')) },
			'includeAudiences[1]: is empty [item 0]',
		],
		[
			'an excluded audience whose expression gives no number',
			{ excludeAudiences: audiences(byId('={{ "Spring sale" }}')) },
			'excludeAudiences[0]: "Spring sale" is not an audience ID (a whole number, e.g. 1234567890123) [item 0]',
		],
		[
			'an audience both included and excluded',
			{
				includeAudiences: audiences(picked('1'), picked('2')),
				excludeAudiences: audiences(picked('2')),
			},
			'excludeAudiences[0]: audience 2 is also included, and every recipient must be in it: nobody would receive the narrowcast [item 0]',
		],
		[
			'a redelivery ID that is not a request ID',
			{ redeliveryRequestIds: `${REQUEST_ID}, 461230966842064897` },
			'redeliveryRequestIds[1]: "461230966842064897" is not a LINE request ID (a UUID such as bb9744f9-47fa-4a29-941e-1234567890ab) [item 0]',
		],
	])('refuses %s before sending', async (_name, parameters, message) => {
		const result = await runLine(line.mock, fields(parameters));
		expect(result.error?.message).toBe(message);
		expect(line.mock.requests).toHaveLength(0);
	});
});

describe('send narrowcast: demographic filter using fields', () => {
	const fields = (demographicFilter: INodeParameters) =>
		narrowcast({ demographicInput: 'fields', demographicFilter });
	const sentFilters = () =>
		apiRequests(line.mock).map((request) => (request.body as IDataObject).filter);

	it('several filters go in one "and", each with the values chosen', async () => {
		await runLineOk(
			line.mock,
			fields({
				ageGte: 'age_20',
				ageLt: 'age_35',
				genders: ['female'],
				appTypes: ['ios', 'android'],
				areas: ['jp_13', 'tw_01', 'th_01'],
				subscriptionPeriodGte: 'day_30',
				subscriptionPeriodLt: 'day_365',
			}),
		);
		expect(sentFilters()).toEqual([
			{
				demographic: {
					type: 'operator',
					and: [
						{ type: 'gender', oneOf: ['female'] },
						{ type: 'age', gte: 'age_20', lt: 'age_35' },
						{ type: 'appType', oneOf: ['ios', 'android'] },
						{ type: 'area', oneOf: ['jp_13', 'tw_01', 'th_01'] },
						{ type: 'subscriptionPeriod', gte: 'day_30', lt: 'day_365' },
					],
				},
			},
		]);
	});

	it('one filter goes without an operator; a range may have one bound; none sends no filter', async () => {
		await runLineOk(line.mock, fields({ ageGte: 'age_50' }));
		await runLineOk(line.mock, fields({ subscriptionPeriodLt: 'day_7' }));
		await runLineOk(line.mock, fields({}));
		expect(sentFilters()).toEqual([
			{ demographic: { type: 'age', gte: 'age_50' } },
			{ demographic: { type: 'subscriptionPeriod', lt: 'day_7' } },
			undefined,
		]);
	});

	it('combines with a recipient built from fields', async () => {
		await runLineOk(
			line.mock,
			narrowcast({
				recipientInput: 'fields',
				includeAudiences: {
					audience: [{ audienceGroupId: { __rl: true, mode: 'list', value: '9' } }],
				},
				demographicInput: 'fields',
				demographicFilter: { genders: '={{ $json.gender }}' },
			}),
			{ input: [{ gender: 'male' }] },
		);
		expect(apiRequests(line.mock)[0].body).toEqual({
			messages: HELLO,
			recipient: { type: 'audience', audienceGroupId: 9 },
			filter: { demographic: { type: 'gender', oneOf: ['male'] } },
		});
	});

	it.each<[string, INodeParameters, string]>([
		[
			'an age range that selects nobody',
			{ ageGte: 'age_30', ageLt: 'age_30' },
			'demographicFilter.ageLt: "age_30" must be above demographicFilter.ageGte ("age_30"), or the range selects nobody [item 0]',
		],
		[
			'a friendship period whose bounds are the wrong way round',
			{ subscriptionPeriodGte: 'day_180', subscriptionPeriodLt: 'day_90' },
			'demographicFilter.subscriptionPeriodLt: "day_90" must be above demographicFilter.subscriptionPeriodGte ("day_180"), or the range selects nobody [item 0]',
		],
		[
			'Genders added with none chosen',
			{ genders: [] },
			'demographicFilter.genders: must be a non-empty list, got a list of 0 [item 0]',
		],
		[
			"an age that is not one of LINE's",
			{ ageGte: '={{ "age_18" }}' },
			'demographicFilter.ageGte: is "age_18"; expected one of age_15, age_20, age_25, age_30, age_35, age_40, age_45, age_50, age_55, age_60, age_65, age_70 [item 0]',
		],
		[
			'an area code that is not in the list',
			{ areas: '={{ "jp_13, jp_48" }}' },
			'demographicFilter.areas[1]: "jp_48" is not one of LINE\'s area codes [item 0]',
		],
	])('refuses %s before sending', async (_name, demographicFilter, message) => {
		const result = await runLine(line.mock, fields(demographicFilter));
		expect(result.error?.message).toBe(message);
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
