import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { mapWithConcurrency } from '../../shared/concurrency';
import { LineInputError } from '../helpers/errors';
import type { OperationContext } from './types';

/** The error a user sees for item `itemIndex`: names the item, and the field when known. */
export function itemError(fn: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof LineInputError) {
		return new NodeOperationError(fn.getNode(), `${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description: error.hint,
		});
	}
	return new NodeOperationError(fn.getNode(), error as Error, { itemIndex });
}

/** The output item `continueOnFail` produces for a failed input item. */
export function errorItem(error: Error, itemIndex: number | number[]): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	const description = (error as { description?: string | null }).description;
	if (description) json.errorDetails = description;
	const httpCode = (error as { httpCode?: string | null }).httpCode;
	if (httpCode) json.httpCode = httpCode;
	const pairedItem = Array.isArray(itemIndex) ? itemIndex.map((item) => ({ item })) : { item: itemIndex };
	return { json, pairedItem };
}

/**
 * Runs `perItem` for every input item, `concurrency` at a time, and returns the output in input
 * order with `pairedItem` set. A failing item becomes an error item under `continueOnFail`;
 * otherwise it stops the run with an error naming the item.
 */
export async function runPerItem(
	{ fn, items }: OperationContext,
	perItem: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
	concurrency = 1,
): Promise<INodeExecutionData[]> {
	const continueOnFail = fn.continueOnFail();
	const results = await mapWithConcurrency(items.length, concurrency, async (itemIndex) => {
		try {
			const json = await perItem(itemIndex);
			const list = Array.isArray(json) ? json : [json];
			return list.map((entry) => ({ json: entry, pairedItem: { item: itemIndex } }));
		} catch (error) {
			const failure = itemError(fn, error, itemIndex);
			if (continueOnFail) return [errorItem(failure, itemIndex)];
			throw failure;
		}
	});
	return results.flat();
}
