import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import type { ItemParameters } from '../../shared/parameters';
import { checkRecipientId } from './recipientIds';

/**
 * Lists of user IDs: the field and its reader (parseUserIds), and the IDs of many items combined
 * into as few requests as LINE takes (combineIds) with the options that turn it on.
 */

/** A field of user IDs, read by parseUserIds. */
export function userIdListField(
	name: string,
	displayName: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'U4af4980629..., U0c229f96c4...',
		description,
	};
}

/**
 * Reads a recipient list given as an array, or as text separated by commas, semicolons, spaces
 * or new lines. Checks every ID is a user ID and drops duplicates, keeping first-seen order.
 */
export function parseUserIds(value: unknown, field: string): string[] {
	let list: unknown[];
	if (Array.isArray(value)) list = value.flat(2);
	else if (typeof value === 'string') list = value.split(/[\s,;]+/);
	else if (value === undefined || value === null) list = [];
	else list = [value];
	const ids = new Set<string>();
	list.forEach((entry, index) => {
		if (entry === undefined || entry === null) return;
		const text = String(entry).trim();
		if (text !== '') ids.add(checkRecipientId(text, `${field}[${index}]`, ['user']));
	});
	if (ids.size === 0)
		throw new InputError(
			field,
			'no recipients given',
			'Give at least one LINE user ID (U followed by 32 hex characters).',
		);
	return [...ids];
}

export function chunk<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		chunks.push(list.slice(start, start + size));
	return chunks;
}

/** What one item brings to a combined plan: its request key and what it stands for, and its IDs. */
export interface ItemIds<G> {
	itemIndex: number;
	/** Items with equal keys (compared as Map keys) share requests. */
	key: unknown;
	/** What the requests of this key are for: the first item's stands for them all. */
	group: G;
	ids: readonly string[];
}

/** One request of a combined plan. */
export interface CombinedRequest<G> {
	group: G;
	ids: string[];
	/** The items, in input order, that gave any of these IDs (also as duplicates of earlier items). */
	items: number[];
}

/**
 * The IDs of many items in as few requests as possible: grouped by key (in the order the keys
 * first appear), each ID once per key (where it first appeared; `sameId` gives what makes two IDs
 * the same, e.g. case-insensitive IFAs), at most `size` IDs a request. Every request answers for
 * the items that gave its IDs, so an item whose IDs were all given before is paired too.
 */
export function combineIds<G>(
	entries: Iterable<ItemIds<G>>,
	{ size = Infinity, sameId }: { size?: number; sameId?: (id: string) => string } = {},
): Array<CombinedRequest<G>> {
	const groups = new Map<
		unknown,
		{ group: G; byId: Map<string, { id: string; items: number[] }> }
	>();
	for (const { itemIndex, key, group, ids } of entries) {
		let entry = groups.get(key);
		if (!entry) {
			entry = { group, byId: new Map() };
			groups.set(key, entry);
		}
		for (const id of ids) {
			const idKey = sameId ? sameId(id) : id;
			const seen = entry.byId.get(idKey);
			if (!seen) entry.byId.set(idKey, { id, items: [itemIndex] });
			else if (seen.items[seen.items.length - 1] !== itemIndex) seen.items.push(itemIndex);
		}
	}
	const requests: Array<CombinedRequest<G>> = [];
	for (const { group, byId } of groups.values()) {
		for (const part of chunk([...byId.values()], size)) {
			const items = new Set<number>();
			for (const { items: givers } of part) for (const item of givers) items.add(item);
			requests.push({
				group,
				ids: part.map(({ id }) => id),
				items: [...items].sort((a, b) => a - b),
			});
		}
	}
	return requests;
}

/** The Combine All Items option: `description` (a "Whether …") says what is combined into what. */
export function combineItemsOption(description: string): INodeProperties {
	return {
		displayName: 'Combine All Items',
		name: 'combineItems',
		type: 'boolean',
		default: false,
		description,
	};
}

/** The Output One Item per Request option of combined requests. */
export function outputPerRequestOption(description: string): INodeProperties {
	return {
		displayName: 'Output One Item per Request',
		name: 'outputPerRequest',
		type: 'boolean',
		default: false,
		description,
	};
}

export interface CombineOptions {
	combine: boolean;
	perRequest: boolean;
}

/** Combine All Items and Output One Item per Request: options of the run, read from the first item. */
export function readCombineOptions(params: ItemParameters): CombineOptions {
	const options = params.get<IDataObject>('options', 0, {}) ?? {};
	return { combine: options.combineItems === true, perRequest: options.outputPerRequest === true };
}
