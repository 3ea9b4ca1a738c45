import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { create } from './create.operation';
import { deleteFolder } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

export const mediaFolder: Record<string, OperationEntry> = {
	getAll: {
		operation: getAll,
		option: {
			name: 'Get Many',
			action: 'Get many media folders',
			description: 'List the folders of the media manager, one item each',
		},
	},
	get: {
		operation: get,
		option: { name: 'Get', action: 'Get a media folder', description: 'Get a folder by its ID' },
	},
	create: {
		operation: create,
		option: { name: 'Create', action: 'Create a media folder', description: 'Create a folder' },
	},
	update: {
		operation: update,
		option: { name: 'Update', action: 'Update a media folder', description: 'Rename a folder' },
	},
	delete: {
		operation: deleteFolder,
		option: { name: 'Delete', action: 'Delete a media folder', description: 'Delete a folder' },
	},
};

export const mediaFolderDescription = resourceDescription('mediaFolder', mediaFolder, 'getAll');
