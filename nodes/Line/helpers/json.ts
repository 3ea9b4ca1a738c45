import { LineInputError } from './errors';

/** Accepts an object, or JSON text for one; anything else names the field. */
export function parseJsonObject(value: unknown, field: string, { optional = false } = {}): Record<string, unknown> | undefined {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') parsed = undefined;
		else {
			let problem: string | undefined;
			try {
				parsed = JSON.parse(value);
			} catch (error) {
				problem = (error as Error).message;
			}
			if (problem !== undefined) throw new LineInputError(field, `not valid JSON (${problem})`);
		}
	}
	if (parsed === undefined || parsed === null || (typeof parsed === 'object' && !Array.isArray(parsed) && Object.keys(parsed).length === 0)) {
		if (optional) return undefined;
		throw new LineInputError(field, 'is required');
	}
	if (typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new LineInputError(field, `must be a JSON object, got ${Array.isArray(parsed) ? 'an array' : typeof parsed}`);
	}
	return parsed as Record<string, unknown>;
}
