import type { INodeProperties } from 'n8n-workflow';

import { InputError } from './errors';
import type { ItemParameters } from './parameters';

/** "Return All" and "Limit", worded like n8n's own list operations. */
export function returnAllFields(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

/**
 * How many results to collect: every one (Infinity) with Return All, else the limit. Undefined
 * when the limit is not a whole number of at least 1 (an expression can bypass the UI's minimum).
 */
export function maxResults(returnAll: unknown, limit: unknown): number | undefined {
	if (returnAll === true) return Infinity;
	return typeof limit === 'number' && Number.isInteger(limit) && limit >= 1 ? limit : undefined;
}

/** Return All / Limit of one item: how many results to collect. */
export function readMaxResults(params: ItemParameters, itemIndex: number): number {
	const returnAll = params.get<boolean>('returnAll', itemIndex, false);
	const limit = returnAll ? undefined : params.get<number>('limit', itemIndex, 50);
	const max = maxResults(returnAll, limit);
	if (max === undefined) {
		throw new InputError(
			'limit',
			`must be a whole number of at least 1, got ${JSON.stringify(limit)}`,
			'Set Limit to 1 or more, or turn on Return All.',
		);
	}
	return max;
}

export interface Page<T> {
	results: T[];
	/** Continuation token for the next page; absent on the last page. */
	next?: string;
}

/**
 * Collects results page by page, following continuation tokens (`start` → `next`), until there
 * are no more pages or `max` results were collected; no page is fetched that is not needed.
 * `fetchPage` gets the token (undefined for the first page) and how many results are still
 * wanted, for APIs that take a page size.
 */
export async function collectPages<T>(
	fetchPage: (cursor: string | undefined, wanted: number) => Promise<Page<T>>,
	max: number,
): Promise<T[]> {
	const collected: T[] = [];
	const seen = new Set<string>();
	let cursor: string | undefined;
	while (collected.length < max) {
		const page = await fetchPage(cursor, max - collected.length);
		collected.push(...page.results);
		if (!page.next) break;
		// A token seen before would loop forever.
		if (seen.has(page.next)) {
			throw new Error(`the API returned the continuation token "${page.next}" twice`);
		}
		seen.add(page.next);
		cursor = page.next;
	}
	return collected.length > max ? collected.slice(0, max) : collected;
}
