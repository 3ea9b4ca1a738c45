import type { INodeExecutionData } from 'n8n-workflow';

import {
	runPerItem as runLineItems,
	type ItemSteps,
	type SendOrder,
} from '../../Line/actions/items';
import type { OperationContext as LineOperationContext } from '../../Line/actions/types';
import type { OperationContext } from './types';

/**
 * The shared item runner (every item checked before anything is sent, continueOnFail, pairedItem,
 * errors naming the item and field). It reads only `fn` and `items` of the context.
 */
export async function runPerItem<P>(
	{ fn, items }: OperationContext,
	steps: ItemSteps<P>,
	order?: SendOrder<P>,
): Promise<INodeExecutionData[]> {
	return await runLineItems({ fn, items } as LineOperationContext, steps, order);
}
