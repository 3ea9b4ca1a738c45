import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { deliveryField } from '../shared/deliveryOptions';
import { authenticationProperty, lineCredentials } from './authentication';
import { botDescription } from './actions/bot';
import { chatDescription } from './actions/chat';
import { contentDescription } from './actions/content';
import { groupDescription } from './actions/group';
import { messageDescription } from './actions/message';
import { quotaDescription } from './actions/quota';
import { roomDescription } from './actions/room';
import { router } from './actions/router';
import { userDescription } from './actions/user';
import { webhookDescription } from './actions/webhook';

export class LineMessaging implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LINE Messaging',
		name: 'lineMessaging',
		icon: { light: 'file:../../icons/line.svg', dark: 'file:../../icons/line.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send LINE messages, read profiles, members and message content, and manage the webhook with the LINE Messaging API',
		defaults: { name: 'LINE Messaging' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: lineCredentials,
		properties: [
			authenticationProperty(),
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Bot', value: 'bot' },
					{ name: 'Chat', value: 'chat' },
					{ name: 'Content', value: 'content' },
					{ name: 'Group', value: 'group' },
					{ name: 'Message', value: 'message' },
					{ name: 'Quota and Statistic', value: 'quota' },
					{ name: 'Room', value: 'room' },
					{ name: 'User', value: 'user' },
					{ name: 'Webhook', value: 'webhook' },
				],
				default: 'message',
			},
			...messageDescription,
			...chatDescription,
			...contentDescription,
			...userDescription,
			...groupDescription,
			...roomDescription,
			...webhookDescription,
			...quotaDescription,
			...botDescription,
			deliveryField('LINE'),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
