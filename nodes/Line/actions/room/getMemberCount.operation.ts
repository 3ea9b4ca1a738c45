import { updateDisplayOptions } from 'n8n-workflow';

import { chatIdField, readChatId } from '../group/common';
import { runPerItem } from '../items';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['room'], operation: ['getMemberCount'] } };

export const getMemberCount: LineOperation = {
	description: updateDisplayOptions(showFor, [chatIdField('room')]),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readChatId(params, 'room', itemIndex),
			send: async (roomId, itemIndex) => {
				const response = await client.request<{ count?: number }>(
					{ method: 'GET', path: `/v2/bot/room/${roomId}/members/count` },
					itemIndex,
				);
				return { roomId, ...response.body };
			},
		});
	},
};
