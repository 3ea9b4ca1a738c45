import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { getAll } from './getAll.operation';

export const tag: Record<string, OperationEntry> = {
	getAll: {
		operation: getAll,
		option: {
			name: 'Get Many',
			action: 'Get many tags',
			description: 'List the tags of the workspace, one item each',
		},
	},
};

export const tagDescription = resourceDescription('tag', tag, 'getAll');
