import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { getBotInfo } from './getBotInfo.operation';

export const bot: Record<string, OperationEntry> = {
	getBotInfo: {
		operation: getBotInfo,
		api: ['getBotInfo'],
		option: {
			name: 'Get Bot Info',
			action: 'Get bot info',
			description: "The bot's user ID, basic ID, display name and chat settings",
		},
	},
};

export const botDescription = resourceDescription('bot', bot, 'getBotInfo');
