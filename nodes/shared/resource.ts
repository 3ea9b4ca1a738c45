import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { ItemParameters } from './parameters';

/** What an operation runs with: the node, the provider's client, the parameters and the items. */
export interface OperationContext<Client> {
	fn: IExecuteFunctions;
	client: Client;
	params: ItemParameters;
	items: INodeExecutionData[];
}

/** One operation: its own parameters and how it runs over the input items. */
export interface Operation<Client> {
	description: INodeProperties[];
	execute(context: OperationContext<Client>): Promise<INodeExecutionData[]>;
}

export interface OperationEntry<Client> {
	operation: Operation<Client>;
	/** Shown in the operation list, e.g. `{ name: 'Send Push', action: 'Send a push message', description }`. */
	option: Omit<INodePropertyOptions, 'value'> & { action: string };
}

/** A resource's operation selector followed by the parameters of each of its operations. */
export function resourceDescription<Client>(
	resource: string,
	entries: Record<string, OperationEntry<Client>>,
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
