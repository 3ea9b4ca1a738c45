import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { bearer, jwtTokenRequest, lineBaseUrlProperties, issueToken } from './lineCommon';

export class LineConnectorChannelJwtApi implements ICredentialType {
	name = 'lineConnectorChannelJwtApi';

	displayName = 'LINE Channel (JWT Assertion) API';

	icon = { light: 'file:../icons/line.svg', dark: 'file:../icons/line.dark.svg' } as const;

	documentationUrl = 'https://developers.line.biz/en/docs/messaging-api/generate-json-web-token/';

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
			displayName: 'Key ID',
			name: 'keyId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '536e453c-aa93-4449-8e90-add2608783c6',
			description:
				'The kid LINE showed when you registered the public key: Basic settings → Assertion Signing Key',
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: '{"kty":"RSA","alg":"RS256","n":"…","e":"AQAB","d":"…",…}',
			description:
				'The private key of the assertion signing key as a JWK (JSON, RSA, RS256). It signs the assertions this credential sends; it is never sent itself.',
		},
		{
			displayName: 'Token Lifetime (Seconds)',
			name: 'lifetime',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 2592000 },
			default: 2592000,
			description:
				'How long each channel access token v2.1 this credential gets is valid: at most 2592000 (30 days). A new one is issued when it stops working.',
		},
		{
			displayName: 'Channel Secret',
			name: 'channelSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'From the Basic settings tab of the channel. Needed only to verify the signatures of incoming webhooks and to revoke v2.1 tokens.',
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
			accessToken: await issueToken(this, jwtTokenRequest(credentials), 'this JWT assertion'),
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
	// proves that the key signs assertions LINE accepts and that the token works.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v2/bot/info',
		},
	};
}
