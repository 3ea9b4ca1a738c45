import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { sendNotification } from './sendNotification.operation';

export const message: Record<string, OperationEntry> = {
	sendNotification: {
		operation: sendNotification,
		option: {
			name: 'Send Notification',
			action: 'Send a LINE notification',
			description: 'Send a LINE Official Notification (a bubble) to phone numbers',
		},
	},
};

export const messageDescription = resourceDescription('message', message, 'sendNotification');
