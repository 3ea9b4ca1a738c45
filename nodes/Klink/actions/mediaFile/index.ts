import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { create } from './create.operation';
import { deleteFile } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { update } from './update.operation';

export const mediaFile: Record<string, OperationEntry> = {
	getAll: {
		operation: getAll,
		option: {
			name: 'Get Many',
			action: 'Get many media files',
			description: 'List the files of the media manager, one item each',
		},
	},
	get: {
		operation: get,
		option: { name: 'Get', action: 'Get a media file', description: 'Get a file by its ID' },
	},
	create: {
		operation: create,
		option: {
			name: 'Create',
			action: 'Create a media file',
			description: 'Upload a file from binary data (sent as base64)',
		},
	},
	update: {
		operation: update,
		option: { name: 'Update', action: 'Update a media file', description: 'Change a file' },
	},
	delete: {
		operation: deleteFile,
		option: { name: 'Delete', action: 'Delete a media file', description: 'Delete a file' },
	},
};

export const mediaFileDescription = resourceDescription('mediaFile', mediaFile, 'getAll');
