import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { getAll } from './getAll.operation';

export const cxLog: Record<string, OperationEntry> = {
	getAll: {
		operation: getAll,
		option: {
			name: 'Get Many',
			action: 'Get many CX logs',
			description:
				'The customer-experience log (cases, handling and response times, SLA) of a date range, one item each',
		},
	},
};

export const cxLogDescription = resourceDescription('cxLog', cxLog, 'getAll');
