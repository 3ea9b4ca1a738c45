import type { INodeProperties } from 'n8n-workflow';

import { EVENT_TYPES, MESSAGE_TYPES, SOURCE_TYPES } from './events';

export const DEFAULT_TRANSCODING_TIMEOUT_S = 30;

/** The LINE Trigger's parameters (the Authentication selector comes first, in the node). */
export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Copy the Production URL from Webhook URLs above into the LINE Developers console: your Messaging API channel → Messaging API tab → Webhook settings → Webhook URL, then turn on Use webhook. To receive test events while you build, paste the Test URL there instead. The channel secret (Basic settings tab) must be in the credential: requests LINE did not sign with it are refused with 401 and start nothing. Or turn on Register Webhook URL With LINE below and this node does it when the workflow is activated.',
		name: 'webhookNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registerWebhook: [false] } },
	},
	{
		displayName: 'Register Webhook URL With LINE',
		name: 'registerWebhook',
		type: 'boolean',
		default: false,
		description:
			"Whether to set this node's webhook URL on the LINE channel when the workflow is activated (and the Test URL while you listen for a test event, put back afterwards). LINE allows one webhook URL per channel: this replaces the one set now, so leave it off if another system receives this channel's webhooks. LINE accepts only HTTPS URLs.",
	},
	{
		displayName: 'Test After Registering',
		name: 'testAfterRegistering',
		type: 'boolean',
		default: false,
		displayOptions: { show: { registerWebhook: [true] } },
		description:
			'Whether to ask LINE to call the webhook URL once it is set, and refuse to activate when LINE cannot reach it. Leave off if n8n may be unreachable for a moment while it starts.',
	},
	{
		displayName: 'On Deactivation',
		name: 'onDeactivation',
		type: 'options',
		displayOptions: { show: { registerWebhook: [true] } },
		options: [
			{
				name: "Leave LINE's Webhook URL",
				value: 'leave',
				description:
					'LINE keeps sending events to this URL; n8n answers 404 while the workflow is inactive',
			},
			{
				name: 'Restore the Previous URL',
				value: 'restore',
				description:
					'Set the webhook URL the channel had before this workflow was activated back on LINE (when it was HTTPS)',
			},
		],
		default: 'leave',
		description: "What to do with the channel's webhook URL when the workflow is deactivated",
	},
	{
		displayName: 'Event Types',
		name: 'eventTypes',
		type: 'multiOptions',
		options: EVENT_TYPES,
		default: [],
		description: 'Start the workflow only for these events. None selected: every event.',
	},
	{
		displayName: 'Message Types',
		name: 'messageTypes',
		type: 'multiOptions',
		options: MESSAGE_TYPES,
		default: [],
		description:
			'Start the workflow only for message events with these message types (other events are not affected). None selected: every message type.',
	},
	{
		displayName: 'Source Types',
		name: 'sourceTypes',
		type: 'multiOptions',
		options: SOURCE_TYPES,
		default: [],
		description:
			'Start the workflow only for events from these kinds of chat (events without a source, such as Delivery, are then skipped). None selected: every source.',
	},
	{
		displayName: 'Only When Bot Is Mentioned',
		name: 'onlyWhenBotMentioned',
		type: 'boolean',
		default: false,
		description:
			'Whether to skip messages in group chats and multi-person chats that do not @mention the LINE Official Account (@All does not count, and only text messages can mention). One-on-one messages and events other than messages still start the workflow.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Download Content',
				name: 'downloadContent',
				type: 'boolean',
				default: false,
				description:
					"Whether to download what users send in image, video, audio and file messages into the item's binary data. LINE is answered first, so it never waits for the download. Images and videos hosted outside LINE (contentProvider external) are not downloaded. A failed download leaves the item in the output with a contentError field.",
			},
			{
				displayName: 'Put Content in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				displayOptions: { show: { downloadContent: [true] } },
				description: 'Name of the binary property to put the downloaded content in',
			},
			{
				displayName: 'Max Wait for Video and Audio (Seconds)',
				name: 'transcodingTimeout',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 600 },
				default: DEFAULT_TRANSCODING_TIMEOUT_S,
				displayOptions: { show: { downloadContent: [true] } },
				description:
					'LINE prepares video and audio for download after the event is sent. How long to wait for that before giving up on the download (the item then has a contentError field).',
			},
			{
				displayName: 'Ignore Redelivered Events',
				name: 'ignoreRedelivered',
				type: 'boolean',
				default: false,
				description:
					'Whether to skip events LINE sends again because an earlier delivery failed (deliveryContext.isRedelivery). Their reply token may have expired. LINE redelivers only when Webhook redelivery is on in the LINE Developers console.',
			},
		],
	},
];
