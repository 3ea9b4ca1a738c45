import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { createComment } from './createComment.operation';
import { getComments } from './getComments.operation';
import { send } from './send.operation';
import { sendLineTransactional } from './sendLineTransactional.operation';

export const message: Record<string, OperationEntry> = {
	send: {
		operation: send,
		option: {
			name: 'Send',
			action: 'Send a message',
			description: "Send a message to a contact on their conversation's channel",
		},
	},
	sendLineTransactional: {
		operation: sendLineTransactional,
		option: {
			name: 'Send LINE Transactional',
			action: 'Send a LINE transactional message',
			description:
				'Send a notification through a LINE Official Account channel to a contact or LINE user ID',
		},
	},
	createComment: {
		operation: createComment,
		option: {
			name: 'Create Comment',
			action: 'Create a comment in a chat room',
			description: 'Add an internal comment for agents to a chat room, with mentions',
		},
	},
	getComments: {
		operation: getComments,
		option: {
			name: 'Get Comments',
			action: 'Get comments of a chat room',
			description: "A chat room's internal comments, one item each",
		},
	},
};

export const messageDescription = resourceDescription('message', message, 'send');
