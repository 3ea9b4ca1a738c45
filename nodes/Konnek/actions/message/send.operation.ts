import { randomUUID } from 'node:crypto';
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import type { ItemParameters } from '../../../shared/parameters';
import { formatWithOffset } from '../../../shared/time';
import { trimmedText } from '../../../shared/values';
import {
	INTERACTIVE_TYPES,
	konnekRequestBody,
	MEDIA_TYPES,
	messageParts,
	type KonnekMessageInput,
} from '../../helpers/message';
import { konnekStatusName } from '../../helpers/status';
import type { KonnekOperation } from '../types';

const showFor = { show: { resource: ['message'], operation: ['send'] } };

/**
 * URL path of each channel. Konnek names the channels but not their slugs: only `line` is the
 * default we were asked for, the others are guesses the user can replace (Options → Channel Path).
 */
export const CHANNEL_PATHS: Readonly<Record<string, string>> = {
	line: 'line',
	whatsapp: 'whatsapp',
	telegram: 'telegram',
	facebook: 'facebook',
};

const mediaTypes = [...MEDIA_TYPES];
const interactiveTypes = [...INTERACTIVE_TYPES];

const properties: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: [
			{ name: 'Facebook Messenger', value: 'facebook' },
			{ name: 'LINE', value: 'line' },
			{ name: 'Telegram', value: 'telegram' },
			{ name: 'WhatsApp', value: 'whatsapp' },
		],
		default: 'line',
		description:
			'Channel the message goes out on. It picks the URL path (line, whatsapp, telegram or facebook). Konnek does not document these paths: if yours differ, set Options → Channel Path.',
	},
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		required: true,
		default: '',
		placeholder: '628123456789',
		description:
			"Who receives the message: the phone number with country code for WhatsApp, or the channel's own user ID (e.g. the LINE user ID) as Konnek gave it to you",
	},
	{
		displayName: 'Message Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Audio', value: 'audio', description: 'An audio file from a URL' },
			{ name: 'Button', value: 'button', description: 'Text with buttons to pick from' },
			{ name: 'Document', value: 'document', description: 'A file from a URL' },
			{ name: 'Image', value: 'image', description: 'An image from a URL' },
			{ name: 'List', value: 'list', description: 'A list of choices in sections' },
			{ name: 'Location', value: 'location', description: 'A point on the map' },
			{ name: 'Text', value: 'text', description: 'A text message' },
			{ name: 'Video', value: 'video', description: 'A video from a URL' },
			{ name: 'Voice', value: 'voice', description: 'A voice note from a URL' },
		],
		default: 'text',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		displayOptions: { show: { type: ['text'] } },
		description: 'The text of the message (body.text)',
	},
	{
		displayName: 'Body Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		displayOptions: { show: { type: interactiveTypes } },
		description: 'Text shown with the choices (body.text). Optional.',
	},
	{
		displayName: 'Media URL',
		name: 'mediaUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/files/invoice.pdf',
		displayOptions: { show: { type: mediaTypes } },
		description: 'Public address of the file to send',
	},
	{
		displayName: 'Media Name',
		name: 'mediaName',
		type: 'string',
		default: '',
		placeholder: 'invoice.pdf',
		displayOptions: { show: { type: mediaTypes } },
		description: 'Name shown for the file (body.media.name). Optional.',
	},
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		typeOptions: { numberPrecision: 6, minValue: -90, maxValue: 90 },
		required: true,
		default: 0,
		displayOptions: { show: { type: ['location'] } },
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		typeOptions: { numberPrecision: 6, minValue: -180, maxValue: 180 },
		required: true,
		default: 0,
		displayOptions: { show: { type: ['location'] } },
	},
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Button',
		default: {},
		displayOptions: { show: { type: ['button'] } },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Key',
						name: 'key',
						type: 'string',
						default: '',
						placeholder: 'btn1',
						description: 'ID that comes back when the user taps the button',
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						placeholder: 'Button 1',
						description: 'Label of the button',
					},
				],
			},
		],
	},
	{
		displayName: 'List Title',
		name: 'listTitle',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { type: ['list'] } },
		description: 'Title of the list (body.list.title)',
	},
	{
		displayName: 'Sections',
		name: 'listSections',
		type: 'json',
		required: true,
		default:
			'[\n  {\n    "title": "Section 1",\n    "description": "Description of section 1",\n    "actions": [\n      { "key": "sec1act1", "title": "Action 1", "description": "Description of action 1" }\n    ]\n  }\n]',
		displayOptions: { show: { type: ['list'] } },
		description:
			'The sections of the list (body.list.sections): each has a title, a description and actions, each action a key (comes back when picked), a title and a description',
	},
	{
		displayName: 'Header',
		name: 'header',
		type: 'fixedCollection',
		placeholder: 'Add Header',
		default: {},
		displayOptions: { show: { type: interactiveTypes } },
		options: [
			{
				displayName: 'Header',
				name: 'value',
				values: [
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Document', value: 'document' },
							{ name: 'Image', value: 'image' },
							{ name: 'Text', value: 'text' },
							{ name: 'Video', value: 'video' },
						],
						default: 'text',
					},
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						default: '',
						displayOptions: { show: { type: ['text'] } },
					},
					{
						displayName: 'Media URL',
						name: 'mediaUrl',
						type: 'string',
						default: '',
						placeholder: 'https://example.com/banner.jpg',
						displayOptions: { show: { type: ['document', 'image', 'video'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'Footer',
		name: 'footer',
		type: 'fixedCollection',
		placeholder: 'Add Footer',
		default: {},
		displayOptions: { show: { type: interactiveTypes } },
		options: [
			{
				displayName: 'Footer',
				name: 'value',
				values: [
					{ displayName: 'Title', name: 'title', type: 'string', default: '' },
					{ displayName: 'Text', name: 'text', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Also Send Timestampt',
				name: 'sendTimestampt',
				type: 'boolean',
				default: true,
				description:
					'Whether to also send the time as "timestampt", the spelling in Konnek\'s sample request, next to the documented "timestamp". Turn off once you know which one your Konnek reads.',
			},
			{
				displayName: 'Channel Path',
				name: 'channelPath',
				type: 'string',
				default: '',
				placeholder: 'line',
				description:
					"Replaces the channel's part of the address (Base URL / Channel Path / send / Client ID). Konnek does not publish these paths: use the one Konnek gave you if it differs from the default.",
			},
			{
				displayName: 'Message ID',
				name: 'messageId',
				type: 'string',
				default: '',
				description: 'Your own unique identifier for this message. Leave empty for a new UUID.',
			},
			{
				displayName: 'Reply To Message ID',
				name: 'replyId',
				type: 'string',
				default: '',
				description: 'ID of the message this one answers (reply_id)',
			},
			{
				displayName: 'Reply Token',
				name: 'replyToken',
				type: 'string',
				default: '',
				typeOptions: { password: true },
				displayOptions: { show: { '/channel': ['telegram'] } },
				description:
					'Token for replying on Telegram (reply_token). Konnek uses it for Telegram only.',
			},
		],
	},
];

interface PreparedSend {
	channel: string;
	channelPath: string;
	recipient: string;
	type: string;
	id: string;
	replyId?: string;
	replyToken?: string;
	sendTimestampt: boolean;
	parts: IDataObject;
}

function readChannelPath(value: unknown, channel: string): string {
	const given = trimmedText(value).replace(/^\/+|\/+$/g, '');
	const path = given || CHANNEL_PATHS[channel];
	if (!path) throw new InputError('channel', `unknown channel ${JSON.stringify(channel)}`);
	if (!/^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(path)) {
		throw new InputError(
			'channelPath',
			`${JSON.stringify(given)} is not a URL path`,
			'Use letters, digits, ".", "_", "-" or "~" (e.g. line), with "/" between parts.',
		);
	}
	return path;
}

function readMessage(params: ItemParameters, itemIndex: number, type: string): KonnekMessageInput {
	const input: KonnekMessageInput = { type };
	const get = (name: string, fallback: unknown = '') => params.get(name, itemIndex, fallback);
	if (type === 'text' || type === 'button' || type === 'list') input.text = get('text');
	if ((MEDIA_TYPES as readonly string[]).includes(type)) {
		input.mediaUrl = get('mediaUrl');
		input.mediaName = get('mediaName');
	}
	if (type === 'location') {
		input.latitude = get('latitude', undefined);
		input.longitude = get('longitude', undefined);
	}
	if (type === 'button') {
		input.buttons = (get('buttons', {}) as { button?: IDataObject[] }).button ?? [];
	}
	if (type === 'list') {
		input.listTitle = get('listTitle');
		input.listSections = get('listSections', undefined);
	}
	if (type === 'button' || type === 'list') {
		const header = (get('header', {}) as { value?: IDataObject }).value;
		const footer = (get('footer', {}) as { value?: IDataObject }).value;
		if (header) input.header = header;
		if (footer) input.footer = footer;
	}
	return input;
}

/** Hands out each item's message ID; one the user gave two items would not be unique. */
class MessageIds {
	private readonly owners = new Map<string, number>();

	claim(given: string, itemIndex: number): string {
		if (given === '') return randomUUID();
		const owner = this.owners.get(given);
		if (owner !== undefined && owner !== itemIndex) {
			throw new InputError(
				'id',
				`items ${owner} and ${itemIndex} have the same Message ID ${JSON.stringify(given)}`,
				'Give every item its own Message ID, or leave it empty for a new UUID per message.',
			);
		}
		this.owners.set(given, itemIndex);
		return given;
	}
}

export const send: KonnekOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { fn, client, params } = context;
		const timeZone = fn.getTimezone();
		const ids = new MessageIds();
		return await runPerItem<PreparedSend>(context, {
			prepare: (itemIndex) => {
				const channel = params.get<string>('channel', itemIndex, 'line');
				const options = params.get<IDataObject>('options', itemIndex, {});
				const channelPath = readChannelPath(options.channelPath, channel);
				const recipient = trimmedText(params.get('recipient', itemIndex, ''));
				if (recipient === '') {
					throw new InputError(
						'recipient',
						'is required',
						'Give the phone number (with country code) or the user ID of the channel.',
					);
				}
				const type = params.get<string>('type', itemIndex, 'text');
				const parts = messageParts(readMessage(params, itemIndex, type));
				const replyToken = channel === 'telegram' ? trimmedText(options.replyToken) : '';
				return {
					channel,
					channelPath,
					recipient,
					type,
					id: ids.claim(trimmedText(options.messageId), itemIndex),
					replyId: trimmedText(options.replyId) || undefined,
					replyToken: replyToken || undefined,
					sendTimestampt: options.sendTimestampt !== false,
					parts,
				};
			},
			send: async (prepared, itemIndex) => {
				const now = Date.now();
				const times = Math.floor(now / 1000);
				const timestamp = formatWithOffset(now, timeZone);
				const body = konnekRequestBody(
					{
						id: prepared.id,
						replyId: prepared.replyId,
						times,
						timestamp,
						sendTimestampt: prepared.sendTimestampt,
						replyToken: prepared.replyToken,
						recipient: prepared.recipient,
					},
					prepared.type,
					prepared.parts,
				);
				const { data, meta } = await client.send(prepared.channelPath, body, itemIndex);
				return {
					id: prepared.id,
					messageId: (data.message_id as string | undefined) ?? null,
					tid: (data.tid as string | undefined) ?? null,
					status: (data.status as number | undefined) ?? null,
					statusName: konnekStatusName(data.status),
					message: (meta.message as string | undefined) ?? null,
					channel: prepared.channel,
					recipient: prepared.recipient,
					type: prepared.type,
					times,
					timestamp,
				};
			},
		});
	},
};
