import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { readRichMenuId, richMenuIdField } from './common';

const showFor = { show: { resource: ['richMenu'], operation: ['delete'] } };

const properties = [
	richMenuIdField(
		'ID of the rich menu to delete: richmenu- followed by 32 hex characters. Users it was linked to no longer see it.',
	),
];

export const deleteRichMenu: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readRichMenuId(params, itemIndex),
			send: async (richMenuId, itemIndex) => {
				const response = await client.request(
					{ method: 'DELETE', path: `/v2/bot/richmenu/${richMenuId}` },
					itemIndex,
				);
				return { richMenuId, deleted: true, requestId: response.requestId ?? null };
			},
		});
	},
};
