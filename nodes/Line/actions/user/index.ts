import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { getFollowerIds } from './getFollowerIds.operation';
import { getProfile } from './getProfile.operation';
import { issueLinkToken } from './issueLinkToken.operation';

export const user: Record<string, OperationEntry> = {
	getProfile: {
		operation: getProfile,
		api: ['getProfile'],
		option: {
			name: 'Get Profile',
			action: 'Get a user profile',
			description: "A user's display name, picture, status message and language",
		},
	},
	getFollowerIds: {
		operation: getFollowerIds,
		api: ['getFollowers'],
		option: {
			name: 'Get Follower IDs',
			action: 'Get follower IDs',
			description:
				'User IDs of the friends of the LINE Official Account, one item each (verified and premium accounts only)',
		},
	},
	issueLinkToken: {
		operation: issueLinkToken,
		api: ['issueLinkToken'],
		option: {
			name: 'Issue Link Token',
			action: 'Issue a link token',
			description:
				"Start account linking: a one-time token, valid for 10 minutes, to link the user's LINE account with an account of your service",
		},
	},
};

export const userDescription = resourceDescription('user', user, 'getProfile');
