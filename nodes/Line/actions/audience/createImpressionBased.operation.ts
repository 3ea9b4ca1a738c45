import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import {
	checkDescription,
	checkMessageRequestId,
	descriptionField,
	requestIdField,
} from './common';

const showFor = { show: { resource: ['audience'], operation: ['createImpressionBased'] } };

const properties: INodeProperties[] = [
	descriptionField(),
	requestIdField(
		'The request ID of a broadcast or narrowcast sent in the past 60 days (the requestId output of Message → Send Broadcast or Send Narrowcast). The audience holds the users who opened it.',
	),
];

export const createImpressionBased: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => ({
				description: checkDescription(params.get('description', itemIndex)),
				requestId: checkMessageRequestId(params.get('requestId', itemIndex)),
			}),
			send: async (body, itemIndex) => {
				const response = await client.request(
					{ method: 'POST', path: '/v2/bot/audienceGroup/imp', body },
					itemIndex,
				);
				return response.body;
			},
		});
	},
};
