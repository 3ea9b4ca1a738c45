import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import { readMaxResults, returnAllFields } from '../../../shared/pagination';
import { isObject } from '../../../shared/values';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['richMenuAlias'], operation: ['list'] } };

export const list: LineOperation = {
	description: updateDisplayOptions(showFor, returnAllFields()),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readMaxResults(params, itemIndex),
			send: async (max, itemIndex) => {
				// LINE answers every alias of the channel at once; Limit only shortens the output.
				const { body } = await client.request<{ aliases?: unknown[] }>(
					{ method: 'GET', path: '/v2/bot/richmenu/alias/list' },
					itemIndex,
				);
				const aliases = (Array.isArray(body.aliases) ? body.aliases : []).filter(isObject);
				return aliases.slice(0, max);
			},
		});
	},
};
