import type { JsonObject } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['richMenu'], operation: ['getDefaultId'] } };

export const getDefaultId: LineOperation = {
	description: updateDisplayOptions(showFor, []),

	async execute(context) {
		const { fn, client } = context;
		return await runPerItem(context, async (itemIndex) => {
			try {
				const { body } = await client.request<{ richMenuId?: string }>(
					{ method: 'GET', path: '/v2/bot/user/all/richmenu' },
					itemIndex,
				);
				return { richMenuId: body.richMenuId ?? null };
			} catch (error) {
				// LINE answers 404 when no default rich menu is set: an answer, not a failure.
				if ((error as { httpCode?: string | null }).httpCode === '404') return { richMenuId: null };
				// Already a NodeApiError from the transport: n8n hands the same error back.
				throw new NodeApiError(fn.getNode(), error as JsonObject);
			}
		});
	},
};
