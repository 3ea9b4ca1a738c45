import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { readUserId, userIdField } from '../user/common';

const showFor = { show: { resource: ['chat'], operation: ['markAsReadByChat'] } };

const properties = [
	userIdField(
		"User ID of the one-to-one chat whose messages to mark as read: U followed by 32 hex characters, e.g. source.userId of a LINE Trigger event. LINE's partner API: only accounts LINE has enabled for it may use it; any other account should use Mark as Read with the token of a message event.",
	),
];

export const markAsReadByChat: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readUserId(params, itemIndex),
			send: async (userId, itemIndex) => {
				const response = await client.request(
					{ method: 'POST', path: '/v2/bot/message/markAsRead', body: { chat: { userId } } },
					itemIndex,
				);
				return { userId, markedAsRead: true, requestId: response.requestId ?? null };
			},
		});
	},
};
