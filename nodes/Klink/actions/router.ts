import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ItemParameters } from '../../shared/parameters';
import { KlinkClient } from '../transport';
import { agentActivity } from './agentActivity';
import { category } from './category';
import { channel } from './channel';
import { contact } from './contact';
import { cxLog } from './cxLog';
import { mediaFile } from './mediaFile';
import { mediaFolder } from './mediaFolder';
import { message } from './message';
import type { OperationEntry } from './resource';
import { tag } from './tag';
import { ticket } from './ticket';

export const resources: Record<string, Record<string, OperationEntry>> = {
	agentActivity,
	category,
	channel,
	contact,
	cxLog,
	mediaFile,
	mediaFolder,
	message,
	tag,
	ticket,
};

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
	const client = await KlinkClient.create(this);
	const output = await entry.operation.execute({
		fn: this,
		client,
		params: new ItemParameters(this),
		items: this.getInputData(),
	});
	return [output];
}
