import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { mapWithConcurrency } from './concurrency';
import { InputError } from './errors';

/** What the item runner reads of an operation's context: the node and its input items. */
export interface ItemContext {
	fn: IExecuteFunctions;
	items: INodeExecutionData[];
}

/** The error a user sees for item `itemIndex`: names the item, and the field when known. */
export function itemError(fn: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof InputError) {
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
	const pairedItem = Array.isArray(itemIndex)
		? itemIndex.map((item) => ({ item }))
		: { item: itemIndex };
	return { json, pairedItem };
}

/** Adds a line to an error's description (shown under its message in n8n). */
export function addDescription(error: Error, line: string): Error {
	const withDescription = error as Error & { description?: string | null };
	withDescription.description = [withDescription.description, line].filter(Boolean).join('\n');
	return error;
}

type ItemResult = IDataObject | IDataObject[];

export interface ItemSteps<P> {
	/** Reads and checks one item's input without sending anything; throws on bad input. */
	prepare: (itemIndex: number) => P;
	/** Makes the item's request(s) from what `prepare` returned. */
	send: (prepared: P, itemIndex: number) => Promise<ItemResult>;
}

export interface SendOrder<P> {
	/** Requests in flight at once (default 1). */
	concurrency?: number;
	/** Items with the same key (e.g. the same chat) are sent one after another, in input order. */
	keyOf?: (prepared: P) => unknown;
}

/**
 * Runs an operation item by item, in two steps: every item is read and checked first, so bad
 * input anywhere stops the run before anything is sent (or, under `continueOnFail`, becomes an
 * error item while the others go on); then the items are sent, `concurrency` at a time, items of
 * one `keyOf` in order. Output keeps the input order, with `pairedItem` on every item.
 */
export async function runPerItem<P>(
	{ fn, items }: ItemContext,
	steps: ItemSteps<P> | ((itemIndex: number) => Promise<ItemResult>),
	{ concurrency = 1, keyOf }: SendOrder<P> = {},
): Promise<INodeExecutionData[]> {
	const { prepare, send } =
		typeof steps === 'function'
			? {
					prepare: () => undefined as P,
					send: async (_: P, itemIndex: number) => await steps(itemIndex),
				}
			: steps;
	const continueOnFail = fn.continueOnFail();
	const prepared = new Array<{ value: P } | { failed: INodeExecutionData }>(items.length);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared[itemIndex] = { value: prepare(itemIndex) };
		} catch (error) {
			const failure = itemError(fn, error, itemIndex);
			if (!continueOnFail) throw failure;
			prepared[itemIndex] = { failed: errorItem(failure, itemIndex) };
		}
	}

	let sent = 0;
	const key = (itemIndex: number) => {
		const entry = prepared[itemIndex];
		return keyOf && 'value' in entry ? keyOf(entry.value) : itemIndex;
	};
	const results = await mapWithConcurrency(
		items.length,
		concurrency,
		async (itemIndex) => {
			const entry = prepared[itemIndex];
			if ('failed' in entry) return [entry.failed];
			try {
				const json = await send(entry.value, itemIndex);
				sent++;
				const list = Array.isArray(json) ? json : [json];
				return list.map((result) => ({ json: result, pairedItem: { item: itemIndex } }));
			} catch (error) {
				const failure = itemError(fn, error, itemIndex);
				if (continueOnFail) return [errorItem(failure, itemIndex)];
				if (sent > 0)
					addDescription(failure, `${sent} other item(s) of this run had already succeeded.`);
				throw failure;
			}
		},
		key,
	);
	return results.flat();
}
