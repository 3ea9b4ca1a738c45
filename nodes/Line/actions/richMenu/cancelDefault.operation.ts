import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['richMenu'], operation: ['cancelDefault'] } };

export const cancelDefault: LineOperation = {
	description: updateDisplayOptions(showFor, []),

	async execute(context) {
		const { client } = context;
		return await runPerItem(context, async (itemIndex) => {
			const response = await client.request(
				{ method: 'DELETE', path: '/v2/bot/user/all/richmenu' },
				itemIndex,
			);
			return { defaultCancelled: true, requestId: response.requestId ?? null };
		});
	},
};
