import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { getMessageQuota } from './getMessageQuota.operation';
import { getNumberOfSentMessages } from './getNumberOfSentMessages.operation';
import { getQuotaConsumption } from './getQuotaConsumption.operation';

export const quota: Record<string, OperationEntry> = {
	getMessageQuota: {
		operation: getMessageQuota,
		api: ['getMessageQuota'],
		option: {
			name: 'Get Message Quota',
			action: 'Get the message quota',
			description: "This month's limit of billable messages",
		},
	},
	getQuotaConsumption: {
		operation: getQuotaConsumption,
		api: ['getMessageQuotaConsumption'],
		option: {
			name: 'Get Quota Consumption',
			action: 'Get the quota consumption',
			description: 'Billable messages sent this month',
		},
	},
	getNumberOfSentMessages: {
		operation: getNumberOfSentMessages,
		api: [
			'getNumberOfSentPushMessages',
			'getNumberOfSentReplyMessages',
			'getNumberOfSentMulticastMessages',
			'getNumberOfSentBroadcastMessages',
		],
		option: {
			name: 'Get Number of Sent Messages',
			action: 'Get the number of sent messages',
			description: 'Push, reply, multicast or broadcast messages sent on a day',
		},
	},
};

export const quotaDescription = resourceDescription('quota', quota, 'getMessageQuota');
