import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { checkEndpoint, endpointField } from './common';

const showFor = { show: { resource: ['webhook'], operation: ['testEndpoint'] } };

const properties = [
	endpointField({
		description:
			'URL to test, at most 500 characters. Leave empty to test the webhook URL set for the channel.',
	}),
];

export const testEndpoint: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => {
				const value = params.get('endpoint', itemIndex, '');
				// Without a URL LINE tests the channel's own webhook URL; the request has no body then.
				if (typeof value === 'string' && value.trim() === '') return undefined;
				const body: IDataObject = { endpoint: checkEndpoint(value, { requireHttps: false }) };
				return body;
			},
			// LINE's answer is the result: `success: false` says the URL did not answer 200, it is
			// not an error of this request.
			send: async (body, itemIndex) => {
				const response = await client.request(
					{ method: 'POST', path: '/v2/bot/channel/webhook/test', body },
					itemIndex,
				);
				return response.body;
			},
		});
	},
};
