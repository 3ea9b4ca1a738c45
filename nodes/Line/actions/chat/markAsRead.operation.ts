import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['chat'], operation: ['markAsRead'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Mark as Read Token',
		name: 'markAsReadToken',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '={{ $json.message?.markAsReadToken }}',
		placeholder: 'nz0x74mZT2mRn...',
		description:
			'The markAsReadToken of a message event (from the LINE Trigger). Marks that message and every earlier one in the chat as read. Only the bot that received the event can use its token.',
	},
];

export const markAsRead: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => {
				const markAsReadToken = String(params.get('markAsReadToken', itemIndex) ?? '').trim();
				if (markAsReadToken === '') {
					throw new InputError(
						'markAsReadToken',
						'is empty',
						'Map the token of a LINE Trigger message event, e.g. {{ $json.message.markAsReadToken }}. Only message events carry one.',
					);
				}
				return { markAsReadToken };
			},
			send: async (body, itemIndex) => {
				const response = await client.request(
					{ method: 'POST', path: '/v2/bot/chat/markAsRead', body },
					itemIndex,
				);
				return { markedAsRead: true, requestId: response.requestId ?? null };
			},
		});
	},
};
