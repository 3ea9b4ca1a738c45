import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { getEndpoint } from './getEndpoint.operation';
import { setEndpoint } from './setEndpoint.operation';
import { testEndpoint } from './testEndpoint.operation';

export const webhook: Record<string, OperationEntry> = {
	getEndpoint: {
		operation: getEndpoint,
		api: ['getWebhookEndpoint'],
		option: {
			name: 'Get Endpoint',
			action: 'Get the webhook endpoint',
			description: "The channel's webhook URL and whether webhook use is on",
		},
	},
	setEndpoint: {
		operation: setEndpoint,
		api: ['setWebhookEndpoint'],
		option: {
			name: 'Set Endpoint',
			action: 'Set the webhook endpoint',
			description: "Point the channel's webhook at a URL (HTTPS only)",
		},
	},
	testEndpoint: {
		operation: testEndpoint,
		api: ['testWebhookEndpoint'],
		option: {
			name: 'Test Endpoint',
			action: 'Test the webhook endpoint',
			description:
				'Have LINE send a test event to a webhook URL and report how it answered (success false is a result, not an error)',
		},
	},
};

export const webhookDescription = resourceDescription('webhook', webhook, 'getEndpoint');
