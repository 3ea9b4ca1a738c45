/**
 * A problem found in the input before anything is sent: names the field (as a path into the
 * provider's request, e.g. `messages[0].text` or `customFields.cf_customer_id`) and says how to
 * fix it. The item runner turns it into a NodeOperationError that also names the item.
 */
export class InputError extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly hint?: string,
	) {
		super(`${field}: ${message}`);
		this.name = 'InputError';
	}
}

/** Throws an InputError: for checks that read as one line, e.g. `if (!ok) fail(field, 'is empty')`. */
export function fail(field: string, message: string, hint?: string): never {
	throw new InputError(field, message, hint);
}

/** How a value the user gave looks, short enough for an error message. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'string') {
		const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
		return JSON.stringify(shown);
	}
	if (Array.isArray(value)) return `a list of ${value.length}`;
	if (typeof value === 'object') return 'an object';
	return `${typeof value} ${String(value)}`;
}
