import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readDeliverySettings } from '../../shared/deliveryOptions';
import { route } from '../../shared/router';
import { KonnekClient } from '../transport';
import { message } from './message';
import type { OperationEntry } from './types';

const resources: Record<string, Record<string, OperationEntry>> = { message };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(
		this,
		resources,
		async () => await KonnekClient.create(this, readDeliverySettings(this)),
	);
}
