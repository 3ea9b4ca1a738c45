import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ItemParameters } from '../../shared/parameters';
import type { InfobipClient } from '../transport';

export interface InfobipOperationContext {
	fn: IExecuteFunctions;
	client: InfobipClient;
	params: ItemParameters;
	items: INodeExecutionData[];
}

/** One operation: its own parameters and how it runs over the input items. */
export interface InfobipOperation {
	description: INodeProperties[];
	execute(context: InfobipOperationContext): Promise<INodeExecutionData[]>;
}

export interface OperationEntry {
	operation: InfobipOperation;
	/** Shown in the operation list. */
	option: { name: string; action: string; description: string };
}
