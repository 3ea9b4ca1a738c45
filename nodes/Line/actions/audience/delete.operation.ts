import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { audienceGroupIdField, readAudienceGroupId } from './common';

const showFor = { show: { resource: ['audience'], operation: ['delete'] } };

const properties = [audienceGroupIdField('The audience to delete')];

export const deleteAudience: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readAudienceGroupId(params, itemIndex),
			send: async (audienceGroupId, itemIndex) => {
				const response = await client.request(
					{ method: 'DELETE', path: `/v2/bot/audienceGroup/${audienceGroupId}` },
					itemIndex,
				);
				return { audienceGroupId, deleted: true, requestId: response.requestId ?? null };
			},
		});
	},
};
