import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import { parseJson } from '../../shared/json';
import type { ItemParameters } from '../../shared/parameters';
import { isObject } from '../../shared/values';
import {
	actionFields,
	asText,
	asTrimmed,
	compact,
	QUICK_REPLY_ACTION_PLACE,
	readAction,
} from './actions';
import { checkMessages } from './checks';

/**
 * The "Messages" part of every send operation: a builder for composing LINE messages without
 * writing JSON, a JSON alternative, and the options applied on top (quick reply, sender).
 */

// Not alphabetical: the type comes first because it decides which of the other fields are shown.
const MESSAGE_VALUES: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Audio', value: 'audio', description: 'An M4A or MP3 file' },
			{ name: 'Flex', value: 'flex', description: 'A bubble or carousel laid out freely' },
			{ name: 'Image', value: 'image', description: 'A JPEG or PNG image' },
			{ name: 'Imagemap', value: 'imagemap', description: 'An image with tappable areas' },
			{ name: 'Location', value: 'location', description: 'A place on a map' },
			{ name: 'Raw JSON', value: 'json', description: 'Any LINE message object, written as JSON' },
			{ name: 'Sticker', value: 'sticker', description: 'A LINE sticker' },
			{ name: 'Template', value: 'template', description: 'Buttons, confirm or carousel template' },
			{ name: 'Text', value: 'text', description: 'Plain text' },
			{ name: 'Video', value: 'video', description: 'An MP4 video' },
		],
		default: 'text',
		description: 'Type of the message',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'Text of the message, up to 5000 characters',
		displayOptions: { show: { type: ['text'] } },
	},
	{
		displayName: 'Package ID',
		name: 'packageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '446',
		description:
			'Package ID of the sticker, see the <a href="https://developers.line.biz/en/docs/messaging-api/sticker-list/">list of stickers</a>',
		displayOptions: { show: { type: ['sticker'] } },
	},
	{
		displayName: 'Sticker ID',
		name: 'stickerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1988',
		description:
			'Sticker ID within the package, see the <a href="https://developers.line.biz/en/docs/messaging-api/sticker-list/">list of stickers</a>',
		displayOptions: { show: { type: ['sticker'] } },
	},
	{
		displayName: 'Original Content URL',
		name: 'originalContentUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/file.jpg',
		description:
			'HTTPS URL of the file: JPEG or PNG for images, MP4 for videos, M4A or MP3 for audio',
		displayOptions: { show: { type: ['image', 'video', 'audio'] } },
	},
	{
		displayName: 'Preview Image URL',
		name: 'previewImageUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/preview.jpg',
		description:
			'HTTPS URL of a smaller JPEG or PNG shown in the chat. Required for videos; for images, leave empty to use the original image.',
		displayOptions: { show: { type: ['image', 'video'] } },
	},
	{
		displayName: 'Tracking ID',
		name: 'trackingId',
		type: 'string',
		default: '',
		description:
			'ID that identifies the video in the video viewing complete webhook event, up to 100 characters',
		displayOptions: { show: { type: ['video'] } },
	},
	{
		displayName: 'Duration',
		name: 'duration',
		type: 'number',
		required: true,
		default: 0,
		placeholder: '60000',
		description: 'Length of the audio in milliseconds',
		displayOptions: { show: { type: ['audio'] } },
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		description: 'Name of the place, up to 100 characters',
		displayOptions: { show: { type: ['location'] } },
	},
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		required: true,
		default: '',
		description: 'Address of the place, up to 100 characters',
		displayOptions: { show: { type: ['location'] } },
	},
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		typeOptions: { numberPrecision: 7 },
		required: true,
		default: 0,
		description: 'Latitude of the place in degrees, from -90 to 90',
		displayOptions: { show: { type: ['location'] } },
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		typeOptions: { numberPrecision: 7 },
		required: true,
		default: 0,
		description: 'Longitude of the place in degrees, from -180 to 180',
		displayOptions: { show: { type: ['location'] } },
	},
	{
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/imagemap/1',
		description:
			'HTTPS URL of the imagemap images without a file name. LINE appends the width it needs (/1040, /700, /460, /300 or /240).',
		displayOptions: { show: { type: ['imagemap'] } },
	},
	{
		displayName: 'Alt Text',
		name: 'altText',
		type: 'string',
		required: true,
		default: '',
		description:
			'Text shown in notifications and chat lists instead of the message, up to 1500 characters',
		displayOptions: { show: { type: ['flex', 'template', 'imagemap'] } },
	},
	{
		displayName: 'Base Height',
		name: 'baseHeight',
		type: 'number',
		required: true,
		default: 1040,
		description: 'Height of the imagemap image in pixels when it is 1040 pixels wide',
		displayOptions: { show: { type: ['imagemap'] } },
	},
	{
		displayName: 'Imagemap Actions',
		name: 'actions',
		type: 'json',
		required: true,
		default: '',
		placeholder:
			'[{ "type": "uri", "linkUri": "https://example.com", "area": { "x": 0, "y": 0, "width": 1040, "height": 1040 } }]',
		description:
			'JSON array of 1 to 50 imagemap actions, each with a type (uri, message or clipboard) and an area in pixels of the 1040-wide image',
		displayOptions: { show: { type: ['imagemap'] } },
	},
	{
		displayName: 'Flex Contents',
		name: 'contents',
		type: 'json',
		required: true,
		default: '',
		placeholder:
			'{ "type": "bubble", "body": { "type": "box", "layout": "vertical", "contents": [] } }',
		description:
			'A bubble or carousel as JSON, e.g. designed in the <a href="https://developers.line.biz/flex-simulator/">Flex Message Simulator</a>',
		displayOptions: { show: { type: ['flex'] } },
	},
	{
		displayName: 'Template',
		name: 'template',
		type: 'json',
		required: true,
		default: '',
		placeholder: '{ "type": "confirm", "text": "Are you sure?", "actions": [] }',
		description: 'A buttons, confirm, carousel or image_carousel template object as JSON',
		displayOptions: { show: { type: ['template'] } },
	},
	{
		displayName: 'Message JSON',
		name: 'json',
		type: 'json',
		required: true,
		default: '',
		placeholder: '{ "type": "text", "text": "Hello" }',
		description: 'A whole LINE message object, e.g. a text message with emojis or a coupon message',
		displayOptions: { show: { type: ['json'] } },
	},
];

// The types the checks take in quick reply buttons: every action but the rich menu switch.
const QUICK_REPLY_VALUES: INodeProperties[] = [
	...actionFields(QUICK_REPLY_ACTION_PLACE.types, {
		target: 'button',
		labelRequired: true,
		labelDescription: 'Text of the button, up to 20 characters',
	}),
	{
		displayName: 'Icon URL',
		name: 'imageUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/icon.png',
		description: 'HTTPS URL of a PNG icon shown at the start of the button',
	},
];

function withShow(displayOptions: IDisplayOptions, show: IDisplayOptions['show']): IDisplayOptions {
	return { ...displayOptions, show: { ...displayOptions.show, ...show } };
}

/** The builder's node parameters, each shown under `displayOptions`. */
export function messageBuilderFields(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Specify Messages',
			name: 'messagesInput',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Using Fields Below',
					value: 'builder',
					description: 'Compose up to 5 messages field by field',
				},
				{
					name: 'Using JSON',
					value: 'json',
					description: 'Give the LINE messages as JSON, usually from an expression',
				},
			],
			default: 'builder',
			description: 'How to define the messages to send',
			displayOptions,
		},
		{
			displayName: 'Messages',
			name: 'messages',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Message',
			default: {},
			description: 'Up to 5 messages, delivered in this order',
			displayOptions: withShow(displayOptions, { messagesInput: ['builder'] }),
			options: [
				{
					displayName: 'Message',
					name: 'message',
					values: MESSAGE_VALUES,
				},
			],
		},
		{
			displayName: 'Messages JSON',
			name: 'messagesJson',
			type: 'json',
			required: true,
			default: '[]',
			placeholder: '[{ "type": "text", "text": "Hello" }]',
			description:
				'An array of up to 5 LINE message objects, or a single message object. Usually an expression that reads them from the input item.',
			displayOptions: withShow(displayOptions, { messagesInput: ['json'] }),
		},
		{
			displayName: 'Message Options',
			name: 'messageOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			description: 'Quick reply buttons and a different sender for the messages',
			displayOptions,
			options: [
				{
					displayName: 'Quick Reply',
					name: 'quickReply',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true, sortable: true },
					placeholder: 'Add Button',
					default: {},
					description:
						'Up to 13 buttons shown above the keyboard with the last message. They replace any quick reply already in that message.',
					options: [
						{
							displayName: 'Button',
							name: 'items',
							values: QUICK_REPLY_VALUES,
						},
					],
				},
				{
					displayName: 'Sender Icon URL',
					name: 'senderIconUrl',
					type: 'string',
					default: '',
					placeholder: 'https://example.com/icon.png',
					description:
						"HTTPS URL of a PNG shown instead of the account's profile image, on every message",
				},
				{
					displayName: 'Sender Name',
					name: 'senderName',
					type: 'string',
					default: '',
					description:
						'Name shown instead of the account name on every message, up to 20 characters',
				},
			],
		},
	];
}

// ---------------------------------------------------------------------------------------------
// Reading the parameters back

function asNumber(value: unknown): unknown {
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
		return Number(value);
	}
	return value;
}

type MessageReader = (fields: IDataObject, field: string) => IDataObject;

const MESSAGE_READERS: Record<string, MessageReader> = {
	text: (fields) => compact({ type: 'text', text: asText(fields.text) }),
	sticker: (fields) =>
		compact({
			type: 'sticker',
			packageId: asTrimmed(fields.packageId),
			stickerId: asTrimmed(fields.stickerId),
		}),
	image: (fields) => {
		const original = asTrimmed(fields.originalContentUrl);
		return compact({
			type: 'image',
			originalContentUrl: original,
			previewImageUrl: asTrimmed(fields.previewImageUrl) || original,
		});
	},
	video: (fields) =>
		compact({
			type: 'video',
			originalContentUrl: asTrimmed(fields.originalContentUrl),
			previewImageUrl: asTrimmed(fields.previewImageUrl),
			trackingId: asTrimmed(fields.trackingId),
		}),
	audio: (fields) =>
		compact({
			type: 'audio',
			originalContentUrl: asTrimmed(fields.originalContentUrl),
			duration: asNumber(fields.duration),
		}),
	location: (fields) =>
		compact({
			type: 'location',
			title: asText(fields.title),
			address: asText(fields.address),
			latitude: asNumber(fields.latitude),
			longitude: asNumber(fields.longitude),
		}),
	flex: (fields, field) =>
		compact({
			type: 'flex',
			altText: asText(fields.altText),
			contents: parseJson(fields.contents, `${field}.contents`),
		}),
	template: (fields, field) =>
		compact({
			type: 'template',
			altText: asText(fields.altText),
			template: parseJson(fields.template, `${field}.template`),
		}),
	imagemap: (fields, field) =>
		compact({
			type: 'imagemap',
			baseUrl: asTrimmed(fields.baseUrl),
			altText: asText(fields.altText),
			baseSize: { width: 1040, height: asNumber(fields.baseHeight ?? 1040) },
			actions: parseJson(fields.actions, `${field}.actions`),
		}),
	json: (fields, field) => {
		const message = parseJson(fields.json, field);
		if (!isObject(message)) {
			throw new InputError(
				field,
				'must be a LINE message object, e.g. { "type": "text", "text": "Hello" }',
			);
		}
		return { ...message };
	},
};

function readBuilderMessages(entries: unknown): IDataObject[] {
	const list = Array.isArray(entries) ? entries : [];
	return list.map((value: unknown, index) => {
		const field = `messages[${index}]`;
		const entry = isObject(value) ? value : {};
		const type = typeof entry.type === 'string' ? entry.type : 'text';
		const reader = MESSAGE_READERS[type];
		if (!reader) throw new InputError(`${field}.type`, `unknown message type "${type}"`);
		return reader(entry, field);
	});
}

function readJsonMessages(value: unknown): unknown[] {
	let parsed = parseJson(value, 'messages');
	// An expression often points at a whole request body rather than at its messages.
	if (isObject(parsed) && parsed.type === undefined && Array.isArray(parsed.messages)) {
		parsed = parsed.messages;
	}
	if (parsed === undefined) return [];
	const list = Array.isArray(parsed) ? parsed : [parsed];
	// Copies, so that adding the quick reply and sender never touches the parameter's value.
	return list.map((message) => (isObject(message) ? { ...message } : message));
}

function readQuickReply(value: unknown): IDataObject | undefined {
	const entries =
		isObject(value) && Array.isArray(value.items) ? (value.items as IDataObject[]) : [];
	if (entries.length === 0) return undefined;
	const items = entries.map((entry) => {
		const action = readAction(entry);
		return compact({ type: 'action', imageUrl: asTrimmed(entry.imageUrl), action });
	});
	return { items };
}

function readSender(options: IDataObject): IDataObject | undefined {
	const sender = compact({
		name: asText(options.senderName),
		iconUrl: asTrimmed(options.senderIconUrl),
	});
	return Object.keys(sender).length > 0 ? sender : undefined;
}

/**
 * The LINE `messages` array for one item: built from the fields or taken from JSON, with the
 * quick reply on the last message and the sender on every message, then checked. Parameter
 * values may be cached and shared between items, so they are copied, never changed.
 */
export function readMessages(params: ItemParameters, itemIndex: number): IDataObject[] {
	const input = params.get<string>('messagesInput', itemIndex, 'builder');
	const messages =
		input === 'json'
			? readJsonMessages(params.get<unknown>('messagesJson', itemIndex, '[]'))
			: readBuilderMessages(params.get<unknown>('messages.message', itemIndex, []));

	const options = params.get<IDataObject>('messageOptions', itemIndex, {}) ?? {};
	const quickReply = readQuickReply(options.quickReply);
	const sender = readSender(options);
	messages.forEach((message, index) => {
		if (!isObject(message)) return;
		if (sender) message.sender = { ...sender };
		if (quickReply && index === messages.length - 1) message.quickReply = quickReply;
	});

	checkMessages(messages);
	return messages as IDataObject[];
}
