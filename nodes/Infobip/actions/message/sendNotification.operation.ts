import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import { parseJsonObject } from '../../../shared/json';
import { checkBubble, convertLineFlex } from '../../helpers/bubble';
import { readDestinations, type Destination } from '../../helpers/destinations';
import {
	DAYS,
	messageOptions,
	requestOptions,
	SPEED_TIME_UNITS,
	VALIDITY_TIME_UNITS,
} from '../../helpers/options';
import { withStatusNames } from '../../helpers/status';
import type { InfobipOperation } from '../types';

const showFor = { show: { resource: ['message'], operation: ['sendNotification'] } };

export const SEND_PATH = '/line/1/messages';
/** `LineOutboundNotificationContent.altText` is at most 400 characters. */
export const MAX_ALT_TEXT = 400;

const EXAMPLE_BUBBLE = JSON.stringify(
	{
		type: 'BUBBLE',
		body: {
			type: 'BOX',
			layout: 'VERTICAL',
			contents: [
				{ type: 'TEXT', text: 'Your order has shipped', weight: 'BOLD', size: 'lg', wrap: true },
				{ type: 'TEXT', text: 'Order 1234 arrives on Friday.', wrap: true },
			],
		},
	},
	null,
	2,
);

const titleCase = (value: string) =>
	value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');

const timeUnitField = (units: readonly string[], defaultUnit: string): INodeProperties => ({
	displayName: 'Time Unit',
	name: 'timeUnit',
	type: 'options',
	options: units.map((unit) => ({ name: titleCase(unit), value: unit })),
	default: defaultUnit,
});

const properties: INodeProperties[] = [
	{
		displayName: 'Sender',
		name: 'sender',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'OFFICIAL-ACCOUNT-ID-123',
		description: 'The sender Infobip set up for your LINE Official Account (messages[].sender)',
	},
	{
		displayName: 'Destinations',
		name: 'destinationsInput',
		type: 'options',
		options: [
			{
				name: 'Enter Each',
				value: 'fields',
				description: 'Add the phone numbers one by one, each with an optional message ID',
			},
			{
				name: 'From a List',
				value: 'list',
				description: 'Phone numbers from text or an expression giving an array',
			},
		],
		default: 'fields',
	},
	{
		displayName: 'Destinations',
		name: 'destinations',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Destination',
		default: {},
		displayOptions: { show: { destinationsInput: ['fields'] } },
		options: [
			{
				displayName: 'Destination',
				name: 'destination',
				values: [
					{
						displayName: 'To',
						name: 'to',
						type: 'string',
						default: '',
						placeholder: '66855538125',
						description: 'Phone number in international format',
					},
					{
						displayName: 'Message ID',
						name: 'messageId',
						type: 'string',
						default: '',
						description:
							'Your own ID for this message (at most 200 characters), to find its delivery report. Leave empty and Infobip makes one.',
					},
				],
			},
		],
	},
	{
		displayName: 'Phone Numbers',
		name: 'destinationList',
		type: 'string',
		required: true,
		default: '',
		placeholder: '66855538125, 66855538126',
		displayOptions: { show: { destinationsInput: ['list'] } },
		description:
			'Phone numbers separated by commas or new lines, or an expression giving an array of numbers or of { "to", "messageId" } objects. A number given twice without a message ID gets one message.',
	},
	{
		displayName: 'Alt Text',
		name: 'altText',
		type: 'string',
		required: true,
		default: '',
		description:
			'Text shown in notifications and chat lists, where the bubble cannot be shown (content.altText, at most 400 characters)',
	},
	{
		displayName: 'Bubble (JSON)',
		name: 'contents',
		type: 'json',
		required: true,
		default: EXAMPLE_BUBBLE,
		description:
			'The notification\'s bubble (content.contents). Infobip writes every enum in UPPERCASE: "BUBBLE", "BOX", "VERTICAL", "TEXT", "BOLD", "URI". Turn on Options → Convert LINE Flex Values to paste a bubble made for LINE (e.g. from the Flex Message Simulator).',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Application ID',
				name: 'applicationId',
				type: 'string',
				default: '',
				description: 'CPaaS X application the message belongs to (options.platform.applicationId)',
			},
			{
				displayName: 'Callback Data',
				name: 'callbackData',
				type: 'string',
				default: '',
				description:
					'Your data, returned in the delivery report (webhooks.callbackData, at most 4000 characters)',
			},
			{
				displayName: 'Campaign Reference ID',
				name: 'campaignReferenceId',
				type: 'string',
				default: '',
				description: 'ID to group messages of one campaign in reports and analytics',
			},
			{
				displayName: 'Convert LINE Flex Values',
				name: 'convertLineFlex',
				type: 'boolean',
				default: false,
				description:
					'Whether to convert a bubble written for LINE (lowercase "bubble", "box", "vertical", "uri", "ltr") to Infobip\'s uppercase values before checking and sending it',
			},
			{
				displayName: 'Delivery Report URL',
				name: 'deliveryUrl',
				type: 'string',
				default: '',
				placeholder: 'https://n8n.example.com/webhook/…/delivery-reports',
				description:
					'Where Infobip posts the delivery reports of these messages, e.g. the Production URL of an Infobip LINE Trigger',
			},
			{
				displayName: 'Delivery Time Window',
				name: 'deliveryTimeWindow',
				type: 'fixedCollection',
				default: {},
				placeholder: 'Add Window',
				description: 'Deliver only on these days and between these times (UTC)',
				options: [
					{
						displayName: 'Window',
						name: 'value',
						values: [
							{
								displayName: 'Days',
								name: 'days',
								type: 'multiOptions',
								options: DAYS.map((day) => ({ name: titleCase(day), value: day })),
								default: [...DAYS],
							},
							{
								displayName: 'From (UTC)',
								name: 'from',
								type: 'string',
								default: '',
								placeholder: '06:00',
								description: 'HH:mm. Give both From and To (at least 1 hour apart), or neither.',
							},
							{
								displayName: 'To (UTC)',
								name: 'to',
								type: 'string',
								default: '',
								placeholder: '15:30',
								description: 'HH:mm',
							},
						],
					},
				],
			},
			{
				displayName: 'Entity ID',
				name: 'entityId',
				type: 'string',
				default: '',
				description: 'CPaaS X entity the message belongs to (options.platform.entityId)',
			},
			{
				displayName: 'Intermediate Reports',
				name: 'intermediateReport',
				type: 'boolean',
				default: false,
				description:
					'Whether Infobip also posts intermediate delivery reports (webhooks.delivery.intermediateReport)',
			},
			{
				displayName: 'Notify',
				name: 'notify',
				type: 'boolean',
				default: true,
				description:
					'Whether Infobip sends delivery reports at all (webhooks.delivery.notify). Off: no report is sent.',
			},
			{
				displayName: 'Report Format',
				name: 'reportContentType',
				type: 'options',
				options: [
					{ name: 'JSON', value: 'application/json' },
					{ name: 'XML', value: 'application/xml' },
				],
				default: 'application/json',
				description:
					'Format of the delivery reports posted to your URL (webhooks.contentType). The Infobip LINE Trigger reads JSON.',
			},
			{
				displayName: 'SMS Failover',
				name: 'smsFailover',
				type: 'fixedCollection',
				default: {},
				placeholder: 'Add SMS Failover',
				description: 'Send an SMS instead when the LINE notification cannot be delivered',
				options: [
					{
						displayName: 'SMS',
						name: 'value',
						values: [
							{
								displayName: 'Text',
								name: 'text',
								type: 'string',
								default: '',
								description: 'Text of the SMS',
							},
							{
								displayName: 'Sender',
								name: 'sender',
								type: 'string',
								default: '',
								placeholder: 'InfoSMS',
								description: 'SMS sender ID. Empty: your account default.',
							},
							{
								displayName: 'Validity Period',
								name: 'validityAmount',
								type: 'number',
								typeOptions: { minValue: 0 },
								default: 0,
								description: 'How long to try delivering the SMS. 0: Infobip default.',
							},
							{ ...timeUnitField(VALIDITY_TIME_UNITS, 'MINUTES'), name: 'validityTimeUnit' },
						],
					},
				],
			},
			{
				displayName: 'Validity Period',
				name: 'validityPeriod',
				type: 'fixedCollection',
				default: {},
				placeholder: 'Add Validity Period',
				description: 'How long Infobip tries to deliver (at most 48 hours, the default)',
				options: [
					{
						displayName: 'Validity Period',
						name: 'value',
						values: [
							{
								displayName: 'Amount',
								name: 'amount',
								type: 'number',
								typeOptions: { minValue: 1 },
								default: 30,
							},
							timeUnitField(VALIDITY_TIME_UNITS, 'MINUTES'),
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Schedule',
		name: 'schedule',
		type: 'collection',
		placeholder: 'Add Schedule Option',
		default: {},
		options: [
			{
				displayName: 'Bulk ID',
				name: 'bulkId',
				type: 'string',
				default: '',
				description:
					'Your own ID for this request (at most 100 characters), to fetch its delivery reports or manage the schedule. Empty: Infobip makes one.',
			},
			{
				displayName: 'Send At',
				name: 'sendAt',
				type: 'dateTime',
				default: '',
				description:
					"When to send (at most 180 days ahead). A time without an offset is read in the workflow's time zone.",
			},
			{
				displayName: 'Sending Speed Limit',
				name: 'sendingSpeedLimit',
				type: 'fixedCollection',
				default: {},
				placeholder: 'Add Speed Limit',
				description: 'Spread the messages over time',
				options: [
					{
						displayName: 'Speed Limit',
						name: 'value',
						values: [
							{
								displayName: 'Amount',
								name: 'amount',
								type: 'number',
								typeOptions: { minValue: 1 },
								default: 30,
								description: 'Messages per time unit',
							},
							timeUnitField(SPEED_TIME_UNITS, 'MINUTE'),
						],
					},
				],
			},
		],
	},
];

interface PreparedSend {
	body: IDataObject;
	lookupHint: string;
}

function readAltText(value: unknown): string {
	const altText = value === undefined || value === null ? '' : String(value);
	if (altText.trim() === '') {
		throw new InputError(
			'messages[0].content.altText',
			'is required',
			'Give the text shown where the bubble cannot be shown.',
		);
	}
	const length = [...altText].length;
	if (length > MAX_ALT_TEXT) {
		throw new InputError(
			'messages[0].content.altText',
			`is ${length} characters long; Infobip accepts at most ${MAX_ALT_TEXT}`,
		);
	}
	return altText;
}

/** How the user can find out whether a send that failed midway was accepted. */
function lookupHint(bulkId: unknown, destinations: Destination[]): string {
	const messageIds = destinations.flatMap(({ messageId }) => (messageId ? [messageId] : []));
	if (typeof bulkId === 'string' && bulkId.trim() !== '') {
		return `Before sending again, look for delivery reports with bulk ID ${bulkId.trim()} (Delivery Report → Get Many).`;
	}
	if (messageIds.length > 0) {
		return `Before sending again, look for delivery reports of message ID ${messageIds[0]}${messageIds.length > 1 ? ` (and ${messageIds.length - 1} more)` : ''} (Delivery Report → Get Many).`;
	}
	return 'Set Schedule → Bulk ID (or message IDs) on sends, so that a send whose answer was lost can be looked up in the delivery reports.';
}

export const sendNotification: InfobipOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { fn, client, params } = context;
		const timeZone = fn.getTimezone();
		return await runPerItem<PreparedSend>(context, {
			prepare: (itemIndex) => {
				const sender = String(params.get('sender', itemIndex, '') ?? '').trim();
				if (sender === '') {
					throw new InputError(
						'messages[0].sender',
						'is required',
						'Give the sender Infobip set up for your LINE Official Account.',
					);
				}
				const destinations =
					params.get<string>('destinationsInput', itemIndex, 'fields') === 'list'
						? readDestinations(
								params.get('destinationList', itemIndex, ''),
								'messages[0].destinations',
							)
						: readDestinations(
								params.get<{ destination?: IDataObject[] }>('destinations', itemIndex, {})
									.destination ?? [],
								'messages[0].destinations',
							);
				const altText = readAltText(params.get('altText', itemIndex, ''));
				const options = params.get<IDataObject>('options', itemIndex, {});
				let contents: unknown = parseJsonObject(
					params.get('contents', itemIndex, ''),
					'messages[0].content.contents',
				);
				if (options.convertLineFlex === true) contents = convertLineFlex(contents);
				checkBubble(contents, 'messages[0].content.contents');
				const schedule = params.get<IDataObject>('schedule', itemIndex, {});
				const body: IDataObject = {
					messages: [
						{
							sender,
							destinations: destinations as unknown as IDataObject[],
							content: { type: 'LINE_NOTIFICATION', altText, contents: contents as IDataObject },
							...messageOptions(options),
						},
					],
				};
				const scheduled = requestOptions(schedule, timeZone);
				if (scheduled) body.options = scheduled;
				return { body, lookupHint: lookupHint(schedule.bulkId, destinations) };
			},
			send: async ({ body, lookupHint }, itemIndex) => {
				const response = await client.request<{ bulkId?: string; messages?: IDataObject[] }>(
					{ method: 'POST', path: SEND_PATH, body, lookupHint },
					itemIndex,
				);
				const bulkId = response.bulkId ?? null;
				return (response.messages ?? []).map((sent) => withStatusNames({ bulkId, ...sent }));
			},
		});
	},
};
