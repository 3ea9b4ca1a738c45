import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { describeValue, fail } from '../../shared/errors';
import { isObject } from '../../shared/values';
import { checkEnum, checkObject, checkString, type Obj } from '../helpers/fieldChecks';
import { asText, asTrimmed, compact } from '../helpers/fieldValues';
import { checkRecipientId } from '../helpers/recipientIds';
import { checkQuoteToken, MAX_TEXT, QUOTE_TOKEN_FIELD, readQuoteToken } from './common';
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
		if (!(key in entries)) {
			fail(
				`${field}.substitution.${key}`,
				`is required for {${key}} in text`,
				`Add a placeholder (a substitution) with the key "${key}", or write {{${key}}} to send the braces as text`,
			);
		}
	}
	checkQuoteToken(message, field);
}

// ---------------------------------------------------------------------------------------------
// The builder

/** What a placeholder stands for, by the value of its Type field. */
const PLACEHOLDER_READERS: Record<string, (entry: IDataObject) => IDataObject> = {
	user: (entry) => ({
		type: 'mention',
		mentionee: compact({ type: 'user', userId: asTrimmed(entry.userId) }),
	}),
	all: () => ({ type: 'mention', mentionee: { type: 'all' } }),
	emoji: (entry) =>
		compact({
			type: 'emoji',
			productId: asTrimmed(entry.productId),
			emojiId: asTrimmed(entry.emojiId),
		}),
};

const PLACEHOLDER_VALUES: INodeProperties[] = [
	{
		displayName: 'Key',
		name: 'key',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'user',
		description:
			'Name of the placeholder in the text without braces ({user} has the key user): 1 to 20 letters, digits or underscores',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{
				name: 'Everyone Mention',
				value: 'all',
				description: 'Mentions everyone in the group chat',
			},
			{ name: 'LINE Emoji', value: 'emoji', description: 'Shows a LINE emoji' },
			{ name: 'User Mention', value: 'user', description: 'Mentions one member of the group chat' },
		],
		default: 'user',
		description: 'What the placeholder is replaced with',
	},
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'U4af4980629b06f3b9d3f8a1b2c3d4e5f',
		description:
			'ID of the user to mention (U followed by 32 hex characters), e.g. source.userId of a LINE Trigger event',
		displayOptions: { show: { type: ['user'] } },
	},
	{
		displayName: 'Product ID',
		name: 'productId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '5ac1bfd5040ab15980c9b435',
		description:
			'Product ID of the emoji set, see the <a href="https://developers.line.biz/en/docs/messaging-api/emoji-list/">list of LINE emojis</a>',
		displayOptions: { show: { type: ['emoji'] } },
	},
	{
		displayName: 'Emoji ID',
		name: 'emojiId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '002',
		description:
			'ID of the emoji within the set, see the <a href="https://developers.line.biz/en/docs/messaging-api/emoji-list/">list of LINE emojis</a>',
		displayOptions: { show: { type: ['emoji'] } },
	},
];

/** The `substitution` of the Placeholders entries; a key given twice is a mistake, not an override. */
function readSubstitution(value: unknown, field: string): IDataObject | undefined {
	const entries = isObject(value) && Array.isArray(value.placeholder) ? value.placeholder : [];
	if (entries.length === 0) return undefined;
	const substitution: IDataObject = {};
	for (const raw of entries) {
		const entry = isObject(raw) ? raw : {};
		const key = asTrimmed(entry.key) ?? '';
		if (key in substitution) {
			fail(`${field}.substitution`, `key ${describeValue(key)} is given twice`);
		}
		const type = asText(entry.type) || 'user';
		const read = PLACEHOLDER_READERS[type];
		if (!read) {
			fail(
				`${field}.substitution.${key}.type`,
				`${describeValue(type)} is not a placeholder type; expected one of ${Object.keys(PLACEHOLDER_READERS).join(', ')}`,
			);
		}
		substitution[key] = read(entry);
	}
	return substitution;
}

/** Text with mentions and emojis in `{key}` placeholders. */
export const textV2: MessageTypeDefinition = {
	type: 'textV2',
	builder: {
		option: {
			name: 'Text with Mentions',
			description: 'Text that mentions users or everyone, or shows LINE emojis, in placeholders',
		},
		fields: [
			{
				displayName: 'Text',
				name: 'textWithPlaceholders',
				type: 'string',
				typeOptions: { rows: 4 },
				required: true,
				default: '',
				placeholder: 'Welcome, {user}! {smile}',
				description:
					'Text of the message, up to 5000 characters, with a {key} where each placeholder goes. Write {{ and }} for literal braces (in a fixed value; in an expression they start and end code).',
			},
			{
				displayName: 'Placeholders',
				name: 'substitution',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Placeholder',
				default: {},
				description: 'Up to 100 placeholders: what each {key} in the text is replaced with',
				options: [{ displayName: 'Placeholder', name: 'placeholder', values: PLACEHOLDER_VALUES }],
			},
			QUOTE_TOKEN_FIELD,
		],
		read: (fields, field) =>
			compact({
				type: 'textV2',
				text: asText(fields.textWithPlaceholders),
				substitution: readSubstitution(fields.substitution, field),
				quoteToken: readQuoteToken(fields),
			}),
	},
	check: checkTextV2,
};
