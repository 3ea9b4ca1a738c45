import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { triggerProperties } from './trigger/description';
import { readProtection, testWebhookCredential, usesNodeParameters } from './trigger/protection';
import { receiveDeliveryReports } from './trigger/webhook';

export class InfobipLineTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Infobip LINE Trigger',
		name: 'infobipLineTrigger',
		icon: { light: 'file:../../icons/infobip.svg', dark: 'file:../../icons/infobip.dark.svg' },
		group: ['trigger'],
		// 2: the secret lives in the Infobip LINE Webhook API credential and requests are refused until
		// one is set. 1: the secret was a node parameter and Protection defaulted to None.
		version: [1, 2],
		defaultVersion: 2,
		subtitle:
			'={{ $parameter["statusGroups"].length ? "Reports: " + $parameter["statusGroups"].join(", ") : "All delivery reports" }}',
		description: 'Starts the workflow when Infobip posts delivery reports of LINE notifications',
		defaults: { name: 'Infobip LINE Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'lineConnectorInfobipWebhookApi',
				required: true,
				testedBy: 'infobipLineWebhookTest',
				displayOptions: { show: { authentication: ['credential'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'delivery-reports',
			},
		],
		properties: triggerProperties,
	};

	methods = {
		credentialTest: { infobipLineWebhookTest: testWebhookCredential },
	};

	// Infobip has no API to register a LINE delivery-report URL: it is given per message
	// (webhooks.delivery.url) or set up by Infobip support. There is nothing to create or delete,
	// but activation fails while the chosen protection has no secret, rather than refusing every
	// report in silence. (Version 1 nodes with the secret in their parameters are left as they were.)
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const protection = await readProtection(this);
				if (protection.type === 'unset' && !usesNodeParameters(this)) {
					throw new NodeOperationError(
						this.getNode(),
						`Infobip LINE Trigger refuses every request: ${protection.reason}`,
						{
							description:
								'Select an Infobip LINE Webhook API credential with a secret under Protection, or choose Protection → None (Accept Every Request) to accept requests without one.',
						},
					);
				}
				return true;
			},
			async create(): Promise<boolean> {
				return true;
			},
			async delete(): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDeliveryReports.call(this);
	}
}
