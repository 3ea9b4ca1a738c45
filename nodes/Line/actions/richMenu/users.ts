import type { OperationEntry } from '../types';
import { batch } from './batch.operation';
import { getBatchProgress } from './getBatchProgress.operation';
import { getOfUser } from './getOfUser.operation';
import { linkToUser } from './linkToUser.operation';
import { linkToUsers } from './linkToUsers.operation';
import { unlinkFromUser } from './unlinkFromUser.operation';
import { unlinkFromUsers } from './unlinkFromUsers.operation';
import { validateBatch } from './validateBatch.operation';

/** The rich-menu operations on users (link, unlink, get) and the batch operations. */
export const richMenuUsersAndBatch: Record<string, OperationEntry> = {
	linkToUser: {
		operation: linkToUser,
		api: ['linkRichMenuIdToUser'],
		option: {
			name: 'Link to User',
			action: 'Link a rich menu to a user',
			description: 'Show a user a rich menu of their own instead of the default one',
		},
	},
	unlinkFromUser: {
		operation: unlinkFromUser,
		api: ['unlinkRichMenuIdFromUser'],
		option: {
			name: 'Unlink From User',
			action: 'Unlink the rich menu from a user',
			description: 'Take back the rich menu linked to a user, who then sees the default one',
		},
	},
	getOfUser: {
		operation: getOfUser,
		api: ['getRichMenuIdOfUser'],
		option: {
			name: 'Get ID of User',
			action: 'Get the rich menu ID of a user',
			description: 'The ID of the rich menu linked to a user (null when none is)',
		},
	},
	linkToUsers: {
		operation: linkToUsers,
		api: ['linkRichMenuIdToUsers'],
		option: {
			name: 'Link to Users',
			action: 'Link a rich menu to many users',
			description: 'Link a rich menu to any number of users, 500 per request',
		},
	},
	unlinkFromUsers: {
		operation: unlinkFromUsers,
		api: ['unlinkRichMenuIdFromUsers'],
		option: {
			name: 'Unlink From Users',
			action: 'Unlink rich menus from many users',
			description: 'Take back the rich menus linked to any number of users, 500 per request',
		},
	},
	batch: {
		operation: batch,
		api: ['richMenuBatch'],
		option: {
			name: 'Batch Replace or Unlink',
			action: 'Replace or unlink linked rich menus in a batch',
			description:
				'Replace or unlink the rich menu of every user linked to a rich menu, without knowing the users',
		},
	},
	validateBatch: {
		operation: validateBatch,
		api: ['validateRichMenuBatchRequest'],
		option: {
			name: 'Validate Batch',
			action: 'Validate a batch of rich menu operations',
			description:
				'Ask LINE whether a Batch Replace or Unlink request is valid, without running it',
		},
	},
	getBatchProgress: {
		operation: getBatchProgress,
		api: ['getRichMenuBatchProgress'],
		option: {
			name: 'Get Batch Progress',
			action: 'Get the progress of a rich menu batch',
			description: 'Follow a Batch Replace or Unlink by its request ID',
		},
	},
};
