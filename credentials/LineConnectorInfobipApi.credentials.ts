import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export class LineConnectorInfobipApi implements ICredentialType {
	name = 'lineConnectorInfobipApi';

	displayName = 'Infobip LINE API';

	icon = { light: 'file:../icons/infobip.svg', dark: 'file:../icons/infobip.dark.svg' } as const;

	documentationUrl = 'https://www.infobip.com/docs/essentials/api-essentials/api-authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication Type',
			name: 'authType',
			type: 'options',
			options: [
				{
					name: 'API Key',
					value: 'apiKey',
					description:
						'Sent as "Authorization: App <key>". Recommended: keys can be scoped and revoked.',
				},
				{
					name: 'Username and Password',
					value: 'basic',
					description: 'Your Infobip account login, sent with HTTP Basic authentication',
				},
			],
			default: 'apiKey',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			displayOptions: { show: { authType: ['apiKey'] } },
			description:
				'From the Infobip portal → Developer Tools → API keys. It needs a LINE scope (e.g. line:message:send).',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://xxxxxx.api.infobip.com',
			description:
				'Your personal base URL, shown on the Infobip portal home page and in the API docs when you are logged in. The shared https://api.infobip.com works too.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authorization =
			credentials.authType === 'basic'
				? `Basic ${Buffer.from(`${String(credentials.username ?? '')}:${String(credentials.password ?? '')}`).toString('base64')}`
				: `App ${String(credentials.apiKey ?? '')}`;
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: authorization },
		};
	}

	// Delivery reports are handed out only once, so the test asks for those of a message ID that
	// cannot exist: it proves the base URL, the credentials and the LINE scope, and takes nothing.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/line/1/reports',
			qs: { messageId: 'n8n-credential-test', limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Infobip refused the credentials (401): check the API key or username and password',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The credentials work but may not use LINE (403): give the API key a LINE scope such as line:message:send',
				},
			},
		],
	};
}
