import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ItemParameters } from './parameters';
import type { OperationEntry } from './resource';

/**
 * Runs the operation chosen by the node's Resource and Operation over all input items. The
 * provider's client is created only once the operation is known to exist.
 */
export async function route<Client>(
	fn: IExecuteFunctions,
	resources: Record<string, Record<string, OperationEntry<Client>>>,
	createClient: () => Promise<Client>,
): Promise<INodeExecutionData[][]> {
	const resource = fn.getNodeParameter('resource', 0) as string;
	const operation = fn.getNodeParameter('operation', 0) as string;
	const entry = resources[resource]?.[operation];
	if (!entry) {
		throw new NodeOperationError(
			fn.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	const client = await createClient();
	const output = await entry.operation.execute({
		fn,
		client,
		params: new ItemParameters(fn),
		items: fn.getInputData(),
	});
	return [output];
}
