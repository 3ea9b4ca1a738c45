import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';

export const getAggregationUnitUsage: LineOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['quota'], operation: ['getAggregationUnitUsage'] } },
		[],
	),

	async execute(context) {
		return await runPerItem(context, async (itemIndex) => {
			const response = await context.client.request(
				{ method: 'GET', path: '/v2/bot/message/aggregation/info' },
				itemIndex,
			);
			return response.body;
		});
	},
};
