import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { CHANNEL_ACCESS_TOKEN, CHANNEL_ID_SECRET } from './transport';

/** Both LINE nodes offer both credentials, chosen with the Authentication parameter. */
export const lineCredentials: INodeCredentialDescription[] = [
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
];

export function authenticationProperty(description?: string): INodeProperties {
	return {
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
		...(description ? { description } : {}),
	};
}
