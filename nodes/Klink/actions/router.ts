import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readDeliverySettings } from '../../shared/deliveryOptions';
import { route } from '../../shared/router';
import { KlinkClient } from '../transport';
import { agentActivity } from './agentActivity';
import { category } from './category';
import { channel } from './channel';
import { contact } from './contact';
import { cxLog } from './cxLog';
import { mediaFile } from './mediaFile';
import { mediaFolder } from './mediaFolder';
import { message } from './message';
import { tag } from './tag';
import { ticket } from './ticket';
import type { OperationEntry } from './types';

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
	return await route(
		this,
		resources,
		async () => await KlinkClient.create(this, readDeliverySettings(this)),
	);
}
