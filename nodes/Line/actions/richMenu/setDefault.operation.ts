import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { readRichMenuId, richMenuIdField } from './common';

const showFor = { show: { resource: ['richMenu'], operation: ['setDefault'] } };

const properties = [
	richMenuIdField(
		'ID of the rich menu to show to every user who has no rich menu of their own linked: richmenu- followed by 32 hex characters. Its image must be uploaded first.',
	),
];

export const setDefault: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readRichMenuId(params, itemIndex),
			send: async (richMenuId, itemIndex) => {
				const response = await client.request(
					{ method: 'POST', path: `/v2/bot/user/all/richmenu/${richMenuId}` },
					itemIndex,
				);
				return { richMenuId, isDefault: true, requestId: response.requestId ?? null };
			},
		});
	},
};
