import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { getJoinedUsers } from './getJoinedUsers.operation';
import { getList } from './getList.operation';
import { getSubscription } from './getSubscription.operation';

export const membership: Record<string, OperationEntry> = {
	getList: {
		operation: getList,
		api: ['getMembershipList'],
		option: {
			name: 'Get Membership Plans',
			action: 'Get membership plans',
			description:
				"The account's membership plans with price, perks and member count, one item each",
		},
	},
	getSubscription: {
		operation: getSubscription,
		api: ['getMembershipSubscription'],
		option: {
			name: 'Get User Subscription',
			action: "Get a user's membership subscription",
			description: 'Which membership plan a user has joined, since when and until when it is paid',
		},
	},
	getJoinedUsers: {
		operation: getJoinedUsers,
		api: ['getJoinedMembershipUsers'],
		option: {
			name: 'Get Member IDs',
			action: 'Get the member IDs of a membership plan',
			description: 'User IDs of the members of a membership plan, one item each',
		},
	},
};

export const membershipDescription = resourceDescription('membership', membership, 'getList');
