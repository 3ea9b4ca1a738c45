import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['message'], operation: ['getNarrowcastProgress'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Request ID',
		name: 'requestId',
		type: 'string',
		required: true,
		default: '={{ $json.requestId }}',
		description: 'The request ID a Send Narrowcast returned',
	},
];

export const getNarrowcastProgress: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, async (itemIndex) => {
			const requestId = String(params.get('requestId', itemIndex) ?? '').trim();
			if (requestId === '')
				throw new InputError(
					'requestId',
					'is empty',
					'Map the requestId output of Send Narrowcast.',
				);
			const response = await client.request(
				{ method: 'GET', path: '/v2/bot/message/progress/narrowcast', qs: { requestId } },
				itemIndex,
			);
			return { requestId, ...response.body };
		});
	},
};
