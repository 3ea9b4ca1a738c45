import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authenticationProperty, lineCredentials } from './authentication';
import { triggerProperties } from './trigger/description';
import { createWebhook, deleteWebhook, webhookExists } from './trigger/registration';
import { receiveWebhook } from './trigger/webhook';

export class LineTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LINE Trigger',
		name: 'lineTrigger',
		icon: { light: 'file:../../icons/line.svg', dark: 'file:../../icons/line.dark.svg' },
		group: ['trigger'],
		// Version 2 behaves exactly as version 1. n8n evaluates an expression for every request a
		// version 1 webhook node receives (a check for binary bodies that this node never needs),
		// which costs a JavaScript isolate per event with n8n's default expression engine.
		version: [1, 2],
		defaultVersion: 2,
		subtitle:
			'={{ $parameter["eventTypes"].length ? $parameter["eventTypes"].join(", ") : "All events" }}',
		description:
			'Starts the workflow when LINE sends webhook events (messages, follows, postbacks, ...)',
		defaults: { name: 'LINE Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: lineCredentials,
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
			authenticationProperty(
				"The channel secret that verifies LINE's signatures comes from the chosen credential",
			),
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
