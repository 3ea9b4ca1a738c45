import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { markAsRead } from './markAsRead.operation';
import { showLoadingAnimation } from './showLoadingAnimation.operation';

export const chat: Record<string, OperationEntry> = {
	showLoadingAnimation: {
		operation: showLoadingAnimation,
		api: ['showLoadingAnimation'],
		option: {
			name: 'Show Loading Animation',
			action: 'Show a loading animation',
			description: 'Show the user that the bot is working on an answer',
		},
	},
	markAsRead: {
		operation: markAsRead,
		api: ['markMessagesAsReadByToken'],
		option: {
			name: 'Mark as Read',
			action: 'Mark messages as read',
			description: "Show the user that the bot has read their messages, up to a message's token",
		},
	},
};

export const chatDescription = resourceDescription('chat', chat, 'showLoadingAnimation');
