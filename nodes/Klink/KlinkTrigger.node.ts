import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { KLINK_CREDENTIAL } from './transport';
import { triggerProperties } from './trigger/description';
import { acceptsUnsigned, NO_SECRET, receiveWebhook, signingSecret } from './trigger/webhook';

export class KlinkTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'klink.cloud Trigger',
		name: 'klinkTrigger',
		icon: { light: 'file:../../icons/klink.svg', dark: 'file:../../icons/klink.dark.svg' },
		group: ['trigger'],
		// 2: requests are refused while no signing secret is set, unless Accept Unsigned Requests
		// is on. 1: they were all accepted.
		version: [1, 2],
		defaultVersion: 2,
		subtitle:
			'={{ [].concat($parameter["events"] || [], $parameter["otherEvents"] ? [$parameter["otherEvents"]] : []).join(", ") || "All events" }}',
		description:
			'Starts the workflow when klink.cloud sends a webhook event (new contacts, inbound and outbound messages, ...)',
		defaults: { name: 'klink.cloud Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Only its Webhook Signing Secret is used, to verify klink.cloud's signature. Not marked
		// required since Accept Unsigned Requests works without it; activation checks instead.
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
	// so there is nothing to create or delete. Activation fails, though, while every request
	// would be refused for want of a signing secret.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (!acceptsUnsigned(this) && (await signingSecret(this)) === '') {
					throw new NodeOperationError(
						this.getNode(),
						`klink.cloud Trigger refuses every request: ${NO_SECRET}`,
					);
				}
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
