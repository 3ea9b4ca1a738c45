import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { aliasIdField, aliasRichMenuIdField, readAliasId, readAliasRichMenuId } from './common';

const showFor = { show: { resource: ['richMenuAlias'], operation: ['update'] } };

const properties = [
	aliasIdField('ID of the alias to point elsewhere, e.g. richmenu-alias-a', true),
	aliasRichMenuIdField(
		'ID of the rich menu the alias points to from now on (richmenu- followed by 32 hex characters). The rich menu needs an image.',
	),
];

export const update: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => ({
				richMenuAliasId: readAliasId(params, itemIndex),
				richMenuId: readAliasRichMenuId(params, itemIndex),
			}),
			send: async ({ richMenuAliasId, richMenuId }, itemIndex) => {
				const response = await client.request(
					{
						method: 'POST',
						path: `/v2/bot/richmenu/alias/${richMenuAliasId}`,
						body: { richMenuId },
					},
					itemIndex,
				);
				return { richMenuAliasId, richMenuId, requestId: response.requestId ?? null };
			},
		});
	},
};
