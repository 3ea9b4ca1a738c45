import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { bearer, lineBaseUrlProperties, issueToken, statelessTokenRequest } from './lineCommon';

export class LineConnectorChannelIdSecretApi implements ICredentialType {
	name = 'lineConnectorChannelIdSecretApi';

	displayName = 'LINE Channel ID and Secret API';

	icon = { light: 'file:../icons/line.svg', dark: 'file:../icons/line.dark.svg' } as const;

	documentationUrl =
		'https://developers.line.biz/en/docs/basics/channel-access-token/#stateless-channel-access-token';

	properties: INodeProperties[] = [
		{
			displayName: 'Channel ID',
			name: 'channelId',
			type: 'string',
			required: true,
			default: '',
			description:
				'From the Basic settings tab of your Messaging API channel in the LINE Developers console',
		},
		{
			displayName: 'Channel Secret',
			name: 'channelSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'From the Basic settings tab of the channel. Used to obtain short-lived tokens and to verify incoming webhooks.',
		},
		...lineBaseUrlProperties,
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return {
			accessToken: await issueToken(
				this,
				statelessTokenRequest(credentials),
				'this channel ID and secret',
			),
		};
	}

	// A function rather than `{{$credentials.accessToken}}`: n8n evaluates a generic expression on
	// every request, which costs more than the rest of a push does inside this package.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return bearer(credentials, requestOptions);
	}

	// n8n issues a token through preAuthentication before this request, so a passing test
	// proves both that the channel ID and secret are right and that the token works.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v2/bot/info',
		},
	};
}
