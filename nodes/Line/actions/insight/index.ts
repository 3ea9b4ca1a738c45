import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { getFriendsDemographics } from './getFriendsDemographics.operation';
import { getMessageEvent } from './getMessageEvent.operation';
import { getNumberOfFollowers } from './getNumberOfFollowers.operation';
import { getNumberOfMessageDeliveries } from './getNumberOfMessageDeliveries.operation';
import { getRichMenuInsightDaily } from './getRichMenuInsightDaily.operation';
import { getRichMenuInsightSummary } from './getRichMenuInsightSummary.operation';
import { getStatisticsPerUnit } from './getStatisticsPerUnit.operation';

export const insight: Record<string, OperationEntry> = {
	getNumberOfFollowers: {
		operation: getNumberOfFollowers,
		api: ['getNumberOfFollowers'],
		option: {
			name: 'Get Number of Followers',
			action: 'Get the number of followers',
			description: 'Friends added, targeted reaches and blocks as of a day',
		},
	},
	getFriendsDemographics: {
		operation: getFriendsDemographics,
		api: ['getFriendsDemographics'],
		option: {
			name: 'Get Friends Demographics',
			action: 'Get friends demographics',
			description: 'Shares of friends by gender, age, area, OS and friendship length',
		},
	},
	getNumberOfMessageDeliveries: {
		operation: getNumberOfMessageDeliveries,
		api: ['getNumberOfMessageDeliveries'],
		option: {
			name: 'Get Number of Message Deliveries',
			action: 'Get the number of message deliveries',
			description: 'Messages the account sent on a day, by how they were sent',
		},
	},
	getMessageEvent: {
		operation: getMessageEvent,
		api: ['getMessageEvent'],
		option: {
			name: 'Get User Interaction Statistics',
			action: 'Get user interaction statistics of a message',
			description: 'Impressions, clicks and plays of a broadcast or narrowcast, by its request ID',
		},
	},
	getStatisticsPerUnit: {
		operation: getStatisticsPerUnit,
		api: ['getStatisticsPerUnit'],
		option: {
			name: 'Get Statistics per Unit',
			action: 'Get statistics per aggregation unit',
			description:
				'Impressions, clicks and plays of the push and multicast messages of an aggregation unit over up to 31 days',
		},
	},
	getRichMenuInsightSummary: {
		operation: getRichMenuInsightSummary,
		api: ['getRichMenuInsightSummary'],
		option: {
			name: 'Get Rich Menu Insight Summary',
			action: 'Get a rich menu insight summary',
			description: 'Impressions of a rich menu and clicks per area, totalled over a period',
		},
	},
	getRichMenuInsightDaily: {
		operation: getRichMenuInsightDaily,
		api: ['getRichMenuInsightDaily'],
		option: {
			name: 'Get Rich Menu Daily Insight',
			action: 'Get rich menu insight per day',
			description: 'Impressions of a rich menu and clicks per area, day by day',
		},
	},
};

export const insightDescription = resourceDescription('insight', insight, 'getNumberOfFollowers');
