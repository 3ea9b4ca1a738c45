import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { checkEndpoint, endpointField, talksToLine } from './common';

const showFor = { show: { resource: ['webhook'], operation: ['setEndpoint'] } };

const properties = [
	endpointField({
		required: true,
		description:
			"The URL LINE sends the channel's webhook events to, e.g. the production URL of a LINE Trigger node. LINE accepts only HTTPS URLs of at most 500 characters; http:// is checked and refused before sending unless the credential's API Base URL is not https://api.line.me (a local LINE sandbox). Webhook use itself is switched on in the LINE Developers console.",
	}),
];

export const setEndpoint: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		const requireHttps = await talksToLine(context.fn);
		return await runPerItem(context, {
			prepare: (itemIndex) => checkEndpoint(params.get('endpoint', itemIndex), { requireHttps }),
			send: async (endpoint, itemIndex) => {
				const response = await client.request(
					{ method: 'PUT', path: '/v2/bot/channel/webhook/endpoint', body: { endpoint } },
					itemIndex,
				);
				return { endpoint, requestId: response.requestId ?? null };
			},
		});
	},
};
