import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { deliveryField } from '../shared/deliveryOptions';
import { authenticationProperty, lineCredentials } from './authentication';
import { audienceDescription } from './actions/audience';
import { botDescription } from './actions/bot';
import { channelTokenDescription } from './actions/channelToken';
import { chatDescription } from './actions/chat';
import { contentDescription } from './actions/content';
import { couponDescription } from './actions/coupon';
import { groupDescription } from './actions/group';
import { insightDescription } from './actions/insight';
import { membershipDescription } from './actions/membership';
import { messageDescription } from './actions/message';
import { quotaDescription } from './actions/quota';
import { richMenuDescription } from './actions/richMenu';
import { richMenuAliasDescription } from './actions/richMenuAlias';
import { roomDescription } from './actions/room';
import { router } from './actions/router';
import { userDescription } from './actions/user';
import { webhookDescription } from './actions/webhook';
import { lineListSearch } from './methods/listSearch';

export class LineMessaging implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LINE Messaging',
		name: 'lineMessaging',
		icon: { light: 'file:../../icons/line.svg', dark: 'file:../../icons/line.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send LINE messages, read profiles, members and message content, and manage rich menus, audiences, insight, coupons, memberships, tokens and the webhook with the LINE Messaging API',
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
					{ name: 'Audience', value: 'audience' },
					{ name: 'Bot', value: 'bot' },
					{ name: 'Channel Access Token', value: 'channelToken' },
					{ name: 'Chat', value: 'chat' },
					{ name: 'Content', value: 'content' },
					{ name: 'Coupon', value: 'coupon' },
					{ name: 'Group', value: 'group' },
					{ name: 'Insight', value: 'insight' },
					{ name: 'Membership', value: 'membership' },
					{ name: 'Message', value: 'message' },
					{ name: 'Quota and Statistic', value: 'quota' },
					{ name: 'Rich Menu', value: 'richMenu' },
					{ name: 'Rich Menu Alias', value: 'richMenuAlias' },
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
			...audienceDescription,
			...channelTokenDescription,
			...couponDescription,
			...insightDescription,
			...membershipDescription,
			...richMenuDescription,
			...richMenuAliasDescription,
			deliveryField('LINE'),
		],
	};

	methods = {
		listSearch: lineListSearch,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
