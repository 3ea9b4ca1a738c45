import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemParameters } from '../../shared/parameters';
import type { KonnekClient } from '../transport';

export interface KonnekOperationContext {
	fn: IExecuteFunctions;
	client: KonnekClient;
	params: ItemParameters;
	items: INodeExecutionData[];
}

/** One operation: its own parameters and how it runs over the input items. */
export interface KonnekOperation {
	description: INodeProperties[];
	execute(context: KonnekOperationContext): Promise<INodeExecutionData[]>;
}
