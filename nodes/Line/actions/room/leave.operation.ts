import { updateDisplayOptions } from 'n8n-workflow';

import { chatIdField, readChatId } from '../group/common';
import { runPerItem } from '../items';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['room'], operation: ['leave'] } };

export const leave: LineOperation = {
	description: updateDisplayOptions(showFor, [chatIdField('room')]),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readChatId(params, 'room', itemIndex),
			send: async (roomId, itemIndex) => {
				const response = await client.request(
					{ method: 'POST', path: `/v2/bot/room/${roomId}/leave` },
					itemIndex,
				);
				return { roomId, left: true, requestId: response.requestId ?? null };
			},
		});
	},
};
