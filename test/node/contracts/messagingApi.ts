import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { MockRequest } from '../../support/mockLine';
import { MOCK_MEMBERS, mockContentBytes } from '../../support/mockLine';
import {
	binaryOf,
	GROUP,
	header,
	hello,
	HELLO,
	REPLY_TOKEN,
	ROOM,
	USER,
	USER_2,
} from '../fixtures';
import type { ContractCase } from './types';

/** The Messaging API operations of the LINE node's first resources. */

const sendOptions = { notificationDisabled: true, customAggregationUnits: 'spring_campaign' };
const narrowcastProgress = {
	phase: 'succeeded',
	successCount: 10,
	failureCount: 0,
	targetCount: 10,
	acceptedTime: '2026-11-22T10:00:00.000Z',
	completedTime: '2026-11-22T10:05:00.000Z',
};

const sent = (request: MockRequest) => (request.response.body as IDataObject).sentMessages;
const lineRequestId = (request: MockRequest) => request.requestId;
const retryKeyOf = (request: MockRequest) => header(request, 'x-line-retry-key');

function validateCase(kind: string): ContractCase {
	return {
		name: `validate for ${kind}`,
		parameters: { resource: 'message', operation: 'validate', messageKind: kind, ...hello },
		request: {
			method: 'POST',
			path: `/v2/bot/message/validate/${kind}`,
			body: { messages: HELLO },
			retryKey: false,
		},
		output: (request) => ({
			valid: true,
			validatedFor: kind,
			messageCount: 1,
			requestId: lineRequestId(request),
		}),
	};
}

function sentMessagesCase(kind: string, date: unknown, input?: IDataObject[]): ContractCase {
	return {
		name: `number of sent ${kind} messages (date ${JSON.stringify(date)})`,
		parameters: {
			resource: 'quota',
			operation: 'getNumberOfSentMessages',
			messageKind: kind,
			date,
		} as INodeParameters,
		input,
		arrange: (mock) =>
			mock.once('GET', `/v2/bot/message/delivery/${kind}`, () => ({
				status: 200,
				body: { status: 'ready', success: 42 },
			})),
		request: {
			method: 'GET',
			path: `/v2/bot/message/delivery/${kind}`,
			query: { date: '20261122' },
			retryKey: false,
		},
		output: () => ({ messageKind: kind, date: '20261122', status: 'ready', success: 42 }),
	};
}

const responseBody = (request: MockRequest) => request.response.body as IDataObject;

/** A group or room operation that reads one thing about the chat. */
function chatCase(
	kind: 'group' | 'room',
	operation: string,
	path: string,
	output: (request: MockRequest) => IDataObject | IDataObject[],
	parameters: INodeParameters = {},
): ContractCase {
	const id = kind === 'group' ? GROUP : ROOM;
	return {
		name: `${operation} of the ${kind} of the event`,
		parameters: { resource: kind, operation, ...parameters },
		input: [{ source: { type: kind, [`${kind}Id`]: id, userId: USER } }],
		request: { method: 'GET', path: `/v2/bot/${kind}/${id}${path}`, retryKey: false },
		output,
	};
}

function memberCases(
	kind: 'group' | 'room',
): Record<'getMemberCount' | 'getMemberIds' | 'getMemberProfile' | 'leave', ContractCase[]> {
	const id = kind === 'group' ? GROUP : ROOM;
	const idKey = `${kind}Id`;
	return {
		getMemberCount: [
			chatCase(kind, 'getMemberCount', '/members/count', () => ({
				[idKey]: id,
				count: MOCK_MEMBERS.length,
			})),
		],
		getMemberIds: [
			chatCase(
				kind,
				'getMemberIds',
				'/members/ids',
				() => MOCK_MEMBERS.map((userId) => ({ [idKey]: id, userId })),
				{ returnAll: true },
			),
		],
		getMemberProfile: [
			chatCase(kind, 'getMemberProfile', `/member/${USER}`, (request) => ({
				[idKey]: id,
				...responseBody(request),
			})),
		],
		leave: [
			{
				name: `leave the ${kind} of the event`,
				parameters: { resource: kind, operation: 'leave' },
				input: [{ source: { type: kind, [idKey]: id, userId: USER } }],
				request: { method: 'POST', path: `/v2/bot/${kind}/${id}/leave`, retryKey: false },
				output: (request) => ({ [idKey]: id, left: true, requestId: lineRequestId(request) }),
			},
		],
	};
}

const MESSAGE_ID = '325708';

/** Keyed by `resource/operation`; the completeness test below fails when an operation has none. */
export const contracts: Record<string, ContractCase[]> = {
	'message/sendPush': [
		{
			name: 'push with options',
			parameters: {
				resource: 'message',
				operation: 'sendPush',
				to: USER,
				...hello,
				options: sendOptions,
			},
			request: {
				method: 'POST',
				path: '/v2/bot/message/push',
				body: {
					to: USER,
					messages: HELLO,
					notificationDisabled: true,
					customAggregationUnits: ['spring_campaign'],
				},
				retryKey: true,
			},
			output: (request) => ({
				to: USER,
				requestId: lineRequestId(request),
				retryKey: retryKeyOf(request),
				sentMessages: sent(request),
			}),
		},
		{
			name: 'push to a group, no options',
			parameters: {
				resource: 'message',
				operation: 'sendPush',
				to: 'Ca56f94637c0123456789abcdef012345',
				...hello,
			},
			request: {
				method: 'POST',
				path: '/v2/bot/message/push',
				body: { to: 'Ca56f94637c0123456789abcdef012345', messages: HELLO },
				retryKey: true,
			},
			output: (request) => ({
				to: 'Ca56f94637c0123456789abcdef012345',
				requestId: lineRequestId(request),
				retryKey: retryKeyOf(request),
				sentMessages: sent(request),
			}),
		},
	],
	'message/sendReply': [
		{
			name: 'reply with the token from the event',
			parameters: {
				resource: 'message',
				operation: 'sendReply',
				replyToken: '={{ $json.replyToken }}',
				...hello,
				options: { notificationDisabled: true },
			},
			input: [{ replyToken: REPLY_TOKEN }],
			request: {
				method: 'POST',
				path: '/v2/bot/message/reply',
				body: { replyToken: REPLY_TOKEN, messages: HELLO, notificationDisabled: true },
				retryKey: false,
			},
			output: (request) => ({ requestId: lineRequestId(request), sentMessages: sent(request) }),
		},
		{
			name: 'reply that may fall back to a push: replied, says so',
			parameters: {
				resource: 'message',
				operation: 'sendReply',
				...hello,
				options: { pushIfReplyTokenInvalid: true },
			},
			input: [{ replyToken: REPLY_TOKEN, chatId: USER }],
			request: {
				method: 'POST',
				path: '/v2/bot/message/reply',
				body: { replyToken: REPLY_TOKEN, messages: HELLO },
				retryKey: false,
			},
			output: (request) => ({
				deliveredBy: 'reply',
				requestId: lineRequestId(request),
				sentMessages: sent(request),
			}),
		},
	],
	'message/sendMulticast': [
		{
			name: 'multicast with options',
			parameters: {
				resource: 'message',
				operation: 'sendMulticast',
				to: `${USER}, ${USER_2}`,
				...hello,
				options: sendOptions,
			},
			request: {
				method: 'POST',
				path: '/v2/bot/message/multicast',
				body: {
					to: [USER, USER_2],
					messages: HELLO,
					notificationDisabled: true,
					customAggregationUnits: ['spring_campaign'],
				},
				retryKey: true,
			},
			output: (request) => ({
				requestId: lineRequestId(request),
				retryKey: retryKeyOf(request),
				recipientCount: 2,
				recipients: [USER, USER_2],
			}),
		},
		{
			name: 'multicast with one output item per request',
			parameters: {
				resource: 'message',
				operation: 'sendMulticast',
				to: `${USER}, ${USER_2}`,
				...hello,
				options: { outputPerRequest: true },
			},
			request: {
				method: 'POST',
				path: '/v2/bot/message/multicast',
				body: { to: [USER, USER_2], messages: HELLO },
				retryKey: true,
			},
			output: (request) => ({
				requestId: lineRequestId(request),
				retryKey: retryKeyOf(request),
				recipientCount: 2,
				recipients: [USER, USER_2],
			}),
			pairedItem: [{ item: 0 }],
		},
	],
	'message/sendBroadcast': [
		{
			name: 'broadcast without notification',
			parameters: {
				resource: 'message',
				operation: 'sendBroadcast',
				...hello,
				options: { notificationDisabled: true },
			},
			request: {
				method: 'POST',
				path: '/v2/bot/message/broadcast',
				body: { messages: HELLO, notificationDisabled: true },
				retryKey: true,
			},
			output: (request) => ({ requestId: lineRequestId(request), retryKey: retryKeyOf(request) }),
		},
	],
	'message/sendNarrowcast': [
		{
			name: 'narrowcast to everyone (no recipient, no filter)',
			parameters: { resource: 'message', operation: 'sendNarrowcast', ...hello },
			request: {
				method: 'POST',
				path: '/v2/bot/message/narrowcast',
				body: { messages: HELLO },
				retryKey: true,
			},
			output: (request) => ({ requestId: lineRequestId(request), retryKey: retryKeyOf(request) }),
		},
		{
			name: 'narrowcast to an audience, filtered, limited',
			parameters: {
				resource: 'message',
				operation: 'sendNarrowcast',
				recipient: '{ "type": "audience", "audienceGroupId": 5614991017776 }',
				demographic: '{ "type": "gender", "oneOf": ["female"] }',
				...hello,
				options: {
					max: 100,
					upToRemainingQuota: true,
					forbidPartialDelivery: true,
					notificationDisabled: true,
				},
			},
			request: {
				method: 'POST',
				path: '/v2/bot/message/narrowcast',
				body: {
					messages: HELLO,
					recipient: { type: 'audience', audienceGroupId: 5614991017776 },
					filter: { demographic: { type: 'gender', oneOf: ['female'] } },
					limit: { max: 100, upToRemainingQuota: true, forbidPartialDelivery: true },
					notificationDisabled: true,
				},
				retryKey: true,
			},
			output: (request) => ({ requestId: lineRequestId(request), retryKey: retryKeyOf(request) }),
		},
		{
			name: 'narrowcast to the audience picked from the list',
			parameters: {
				resource: 'message',
				operation: 'sendNarrowcast',
				audienceGroupId: { __rl: true, mode: 'list', value: '5614991017776' },
				...hello,
			},
			request: {
				method: 'POST',
				path: '/v2/bot/message/narrowcast',
				body: {
					messages: HELLO,
					recipient: { type: 'audience', audienceGroupId: 5614991017776 },
				},
				retryKey: true,
			},
			output: (request) => ({ requestId: lineRequestId(request), retryKey: retryKeyOf(request) }),
		},
		{
			name: 'the audience of the item "and" the Recipient JSON (not a redelivery of an earlier narrowcast)',
			parameters: {
				resource: 'message',
				operation: 'sendNarrowcast',
				audienceGroupId: { __rl: true, mode: 'id', value: '={{ $json.audienceGroupId }}' },
				recipient:
					'{ "type": "operator", "not": { "type": "redelivery", "requestId": "5b59509c-c57b-11e9-aa8c-2a2ae2dbcce4" } }',
				...hello,
			},
			input: [{ audienceGroupId: 5614991017776 }],
			request: {
				method: 'POST',
				path: '/v2/bot/message/narrowcast',
				body: {
					messages: HELLO,
					recipient: {
						type: 'operator',
						and: [
							{ type: 'audience', audienceGroupId: 5614991017776 },
							{
								type: 'operator',
								not: { type: 'redelivery', requestId: '5b59509c-c57b-11e9-aa8c-2a2ae2dbcce4' },
							},
						],
					},
				},
				retryKey: true,
			},
			output: (request) => ({ requestId: lineRequestId(request), retryKey: retryKeyOf(request) }),
		},
		{
			name: 'recipient from fields: two audiences (any), a redelivery, an excluded audience',
			parameters: {
				resource: 'message',
				operation: 'sendNarrowcast',
				recipientInput: 'fields',
				includeAudiences: {
					audience: [
						{ audienceGroupId: { __rl: true, mode: 'list', value: '5614991017776' } },
						{ audienceGroupId: { __rl: true, mode: 'id', value: '4389303728991' } },
					],
				},
				redeliveryRequestIds: '5b59509c-c57b-11e9-aa8c-2a2ae2dbcce4',
				recipientCombine: 'or',
				excludeAudiences: {
					audience: [{ audienceGroupId: { __rl: true, mode: 'list', value: '1234567890123' } }],
				},
				...hello,
			},
			request: {
				method: 'POST',
				path: '/v2/bot/message/narrowcast',
				body: {
					messages: HELLO,
					recipient: {
						type: 'operator',
						and: [
							{
								type: 'operator',
								or: [
									{ type: 'audience', audienceGroupId: 5614991017776 },
									{ type: 'audience', audienceGroupId: 4389303728991 },
									{ type: 'redelivery', requestId: '5b59509c-c57b-11e9-aa8c-2a2ae2dbcce4' },
								],
							},
							{
								type: 'operator',
								not: { type: 'audience', audienceGroupId: 1234567890123 },
							},
						],
					},
				},
				retryKey: true,
			},
			output: (request) => ({ requestId: lineRequestId(request), retryKey: retryKeyOf(request) }),
		},
		{
			name: 'filter from fields: age, gender, app type, area and friendship period "and"-ed, one audience',
			parameters: {
				resource: 'message',
				operation: 'sendNarrowcast',
				recipientInput: 'fields',
				includeAudiences: {
					audience: [{ audienceGroupId: { __rl: true, mode: 'list', value: '5614991017776' } }],
				},
				demographicInput: 'fields',
				demographicFilter: {
					ageGte: 'age_20',
					ageLt: 'age_40',
					genders: ['female', 'male'],
					appTypes: ['android'],
					areas: ['jp_13', 'th_08', 'id_12'],
					subscriptionPeriodGte: 'day_30',
				},
				...hello,
			},
			request: {
				method: 'POST',
				path: '/v2/bot/message/narrowcast',
				body: {
					messages: HELLO,
					recipient: { type: 'audience', audienceGroupId: 5614991017776 },
					filter: {
						demographic: {
							type: 'operator',
							and: [
								{ type: 'gender', oneOf: ['female', 'male'] },
								{ type: 'age', gte: 'age_20', lt: 'age_40' },
								{ type: 'appType', oneOf: ['android'] },
								{ type: 'area', oneOf: ['jp_13', 'th_08', 'id_12'] },
								{ type: 'subscriptionPeriod', gte: 'day_30' },
							],
						},
					},
				},
				retryKey: true,
			},
			output: (request) => ({ requestId: lineRequestId(request), retryKey: retryKeyOf(request) }),
		},
	],
	'message/getNarrowcastProgress': [
		{
			name: 'progress of a narrowcast',
			parameters: { resource: 'message', operation: 'getNarrowcastProgress' },
			input: [{ requestId: 'narrowcast-request-1' }],
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/message/progress/narrowcast', () => ({
					status: 200,
					body: narrowcastProgress,
				})),
			request: {
				method: 'GET',
				path: '/v2/bot/message/progress/narrowcast',
				query: { requestId: 'narrowcast-request-1' },
				retryKey: false,
			},
			output: () => ({ requestId: 'narrowcast-request-1', ...narrowcastProgress }),
		},
	],
	'message/validate': ['push', 'reply', 'multicast', 'broadcast', 'narrowcast'].map(validateCase),
	'chat/showLoadingAnimation': [
		{
			name: 'loading animation for the user of the event',
			parameters: { resource: 'chat', operation: 'showLoadingAnimation', loadingSeconds: 30 },
			input: [{ source: { type: 'user', userId: USER } }],
			request: {
				method: 'POST',
				path: '/v2/bot/chat/loading/start',
				body: { chatId: USER, loadingSeconds: 30 },
				retryKey: false,
			},
			output: (request) => ({
				chatId: USER,
				loadingSeconds: 30,
				requestId: lineRequestId(request),
			}),
		},
	],
	'quota/getMessageQuota': [
		{
			name: 'message quota',
			parameters: { resource: 'quota', operation: 'getMessageQuota' },
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/message/quota', () => ({
					status: 200,
					body: { type: 'limited', value: 5000 },
				})),
			request: { method: 'GET', path: '/v2/bot/message/quota', retryKey: false },
			output: () => ({ type: 'limited', value: 5000 }),
		},
	],
	'quota/getQuotaConsumption': [
		{
			name: 'quota consumption',
			parameters: { resource: 'quota', operation: 'getQuotaConsumption' },
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/message/quota/consumption', () => ({
					status: 200,
					body: { totalUsage: 1234 },
				})),
			request: { method: 'GET', path: '/v2/bot/message/quota/consumption', retryKey: false },
			output: () => ({ totalUsage: 1234 }),
		},
	],
	'quota/getNumberOfSentMessages': [
		sentMessagesCase('push', '20261122'),
		sentMessagesCase('reply', '2026-11-22'),
		// An instant is counted on its day in UTC+9: 16:30 UTC on the 21st is the 22nd in Tokyo.
		sentMessagesCase('multicast', '={{ $json.when }}', [{ when: '2026-11-21T16:30:00Z' }]),
		sentMessagesCase(
			'broadcast',
			"={{ DateTime.fromISO('2026-11-22T08:00:00', { zone: 'Asia/Tokyo' }) }}",
		),
		// LINE notification messages (Send by Phone Number): getPNPMessageStatistics.
		sentMessagesCase('pnp', '2026-11-22'),
	],
	'bot/getBotInfo': [
		{
			name: 'bot info',
			parameters: { resource: 'bot', operation: 'getBotInfo' },
			request: { method: 'GET', path: '/v2/bot/info', retryKey: false },
			output: (request) => request.response.body as IDataObject,
		},
	],
	'user/getProfile': [
		{
			name: 'profile of the user of the event',
			parameters: { resource: 'user', operation: 'getProfile' },
			input: [{ source: { type: 'user', userId: USER } }],
			request: { method: 'GET', path: `/v2/bot/profile/${USER}`, retryKey: false },
			output: responseBody,
		},
	],
	'user/getFollowerIds': [
		{
			name: 'every follower, 1000 per page',
			parameters: { resource: 'user', operation: 'getFollowerIds', returnAll: true },
			request: {
				method: 'GET',
				path: '/v2/bot/followers/ids',
				query: { limit: '1000' },
				retryKey: false,
			},
			output: () => MOCK_MEMBERS.map((userId) => ({ userId })),
		},
		{
			name: 'the first 2 followers, asking LINE for 2',
			parameters: { resource: 'user', operation: 'getFollowerIds', limit: 2 },
			request: {
				method: 'GET',
				path: '/v2/bot/followers/ids',
				query: { limit: '2' },
				retryKey: false,
			},
			output: () => MOCK_MEMBERS.slice(0, 2).map((userId) => ({ userId })),
		},
	],
	'group/getSummary': [chatCase('group', 'getSummary', '/summary', responseBody)],
	'group/getMemberCount': memberCases('group').getMemberCount,
	'group/getMemberIds': memberCases('group').getMemberIds,
	'group/getMemberProfile': memberCases('group').getMemberProfile,
	'group/leave': memberCases('group').leave,
	'room/getMemberCount': memberCases('room').getMemberCount,
	'room/getMemberIds': memberCases('room').getMemberIds,
	'room/getMemberProfile': memberCases('room').getMemberProfile,
	'room/leave': memberCases('room').leave,
	'content/getMessageContent': [
		{
			name: 'content of the message of the event, without the transcoding check',
			parameters: { resource: 'content', operation: 'getMessageContent', waitForTranscoding: 0 },
			input: [{ message: { type: 'image', id: MESSAGE_ID } }],
			request: {
				method: 'GET',
				path: `/v2/bot/message/${MESSAGE_ID}/content`,
				retryKey: false,
			},
			output: () => ({
				messageId: MESSAGE_ID,
				mimeType: 'image/jpeg',
				fileName: `${MESSAGE_ID}.jpg`,
				fileSize: mockContentBytes(MESSAGE_ID).length,
			}),
			binary: () => ({
				data: binaryOf(mockContentBytes(MESSAGE_ID), 'image/jpeg', `${MESSAGE_ID}.jpg`),
			}),
		},
		{
			name: 'content of a video, once LINE says it is ready',
			parameters: { resource: 'content', operation: 'getMessageContent', waitForTranscoding: 5 },
			input: [{ message: { type: 'video', id: MESSAGE_ID } }],
			arrange: (mock) =>
				mock.once('GET', `/v2/bot/message/${MESSAGE_ID}/content/transcoding`, () => ({
					status: 200,
					body: { status: 'succeeded' },
				})),
			before: [{ method: 'GET', path: `/v2/bot/message/${MESSAGE_ID}/content/transcoding` }],
			request: {
				method: 'GET',
				path: `/v2/bot/message/${MESSAGE_ID}/content`,
				retryKey: false,
			},
			output: () => ({
				messageId: MESSAGE_ID,
				mimeType: 'image/jpeg',
				fileName: `${MESSAGE_ID}.jpg`,
				fileSize: mockContentBytes(MESSAGE_ID).length,
			}),
			binary: () => ({
				data: binaryOf(mockContentBytes(MESSAGE_ID), 'image/jpeg', `${MESSAGE_ID}.jpg`),
			}),
		},
		{
			name: 'preview image into another binary field',
			parameters: {
				resource: 'content',
				operation: 'getMessageContent',
				preview: true,
				binaryPropertyName: 'preview',
			},
			input: [{ message: { type: 'video', id: MESSAGE_ID } }],
			request: {
				method: 'GET',
				path: `/v2/bot/message/${MESSAGE_ID}/content/preview`,
				retryKey: false,
			},
			output: () => ({
				messageId: MESSAGE_ID,
				mimeType: 'image/jpeg',
				fileName: `${MESSAGE_ID}-preview.jpg`,
				fileSize: mockContentBytes(MESSAGE_ID, true).length,
			}),
			binary: () => ({
				preview: binaryOf(
					mockContentBytes(MESSAGE_ID, true),
					'image/jpeg',
					`${MESSAGE_ID}-preview.jpg`,
				),
			}),
		},
	],
	'chat/markAsRead': [
		{
			name: 'mark as read with the token of the message event',
			parameters: { resource: 'chat', operation: 'markAsRead' },
			input: [{ message: { id: MESSAGE_ID, markAsReadToken: 'nz0x74mZT2mRn-token' } }],
			request: {
				method: 'POST',
				path: '/v2/bot/chat/markAsRead',
				body: { markAsReadToken: 'nz0x74mZT2mRn-token' },
				retryKey: false,
			},
			output: (request) => ({ markedAsRead: true, requestId: lineRequestId(request) }),
		},
	],
	'webhook/getEndpoint': [
		{
			name: 'webhook endpoint',
			parameters: { resource: 'webhook', operation: 'getEndpoint' },
			request: { method: 'GET', path: '/v2/bot/channel/webhook/endpoint', retryKey: false },
			output: responseBody,
		},
	],
	'webhook/setEndpoint': [
		{
			name: 'set an HTTPS webhook endpoint',
			parameters: {
				resource: 'webhook',
				operation: 'setEndpoint',
				endpoint: ' https://n8n.example.com/webhook/line ',
			},
			request: {
				method: 'PUT',
				path: '/v2/bot/channel/webhook/endpoint',
				body: { endpoint: 'https://n8n.example.com/webhook/line' },
				retryKey: false,
			},
			output: (request) => ({
				endpoint: 'https://n8n.example.com/webhook/line',
				requestId: lineRequestId(request),
			}),
		},
	],
	'webhook/testEndpoint': [
		{
			name: 'test the endpoint set for the channel',
			parameters: { resource: 'webhook', operation: 'testEndpoint' },
			request: {
				method: 'POST',
				path: '/v2/bot/channel/webhook/test',
				retryKey: false,
			},
			output: responseBody,
		},
		{
			name: 'test another endpoint',
			parameters: {
				resource: 'webhook',
				operation: 'testEndpoint',
				endpoint: 'https://n8n.example.com/webhook-test/line',
			},
			request: {
				method: 'POST',
				path: '/v2/bot/channel/webhook/test',
				body: { endpoint: 'https://n8n.example.com/webhook-test/line' },
				retryKey: false,
			},
			output: responseBody,
		},
	],
};
