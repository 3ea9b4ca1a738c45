import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import {
	audienceGroupIdField,
	checkDescription,
	descriptionField,
	DESCRIPTION_RULES,
	readAudienceGroupId,
} from './common';

const showFor = { show: { resource: ['audience'], operation: ['rename'] } };

const properties: INodeProperties[] = [
	audienceGroupIdField('The audience to rename'),
	{
		...descriptionField(`The audience's new name (description): ${DESCRIPTION_RULES}`),
		displayName: 'New Audience Name',
	},
];

export const rename: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => ({
				audienceGroupId: readAudienceGroupId(params, itemIndex),
				description: checkDescription(params.get('description', itemIndex)),
			}),
			send: async ({ audienceGroupId, description }, itemIndex) => {
				const response = await client.request(
					{
						method: 'PUT',
						path: `/v2/bot/audienceGroup/${audienceGroupId}/updateDescription`,
						body: { description },
					},
					itemIndex,
				);
				return { audienceGroupId, description, requestId: response.requestId ?? null };
			},
		});
	},
};
