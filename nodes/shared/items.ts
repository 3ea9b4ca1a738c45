import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { mapWithConcurrency } from './concurrency';
import { deliveryNote, type Delivery } from './delivery';
import { InputError } from './errors';
import { Progress } from './progress';

/** What the item runner reads of an operation's context: the node, its input items, the client. */
export interface ItemContext {
	fn: IExecuteFunctions;
	items: INodeExecutionData[];
	/** The provider's client; its delivery engine's figures (if it has one) go into the progress lines. */
	client?: unknown;
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
	return new NodeOperationError(fn.getNode(), error as Error, {
		itemIndex,
		description: deliveryNote(error),
	});
}

/** The output item `continueOnFail` produces for a failed input item. */
export function errorItem(error: Error, itemIndex: number | number[]): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	const description = (error as { description?: string | null }).description;
	if (description) json.errorDetails = description;
	const httpCode = (error as { httpCode?: string | null }).httpCode;
	if (httpCode) json.httpCode = httpCode;
	return { json, pairedItem: pairedItems(itemIndex) };
}

function pairedItems(itemIndex: number | number[]) {
	return Array.isArray(itemIndex) ? itemIndex.map((item) => ({ item })) : { item: itemIndex };
}

/** Adds a line to an error's description (shown under its message in n8n). */
export function addDescription(error: Error, line: string): Error {
	const withDescription = error as Error & { description?: string | null };
	withDescription.description = [withDescription.description, line].filter(Boolean).join('\n');
	return error;
}

type ItemResult = IDataObject | IDataObject[];

/** One request (or sequence of requests) to make, and the input items it answers for. */
export interface Unit<U> {
	items: number[];
	value: U;
}

export interface ItemSteps<P, U = P> {
	/** Reads and checks one item's input without sending anything; throws on bad input. */
	prepare: (itemIndex: number) => P;
	/**
	 * Groups the prepared items into the requests to make (e.g. the recipients of many items in
	 * one multicast). Default: one unit per item, holding what `prepare` returned.
	 */
	plan?: (prepared: Array<Unit<P>>) => Array<Unit<U>>;
	/** Makes the unit's request(s); `itemIndex` is its first item. */
	send: (unit: U, itemIndex: number) => Promise<ItemResult>;
	/** The output of an item that units shared with others answered for (default: the first result). */
	merge?: (itemIndex: number, results: IDataObject[]) => IDataObject;
	/** With `perUnit`: fields that say what a failed unit was for (e.g. its recipients). */
	describeUnit?: (unit: U) => IDataObject;
}

export interface SendOrder<U> {
	/** Requests in flight at once (default 1). */
	concurrency?: number;
	/** Units with the same key (e.g. the same chat) are sent one after another, in input order. */
	keyOf?: (unit: U) => unknown;
	/** One output item per unit (paired with all its items) instead of one per input item. */
	perUnit?: boolean;
}

type UnitResult = { ok: IDataObject[] } | { error: Error };

/** "0–7, 9, 12–14" for sorted item indexes. */
export function describeItems(indexes: number[]): string {
	const parts: string[] = [];
	for (let i = 0; i < indexes.length; ) {
		let j = i;
		while (j + 1 < indexes.length && indexes[j + 1] === indexes[j] + 1) j++;
		parts.push(j === i ? `${indexes[i]}` : `${indexes[i]}–${indexes[j]}`);
		i = j + 1;
	}
	const shown = parts.slice(0, 20).join(', ');
	return parts.length > 20 ? `${shown}, …` : shown;
}

type ItemState = 'sent' | 'partly' | 'failed' | 'notSent';

/** What a stopped run had done, counting requests that completed after the one that failed. */
function accounting(states: ItemState[]): string {
	const by = (wanted: ItemState) =>
		states.flatMap((state, index) => (state === wanted ? [index] : []));
	const sent = by('sent');
	const lines = [
		`This run stopped: ${sent.length} of ${states.length} item(s) were sent${sent.length ? ` (items ${describeItems(sent)})` : ''}.`,
	];
	const partly = by('partly');
	if (partly.length) lines.push(`Partly sent: items ${describeItems(partly)}.`);
	const failed = by('failed');
	if (failed.length) lines.push(`Failed: items ${describeItems(failed)} (see above).`);
	const notSent = by('notSent');
	if (notSent.length)
		lines.push(`Not sent: ${notSent.length} item(s) (items ${describeItems(notSent)}).`);
	return lines.join('\n');
}

/**
 * Runs an operation item by item, in two steps: every item is read and checked first, so bad
 * input anywhere stops the run before anything is sent (or, under `continueOnFail`, becomes an
 * error item while the others go on); then the units are sent, `concurrency` at a time, units of
 * one `keyOf` in order. Every input item ends as exactly one output item (unless the operation
 * returns several results for it, or `perUnit`), in input order, with `pairedItem`. When a unit
 * fails without `continueOnFail`, the requests already on their way finish and the error says
 * which items were sent and which were not.
 */
export async function runPerItem<P, U = P>(
	{ fn, items, client }: ItemContext,
	steps: ItemSteps<P, U> | ((itemIndex: number) => Promise<ItemResult>),
	{ concurrency = 1, keyOf, perUnit = false }: SendOrder<U> = {},
): Promise<INodeExecutionData[]> {
	const { prepare, plan, send, merge, describeUnit }: ItemSteps<P, U> =
		typeof steps === 'function'
			? { prepare: () => undefined as P, send: async (_, itemIndex) => await steps(itemIndex) }
			: steps;
	const continueOnFail = fn.continueOnFail();
	const inputErrors = new Map<number, INodeExecutionData>();
	const prepared: Array<Unit<P>> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			prepared.push({ items: [itemIndex], value: prepare(itemIndex) });
		} catch (error) {
			const failure = itemError(fn, error, itemIndex);
			if (!continueOnFail) throw failure;
			inputErrors.set(itemIndex, errorItem(failure, itemIndex));
		}
	}

	let units: Array<Unit<U>>;
	try {
		units = plan ? plan(prepared) : (prepared as unknown as Array<Unit<U>>);
	} catch (error) {
		// Planning joins items (e.g. their carousels): its errors name the items they concern.
		throw itemError(fn, error, prepared[0]?.items[0] ?? 0);
	}
	const results = new Array<UnitResult | undefined>(units.length);
	const progress = new Progress(fn, units.length, (client as { delivery?: Delivery })?.delivery);
	try {
		await mapWithConcurrency(
			units.length,
			concurrency,
			async (index) => {
				const unit = units[index];
				try {
					const json = await send(unit.value, unit.items[0]);
					results[index] = { ok: Array.isArray(json) ? json : [json] };
					// Only the output is kept of a sent unit: its request body goes now, not at the end.
					unit.value = undefined as U;
					progress.done(true);
				} catch (error) {
					const failure = itemError(fn, error, unit.items[0]);
					results[index] = { error: failure };
					progress.done(false);
					if (!continueOnFail) throw failure;
				}
			},
			keyOf && ((index) => keyOf(units[index].value)),
		);
	} catch (error) {
		throw addDescription(error as Error, accounting(itemStates(items.length, units, results)));
	} finally {
		progress.finish();
	}

	if (perUnit) return unitOutput(units, results, inputErrors, describeUnit);
	const byItem = new Map<number, number[]>();
	units.forEach((unit, index) => {
		for (const item of unit.items) {
			const list = byItem.get(item);
			if (list) list.push(index);
			else byItem.set(item, [index]);
		}
	});
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const inputError = inputErrors.get(itemIndex);
		if (inputError) {
			output.push(inputError);
			continue;
		}
		const own = (byItem.get(itemIndex) ?? []).map((index) => results[index]!);
		const failed = own.find((result) => 'error' in result);
		if (failed && 'error' in failed) {
			output.push(errorItem(failed.error, itemIndex));
			continue;
		}
		const jsons = own.flatMap((result) => ('ok' in result ? result.ok : []));
		const shared = (byItem.get(itemIndex) ?? []).some((index) => units[index].items.length > 1);
		const list = shared || own.length > 1 ? [merge ? merge(itemIndex, jsons) : jsons[0]] : jsons;
		for (const json of list) output.push({ json, pairedItem: { item: itemIndex } });
	}
	return output;
}

function itemStates(
	count: number,
	units: Array<Unit<unknown>>,
	results: Array<UnitResult | undefined>,
): ItemState[] {
	const done = new Array<number>(count).fill(0);
	const total = new Array<number>(count).fill(0);
	const failed = new Array<boolean>(count).fill(false);
	units.forEach((unit, index) => {
		const result = results[index];
		for (const item of unit.items) {
			total[item]++;
			if (result && 'ok' in result) done[item]++;
			if (result && 'error' in result) failed[item] = true;
		}
	});
	return total.map((units, item) => {
		if (units > 0 && done[item] === units) return 'sent';
		if (done[item] > 0) return 'partly';
		return failed[item] ? 'failed' : 'notSent';
	});
}

function unitOutput<U>(
	units: Array<Unit<U>>,
	results: Array<UnitResult | undefined>,
	inputErrors: Map<number, INodeExecutionData>,
	describeUnit?: (unit: U) => IDataObject,
): INodeExecutionData[] {
	const ordered: Array<{ order: number; item: INodeExecutionData }> = [];
	for (const [itemIndex, item] of inputErrors) ordered.push({ order: itemIndex, item });
	units.forEach((unit, index) => {
		const result = results[index]!;
		const order = unit.items[0];
		if ('error' in result) {
			const item = errorItem(result.error, unit.items);
			Object.assign(item.json, describeUnit?.(unit.value));
			ordered.push({ order, item });
		} else
			for (const json of result.ok)
				ordered.push({ order, item: { json, pairedItem: pairedItems(unit.items) } });
	});
	// Array.prototype.sort is stable: units of the same first item keep their order.
	return ordered.sort((a, b) => a.order - b.order).map(({ item }) => item);
}
