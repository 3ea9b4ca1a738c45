import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { addUserIds } from './addUserIds.operation';
import { addUserIdsFromFile } from './addUserIdsFromFile.operation';
import { create } from './create.operation';
import { createClickBased } from './createClickBased.operation';
import { createFromFile } from './createFromFile.operation';
import { createImpressionBased } from './createImpressionBased.operation';
import { deleteAudience } from './delete.operation';
import { get } from './get.operation';
import { getShared } from './getShared.operation';
import { list } from './list.operation';
import { listShared } from './listShared.operation';
import { rename } from './rename.operation';

export const audience: Record<string, OperationEntry> = {
	create: {
		operation: create,
		api: ['createAudienceGroup', 'addAudienceToAudienceGroup'],
		option: {
			name: 'Create',
			action: 'Create an audience from user IDs',
			description:
				'Create an audience of user IDs or IFAs, from a list or from all input items (over 10,000 IDs are added in further requests)',
		},
	},
	createFromFile: {
		operation: createFromFile,
		api: ['createAudienceForUploadingUserIds'],
		option: {
			name: 'Create From File',
			action: 'Create an audience from a file',
			description: 'Create an audience from a text file of up to 1,500,000 user IDs or IFAs',
		},
	},
	createClickBased: {
		operation: createClickBased,
		api: ['createClickBasedAudienceGroup'],
		option: {
			name: 'Create Click-Based',
			action: 'Create a click-based audience',
			description: 'Create an audience of the users who clicked a URL in a broadcast or narrowcast',
		},
	},
	createImpressionBased: {
		operation: createImpressionBased,
		api: ['createImpBasedAudienceGroup'],
		option: {
			name: 'Create Impression-Based',
			action: 'Create an impression-based audience',
			description: 'Create an audience of the users who opened a broadcast or narrowcast',
		},
	},
	addUserIds: {
		operation: addUserIds,
		api: ['addAudienceToAudienceGroup'],
		option: {
			name: 'Add User IDs',
			action: 'Add user IDs to an audience',
			description: 'Add user IDs or IFAs to an audience for uploading user IDs, 10,000 per request',
		},
	},
	addUserIdsFromFile: {
		operation: addUserIdsFromFile,
		api: ['addUserIdsToAudience'],
		option: {
			name: 'Add User IDs From File',
			action: 'Add user IDs to an audience from a file',
			description: 'Add a text file of up to 1,500,000 user IDs or IFAs to an audience',
		},
	},
	get: {
		operation: get,
		api: ['getAudienceData'],
		option: {
			name: 'Get',
			action: 'Get an audience',
			description: "An audience's status, size and upload jobs",
		},
	},
	list: {
		operation: list,
		api: ['getAudienceGroups'],
		option: {
			name: 'Get Many',
			action: 'Get many audiences',
			description: 'The audiences of the channel, one item each, optionally filtered',
		},
	},
	getShared: {
		operation: getShared,
		api: ['getSharedAudienceData'],
		option: {
			name: 'Get Shared',
			action: 'Get a shared audience',
			description: 'An audience shared through the Business Manager, with its owner',
		},
	},
	listShared: {
		operation: listShared,
		api: ['getSharedAudienceGroups'],
		option: {
			name: 'Get Many Shared',
			action: 'Get many shared audiences',
			description: 'The audiences shared through the Business Manager, one item each',
		},
	},
	rename: {
		operation: rename,
		api: ['updateAudienceGroupDescription'],
		option: {
			name: 'Rename',
			action: 'Rename an audience',
			description: "Change an audience's name",
		},
	},
	delete: {
		operation: deleteAudience,
		api: ['deleteAudienceGroup'],
		option: {
			name: 'Delete',
			action: 'Delete an audience',
			description: 'Delete an audience for good',
		},
	},
};

export const audienceDescription = resourceDescription('audience', audience, 'list');
