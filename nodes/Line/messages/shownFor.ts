import type { INodeProperties } from 'n8n-workflow';

/**
 * The fields of several types (message types, action types) as one list: each field once, at
 * its first place, shown for every type that lists it. Types are in their registry's order.
 */
export function fieldsShownFor(
	types: Array<{ type: string; fields: INodeProperties[] }>,
): INodeProperties[] {
	const fields: INodeProperties[] = [];
	const shownFor = new Map<string, string[]>();
	for (const { type, fields: fieldsOfType } of types) {
		for (const field of fieldsOfType) {
			let shown = shownFor.get(field.name);
			if (!shown) {
				shown = [];
				shownFor.set(field.name, shown);
				fields.push(field);
			}
			shown.push(type);
		}
	}
	return fields.map((field) => ({
		...field,
		displayOptions: { show: { type: shownFor.get(field.name) } },
	}));
}
