import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['richMenu'], operation: ['getMany'] } };

export const getMany: LineOperation = {
	// LINE answers every rich menu of the channel at once (at most 1000): nothing to page or limit.
	description: updateDisplayOptions(showFor, []),

	async execute(context) {
		const { client } = context;
		return await runPerItem(context, async (itemIndex) => {
			const { body } = await client.request<{ richmenus?: IDataObject[] }>(
				{ method: 'GET', path: '/v2/bot/richmenu/list' },
				itemIndex,
			);
			return body.richmenus ?? [];
		});
	},
};
