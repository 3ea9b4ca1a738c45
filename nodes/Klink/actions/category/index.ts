import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { getAll } from './getAll.operation';

export const category: Record<string, OperationEntry> = {
	getAll: {
		operation: getAll,
		option: {
			name: 'Get Many',
			action: 'Get many categories',
			description: 'List the ticket and conversation categories, one item each',
		},
	},
};

export const categoryDescription = resourceDescription('category', category, 'getAll');
