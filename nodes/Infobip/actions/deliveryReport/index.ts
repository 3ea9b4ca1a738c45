import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { getMany } from './getMany.operation';

export const deliveryReport: Record<string, OperationEntry> = {
	getMany: {
		operation: getMany,
		option: {
			name: 'Get Many',
			action: 'Get delivery reports',
			description:
				'Fetch delivery reports of sent notifications (each report is returned only once)',
		},
	},
};

export const deliveryReportDescription = resourceDescription(
	'deliveryReport',
	deliveryReport,
	'getMany',
);
