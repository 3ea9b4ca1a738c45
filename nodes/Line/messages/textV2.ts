import { describeValue, fail } from '../../shared/errors';
import { checkEnum, checkObject, checkString, type Obj } from '../helpers/fieldChecks';
import { checkRecipientId } from '../helpers/recipientIds';
import { checkQuoteToken, MAX_TEXT } from './common';
import type { MessageTypeDefinition } from './types';

const SUBSTITUTION_KEY = /^[a-zA-Z0-9_]{1,20}$/;

/** The `{key}` placeholders of a textV2 text; `{{` and `}}` are literal braces. */
function placeholderKeys(text: string): string[] {
	const keys: string[] = [];
	for (const match of text.matchAll(/\{\{|\}\}|\{([^{}]*)\}/g)) {
		if (match[1] !== undefined) keys.push(match[1]);
	}
	return keys;
}

function checkSubstitution(value: unknown, field: string): void {
	const substitution = checkObject(value, field, 'a substitution object (mention or emoji)');
	checkEnum(substitution.type, `${field}.type`, ['mention', 'emoji']);
	if (substitution.type === 'emoji') {
		checkString(substitution.productId, `${field}.productId`, { max: Infinity });
		checkString(substitution.emojiId, `${field}.emojiId`, { max: Infinity });
		return;
	}
	const mentionee = checkObject(substitution.mentionee, `${field}.mentionee`, 'a mention target');
	checkEnum(mentionee.type, `${field}.mentionee.type`, ['user', 'all']);
	if (mentionee.type === 'user') {
		checkRecipientId(mentionee.userId as string, `${field}.mentionee.userId`, ['user']);
	}
}

function checkTextV2(message: Obj, field: string): void {
	const text = checkString(message.text, `${field}.text`, { max: MAX_TEXT }) as string;
	const substitution = message.substitution === undefined ? {} : message.substitution;
	const entries = checkObject(substitution, `${field}.substitution`, 'an object of substitutions');
	const keys = Object.keys(entries);
	if (keys.length > 100) {
		fail(`${field}.substitution`, `has ${keys.length} entries, LINE allows at most 100`);
	}
	for (const key of keys) {
		if (!SUBSTITUTION_KEY.test(key)) {
			fail(
				`${field}.substitution`,
				`key ${describeValue(key)} must be 1 to 20 letters, digits or underscores`,
			);
		}
		checkSubstitution(entries[key], `${field}.substitution.${key}`);
	}
	for (const key of placeholderKeys(text)) {
		if (!SUBSTITUTION_KEY.test(key)) {
			fail(
				`${field}.text`,
				`{${key}} is not a valid placeholder (1 to 20 letters, digits or underscores); write {{ and }} for literal braces`,
			);
		}
		if (!(key in entries)) fail(`${field}.substitution.${key}`, `is required for {${key}} in text`);
	}
	checkQuoteToken(message, field);
}

/** Text with mentions and emojis in `{key}` placeholders. Placeholder builder: filled in by its task. */
export const textV2: MessageTypeDefinition = {
	type: 'textV2',
	builder: {
		option: { name: 'textV2', description: 'textV2' },
		fields: [],
		read: () => ({}),
	},
	check: checkTextV2,
};
