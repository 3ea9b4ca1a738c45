import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { MessageTypeDefinition } from './types';

/**
 * Columns From All Items, of the carousel types: the carousel a reader marks here holds one input
 * item's columns, and the send operations join it with the next items' (helpers/itemCarousels.ts).
 */

const JOIN_ITEMS_FIELD: INodeProperties = {
	displayName: 'Columns From All Items',
	name: 'joinItems',
	type: 'boolean',
	default: false,
	description:
		'Whether to make the columns of every input item (e.g. one per product of a sheet) into the carousels of one message, as many carousels as LINE needs (10 columns or 12 cards each), instead of one message per item. Items that send the same request apart from their columns share requests.',
};

const joined = new WeakSet<object>();

/** Whether a message is a carousel of Columns From All Items. */
export function isJoined(message: IDataObject): boolean {
	return joined.has(message);
}

/** Marks a copy of a message as the same kind of carousel (for the carousels it is split into). */
export function markJoined(message: IDataObject): IDataObject {
	joined.add(message);
	return message;
}

/** A carousel type with the Columns From All Items field, its reader marking what it builds. */
export function withJoinItems(definition: MessageTypeDefinition): MessageTypeDefinition {
	const { builder } = definition;
	if (!builder) return definition;
	return {
		...definition,
		builder: {
			...builder,
			fields: [...builder.fields, JOIN_ITEMS_FIELD],
			read: (fields, field) => {
				const message = builder.read(fields, field);
				return fields.joinItems === true ? markJoined(message) : message;
			},
		},
	};
}
