import type { IDataObject } from 'n8n-workflow';

/** Reading values whose shape is not known: parameters, JSON the user wrote, providers' answers. */

/** A plain object: not null, not an array. */
export function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A value as trimmed text; nothing (undefined or null) is empty text. */
export function trimmedText(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}
