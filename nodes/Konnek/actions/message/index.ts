import type { INodeProperties } from 'n8n-workflow';

import type { KonnekOperation } from '../types';
import { send } from './send.operation';

export const message: Record<string, { operation: KonnekOperation }> = {
	send: { operation: send },
};

export const messageDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				action: 'Send a message',
				description: 'Send a message on WhatsApp, Telegram, LINE or Facebook Messenger',
			},
		],
		default: 'send',
	},
	...send.description,
];
