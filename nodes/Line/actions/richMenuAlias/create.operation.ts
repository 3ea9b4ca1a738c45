import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { aliasIdField, aliasRichMenuIdField, readAliasId, readAliasRichMenuId } from './common';

const showFor = { show: { resource: ['richMenuAlias'], operation: ['create'] } };

const properties = [
	aliasIdField(
		'ID of the new alias, unique in the channel: 1–32 lowercase letters a–z, digits, - or _. Rich menu switch actions name it as richMenuAliasId.',
		false,
	),
	aliasRichMenuIdField(
		'ID of the rich menu the alias points to (richmenu- followed by 32 hex characters), e.g. the richMenuId of Create Rich Menu. The rich menu needs an image.',
	),
];

export const create: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => ({
				richMenuAliasId: readAliasId(params, itemIndex),
				richMenuId: readAliasRichMenuId(params, itemIndex),
			}),
			send: async (body, itemIndex) => {
				const response = await client.request(
					{ method: 'POST', path: '/v2/bot/richmenu/alias', body: { ...body } },
					itemIndex,
				);
				return { ...body, requestId: response.requestId ?? null };
			},
		});
	},
};
