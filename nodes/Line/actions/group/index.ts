import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { getMemberCount } from './getMemberCount.operation';
import { getMemberIds } from './getMemberIds.operation';
import { getMemberProfile } from './getMemberProfile.operation';
import { getSummary } from './getSummary.operation';
import { leave } from './leave.operation';

export const group: Record<string, OperationEntry> = {
	getSummary: {
		operation: getSummary,
		api: ['getGroupSummary'],
		option: {
			name: 'Get Summary',
			action: 'Get a group summary',
			description: "The group chat's name and icon",
		},
	},
	getMemberCount: {
		operation: getMemberCount,
		api: ['getGroupMemberCount'],
		option: {
			name: 'Get Member Count',
			action: 'Get the member count of a group',
			description: 'How many users are in the group chat, the bot not counted',
		},
	},
	getMemberIds: {
		operation: getMemberIds,
		api: ['getGroupMembersIds'],
		option: {
			name: 'Get Member IDs',
			action: 'Get the member IDs of a group',
			description:
				'User IDs of the members of the group chat, one item each (verified and premium accounts only)',
		},
	},
	getMemberProfile: {
		operation: getMemberProfile,
		api: ['getGroupMemberProfile'],
		option: {
			name: 'Get Member Profile',
			action: 'Get a group member profile',
			description: 'Display name and picture of a member of the group chat',
		},
	},
	leave: {
		operation: leave,
		api: ['leaveGroup'],
		option: {
			name: 'Leave',
			action: 'Leave a group',
			description: 'Make the bot leave the group chat',
		},
	},
};

export const groupDescription = resourceDescription('group', group, 'getSummary');
