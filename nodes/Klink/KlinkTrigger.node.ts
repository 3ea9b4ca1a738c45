import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { KLINK_CREDENTIAL } from './transport';
import { triggerProperties } from './trigger/description';
import { receiveWebhook } from './trigger/webhook';

export class KlinkTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'klink.cloud Trigger',
		name: 'klinkTrigger',
		icon: { light: 'file:../../icons/klink.svg', dark: 'file:../../icons/klink.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ [].concat($parameter["events"] || [], $parameter["otherEvents"] ? [$parameter["otherEvents"]] : []).join(", ") || "All events" }}',
		description:
			'Starts the workflow when klink.cloud sends a webhook event (new contacts, inbound and outbound messages, ...)',
		defaults: { name: 'klink.cloud Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Optional: only its Webhook Signing Secret is used, to verify klink.cloud's signature.
		credentials: [{ name: KLINK_CREDENTIAL, required: false }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	// klink.cloud has no API to register webhooks: the URL is pasted in its Settings → Webhooks,
	// so there is nothing to check, create or delete when the workflow is (de)activated.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook.call(this);
	}
}
