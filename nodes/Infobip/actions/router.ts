import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ItemParameters } from '../../shared/parameters';
import { InfobipClient } from '../transport';
import { deliveryReport } from './deliveryReport';
import { message } from './message';
import type { OperationEntry } from './types';

const resources: Record<string, Record<string, OperationEntry>> = { message, deliveryReport };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const entry = resources[resource]?.[operation];
	if (!entry) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	const client = await InfobipClient.create(this);
	const output = await entry.operation.execute({
		fn: this,
		client,
		params: new ItemParameters(this),
		items: this.getInputData(),
	});
	return [output];
}
