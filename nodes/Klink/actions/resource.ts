import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

import type { KlinkOperation } from './types';

export interface OperationEntry {
	operation: KlinkOperation;
	/** Shown in the operation list, e.g. `{ name: 'Create', action: 'Create a contact', description }`. */
	option: Omit<INodePropertyOptions, 'value'> & { action: string };
}

/** A resource's operation selector followed by the parameters of each of its operations. */
export function resourceDescription(
	resource: string,
	entries: Record<string, OperationEntry>,
	defaultOperation: string,
): INodeProperties[] {
	const options = Object.entries(entries)
		.map(([value, { option }]) => ({ ...option, value }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options,
			default: defaultOperation,
		},
		...Object.values(entries).flatMap(({ operation }) => operation.description),
	];
}
