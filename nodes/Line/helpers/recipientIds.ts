import { describeValue, fail } from '../../shared/errors';

/** The check of a LINE user, group or room ID. */

export type RecipientKind = 'user' | 'group' | 'room';

const ID_PREFIX: Record<RecipientKind, string> = { user: 'U', group: 'C', room: 'R' };
const ID_EXAMPLE: Record<RecipientKind, string> = {
	user: 'U4af4980629...',
	group: 'Ca56f94637c...',
	room: 'Ra8dbf4b3c2...',
};
const KIND_OF_PREFIX: Record<string, RecipientKind> = { U: 'user', C: 'group', R: 'room' };

function orList(words: string[]): string {
	if (words.length <= 1) return words.join('');
	return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/**
 * Checks a user (U…), group (C…) or room (R…) ID of one of the allowed kinds and returns it
 * trimmed.
 */
export function checkRecipientId(id: string, field: string, kinds: RecipientKind[]): string {
	const trimmed = typeof id === 'string' ? id.trim() : '';
	const match = /^([UCR])[0-9a-f]{32}$/.exec(trimmed);
	const kind = match ? KIND_OF_PREFIX[match[1]] : undefined;
	if (kind && kinds.includes(kind)) return trimmed;
	const expected = `expected ${orList(kinds.map((k) => ID_PREFIX[k]))} followed by 32 hex characters, e.g. ${ID_EXAMPLE[kinds[0]]}`;
	if (kind) {
		fail(
			field,
			`${describeValue(trimmed)} is a ${kind} ID, but only ${orList(kinds)} IDs are allowed here (${expected})`,
		);
	}
	fail(
		field,
		`${describeValue(trimmed || id)} is not a LINE ${orList(kinds)} ID (${expected})`,
		'Use the ID from a webhook event (source.userId, source.groupId or source.roomId), not the LINE ID shown in the app',
	);
}
