import type { IDataObject } from 'n8n-workflow';

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
