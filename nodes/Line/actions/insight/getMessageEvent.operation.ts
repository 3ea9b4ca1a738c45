import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { describeValue, fail } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['insight'], operation: ['getMessageEvent'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Request ID',
		name: 'requestId',
		type: 'string',
		required: true,
		default: '={{ $json.requestId }}',
		placeholder: 'f70dd685-499a-4231-a441-f24b8d4fba21',
		description:
			'The request ID of a broadcast or narrowcast: the requestId output of Send Broadcast or Send Narrowcast. Output: overview, messages (per bubble) and clicks (per URL); counts LINE withholds (too few users, for privacy) are null.',
	},
];

export const getMessageEvent: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => {
				const raw = params.get<unknown>('requestId', itemIndex);
				const requestId =
					typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
				if (requestId === '') {
					fail(
						'requestId',
						`is empty (got ${describeValue(raw)})`,
						'Map the requestId output of Send Broadcast or Send Narrowcast.',
					);
				}
				if (/\s/.test(requestId)) {
					fail(
						'requestId',
						`${describeValue(requestId)} is not a LINE request ID (it contains spaces)`,
					);
				}
				return requestId;
			},
			send: async (requestId, itemIndex) => {
				const response = await client.request(
					{ method: 'GET', path: '/v2/bot/insight/message/event', qs: { requestId } },
					itemIndex,
				);
				return { requestId, ...response.body };
			},
		});
	},
};
