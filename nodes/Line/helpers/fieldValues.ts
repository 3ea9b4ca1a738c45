import type { IDataObject } from 'n8n-workflow';

import { describeValue, fail } from '../../shared/errors';
import { isObject } from '../../shared/values';

/**
 * Reading node fields back into LINE objects (messages, actions): the building blocks of the
 * readers in ../messages.
 */

/** Text as the user typed it; expressions may resolve to numbers or booleans. */
export function asText(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

/** IDs and URLs, where surrounding spaces are always a mistake. */
export function asTrimmed(value: unknown): string | undefined {
	return asText(value)?.trim();
}

/** Numbers typed in string fields or given by expressions as strings. */
export function asNumber(value: unknown): unknown {
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
		return Number(value);
	}
	return value;
}

/** Drops empty fields: LINE refuses `""` where it expects a value, and absent optional ones. */
export function compact(fields: Record<string, unknown>): IDataObject {
	const result: IDataObject = {};
	for (const key of Object.keys(fields)) {
		const value = fields[key];
		if (value !== undefined && value !== null && value !== '')
			result[key] = value as IDataObject[string];
	}
	return result;
}

/** The entries of a fixed collection option: a list, or one entry when it is not multiple. */
export function collectionEntries(value: unknown, option: string): IDataObject[] {
	const entries = isObject(value) ? value[option] : undefined;
	if (Array.isArray(entries)) return entries.map((entry) => (isObject(entry) ? entry : {}));
	return isObject(entries) ? [entries] : [];
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** A hex color `#RRGGBB`, or nothing when empty; `field` is its path in the LINE message. */
export function readColor(value: unknown, field: string): string | undefined {
	const color = asTrimmed(value);
	if (!color) return undefined;
	if (!HEX_COLOR.test(color)) {
		fail(
			field,
			`${describeValue(color)} is not a color; expected a hex code #RRGGBB, e.g. #1DB446`,
		);
	}
	return color;
}
