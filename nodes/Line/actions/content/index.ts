import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { getMessageContent } from './getMessageContent.operation';

export const content: Record<string, OperationEntry> = {
	getMessageContent: {
		operation: getMessageContent,
		api: [
			'getMessageContent',
			'getMessageContentPreview',
			'getMessageContentTranscodingByMessageId',
		],
		option: {
			name: 'Get Message Content',
			action: 'Get message content',
			description: 'Download the image, video, audio or file a user sent, as binary data',
		},
	},
};

export const contentDescription = resourceDescription('content', content, 'getMessageContent');
