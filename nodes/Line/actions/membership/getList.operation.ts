import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';

export const getList: LineOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['membership'], operation: ['getList'] } },
		[],
	),

	async execute(context) {
		return await runPerItem(context, async (itemIndex) => {
			const { body } = await context.client.request<{ memberships?: IDataObject[] }>(
				{ method: 'GET', path: '/v2/bot/membership/list' },
				itemIndex,
			);
			return body.memberships ?? [];
		});
	},
};
