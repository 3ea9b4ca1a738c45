import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import { parseJson } from '../../shared/json';
import { isObject, trimmedText } from '../../shared/values';

/**
 * Builds the body of Konnek's `POST /{channel}/send/{clientID}` from the node's fields, checking
 * what Konnek's documentation marks mandatory. Errors name the field as a path into the request.
 */

export const MEDIA_TYPES = ['image', 'video', 'audio', 'voice', 'document'] as const;
export const INTERACTIVE_TYPES = ['button', 'list'] as const;
export const MESSAGE_TYPES = ['text', ...MEDIA_TYPES, ...INTERACTIVE_TYPES, 'location'] as const;
export const HEADER_TYPES = ['text', 'image', 'video', 'document'] as const;

export interface KonnekMessageInput {
	type: string;
	/** The text of a text message; the optional body text of a button or list message. */
	text?: unknown;
	mediaUrl?: unknown;
	mediaName?: unknown;
	latitude?: unknown;
	longitude?: unknown;
	buttons?: Array<{ key?: unknown; title?: unknown }>;
	listTitle?: unknown;
	/** JSON text or an array: `[{ title, description, actions: [{ key, title, description }] }]`. */
	listSections?: unknown;
	header?: { type?: unknown; text?: unknown; mediaUrl?: unknown };
	footer?: { title?: unknown; text?: unknown };
}

export interface KonnekEnvelope {
	id: string;
	replyId?: string;
	/** Unix time in seconds. */
	times: number;
	/** The same instant as RFC 3339 date-time. */
	timestamp: string;
	/** Also send `timestampt`, the spelling of Konnek's sample request. */
	sendTimestampt: boolean;
	/** Telegram only. */
	replyToken?: string;
	recipient: string;
}

type Obj = Record<string, unknown>;

function required(value: unknown, field: string, hint?: string): string {
	const result = trimmedText(value);
	if (result === '') throw new InputError(field, 'is required', hint);
	return result;
}

function httpUrl(value: unknown, field: string): string {
	const url = required(value, field, 'Give a public https:// URL of the file.');
	if (!/^https?:\/\/\S+$/i.test(url)) {
		throw new InputError(
			field,
			`${JSON.stringify(url)} is not an http(s) URL`,
			'Give a public https:// URL of the file.',
		);
	}
	return url;
}

function coordinate(value: unknown, field: string, limit: number): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || Math.abs(number) > limit) {
		throw new InputError(
			field,
			`${JSON.stringify(value)} is not a coordinate between -${limit} and ${limit}`,
		);
	}
	return number;
}

function uniqueKeys(keys: Array<{ key: string; field: string }>): void {
	const seen = new Map<string, string>();
	for (const { key, field } of keys) {
		const first = seen.get(key);
		if (first !== undefined) {
			throw new InputError(
				field,
				`the key ${JSON.stringify(key)} is already used by ${first}`,
				'Each choice needs its own key: it is what comes back when the user picks it.',
			);
		}
		seen.set(key, field);
	}
}

function buttons(input: KonnekMessageInput['buttons']): IDataObject[] {
	const list = input ?? [];
	if (list.length === 0) {
		throw new InputError('body.button', 'add at least one button', 'Add buttons under Buttons.');
	}
	const result = list.map((button, index) => ({
		key: required(button.key, `body.button[${index}].key`),
		title: required(button.title, `body.button[${index}].title`),
	}));
	uniqueKeys(result.map(({ key }, index) => ({ key, field: `body.button[${index}].key` })));
	return result;
}

function objectList(value: unknown, field: string): Obj[] {
	if (!Array.isArray(value) || value.length === 0) {
		throw new InputError(field, 'must be a list with at least one entry');
	}
	return value.map((entry, index) => {
		if (!isObject(entry)) throw new InputError(`${field}[${index}]`, 'must be an object');
		return entry;
	});
}

const SECTIONS_HINT =
	'Give a JSON list like [{"title": "Section 1", "description": "…", "actions": [{"key": "a1", "title": "Action 1", "description": "…"}]}].';

function list(input: KonnekMessageInput): IDataObject {
	const parsed = parseJson(input.listSections, 'body.list.sections');
	if (parsed === undefined)
		throw new InputError('body.list.sections', 'is required', SECTIONS_HINT);
	const keys: Array<{ key: string; field: string }> = [];
	const sections = objectList(parsed, 'body.list.sections').map((section, s) => {
		const where = `body.list.sections[${s}]`;
		return {
			title: required(section.title, `${where}.title`),
			description: required(section.description, `${where}.description`),
			actions: objectList(section.actions, `${where}.actions`).map((action, a) => {
				const key = required(action.key, `${where}.actions[${a}].key`);
				keys.push({ key, field: `${where}.actions[${a}].key` });
				return {
					key,
					title: required(action.title, `${where}.actions[${a}].title`),
					description: required(action.description, `${where}.actions[${a}].description`),
				};
			}),
		};
	});
	uniqueKeys(keys);
	return { title: required(input.listTitle, 'body.list.title'), sections };
}

function header(input: NonNullable<KonnekMessageInput['header']>): IDataObject {
	const type = trimmedText(input.type) || 'text';
	if (!(HEADER_TYPES as readonly string[]).includes(type)) {
		throw new InputError('header.type', `must be one of ${HEADER_TYPES.join(', ')}`);
	}
	if (type === 'text') return { type, text: required(input.text, 'header.text') };
	return { type, media_url: httpUrl(input.mediaUrl, 'header.media_url') };
}

function footer(input: NonNullable<KonnekMessageInput['footer']>): IDataObject {
	return {
		title: required(input.title, 'footer.title'),
		text: required(input.text, 'footer.text'),
	};
}

/** `body`, and `header`/`footer` for button and list messages. */
export function messageParts(input: KonnekMessageInput): IDataObject {
	const { type } = input;
	if (!(MESSAGE_TYPES as readonly string[]).includes(type)) {
		throw new InputError('type', `must be one of ${MESSAGE_TYPES.join(', ')}`);
	}
	const body: IDataObject = {};
	if (type === 'text') body.text = required(input.text, 'body.text');
	if ((MEDIA_TYPES as readonly string[]).includes(type)) {
		const media: IDataObject = { url: httpUrl(input.mediaUrl, 'body.media.url') };
		const name = trimmedText(input.mediaName);
		if (name !== '') media.name = name;
		body.media = media;
	}
	if (type === 'location') {
		body.location = {
			latitude: coordinate(input.latitude, 'body.location.latitude', 90),
			longitude: coordinate(input.longitude, 'body.location.longitude', 180),
		};
	}
	const parts: IDataObject = { body };
	if ((INTERACTIVE_TYPES as readonly string[]).includes(type)) {
		const bodyText = trimmedText(input.text);
		if (bodyText !== '') body.text = bodyText;
		if (type === 'button') body.button = buttons(input.buttons);
		else body.list = list(input);
		if (input.header) parts.header = header(input.header);
		if (input.footer) parts.footer = footer(input.footer);
	}
	return parts;
}

/** The whole request body, in the order of Konnek's sample; `parts` comes from messageParts. */
export function konnekRequestBody(
	envelope: KonnekEnvelope,
	type: string,
	parts: IDataObject,
): IDataObject {
	const request: IDataObject = { id: envelope.id };
	if (envelope.replyId) request.reply_id = envelope.replyId;
	request.times = envelope.times;
	request.timestamp = envelope.timestamp;
	if (envelope.sendTimestampt) request.timestampt = envelope.timestamp;
	if (envelope.replyToken) request.reply_token = envelope.replyToken;
	request.recipient = envelope.recipient;
	request.type = type;
	return { ...request, ...parts };
}
