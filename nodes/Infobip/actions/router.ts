import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readDeliverySettings } from '../../shared/deliveryOptions';
import { route } from '../../shared/router';
import { InfobipClient } from '../transport';
import { deliveryReport } from './deliveryReport';
import { message } from './message';
import type { OperationEntry } from './types';

const resources: Record<string, Record<string, OperationEntry>> = { message, deliveryReport };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(
		this,
		resources,
		async () => await InfobipClient.create(this, readDeliverySettings(this)),
	);
}
