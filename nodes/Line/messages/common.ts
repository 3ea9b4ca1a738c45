import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { parseJson } from '../../shared/json';
import { checkString, type Obj } from '../helpers/fieldChecks';
import { asText, asTrimmed, compact } from '../helpers/fieldValues';
import type { MessageTypeDefinition } from './types';

/** What several message types share: their common fields, readers and checks. */

export const MAX_TEXT = 5000;
const MAX_ALT_TEXT = 1500;

export function checkQuoteToken(message: Obj, field: string): void {
	checkString(message.quoteToken, `${field}.quoteToken`, { max: Infinity, optional: true });
}

export function checkAltText(message: Obj, field: string): void {
	checkString(message.altText, `${field}.altText`, { max: MAX_ALT_TEXT });
}

/**
 * Makes a text, textV2 or sticker message quote a message of the chat: the token comes from the
 * webhook event of that message (or from the answer to a message the bot sent).
 */
export const QUOTE_TOKEN_FIELD: INodeProperties = {
	displayName: 'Quote Token',
	name: 'quoteToken',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	placeholder: '{{ $json.message.quoteToken }}',
	description:
		"The quote token of the user's message, e.g. message.quoteToken of a LINE Trigger message event (the expression in the placeholder); the message then quotes it. Leave empty to quote nothing.",
};

/** The quote token of a builder entry, if given. */
export function readQuoteToken(fields: IDataObject): string | undefined {
	return asTrimmed(fields.quoteToken);
}

export const ORIGINAL_CONTENT_URL_FIELD: INodeProperties = {
	displayName: 'Original Content URL',
	name: 'originalContentUrl',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'https://example.com/file.jpg',
	description:
		'HTTPS URL of the file: JPEG or PNG for images, MP4 for videos, M4A or MP3 for audio',
};

export const PREVIEW_IMAGE_URL_FIELD: INodeProperties = {
	displayName: 'Preview Image URL',
	name: 'previewImageUrl',
	type: 'string',
	default: '',
	placeholder: 'https://example.com/preview.jpg',
	description:
		'HTTPS URL of a smaller JPEG or PNG shown in the chat. Required for videos; for images, leave empty to use the original image.',
};

export const ALT_TEXT_FIELD: INodeProperties = {
	displayName: 'Alt Text',
	name: 'altText',
	type: 'string',
	default: '',
	description:
		'Text shown in notifications and chat lists instead of the message, up to 1500 characters. Needed by every type that shows it, except Flex (JSON) given a whole flex message with its own alt text.',
};

/**
 * The builder of a message given by its alt text and one object as JSON (flex contents, a
 * template): `json` is that field, read into the message under its name.
 */
export function altTextAndJsonBuilder(
	type: string,
	option: NonNullable<MessageTypeDefinition['builder']>['option'],
	json: Pick<INodeProperties, 'displayName' | 'name' | 'placeholder' | 'description'>,
): NonNullable<MessageTypeDefinition['builder']> {
	return {
		option,
		fields: [
			ALT_TEXT_FIELD,
			{
				displayName: json.displayName,
				name: json.name,
				type: 'json',
				required: true,
				default: '',
				placeholder: json.placeholder,
				description: json.description,
			},
		],
		read: (fields, field) =>
			compact({
				type,
				altText: asText(fields.altText),
				[json.name]: parseJson(fields[json.name], `${field}.${json.name}`),
			}),
	};
}
