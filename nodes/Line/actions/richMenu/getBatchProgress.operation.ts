import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { describeValue, InputError } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['richMenu'], operation: ['getBatchProgress'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Request ID',
		name: 'requestId',
		type: 'string',
		required: true,
		default: '={{ $json.requestId }}',
		description:
			'The request ID a Batch Replace or Unlink returned. LINE keeps the progress for 14 days.',
	},
];

function readRequestId(value: unknown): string {
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new InputError(
			'requestId',
			value === undefined || value === null
				? 'is empty'
				: `must be text, got ${describeValue(value)}`,
			'Map the requestId output of Batch Replace or Unlink.',
		);
	}
	const requestId = String(value).trim();
	if (requestId === '') {
		throw new InputError(
			'requestId',
			'is empty',
			'Map the requestId output of Batch Replace or Unlink.',
		);
	}
	if (/\s/.test(requestId)) {
		throw new InputError(
			'requestId',
			`${describeValue(requestId)} is not a request ID (it holds spaces)`,
		);
	}
	return requestId;
}

export const getBatchProgress: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readRequestId(params.get('requestId', itemIndex)),
			send: async (requestId, itemIndex) => {
				const response = await client.request(
					{ method: 'GET', path: '/v2/bot/richmenu/progress/batch', qs: { requestId } },
					itemIndex,
				);
				return { requestId, ...response.body };
			},
		});
	},
};
