import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runPerItem, type ItemSteps, type SendOrder } from '../../Line/actions/items';
import type { OperationContext } from '../../Line/actions/types';

/**
 * The LINE node's item runner (every item checked before anything is sent, continueOnFail,
 * pairedItem, errors naming item and field). It reads only `fn` and `items` of its context; its
 * type also asks for the LINE client, which a Konnek run does not have.
 */
export async function runItems<P>(
	context: { fn: IExecuteFunctions; items: INodeExecutionData[] },
	steps: ItemSteps<P>,
	order?: SendOrder<P>,
): Promise<INodeExecutionData[]> {
	const { fn, items } = context;
	return await runPerItem({ fn, items } as OperationContext, steps, order);
}
