import { randomUUID } from 'node:crypto';
import { messagingApi } from '@line/bot-sdk';
import type { INodeParameters } from 'n8n-workflow';

import type { MockRequest } from '../support/mockLine';
import {
	apiRequests,
	builder,
	header,
	runLineOk,
	TOKEN,
	USER,
	USER_2,
	useMockLine,
	UUID,
} from './fixtures';

/**
 * LINE's own SDK as the reference: the node and `@line/bot-sdk` sending the same thing put the
 * same JSON on the wire (headers compared only for Authorization and the retry key's presence).
 */

const line = useMockLine();

function sdk() {
	return new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: line.mock.url });
}

/** Runs the node, then the SDK, and returns [node request, SDK request]. */
async function nodeThenSdk(
	parameters: INodeParameters,
	sendWithSdk: () => Promise<unknown>,
): Promise<[MockRequest, MockRequest]> {
	await runLineOk(line.mock, parameters);
	await sendWithSdk();
	const requests = apiRequests(line.mock);
	expect(requests).toHaveLength(2);
	expect(line.mock.invalidRequests()).toEqual([]);
	const [node, reference] = requests;
	expect(node.path).toBe(reference.path);
	expect(node.method).toBe(reference.method);
	expect(header(node, 'authorization')).toBe(header(reference, 'authorization'));
	expect(header(node, 'x-line-retry-key')).toMatch(UUID);
	expect(header(reference, 'x-line-retry-key')).toMatch(UUID);
	return [node, reference];
}

it('push: text with quick reply and sender', async () => {
	const [node, reference] = await nodeThenSdk(
		{
			resource: 'message',
			operation: 'sendPush',
			to: USER,
			...builder({ type: 'text', text: 'Which size?' }),
			messageOptions: {
				senderName: 'Shop',
				quickReply: {
					items: [
						{ type: 'postback', label: 'Small', data: 'size=s', displayText: 'Small' },
						{
							type: 'message',
							label: 'Large',
							text: 'Large',
							imageUrl: 'https://example.com/l.png',
						},
						{ type: 'datetimepicker', label: 'Pick up', data: 'pickup', mode: 'datetime' },
					],
				},
			},
			options: { notificationDisabled: true },
		},
		() =>
			sdk().pushMessage(
				{
					to: USER,
					messages: [
						{
							type: 'text',
							text: 'Which size?',
							sender: { name: 'Shop' },
							quickReply: {
								items: [
									{
										type: 'action',
										action: {
											type: 'postback',
											label: 'Small',
											data: 'size=s',
											displayText: 'Small',
										},
									},
									{
										type: 'action',
										imageUrl: 'https://example.com/l.png',
										action: { type: 'message', label: 'Large', text: 'Large' },
									},
									{
										type: 'action',
										action: {
											type: 'datetimepicker',
											label: 'Pick up',
											data: 'pickup',
											mode: 'datetime',
										},
									},
								],
							},
						},
					],
					notificationDisabled: true,
				},
				randomUUID(),
			),
	);
	expect(node.body).toEqual(reference.body);
});

it('multicast', async () => {
	const [node, reference] = await nodeThenSdk(
		{
			resource: 'message',
			operation: 'sendMulticast',
			to: `${USER}\n${USER_2}`,
			...builder(
				{ type: 'sticker', packageId: '446', stickerId: '1988' },
				{ type: 'image', originalContentUrl: 'https://example.com/p.jpg' },
			),
			options: { customAggregationUnits: 'promo_2026' },
		},
		() =>
			sdk().multicast(
				{
					to: [USER, USER_2],
					messages: [
						{ type: 'sticker', packageId: '446', stickerId: '1988' },
						{
							type: 'image',
							originalContentUrl: 'https://example.com/p.jpg',
							previewImageUrl: 'https://example.com/p.jpg',
						},
					],
					customAggregationUnits: ['promo_2026'],
				},
				randomUUID(),
			),
	);
	expect(node.body).toEqual(reference.body);
});

it('narrowcast with recipient, filter and limit', async () => {
	const recipient: messagingApi.Recipient = {
		type: 'operator',
		and: [
			{ type: 'audience', audienceGroupId: 5614991017776 },
			{
				type: 'operator',
				not: { type: 'redelivery', requestId: '5b59509c-c57b-11e9-aa8c-2a2ae2dbcce4' },
			},
		],
	} as messagingApi.OperatorRecipient;
	const demographic = {
		type: 'operator',
		or: [
			{ type: 'gender', oneOf: ['female'] },
			{ type: 'age', gte: 'age_20', lt: 'age_30' },
		],
	} as messagingApi.OperatorDemographicFilter;
	const [node, reference] = await nodeThenSdk(
		{
			resource: 'message',
			operation: 'sendNarrowcast',
			recipient: JSON.stringify(recipient),
			demographic: JSON.stringify(demographic),
			...builder({ type: 'text', text: 'Sale today' }),
			options: { max: 100, upToRemainingQuota: true },
		},
		() =>
			sdk().narrowcast(
				{
					messages: [{ type: 'text', text: 'Sale today' }],
					recipient,
					filter: { demographic },
					limit: { max: 100, upToRemainingQuota: true },
				},
				randomUUID(),
			),
	);
	expect(node.body).toEqual(reference.body);
});

it('reply: neither sends a retry key', async () => {
	await runLineOk(line.mock, {
		resource: 'message',
		operation: 'sendReply',
		replyToken: 'reply-1',
		...builder({ type: 'text', text: 'Thanks!' }),
	});
	await sdk().replyMessage({
		replyToken: 'reply-1',
		messages: [{ type: 'text', text: 'Thanks!' }],
	});
	const [node, reference] = apiRequests(line.mock);
	expect(node.body).toEqual(reference.body);
	expect([header(node, 'x-line-retry-key'), header(reference, 'x-line-retry-key')]).toEqual([
		undefined,
		undefined,
	]);
	expect(header(node, 'authorization')).toBe(header(reference, 'authorization'));
});
