import { InputError } from '../../shared/errors';
import { checkRecipientId } from './checks';

/**
 * Reads a recipient list given as an array, or as text separated by commas, semicolons, spaces
 * or new lines. Checks every ID is a user ID and drops duplicates, keeping first-seen order.
 */
export function parseUserIds(value: unknown, field: string): string[] {
	let list: unknown[];
	if (Array.isArray(value)) list = value.flat(2);
	else if (typeof value === 'string') list = value.split(/[\s,;]+/);
	else if (value === undefined || value === null) list = [];
	else list = [value];
	const ids = new Set<string>();
	list.forEach((entry, index) => {
		if (entry === undefined || entry === null) return;
		const text = String(entry).trim();
		if (text !== '') ids.add(checkRecipientId(text, `${field}[${index}]`, ['user']));
	});
	if (ids.size === 0)
		throw new InputError(
			field,
			'no recipients given',
			'Give at least one LINE user ID (U followed by 32 hex characters).',
		);
	return [...ids];
}

export function chunk<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		chunks.push(list.slice(start, start + size));
	return chunks;
}
