import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { send } from './send.operation';

export const message: Record<string, OperationEntry> = {
	send: {
		operation: send,
		option: {
			name: 'Send',
			action: 'Send a message',
			description: 'Send a message on WhatsApp, Telegram, LINE or Facebook Messenger',
		},
	},
};

export const messageDescription = resourceDescription('message', message, 'send');
