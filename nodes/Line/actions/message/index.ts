import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { getNarrowcastProgress } from './getNarrowcastProgress.operation';
import { sendBroadcast } from './sendBroadcast.operation';
import { sendByPhoneNumber } from './sendByPhoneNumber.operation';
import { sendMulticast } from './sendMulticast.operation';
import { sendNarrowcast } from './sendNarrowcast.operation';
import { sendPush } from './sendPush.operation';
import { sendReply } from './sendReply.operation';
import { validate } from './validate.operation';

export const message: Record<string, OperationEntry> = {
	sendPush: {
		operation: sendPush,
		api: ['pushMessage'],
		option: {
			name: 'Send Push',
			action: 'Send a push message',
			description: 'Send messages to one user, group or room at any time',
		},
	},
	sendReply: {
		operation: sendReply,
		api: ['replyMessage'],
		option: {
			name: 'Send Reply',
			action: 'Send a reply message',
			description: 'Answer an event with its reply token (free of charge)',
		},
	},
	sendMulticast: {
		operation: sendMulticast,
		api: ['multicast'],
		option: {
			name: 'Send Multicast',
			action: 'Send a multicast message',
			description: 'Send the same messages to many users, 500 per request',
		},
	},
	sendBroadcast: {
		operation: sendBroadcast,
		api: ['broadcast'],
		option: {
			name: 'Send Broadcast',
			action: 'Send a broadcast message',
			description: 'Send messages to every friend of the LINE Official Account',
		},
	},
	sendNarrowcast: {
		operation: sendNarrowcast,
		api: ['narrowcast'],
		option: {
			name: 'Send Narrowcast',
			action: 'Send a narrowcast message',
			description: 'Send messages to an audience or to friends matching a demographic filter',
		},
	},
	sendByPhoneNumber: {
		operation: sendByPhoneNumber,
		api: ['pushMessagesByPhone'],
		option: {
			name: 'Send by Phone Number',
			action: 'Send a LINE notification message by phone number',
			description:
				'Send a LINE notification message to the LINE user with a phone number, friend or not (partner API: only for accounts LINE has approved for it)',
		},
	},
	getNarrowcastProgress: {
		operation: getNarrowcastProgress,
		api: ['getNarrowcastProgress'],
		option: {
			name: 'Get Narrowcast Progress',
			action: 'Get narrowcast progress',
			description: 'Follow a narrowcast by its request ID',
		},
	},
	validate: {
		operation: validate,
		api: [
			'validatePush',
			'validateReply',
			'validateMulticast',
			'validateBroadcast',
			'validateNarrowcast',
		],
		option: {
			name: 'Validate',
			action: 'Validate messages',
			description: 'Ask LINE whether messages are valid for a kind of send, without sending',
		},
	},
};

export const messageDescription = resourceDescription('message', message, 'sendPush');
