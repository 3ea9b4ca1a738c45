import { InputError } from '../../shared/errors';
import { isObject } from '../../shared/values';

export interface Destination {
	to: string;
	messageId?: string;
}

/** `ToDestination.messageId` is at most 200 characters. */
export const MAX_MESSAGE_ID = 200;

function entriesOf(value: unknown): unknown[] {
	if (Array.isArray(value)) return value.flat(2);
	if (typeof value === 'string') return value.split(/[\s,;]+/);
	if (value === undefined || value === null) return [];
	return [value];
}

/**
 * The `destinations` of one message, from the node's fields or from a list: an array of phone
 * numbers or of `{ to, messageId }` objects, or text separated by commas, semicolons, spaces or
 * new lines. A number given twice without a message ID is sent once; message IDs must be unique.
 */
export function readDestinations(value: unknown, field = 'destinations'): Destination[] {
	const destinations: Destination[] = [];
	const plain = new Set<string>();
	const messageIds = new Map<string, number>();
	entriesOf(value).forEach((entry, index) => {
		const where = `${field}[${index}]`;
		const fields: Record<string, unknown> = isObject(entry) ? entry : { to: entry };
		const to = String(fields.to ?? '').trim();
		const messageId = String(fields.messageId ?? '').trim();
		if (to === '') {
			if (messageId !== '') throw new InputError(`${where}.to`, 'is required');
			return;
		}
		if (/\s/.test(to)) throw new InputError(`${where}.to`, `${JSON.stringify(to)} contains spaces`);
		if (messageId === '') {
			if (plain.has(to)) return;
			plain.add(to);
			destinations.push({ to });
			return;
		}
		if ([...messageId].length > MAX_MESSAGE_ID) {
			throw new InputError(
				`${where}.messageId`,
				`is ${[...messageId].length} characters long; Infobip accepts at most ${MAX_MESSAGE_ID}`,
			);
		}
		const first = messageIds.get(messageId);
		if (first !== undefined) {
			throw new InputError(
				`${where}.messageId`,
				`${JSON.stringify(messageId)} is already the message ID of destination ${first}`,
				'Every message needs its own ID, or none (Infobip then makes one).',
			);
		}
		messageIds.set(messageId, index);
		destinations.push({ to, messageId });
	});
	if (destinations.length === 0) {
		throw new InputError(
			field,
			'no destination given',
			'Give at least one phone number in international format, e.g. 66855538125.',
		);
	}
	return destinations;
}
