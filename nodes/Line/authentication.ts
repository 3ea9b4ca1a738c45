import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { CHANNEL_ACCESS_TOKEN, CHANNEL_ID_SECRET, CHANNEL_JWT } from './transport';

/** Both LINE nodes offer the three credentials, chosen with the Authentication parameter. */
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
	{
		name: CHANNEL_JWT,
		required: true,
		displayOptions: { show: { authentication: ['channelJwt'] } },
	},
];

export function authenticationProperty(description?: string): INodeProperties {
	return {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{
				name: 'Channel (JWT Assertion)',
				value: 'channelJwt',
				description:
					'Tokens v2.1 issued and renewed automatically with an assertion signed by your assertion signing key',
			},
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
