import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import { parseJson } from '../../shared/json';
import type { ItemParameters } from '../../shared/parameters';
import { isObject } from '../../shared/values';
import { MESSAGE_READERS, messageTypeFields, messageTypeOptions } from '../messages';
import { isJoined } from '../messages/joinItems';
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
 * writing JSON, a JSON alternative, and the options applied on top (quick reply, sender). Each
 * message type's fields and reader are in its file in ../messages.
 */

// Not alphabetical: the type comes first because it decides which of the other fields are shown.
const MESSAGE_VALUES: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: messageTypeOptions(),
		default: 'text',
		description: 'Type of the message',
	},
	...messageTypeFields(),
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
 * values may be cached and shared between items, so they are copied, never changed. Carousels
 * of Columns From All Items are refused unless the operation joins them (`joinItems`).
 */
export function readMessages(
	params: ItemParameters,
	itemIndex: number,
	{ joinItems = false }: { joinItems?: boolean } = {},
): IDataObject[] {
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
	if (!joinItems) {
		const joined = messages.findIndex((message) => isObject(message) && isJoined(message));
		if (joined >= 0) {
			throw new InputError(
				`messages[${joined}].joinItems`,
				'Columns From All Items works in Send Push, Send Reply and Send Broadcast only',
				'Turn it off to send each item its own carousel, or send with one of those operations.',
			);
		}
	}
	return messages as IDataObject[];
}
