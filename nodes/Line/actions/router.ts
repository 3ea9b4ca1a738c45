import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ItemParameters } from '../../shared/parameters';
import { LineClient } from '../transport';
import { bot } from './bot';
import { chat } from './chat';
import { content } from './content';
import { group } from './group';
import { message } from './message';
import { quota } from './quota';
import type { OperationEntry } from './resource';
import { room } from './room';
import { user } from './user';
import { webhook } from './webhook';

const resources: Record<string, Record<string, OperationEntry>> = {
	bot,
	chat,
	content,
	group,
	message,
	quota,
	room,
	user,
	webhook,
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
	const client = await LineClient.create(
		this,
		this.getNodeParameter('authentication', 0, 'channelAccessToken'),
	);
	const items = this.getInputData();
	const output = await entry.operation.execute({
		fn: this,
		client,
		params: new ItemParameters(this),
		items,
	});
	return [output];
}
