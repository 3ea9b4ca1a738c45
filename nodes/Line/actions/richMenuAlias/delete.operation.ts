import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { aliasIdField, readAliasId } from './common';

const showFor = { show: { resource: ['richMenuAlias'], operation: ['delete'] } };

const properties = [
	aliasIdField(
		'ID of the alias to delete, e.g. richmenu-alias-a. The rich menu it points to is kept.',
		true,
	),
];

export const deleteAlias: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readAliasId(params, itemIndex),
			send: async (richMenuAliasId, itemIndex) => {
				const response = await client.request(
					{ method: 'DELETE', path: `/v2/bot/richmenu/alias/${richMenuAliasId}` },
					itemIndex,
				);
				return { richMenuAliasId, deleted: true, requestId: response.requestId ?? null };
			},
		});
	},
};
