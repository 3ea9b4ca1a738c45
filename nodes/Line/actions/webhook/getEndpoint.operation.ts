import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';

export const getEndpoint: LineOperation = {
	description: updateDisplayOptions(
		{ show: { resource: ['webhook'], operation: ['getEndpoint'] } },
		[],
	),

	async execute(context) {
		return await runPerItem(context, async (itemIndex) => {
			const response = await context.client.request(
				{ method: 'GET', path: '/v2/bot/channel/webhook/endpoint' },
				itemIndex,
			);
			return response.body;
		});
	},
};
