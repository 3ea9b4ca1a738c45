import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { deliveryField } from '../shared/deliveryOptions';
import { deliveryReportDescription } from './actions/deliveryReport';
import { messageDescription } from './actions/message';
import { router } from './actions/router';
import { INFOBIP_CREDENTIAL } from './transport';

export class InfobipLine implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Infobip LINE',
		name: 'infobipLine',
		icon: { light: 'file:../../icons/infobip.svg', dark: 'file:../../icons/infobip.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send LINE Official Notifications to phone numbers and fetch their delivery reports through Infobip',
		defaults: { name: 'Infobip LINE' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: INFOBIP_CREDENTIAL, required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Delivery Report', value: 'deliveryReport' },
					{ name: 'Message', value: 'message' },
				],
				default: 'message',
			},
			...messageDescription,
			...deliveryReportDescription,
			deliveryField('Infobip'),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
