import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { bearer, lineBaseUrlProperties } from './lineCommon';

export class LineConnectorChannelAccessTokenApi implements ICredentialType {
	name = 'lineConnectorChannelAccessTokenApi';

	displayName = 'LINE Channel Access Token API';

	icon = { light: 'file:../icons/line.svg', dark: 'file:../icons/line.dark.svg' } as const;

	documentationUrl =
		'https://developers.line.biz/en/docs/basics/channel-access-token/#long-lived-channel-access-token';

	properties: INodeProperties[] = [
		{
			displayName: 'Channel Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Long-lived channel access token, from the LINE Developers console: your Messaging API channel → Messaging API tab → Channel access token',
		},
		{
			displayName: 'Channel Secret',
			name: 'channelSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'From the Basic settings tab of the channel. Needed only to verify the signatures of incoming webhooks.',
		},
		...lineBaseUrlProperties,
	];

	// A function rather than `{{$credentials.accessToken}}`: n8n evaluates a generic expression on
	// every request, which costs more than the rest of a push does inside this package.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return bearer(credentials, requestOptions);
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v2/bot/info',
		},
	};
}
