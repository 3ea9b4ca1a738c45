import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { getMemberCount } from './getMemberCount.operation';
import { getMemberIds } from './getMemberIds.operation';
import { getMemberProfile } from './getMemberProfile.operation';
import { leave } from './leave.operation';

/** Multi-person chats. LINE has no summary (name, icon) for them, unlike groups. */
export const room: Record<string, OperationEntry> = {
	getMemberCount: {
		operation: getMemberCount,
		api: ['getRoomMemberCount'],
		option: {
			name: 'Get Member Count',
			action: 'Get the member count of a room',
			description: 'How many users are in the multi-person chat, the bot not counted',
		},
	},
	getMemberIds: {
		operation: getMemberIds,
		api: ['getRoomMembersIds'],
		option: {
			name: 'Get Member IDs',
			action: 'Get the member IDs of a room',
			description:
				'User IDs of the members of the multi-person chat, one item each (verified and premium accounts only)',
		},
	},
	getMemberProfile: {
		operation: getMemberProfile,
		api: ['getRoomMemberProfile'],
		option: {
			name: 'Get Member Profile',
			action: 'Get a room member profile',
			description: 'Display name and picture of a member of the multi-person chat',
		},
	},
	leave: {
		operation: leave,
		api: ['leaveRoom'],
		option: {
			name: 'Leave',
			action: 'Leave a room',
			description: 'Make the bot leave the multi-person chat',
		},
	},
};

export const roomDescription = resourceDescription('room', room, 'getMemberCount');
