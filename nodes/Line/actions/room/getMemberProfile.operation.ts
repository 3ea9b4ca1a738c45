import { updateDisplayOptions } from 'n8n-workflow';

import { chatIdField, readChatId } from '../group/common';
import { runPerItem } from '../items';
import type { LineOperation } from '../types';
import { readUserId, userIdField } from '../user/common';

const showFor = { show: { resource: ['room'], operation: ['getMemberProfile'] } };

const properties = [
	chatIdField('room'),
	userIdField(
		'User ID of a member: U followed by 32 hex characters, e.g. source.userId of a LINE Trigger event, or the userId of an item from Get Member IDs. The member need not be a friend of the account.',
	),
];

export const getMemberProfile: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => ({
				roomId: readChatId(params, 'room', itemIndex),
				userId: readUserId(params, itemIndex),
			}),
			send: async ({ roomId, userId }, itemIndex) => {
				const response = await client.request(
					{ method: 'GET', path: `/v2/bot/room/${roomId}/member/${userId}` },
					itemIndex,
				);
				return { roomId, ...response.body };
			},
		});
	},
};
