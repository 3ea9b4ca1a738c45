import type { IDataObject } from 'n8n-workflow';

import { fail, type InputError } from '../../shared/errors';
import { describeItems, type Unit } from '../../shared/items';
import { isObject } from '../../shared/values';
import { isJoined } from '../messages/joinItems';
import { checkMessages } from './checks';
import { chunk } from './recipients';

/**
 * Carousels from input items: a carousel message (template, image or flex) marked by its reader
 * (Columns From All Items, ../messages/joinItems.ts)
 * holds one item's columns; the items that send the same request apart from those columns share
 * requests, whose carousels hold the columns of all of them, as many a carousel as LINE takes.
 */

/** LINE's most messages per request. */
const MAX_MESSAGES = 5;

interface CarouselPlace {
	/** The columns (template) or bubbles (flex) of the carousel. */
	columns: unknown[];
	limit: number;
	/** A copy of the message holding other columns. */
	withColumns: (columns: unknown[]) => IDataObject;
}

function carouselOf(message: IDataObject): CarouselPlace | undefined {
	if (!isJoined(message)) return undefined;
	const { template, contents } = message as { template?: IDataObject; contents?: IDataObject };
	if (isObject(template) && Array.isArray(template.columns)) {
		return {
			columns: template.columns,
			limit: 10,
			withColumns: (columns) => ({ ...message, template: { ...template, columns } }),
		};
	}
	if (isObject(contents) && Array.isArray(contents.contents)) {
		return {
			columns: contents.contents,
			limit: 12,
			withColumns: (columns) => ({ ...message, contents: { ...contents, contents: columns } }),
		};
	}
	return undefined;
}

export interface CarouselJoin<T> {
	messagesOf: (value: T) => IDataObject[];
	/** What must be equal for items to share requests, given their messages without the columns. */
	keyOf: (value: T, messages: IDataObject[]) => string;
	/**
	 * Request `part` of the items sharing requests, made from the first one's (`first`: its
	 * index; a retry key of a later part can be derived from it and the part).
	 */
	withMessages: (value: T, messages: IDataObject[], part: number, first: number) => T;
	/** Most requests the items may share (a reply token takes one). */
	maxRequests?: number;
}

interface Group<T> {
	first: Unit<T>;
	at: number;
	/** Each column with the item it came from. */
	columns: Array<{ column: unknown; item: number }>;
	items: number[];
}

/** The requests of one group: its first item's messages, its carousel split and the whole in fives. */
function groupRequests<T>(group: Group<T>, join: CarouselJoin<T>): Array<Unit<T>> {
	const messages = join.messagesOf(group.first.value);
	const carousel = carouselOf(messages[group.at])!;
	const parts = chunk(group.columns, carousel.limit);
	// The quick reply stays on the last carousel, as the builder puts it on the last message.
	const carousels = parts.map((part, index) => {
		const message = carousel.withColumns(part.map(({ column }) => column));
		if (index < parts.length - 1) delete message.quickReply;
		return { message, part };
	});
	const alone = (message: IDataObject) => ({ message, part: [] as Group<T>['columns'] });
	const all = [
		...messages.slice(0, group.at).map(alone),
		...carousels,
		...messages.slice(group.at + 1).map(alone),
	];
	const requests = chunk(all, MAX_MESSAGES);
	if (join.maxRequests !== undefined && requests.length > join.maxRequests) {
		fail(
			`messages[${group.at}].joinItems`,
			`items ${describeItems(group.items)} need ${all.length} messages (${parts.length} carousels), but one request takes ${MAX_MESSAGES}`,
			'A reply can be sent once: use fewer items (e.g. a Limit node) or send a push instead.',
		);
	}
	return requests.map((request, part) => {
		const items = new Set<number>(part === 0 ? [group.first.items[0]] : []);
		for (const entry of request) for (const { item } of entry.part) items.add(item);
		const sorted = [...items].sort((a, b) => a - b);
		const requestMessages = request.map(({ message }) => message);
		try {
			checkMessages(requestMessages);
		} catch (error) {
			// The checks throw InputErrors only; their field is a place in the joined messages.
			const { field, message, hint } = error as InputError;
			const reason = message.slice(field.length + 2);
			fail(field, `${reason} (in the messages of items ${describeItems(sorted)} joined)`, hint);
		}
		return {
			items: sorted,
			value: join.withMessages(group.first.value, requestMessages, part, group.first.items[0]),
		};
	});
}

/**
 * The requests of a run whose messages may hold carousels from input items: other units as they
 * are; units whose carousel is marked grouped by `keyOf` (at the first one's place in the order).
 */
export function joinItemCarousels<T>(units: Array<Unit<T>>, join: CarouselJoin<T>): Array<Unit<T>> {
	const groups = new Map<string, Group<T>>();
	const order: Array<Unit<T> | Group<T>> = [];
	for (const unit of units) {
		const messages = join.messagesOf(unit.value);
		const at = messages.findIndex((message) => carouselOf(message) !== undefined);
		if (at < 0) {
			order.push(unit);
			continue;
		}
		const carousel = carouselOf(messages[at])!;
		const blank = messages.map((message, index) =>
			index === at ? carousel.withColumns([]) : message,
		);
		const key = `${at}\u0000${join.keyOf(unit.value, blank)}`;
		let group = groups.get(key);
		if (!group) {
			group = { first: unit, at, columns: [], items: [] };
			groups.set(key, group);
			order.push(group);
		}
		const item = unit.items[0];
		group.items.push(item);
		for (const column of carousel.columns) group.columns.push({ column, item });
	}
	if (groups.size === 0) return units;
	return order.flatMap((entry) => ('value' in entry ? [entry] : groupRequests(entry, join)));
}
