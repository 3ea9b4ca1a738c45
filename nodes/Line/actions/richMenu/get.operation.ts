import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { readRichMenuId, richMenuIdField } from './common';

const showFor = { show: { resource: ['richMenu'], operation: ['get'] } };

const properties = [
	richMenuIdField(
		'ID of the rich menu: richmenu- followed by 32 hex characters, e.g. from Create or Get Many',
	),
];

export const get: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readRichMenuId(params, itemIndex),
			send: async (richMenuId, itemIndex) => {
				const response = await client.request(
					{ method: 'GET', path: `/v2/bot/richmenu/${richMenuId}` },
					itemIndex,
				);
				return response.body;
			},
		});
	},
};
