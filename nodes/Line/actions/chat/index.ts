import { resourceDescription, type OperationEntry } from '../resource';
import { showLoadingAnimation } from './showLoadingAnimation.operation';

export const chat: Record<string, OperationEntry> = {
	showLoadingAnimation: {
		operation: showLoadingAnimation,
		option: {
			name: 'Show Loading Animation',
			action: 'Show a loading animation',
			description: 'Show the user that the bot is working on an answer',
		},
	},
};

export const chatDescription = resourceDescription('chat', chat, 'showLoadingAnimation');
