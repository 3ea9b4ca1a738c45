import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CHANNEL_ACCESS_TOKEN, CHANNEL_ID_SECRET } from './transport';
import { triggerProperties } from './trigger/description';
import { createWebhook, deleteWebhook, webhookExists } from './trigger/registration';
import { receiveWebhook } from './trigger/webhook';

export class LineTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LINE Trigger',
		name: 'lineTrigger',
		icon: { light: 'file:../../icons/line.svg', dark: 'file:../../icons/line.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ $parameter["eventTypes"].length ? $parameter["eventTypes"].join(", ") : "All events" }}',
		description:
			'Starts the workflow when LINE sends webhook events (messages, follows, postbacks, ...)',
		defaults: { name: 'LINE Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: CHANNEL_ACCESS_TOKEN,
				required: true,
				displayOptions: { show: { authentication: ['channelAccessToken'] } },
			},
			{
				name: CHANNEL_ID_SECRET,
				required: true,
				displayOptions: { show: { authentication: ['channelIdSecret'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{
						name: 'Channel Access Token',
						value: 'channelAccessToken',
						description: 'A long-lived token issued in the LINE Developers console',
					},
					{
						name: 'Channel ID and Secret',
						value: 'channelIdSecret',
						description:
							'Short-lived tokens issued and renewed automatically from the channel ID and secret',
					},
				],
				default: 'channelAccessToken',
				description:
					"The channel secret that verifies LINE's signatures comes from the chosen credential",
			},
			...triggerProperties,
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhookExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createWebhook.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhook.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook.call(this);
	}
}
