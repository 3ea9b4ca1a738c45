import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { getAll } from './getAll.operation';

export const agentActivity: Record<string, OperationEntry> = {
	getAll: {
		operation: getAll,
		option: {
			name: 'Get Many',
			action: 'Get many agent activities',
			description: "The log of agents' presence status changes, one item each",
		},
	},
};

export const agentActivityDescription = resourceDescription(
	'agentActivity',
	agentActivity,
	'getAll',
);
