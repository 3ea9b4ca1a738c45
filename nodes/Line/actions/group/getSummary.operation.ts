import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { chatIdField, readChatId } from './common';

const showFor = { show: { resource: ['group'], operation: ['getSummary'] } };

export const getSummary: LineOperation = {
	description: updateDisplayOptions(showFor, [chatIdField('group')]),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readChatId(params, 'group', itemIndex),
			send: async (groupId, itemIndex) => {
				const response = await client.request(
					{ method: 'GET', path: `/v2/bot/group/${groupId}/summary` },
					itemIndex,
				);
				return response.body;
			},
		});
	},
};
