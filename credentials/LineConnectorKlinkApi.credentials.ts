import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export class LineConnectorKlinkApi implements ICredentialType {
	name = 'lineConnectorKlinkApi';

	displayName = 'klink.cloud API';

	icon = { light: 'file:../icons/klink.svg', dark: 'file:../icons/klink.dark.svg' } as const;

	documentationUrl = 'https://developers.klink.cloud/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'kpt_...',
			description:
				'Issued in klink.cloud: Settings → Channels & Integration → API Tokens → Issue Token (it is shown once; tokens start with kpt_). Workspaces on the older developer tools: Settings → Developer Tools → your app → Manage → access token (needs admin rights).',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'options',
			options: [
				{
					name: 'apigw.klinkcx.com (Current)',
					value: 'https://apigw.klinkcx.com',
					description: "The host of klink.cloud's current API documentation",
				},
				{
					name: 'api.klink.cloud (Legacy)',
					value: 'https://api.klink.cloud',
					description: "The host of klink.cloud's older documentation (LINE Messaging API page)",
				},
				{
					name: 'Custom',
					value: 'custom',
					description: 'Another host, e.g. https://uat-api.klink.cloud or a proxy',
				},
			],
			default: 'https://apigw.klinkcx.com',
		},
		{
			displayName: 'Custom Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://uat-api.klink.cloud',
			required: true,
			displayOptions: { show: { baseUrl: ['custom'] } },
			description: 'Scheme and host, without /api/v1',
		},
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSigningSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Used only by the klink.cloud Trigger: the signing secret of the klink.cloud webhook that calls it (Settings → Webhooks → your webhook → signing secret). When set, requests whose x-signature does not match are refused with 401. Each klink.cloud webhook has its own secret, so use one credential per webhook (the Development and Production environments have separate webhooks).',
		},
	];

	// A function rather than an expression: n8n evaluates a generic expression on every request.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				Authorization: `Bearer ${String(credentials.apiToken ?? '').trim()}`,
			},
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ $credentials.baseUrl === "custom" ? String($credentials.customBaseUrl).trim() : $credentials.baseUrl }}',
			url: '/api/v1/channels',
			qs: { page: 1, pageSize: 1 },
		},
	};
}
