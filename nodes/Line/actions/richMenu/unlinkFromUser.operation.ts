import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { readUserId, userIdField } from '../user/common';

const showFor = { show: { resource: ['richMenu'], operation: ['unlinkFromUser'] } };

const properties = [
	userIdField(
		'User ID: U followed by 32 hex characters, e.g. source.userId of a LINE Trigger event. The user then sees the default rich menu, if there is one.',
	),
];

export const unlinkFromUser: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readUserId(params, itemIndex),
			send: async (userId, itemIndex) => {
				const response = await client.request(
					{ method: 'DELETE', path: `/v2/bot/user/${userId}/richmenu` },
					itemIndex,
				);
				return { userId, unlinked: true, requestId: response.requestId ?? null };
			},
		});
	},
};
