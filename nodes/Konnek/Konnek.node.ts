import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { deliveryField } from '../shared/deliveryOptions';
import { messageDescription } from './actions/message';
import { router } from './actions/router';
import { KONNEK_CREDENTIAL } from './transport';

export class Konnek implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Konnek',
		name: 'konnek',
		icon: { light: 'file:../../icons/konnek.svg', dark: 'file:../../icons/konnek.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ "Send " + $parameter["type"] + " on " + $parameter["channel"] }}',
		description:
			'Send WhatsApp, Telegram, LINE and Facebook Messenger messages through Konnek (konnek.ai)',
		defaults: { name: 'Konnek' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: KONNEK_CREDENTIAL, required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Message', value: 'message' }],
				default: 'message',
			},
			...messageDescription,
			deliveryField('Konnek'),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
