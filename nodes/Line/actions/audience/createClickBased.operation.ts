import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import {
	checkClickUrl,
	checkDescription,
	checkMessageRequestId,
	descriptionField,
	requestIdField,
} from './common';

const showFor = { show: { resource: ['audience'], operation: ['createClickBased'] } };

const properties: INodeProperties[] = [
	descriptionField(),
	requestIdField(
		'The request ID of a broadcast or narrowcast sent in the past 60 days (the requestId output of Message → Send Broadcast or Send Narrowcast). The audience holds the users who clicked a URL in it.',
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Click URL',
				name: 'clickUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/sale',
				description:
					'Only users who clicked this URL of the message (at most 2000 characters). Without it, users who clicked any URL in the message.',
			},
		],
	},
];

export const createClickBased: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => {
				const body: IDataObject = {
					description: checkDescription(params.get('description', itemIndex)),
					requestId: checkMessageRequestId(params.get('requestId', itemIndex)),
				};
				const options = params.get<IDataObject>('options', itemIndex, {});
				const clickUrl = checkClickUrl(options.clickUrl);
				if (clickUrl) body.clickUrl = clickUrl;
				return body;
			},
			send: async (body, itemIndex) => {
				const response = await client.request(
					{ method: 'POST', path: '/v2/bot/audienceGroup/click', body },
					itemIndex,
				);
				return response.body;
			},
		});
	},
};
