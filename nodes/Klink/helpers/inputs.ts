import type { IDataObject } from 'n8n-workflow';

import { describeValue, InputError } from '../../shared/errors';
import type { ItemParameters } from '../../shared/parameters';

/** Reading and checking the values of one item, before anything is sent. */

/** Text of a field (a number is taken as its digits); undefined when empty. */
export function optionalText(value: unknown, field: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') {
		throw new InputError(field, `must be text, got ${describeValue(value)}`);
	}
	const text = value.trim();
	return text === '' ? undefined : text;
}

/** Text of a required field; `hint` says where to take the value from. */
export function requiredText(value: unknown, field: string, hint?: string): string {
	const text = optionalText(value, field);
	if (text === undefined) throw new InputError(field, 'is empty', hint);
	return text;
}

/** A required text parameter of one item. */
export function readText(
	params: ItemParameters,
	name: string,
	itemIndex: number,
	hint?: string,
): string {
	return requiredText(params.get(name, itemIndex), name, hint);
}

/** A list given as an array or as comma-separated text; empty entries are dropped. */
export function textList(value: unknown, field: string): string[] {
	const entries = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(',')
			: value === undefined || value === null
				? []
				: [value];
	return entries
		.map((entry, index) => optionalText(entry, `${field}[${index}]`))
		.filter((entry): entry is string => entry !== undefined);
}

/**
 * klink.cloud custom fields (`{ cf_customer_id: "…" }`) from the Custom Fields collection.
 * Keys must start with `cf_`: klink.cloud names every custom field so.
 */
export function customFields(value: unknown, field = 'customFields'): IDataObject | undefined {
	const entries = (value as { field?: IDataObject[] } | undefined)?.field ?? [];
	if (entries.length === 0) return undefined;
	const fields: IDataObject = {};
	for (const [index, entry] of entries.entries()) {
		const key = requiredText(
			entry.key,
			`${field}[${index}].key`,
			'Give the system name of the custom field, e.g. cf_customer_id.',
		);
		if (!key.startsWith('cf_')) {
			throw new InputError(
				`${field}[${index}].key`,
				`"${key}" does not start with cf_`,
				"klink.cloud's custom field keys start with cf_ (e.g. cf_customer_id): see the system_name of Get Form Fields.",
			);
		}
		fields[key] = entry.value as string;
	}
	return fields;
}

/** The fields of a collection parameter that were given a value (empty text counts as none). */
export function givenFields(value: unknown): IDataObject {
	const given: IDataObject = {};
	if (value === null || typeof value !== 'object') return given;
	for (const [key, entry] of Object.entries(value as IDataObject)) {
		if (entry === undefined || entry === null) continue;
		if (typeof entry === 'string' && entry.trim() === '') continue;
		given[key] = typeof entry === 'string' ? entry.trim() : entry;
	}
	return given;
}
