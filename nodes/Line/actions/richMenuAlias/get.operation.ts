import { updateDisplayOptions } from 'n8n-workflow';

import { fail } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { aliasIdField, readAliasId } from './common';

const showFor = { show: { resource: ['richMenuAlias'], operation: ['get'] } };

const properties = [aliasIdField('ID of the alias, e.g. richmenu-alias-a', true)];

export const get: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => {
				const richMenuAliasId = readAliasId(params, itemIndex);
				// GET /v2/bot/richmenu/alias/list is LINE's list of aliases, not the alias "list".
				if (richMenuAliasId === 'list') {
					fail(
						'richMenuAliasId',
						'"list" cannot be read on its own: LINE answers the list of all aliases to it',
						'Use Get Many and pick the alias with richMenuAliasId "list".',
					);
				}
				return richMenuAliasId;
			},
			send: async (richMenuAliasId, itemIndex) => {
				const response = await client.request(
					{ method: 'GET', path: `/v2/bot/richmenu/alias/${richMenuAliasId}` },
					itemIndex,
				);
				return response.body;
			},
		});
	},
};
