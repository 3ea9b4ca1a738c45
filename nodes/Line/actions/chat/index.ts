import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { markAsRead } from './markAsRead.operation';
import { markAsReadByChat } from './markAsReadByChat.operation';
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
			description:
				"Show the user that the bot has read their messages, up to a message's token (any account; the token comes with each message event)",
		},
	},
	markAsReadByChat: {
		operation: markAsReadByChat,
		api: ['markMessagesAsRead'],
		option: {
			name: 'Mark as Read (by Chat)',
			action: 'Mark all messages of a chat as read',
			description:
				"Mark every message of a user's chat as read, by user ID, without a token (partner API: only for accounts LINE has enabled for it)",
		},
	},
};

export const chatDescription = resourceDescription('chat', chat, 'showLoadingAnimation');
