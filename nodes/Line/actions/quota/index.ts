import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { getAggregationUnitNameList } from './getAggregationUnitNameList.operation';
import { getAggregationUnitUsage } from './getAggregationUnitUsage.operation';
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
			'getPNPMessageStatistics',
		],
		option: {
			name: 'Get Number of Sent Messages',
			action: 'Get the number of sent messages',
			description:
				'Push, reply, multicast, broadcast or LINE notification (phone number) messages sent on a day',
		},
	},
	getAggregationUnitUsage: {
		operation: getAggregationUnitUsage,
		api: ['getAggregationUnitUsage'],
		option: {
			name: 'Get Aggregation Unit Usage',
			action: 'Get the aggregation unit usage',
			description: 'How many aggregation units were used this month',
		},
	},
	getAggregationUnitNameList: {
		operation: getAggregationUnitNameList,
		api: ['getAggregationUnitNameList'],
		option: {
			name: 'Get Aggregation Unit Names',
			action: 'Get the aggregation unit names',
			description: 'Names of the aggregation units used this month, one item each',
		},
	},
};

export const quotaDescription = resourceDescription('quota', quota, 'getMessageQuota');
