import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import { checkRecipientId } from '../../helpers/checks';
import { joinItemCarousels } from '../../helpers/itemCarousels';
import { messageBuilderFields, readMessages } from '../../helpers/messageBuilder';
import type { LineOperation } from '../types';
import {
	optionBody,
	parallelRequestsOption,
	readParallelRequests,
	readSendOptions,
	RetryKeys,
	sendOptionsField,
	sendResult,
} from './common';

const showFor = { show: { resource: ['message'], operation: ['sendPush'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'U4af4980629...',
		description:
			'User, group or room ID to send to: U, C or R followed by 32 hex characters. Take it from a LINE Trigger event (source.userId, source.groupId).',
	},
	...messageBuilderFields(showFor),
	sendOptionsField(
		['customAggregationUnits', 'notificationDisabled', 'retryKey'],
		[
			parallelRequestsOption(
				'How many pushes may be on their way to LINE at once. Pushes to the same chat are always sent one after another, in item order. A 429 (too many requests) is waited out; to stay under a rate limit, set Delivery → Speed Limit.',
			),
		],
	),
];

export const sendPush: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { fn, client, params } = context;
		const retryKeys = new RetryKeys(fn);
		const parallelRequests = readParallelRequests(params);
		return await runPerItem(
			context,
			{
				prepare: (itemIndex) => {
					const to = checkRecipientId(params.get<string>('to', itemIndex), 'to', [
						'user',
						'group',
						'room',
					]);
					const messages = readMessages(params, itemIndex, { joinItems: true });
					const options = readSendOptions(params, itemIndex);
					const retryKey = retryKeys.claim(options.retryKey, itemIndex);
					return { to, body: { to, messages, ...optionBody(options) }, retryKey };
				},
				plan: (prepared) =>
					joinItemCarousels(prepared, {
						messagesOf: ({ body }) => body.messages,
						keyOf: ({ body }, messages) => JSON.stringify({ ...body, messages }),
						withMessages: (push, messages, part, first) => ({
							...push,
							body: { ...push.body, messages },
							retryKey: part === 0 ? push.retryKey : retryKeys.derive(first, `carousel-${part}`),
						}),
					}),
				send: async ({ to, body, retryKey }, itemIndex) => {
					const response = await client.request<{ sentMessages?: unknown[] }>(
						{ method: 'POST', path: '/v2/bot/message/push', body, retryKey },
						itemIndex,
					);
					return {
						to,
						...sendResult(response, retryKey),
						sentMessages: response.body.sentMessages ?? [],
					};
				},
			},
			{ concurrency: parallelRequests, keyOf: ({ to }) => to },
		);
	},
};
