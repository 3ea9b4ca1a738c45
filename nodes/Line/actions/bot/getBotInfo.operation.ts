import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';

export const getBotInfo: LineOperation = {
	description: updateDisplayOptions({ show: { resource: ['bot'], operation: ['getBotInfo'] } }, []),

	async execute(context) {
		return await runPerItem(context, async (itemIndex) => {
			const response = await context.client.request(
				{ method: 'GET', path: '/v2/bot/info' },
				itemIndex,
			);
			return response.body;
		});
	},
};
