import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { apiRequests, header, runLine, runLineOk, USER, USER_2, useMockLine } from './fixtures';

/**
 * Columns From All Items through the real node: one column per input item, joined into the
 * carousels of shared requests the mock accepts as valid against LINE's OpenAPI.
 */

const line = useMockLine();

const PRODUCTS = Array.from({ length: 12 }, (_, i) => ({
	name: `Tea ${i + 1}`,
	price: 100 + i,
}));

function carouselMessage(joinItems = true): INodeParameters {
	return {
		messages: {
			message: [
				{
					type: 'carousel',
					altText: 'Our teas',
					joinItems,
					columns: {
						column: [
							{
								templateTitle: '={{ $json.name }}',
								templateText: '=฿{{ $json.price }}',
								templateButtons: {
									button: [{ type: 'message', label: 'Buy', text: '=Buy {{ $json.name }}' }],
								},
							},
						],
					},
				},
			],
		},
	};
}

const titles = (messages: IDataObject[]) =>
	messages.map((message) =>
		((message.template as IDataObject).columns as IDataObject[]).map((column) => column.title),
	);

describe('Columns From All Items', () => {
	it('Send Push: 12 items to one user are one push of two carousels, each item paired', async () => {
		const output = await runLineOk(
			line.mock,
			{ resource: 'message', operation: 'sendPush', to: USER, ...carouselMessage() },
			{ input: PRODUCTS },
		);
		const requests = apiRequests(line.mock);
		expect(requests).toHaveLength(1);
		expect(requests[0].problems).toEqual([]);
		const { messages } = requests[0].body as { messages: IDataObject[] };
		expect(titles(messages)).toEqual([
			PRODUCTS.slice(0, 10).map(({ name }) => name),
			['Tea 11', 'Tea 12'],
		]);
		expect(output).toHaveLength(12);
		expect(output.map((item) => item.pairedItem)).toEqual(PRODUCTS.map((_, item) => ({ item })));
		expect(new Set(output.map((item) => item.json.retryKey))).toEqual(
			new Set([header(requests[0], 'X-Line-Retry-Key')]),
		);
	});

	it('Send Push: items to different users get a push each, with their own columns', async () => {
		const input = PRODUCTS.slice(0, 4).map((product, i) => ({
			...product,
			to: i < 2 ? USER : USER_2,
		}));
		await runLineOk(
			line.mock,
			{ resource: 'message', operation: 'sendPush', to: '={{ $json.to }}', ...carouselMessage() },
			{ input },
		);
		const requests = apiRequests(line.mock);
		expect(requests.map((request) => (request.body as { to: string }).to)).toEqual([USER, USER_2]);
		expect(
			requests.map((request) => titles((request.body as { messages: IDataObject[] }).messages)),
		).toEqual([[['Tea 1', 'Tea 2']], [['Tea 3', 'Tea 4']]]);
		// Two requests, two retry keys: a retried run sends neither twice.
		expect(new Set(requests.map((request) => header(request, 'X-Line-Retry-Key'))).size).toBe(2);
	});

	it('Send Reply: the items answering one event share one reply', async () => {
		const input = PRODUCTS.slice(0, 3).map((product) => ({
			...product,
			replyToken: 'reply-token-1',
		}));
		await runLineOk(
			line.mock,
			{ resource: 'message', operation: 'sendReply', ...carouselMessage() },
			{ input },
		);
		const requests = apiRequests(line.mock);
		expect(requests).toHaveLength(1);
		expect(requests[0].path).toBe('/v2/bot/message/reply');
		expect(titles((requests[0].body as { messages: IDataObject[] }).messages)).toEqual([
			['Tea 1', 'Tea 2', 'Tea 3'],
		]);
	});

	it('Send Reply: more columns than one reply holds is an error, and nothing is sent', async () => {
		const input = Array.from({ length: 51 }, (_, i) => ({
			name: `Tea ${i}`,
			price: i,
			replyToken: 'r',
		}));
		const result = await runLine(
			line.mock,
			{ resource: 'message', operation: 'sendReply', ...carouselMessage() },
			{ input },
		);
		expect(result.error?.message).toMatch(
			/^messages\[0\]\.joinItems: items 0–50 need 6 messages \(6 carousels\), but one request takes 5/,
		);
		expect(apiRequests(line.mock)).toEqual([]);
	});

	it('Send Broadcast: one broadcast for all the items', async () => {
		await runLineOk(
			line.mock,
			{ resource: 'message', operation: 'sendBroadcast', ...carouselMessage() },
			{ input: PRODUCTS.slice(0, 5) },
		);
		const requests = apiRequests(line.mock);
		expect(requests).toHaveLength(1);
		expect(titles((requests[0].body as { messages: IDataObject[] }).messages)).toEqual([
			['Tea 1', 'Tea 2', 'Tea 3', 'Tea 4', 'Tea 5'],
		]);
	});

	it('off, every item sends its own carousel', async () => {
		await runLineOk(
			line.mock,
			{ resource: 'message', operation: 'sendPush', to: USER, ...carouselMessage(false) },
			{ input: PRODUCTS.slice(0, 3) },
		);
		expect(apiRequests(line.mock)).toHaveLength(3);
	});

	it('an operation that cannot join refuses it before sending, naming the field', async () => {
		const result = await runLine(
			line.mock,
			{ resource: 'message', operation: 'sendMulticast', to: USER, ...carouselMessage() },
			{ input: PRODUCTS.slice(0, 2) },
		);
		expect(result.error?.message).toBe(
			'messages[0].joinItems: Columns From All Items works in Send Push, Send Reply and Send Broadcast only [item 0]',
		);
		expect(apiRequests(line.mock)).toEqual([]);
	});
});
