import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { readRichMenu, richMenuFields } from './common';

const showFor = { show: { resource: ['richMenu'], operation: ['validate'] } };

export const validate: LineOperation = {
	description: updateDisplayOptions(showFor, richMenuFields()),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readRichMenu(params, itemIndex),
			send: async (richMenu, itemIndex) => {
				// LINE answers 200 for a valid rich menu and 400 with details for an invalid one.
				const response = await client.request(
					{ method: 'POST', path: '/v2/bot/richmenu/validate', body: richMenu },
					itemIndex,
				);
				return {
					valid: true,
					name: richMenu.name,
					areaCount: Array.isArray(richMenu.areas) ? richMenu.areas.length : 0,
					requestId: response.requestId ?? null,
				};
			},
		});
	},
};
