import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import { joinItemCarousels } from '../../helpers/itemCarousels';
import { messageBuilderFields, readMessages } from '../../helpers/messageBuilder';
import type { LineOperation } from '../types';
import { optionBody, readSendOptions, RetryKeys, sendOptionsField, sendResult } from './common';

const showFor = { show: { resource: ['message'], operation: ['sendBroadcast'] } };

const properties: INodeProperties[] = [
	{
		displayName:
			'Broadcast sends to every user who added this LINE Official Account as a friend, once per input item',
		name: 'broadcastNotice',
		type: 'notice',
		default: '',
	},
	...messageBuilderFields(showFor),
	sendOptionsField(['notificationDisabled', 'retryKey']),
];

export const sendBroadcast: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { fn, client, params } = context;
		const retryKeys = new RetryKeys(fn);
		return await runPerItem(context, {
			prepare: (itemIndex) => {
				const messages = readMessages(params, itemIndex, { joinItems: true });
				const options = readSendOptions(params, itemIndex);
				return {
					body: { messages, ...optionBody(options) },
					retryKey: retryKeys.claim(options.retryKey, itemIndex),
				};
			},
			plan: (prepared) =>
				joinItemCarousels(prepared, {
					messagesOf: ({ body }) => body.messages,
					keyOf: ({ body }, messages) => JSON.stringify({ ...body, messages }),
					withMessages: (broadcast, messages, part, first) => ({
						body: { ...broadcast.body, messages },
						retryKey: part === 0 ? broadcast.retryKey : retryKeys.derive(first, `carousel-${part}`),
					}),
				}),
			send: async ({ body, retryKey }, itemIndex) => {
				const response = await client.request(
					{ method: 'POST', path: '/v2/bot/message/broadcast', body, retryKey },
					itemIndex,
				);
				return sendResult(response, retryKey);
			},
		});
	},
};
