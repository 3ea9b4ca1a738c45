import { InputError } from './errors';

/**
 * A JSON parameter: n8n gives a string, or an already parsed value when it is an expression.
 * Empty text is `undefined`; malformed text names the field.
 */
export function parseJson(value: unknown, field: string): unknown {
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (text === '') return undefined;
	let problem: string;
	try {
		return JSON.parse(text);
	} catch (error) {
		problem = (error as Error).message;
	}
	throw new InputError(field, `not valid JSON (${problem})`);
}

/** An object given as JSON text or as an object; empty counts as absent. */
export function parseJsonObject(
	value: unknown,
	field: string,
	{ optional = false } = {},
): Record<string, unknown> | undefined {
	const parsed = parseJson(value, field);
	const empty =
		parsed === undefined ||
		parsed === null ||
		(typeof parsed === 'object' && !Array.isArray(parsed) && Object.keys(parsed).length === 0);
	if (empty) {
		if (optional) return undefined;
		throw new InputError(field, 'is required');
	}
	if (typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new InputError(
			field,
			`must be a JSON object, got ${Array.isArray(parsed) ? 'an array' : typeof parsed}`,
		);
	}
	return parsed as Record<string, unknown>;
}
