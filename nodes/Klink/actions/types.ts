import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemParameters } from '../../shared/parameters';
import type { KlinkClient } from '../transport';

export interface OperationContext {
	fn: IExecuteFunctions;
	client: KlinkClient;
	params: ItemParameters;
	items: INodeExecutionData[];
}

/** One operation: its own parameters and how it runs over the input items. */
export interface KlinkOperation {
	description: INodeProperties[];
	execute(context: OperationContext): Promise<INodeExecutionData[]>;
}
