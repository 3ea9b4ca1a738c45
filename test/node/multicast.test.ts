import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

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

/**
 * Multicasts of any size: de-duplicated, split into requests of 500, optionally combined across
 * items. By default every input item gets one output item (with the request(s) that covered it);
 * Output One Item per Request gives one output item per request, paired with the items it covered.
 */

const line = useMockLine();

const multicast = (parameters: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation: 'sendMulticast',
	...hello,
	...parameters,
});

const recipientsOf = (request: MockRequest) => (request.body as { to: string[] }).to;
const keyOf = (request: MockRequest) => header(request, 'x-line-retry-key');

function multicasts(): MockRequest[] {
	const requests = apiRequests(line.mock);
	expect(requests.every((r) => r.operationId === 'multicast')).toBe(true);
	return requests;
}

/** The output of an item whose recipients all went in `request`. */
const coveredBy = (request: MockRequest, recipients: string[]): IDataObject => ({
	requestId: request.requestId,
	retryKey: keyOf(request),
	recipientCount: recipients.length,
	recipients,
});

/** The output of one request (Output One Item per Request). */
const perRequest = (request: MockRequest, items: number[]): INodeExecutionData => ({
	json: coveredBy(request, recipientsOf(request)),
	pairedItem: items.map((item) => ({ item })),
});

const alreadyAccepted = (acceptedRequestId: string) => ({
	status: 409,
	body: { message: 'The retry key is already accepted' },
	headers: { 'x-line-accepted-request-id': acceptedRequestId },
});

describe('one item', () => {
	it('1,201 recipients go out as 500 + 500 + 201, each ID exactly once; the one output item lists every request', async () => {
		const ids = userIds(1201);
		const items = await runLineOk(line.mock, multicast({ to: '={{ $json.ids }}' }), {
			input: [{ ids }],
		});

		const requests = multicasts();
		expect(requests.map((r) => recipientsOf(r).length)).toEqual([500, 500, 201]);
		expect(requests.flatMap(recipientsOf)).toEqual(ids);
		requests.forEach((r) => expect(r.body).toEqual({ to: recipientsOf(r), messages: HELLO }));
		const keys = requests.map(keyOf);
		keys.forEach((key) => expect(key).toMatch(UUID));
		expect(new Set(keys).size).toBe(3);

		expect(items).toEqual([
			{
				json: {
					requestId: requests[0].requestId,
					retryKey: keys[0],
					requestIds: requests.map((r) => r.requestId),
					retryKeys: keys,
					recipientCount: 1201,
					recipients: ids,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('Output One Item per Request: one output item per request, with that request’s recipients', async () => {
		const ids = userIds(1201);
		const items = await runLineOk(
			line.mock,
			multicast({ to: '={{ $json.ids }}', options: { outputPerRequest: true } }),
			{ input: [{ ids }] },
		);
		const requests = multicasts();
		expect(requests.map((r) => recipientsOf(r).length)).toEqual([500, 500, 201]);
		expect(new Set(requests.map(keyOf)).size).toBe(3);
		expect(items).toEqual(requests.map((r) => perRequest(r, [0])));
	});

	it('drops duplicates, whether written as text or given as a list', async () => {
		const [fromText] = await runLineOk(
			line.mock,
			multicast({ to: `${USER}, ${USER}\n${USER_2}; ${USER}  ${USER_2}` }),
		);
		const [fromList] = await runLineOk(line.mock, multicast({ to: '={{ $json.ids }}' }), {
			input: [{ ids: [USER_2, USER, USER_2, [USER]] }],
		});
		const requests = multicasts();
		expect(requests.map(recipientsOf)).toEqual([
			[USER, USER_2],
			[USER_2, USER],
		]);
		expect(fromText.json).toEqual(coveredBy(requests[0], [USER, USER_2]));
		expect(fromList.json).toEqual(coveredBy(requests[1], [USER_2, USER]));
	});

	it('500 recipients after dropping duplicates fit in one request', async () => {
		const ids = userIds(500);
		const items = await runLineOk(line.mock, multicast({ to: '={{ $json.ids }}' }), {
			input: [{ ids: [...ids, ...ids.slice(0, 50)] }],
		});
		const requests = multicasts();
		expect(requests.map((r) => recipientsOf(r).length)).toEqual([500]);
		expect(items).toEqual([{ json: coveredBy(requests[0], ids), pairedItem: { item: 0 } }]);
	});

	it('refuses a group or room among the recipients and sends nothing', async () => {
		const result = await runLine(line.mock, multicast({ to: `${USER}, ${USER_2}, ${GROUP}` }));
		expect(result.error?.message).toMatch(
			/^to\[2\]: "C[0-9a-f]+" is a group ID, but only user IDs are allowed here.*\[item 0\]$/,
		);
		expect(line.mock.requests).toHaveLength(0);
	});

	it('sends per item without Combine All Items, one output item per input item, each with its own key', async () => {
		const items = await runLineOk(line.mock, multicast({ to: '={{ $json.to }}' }), {
			input: [{ to: USER }, { to: USER }, { to: USER_2 }],
		});
		const requests = multicasts();
		expect(requests.map(recipientsOf)).toEqual([[USER], [USER], [USER_2]]);
		expect(new Set(requests.map(keyOf)).size).toBe(3);
		expect(items).toEqual(
			requests.map((r, item) => ({ json: coveredBy(r, recipientsOf(r)), pairedItem: { item } })),
		);
	});

	it('per item with Output One Item per Request: each request paired with its item', async () => {
		const items = await runLineOk(
			line.mock,
			multicast({ to: '={{ $json.to }}', options: { outputPerRequest: true } }),
			{ input: [{ to: USER }, { to: USER }, { to: USER_2 }] },
		);
		const requests = multicasts();
		expect(requests.map(recipientsOf)).toEqual([[USER], [USER], [USER_2]]);
		expect(items).toEqual(requests.map((r, item) => perRequest(r, [item])));
	});

	it('a request LINE had already accepted (409) is reported as such, with the accepted request ID', async () => {
		line.mock.on('POST', '/v2/bot/message/multicast', () => alreadyAccepted('earlier-request'));
		const items = await runLineOk(line.mock, multicast({ to: `${USER}, ${USER_2}` }));
		const [request] = multicasts();
		expect(items).toEqual([
			{
				json: {
					...coveredBy(request, [USER, USER_2]),
					alreadyAccepted: true,
					acceptedRequestId: 'earlier-request',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('an item spread over several requests is "already accepted" only when all of them were', async () => {
		const ids = userIds(1000);
		line.mock.on('POST', '/v2/bot/message/multicast', () => alreadyAccepted('earlier'));
		const [all] = await runLineOk(line.mock, multicast({ to: '={{ $json.ids }}' }), {
			input: [{ ids }],
		});
		expect(multicasts().map((r) => r.response.status)).toEqual([409, 409]);
		expect(all.json.alreadyAccepted).toBe(true);

		line.mock.reset();
		line.mock.once('POST', '/v2/bot/message/multicast', () => alreadyAccepted('earlier'));
		const [some] = await runLineOk(line.mock, multicast({ to: '={{ $json.ids }}' }), {
			input: [{ ids }],
		});
		const requests = multicasts();
		expect(requests.map((r) => r.response.status)).toEqual([409, 200]);
		expect(some.json).toEqual({
			requestId: requests[0].requestId,
			retryKey: keyOf(requests[0]),
			requestIds: requests.map((r) => r.requestId),
			retryKeys: requests.map(keyOf),
			recipientCount: 1000,
			recipients: ids,
		});
	});
});

describe('Combine All Items', () => {
	it('10,000 items of one recipient each → exactly 20 requests; every recipient once; one output item per input item', async () => {
		const ids = userIds(10_000);
		const items = await runLineOk(
			line.mock,
			multicast({ to: '={{ $json.userId }}', options: { combineItems: true } }),
			{ input: ids.map((userId) => ({ userId })) },
		);

		const requests = multicasts();
		expect(requests).toHaveLength(20);
		requests.forEach((r) => expect(recipientsOf(r)).toHaveLength(500));
		expect(requests.flatMap(recipientsOf)).toEqual(ids);
		expect(new Set(requests.map(keyOf)).size).toBe(20);

		expect(items).toHaveLength(10_000);
		items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toEqual(coveredBy(requests[Math.floor(i / 500)], [ids[i]]));
		});
	});

	it('with Output One Item per Request: one output item per request, paired with the items it covered', async () => {
		const ids = userIds(1200);
		const items = await runLineOk(
			line.mock,
			multicast({
				to: '={{ $json.userId }}',
				options: { combineItems: true, outputPerRequest: true },
			}),
			{ input: ids.map((userId) => ({ userId })) },
		);
		const requests = multicasts();
		expect(requests.map((r) => recipientsOf(r).length)).toEqual([500, 500, 200]);
		expect(requests.flatMap(recipientsOf)).toEqual(ids);
		const covered = (from: number, count: number) =>
			Array.from({ length: count }, (_, i) => from + i);
		expect(items).toEqual([
			perRequest(requests[0], covered(0, 500)),
			perRequest(requests[1], covered(500, 500)),
			perRequest(requests[2], covered(1000, 200)),
		]);
	});

	it('a recipient of several items is sent once; each item reports that request and its own recipients', async () => {
		const input = [{ to: [USER] }, { to: [USER, USER_2] }, { to: [USER_2] }];
		const items = await runLineOk(
			line.mock,
			multicast({ to: '={{ $json.to }}', options: { combineItems: true } }),
			{ input },
		);
		const requests = multicasts();
		expect(requests.map(recipientsOf)).toEqual([[USER, USER_2]]);
		expect(items).toEqual(
			input.map(({ to }, item) => ({ json: coveredBy(requests[0], to), pairedItem: { item } })),
		);
	});

	it('a recipient of several items, per request: one output item paired with all of them', async () => {
		const items = await runLineOk(
			line.mock,
			multicast({
				to: '={{ $json.to }}',
				options: { combineItems: true, outputPerRequest: true },
			}),
			{ input: [{ to: [USER] }, { to: [USER, USER_2] }, { to: [USER_2] }] },
		);
		const requests = multicasts();
		expect(requests.map(recipientsOf)).toEqual([[USER, USER_2]]);
		expect(items).toEqual([perRequest(requests[0], [0, 1, 2])]);
	});

	it('an item whose recipients span two combined requests lists both', async () => {
		const many = userIds(600);
		const other = userIds(1, 600);
		const items = await runLineOk(
			line.mock,
			multicast({ to: '={{ $json.to }}', options: { combineItems: true } }),
			{ input: [{ to: many }, { to: other }] },
		);
		const requests = multicasts();
		expect(requests.map(recipientsOf)).toEqual([
			many.slice(0, 500),
			[...many.slice(500), ...other],
		]);
		expect(items).toEqual([
			{
				json: {
					requestId: requests[0].requestId,
					retryKey: keyOf(requests[0]),
					requestIds: requests.map((r) => r.requestId),
					retryKeys: requests.map(keyOf),
					recipientCount: 600,
					recipients: many,
				},
				pairedItem: { item: 0 },
			},
			{ json: coveredBy(requests[1], other), pairedItem: { item: 1 } },
		]);
	});

	it('items whose shared request LINE had already accepted (409) say so, with the accepted request ID', async () => {
		line.mock.on('POST', '/v2/bot/message/multicast', () => alreadyAccepted('earlier-request'));
		const items = await runLineOk(
			line.mock,
			multicast({ to: '={{ $json.to }}', options: { combineItems: true } }),
			{ input: [{ to: USER }, { to: USER_2 }] },
		);
		const [request] = multicasts();
		expect(items.map((item) => item.json)).toEqual([
			{
				...coveredBy(request, [USER]),
				alreadyAccepted: true,
				acceptedRequestId: 'earlier-request',
			},
			{
				...coveredBy(request, [USER_2]),
				alreadyAccepted: true,
				acceptedRequestId: 'earlier-request',
			},
		]);
	});

	it('does not merge items that send different messages', async () => {
		const parameters = multicast({
			to: '={{ $json.to }}',
			...builder({ type: 'text', text: '={{ $json.text }}' }),
			options: { combineItems: true },
		});
		const input = [
			{ to: USER, text: 'A' },
			{ to: USER_2, text: 'B' },
			{ to: USER_2, text: 'A' },
		];
		const items = await runLineOk(line.mock, parameters, { input });
		const requests = multicasts();
		expect(requests.map((r) => r.body as IDataObject)).toEqual([
			{ to: [USER, USER_2], messages: [{ type: 'text', text: 'A' }] },
			{ to: [USER_2], messages: [{ type: 'text', text: 'B' }] },
		]);
		expect(items).toEqual([
			{ json: coveredBy(requests[0], [USER]), pairedItem: { item: 0 } },
			{ json: coveredBy(requests[1], [USER_2]), pairedItem: { item: 1 } },
			{ json: coveredBy(requests[0], [USER_2]), pairedItem: { item: 2 } },
		]);

		line.mock.reset();
		const perRequestItems = await runLineOk(
			line.mock,
			{ ...parameters, options: { combineItems: true, outputPerRequest: true } },
			{ input },
		);
		const again = multicasts();
		expect(perRequestItems).toEqual([perRequest(again[0], [0, 2]), perRequest(again[1], [1])]);
	});

	it('with continueOnFail a bad item becomes an error item and the other items are combined and sent', async () => {
		const input = [{ to: USER }, { to: GROUP }, { to: USER_2 }];
		const result = await runLine(
			line.mock,
			multicast({ to: '={{ $json.to }}', options: { combineItems: true } }),
			{ input, continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		const requests = multicasts();
		expect(requests.map(recipientsOf)).toEqual([[USER, USER_2]]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json).toEqual(coveredBy(requests[0], [USER]));
		expect(result.items[1].json.error).toMatch(/^to\[0\]: .* is a group ID.*\[item 1\]$/);
		expect(result.items[2].json).toEqual(coveredBy(requests[0], [USER_2]));
	});

	it('with continueOnFail and Output One Item per Request: the bad item’s error, then the request of the others', async () => {
		const result = await runLine(
			line.mock,
			multicast({
				to: '={{ $json.to }}',
				options: { combineItems: true, outputPerRequest: true },
			}),
			{ input: [{ to: USER }, { to: GROUP }, { to: USER_2 }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		const requests = multicasts();
		expect(requests.map(recipientsOf)).toEqual([[USER, USER_2]]);
		expect(result.items.map((i) => i.pairedItem)).toEqual([
			[{ item: 0 }, { item: 2 }],
			{ item: 1 },
		]);
		expect(result.items[0]).toEqual(perRequest(requests[0], [0, 2]));
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
	const INVALID = {
		status: 400,
		body: {
			message: 'The request body has 1 error(s)',
			details: [{ message: 'invalid', property: 'to[3]' }],
		},
	};
	/** LINE refuses the `failing`-th multicast request (1-based) and accepts the others. */
	const refuseRequest = (failing: number) => {
		let count = 0;
		line.mock.on('POST', '/v2/bot/message/multicast', () =>
			++count === failing ? INVALID : undefined,
		);
	};

	it('one item over three requests: stops after the refused one and says the item was partly sent', async () => {
		refuseRequest(2);
		const result = await runLine(line.mock, multicast({ to: '={{ $json.ids }}' }), {
			input: [{ ids: userIds(1201) }],
		});
		expect(result.status).toBe('error');
		expect(apiRequests(line.mock).map((r) => r.response.status)).toEqual([200, 400]);
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toContain('The request body has 1 error(s)');
		const description = result.error?.description ?? '';
		expect(description).toContain('to[3]: invalid');
		expect(description).toContain('LINE refused the request: it was not carried out.');
		expect(
			description.endsWith('This run stopped: 0 of 1 item(s) were sent.\nPartly sent: items 0.'),
		).toBe(true);
	});

	it('per item: says which items were sent, which failed and which were not sent', async () => {
		refuseRequest(3);
		const result = await runLine(line.mock, multicast({ to: '={{ $json.to }}' }), {
			input: [{ to: USER }, { to: USER_2 }, { to: USER }, { to: USER_2 }, { to: USER }],
		});
		expect(result.status).toBe('error');
		expect(apiRequests(line.mock).map((r) => r.response.status)).toEqual([200, 200, 400]);
		expect(result.error?.itemIndex).toBe(2);
		expect(result.error?.description).toContain('to[3]: invalid');
		expect(
			result.error?.description?.endsWith(
				[
					'This run stopped: 2 of 5 item(s) were sent (items 0–1).',
					'Failed: items 2 (see above).',
					'Not sent: 2 item(s) (items 3–4).',
				].join('\n'),
			),
		).toBe(true);
	});

	it('Combine All Items: the items of the refused request failed, those of later requests were not sent', async () => {
		refuseRequest(2);
		const ids = userIds(1200);
		const result = await runLine(
			line.mock,
			multicast({ to: '={{ $json.userId }}', options: { combineItems: true } }),
			{ input: ids.map((userId) => ({ userId })) },
		);
		expect(result.status).toBe('error');
		expect(apiRequests(line.mock).map((r) => r.response.status)).toEqual([200, 400]);
		expect(
			result.error?.description?.endsWith(
				[
					'This run stopped: 500 of 1200 item(s) were sent (items 0–499).',
					'Failed: items 500–999 (see above).',
					'Not sent: 200 item(s) (items 1000–1199).',
				].join('\n'),
			),
		).toBe(true);
	});

	it('with continueOnFail the item becomes an error item, and the rest is still sent', async () => {
		refuseRequest(2);
		const result = await runLine(line.mock, multicast({ to: '={{ $json.ids }}' }), {
			input: [{ ids: userIds(1201) }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(apiRequests(line.mock).map((r) => r.response.status)).toEqual([200, 400, 200]);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[0].json).toMatchObject({
			error: expect.stringContaining('The request body has 1 error(s)'),
			errorDetails: expect.stringContaining('to[3]: invalid'),
			httpCode: '400',
		});
		expect(result.items[0].json.errorDetails).toContain(
			'LINE refused the request: it was not carried out.',
		);
		expect(result.items[0].json.errorDetails).not.toContain('This run stopped');
	});

	it('with continueOnFail, Combine All Items: every item of the refused request is an error item, the others are sent', async () => {
		refuseRequest(2);
		const ids = userIds(1200);
		const result = await runLine(
			line.mock,
			multicast({ to: '={{ $json.userId }}', options: { combineItems: true } }),
			{ input: ids.map((userId) => ({ userId })), continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => r.response.status)).toEqual([200, 400, 200]);
		expect(result.items).toHaveLength(1200);
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			if (i >= 500 && i < 1000) {
				expect(item.json).toMatchObject({
					error: expect.stringContaining('The request body has 1 error(s)'),
					httpCode: '400',
				});
			} else {
				expect(item.json).toEqual(coveredBy(requests[i < 500 ? 0 : 2], [ids[i]]));
			}
		});
	});

	it('with continueOnFail and Output One Item per Request the failed request becomes an error item with its recipients', async () => {
		refuseRequest(2);
		const ids = userIds(1201);
		const result = await runLine(
			line.mock,
			multicast({ to: '={{ $json.ids }}', options: { outputPerRequest: true } }),
			{ input: [{ ids }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => r.response.status)).toEqual([200, 400, 200]);
		expect(result.items).toHaveLength(3);
		expect(result.items[0]).toEqual(perRequest(requests[0], [0]));
		expect(result.items[2]).toEqual(perRequest(requests[2], [0]));
		const failed = result.items[1];
		expect(failed.pairedItem).toEqual([{ item: 0 }]);
		expect(failed.json).toMatchObject({
			error: expect.stringContaining('The request body has 1 error(s)'),
			errorDetails: expect.stringContaining('to[3]: invalid'),
			httpCode: '400',
		});
		// As in the per-request output before: the recipients that did not get the message (the
		// item's input alone does not say which 500 of its 1,201 recipients these were).
		expect(failed.json.recipientCount).toBe(500);
		expect(failed.json.recipients).toEqual(ids.slice(500, 1000));
	});

	it('with continueOnFail, Combine All Items and Output One Item per Request: one error item paired with all items of the refused request', async () => {
		refuseRequest(2);
		const ids = userIds(1200);
		const result = await runLine(
			line.mock,
			multicast({
				to: '={{ $json.userId }}',
				options: { combineItems: true, outputPerRequest: true },
			}),
			{ input: ids.map((userId) => ({ userId })), continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => r.response.status)).toEqual([200, 400, 200]);
		const covered = (from: number, count: number) =>
			Array.from({ length: count }, (_, i) => from + i);
		expect(result.items).toHaveLength(3);
		expect(result.items[0]).toEqual(perRequest(requests[0], covered(0, 500)));
		expect(result.items[1].pairedItem).toEqual(covered(500, 500).map((item) => ({ item })));
		expect(result.items[1].json).toMatchObject({
			error: expect.stringContaining('The request body has 1 error(s)'),
			httpCode: '400',
		});
		expect(result.items[2]).toEqual(perRequest(requests[2], covered(1000, 200)));
	});
});
