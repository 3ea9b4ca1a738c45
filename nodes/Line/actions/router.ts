import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readDeliverySettings } from '../../shared/deliveryOptions';
import { route } from '../../shared/router';
import { LineClient } from '../transport';
import { bot } from './bot';
import { chat } from './chat';
import { content } from './content';
import { group } from './group';
import { message } from './message';
import { quota } from './quota';
import { room } from './room';
import type { OperationEntry } from './types';
import { user } from './user';
import { webhook } from './webhook';

/** Every resource of the LINE node with its operations. */
export const lineResources: Record<string, Record<string, OperationEntry>> = {
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
	return await route(
		this,
		lineResources,
		async () =>
			await LineClient.create(
				this,
				this.getNodeParameter('authentication', 0, 'channelAccessToken'),
				readDeliverySettings(this),
			),
	);
}
