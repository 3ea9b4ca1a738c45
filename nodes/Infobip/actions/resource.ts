import type { INodeProperties } from 'n8n-workflow';

import type { OperationEntry } from './types';

/** A resource's operation selector followed by the parameters of each of its operations. */
export function resourceDescription(
	resource: string,
	entries: Record<string, OperationEntry>,
	defaultOperation: string,
): INodeProperties[] {
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: Object.entries(entries)
				.map(([value, { option }]) => ({ ...option, value }))
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: defaultOperation,
		},
		...Object.values(entries).flatMap(({ operation }) => operation.description),
	];
}
