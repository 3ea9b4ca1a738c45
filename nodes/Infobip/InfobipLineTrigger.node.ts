import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { triggerProperties } from './trigger/description';
import { receiveDeliveryReports } from './trigger/webhook';

export class InfobipLineTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Infobip LINE Trigger',
		name: 'infobipLineTrigger',
		icon: { light: 'file:../../icons/infobip.svg', dark: 'file:../../icons/infobip.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ $parameter["statusGroups"].length ? "Reports: " + $parameter["statusGroups"].join(", ") : "All delivery reports" }}',
		description: 'Starts the workflow when Infobip posts delivery reports of LINE notifications',
		defaults: { name: 'Infobip LINE Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
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

	// Infobip has no API to register a LINE delivery-report URL: it is given per message
	// (webhooks.delivery.url) or set up by Infobip support. There is nothing to create or delete.
	webhookMethods = {
		default: {
			async checkExists(): Promise<boolean> {
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
