import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export class LineConnectorKonnekApi implements ICredentialType {
	name = 'lineConnectorKonnekApi';

	displayName = 'Konnek API';

	icon = { light: 'file:../icons/konnek.svg', dark: 'file:../icons/konnek.dark.svg' } as const;

	documentationUrl = 'https://api.sprintasia.co.id/docs/konnek/send-message';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://konnek.example.com/api',
			description:
				'The address Konnek gave your company; requests go to <Base URL>/<channel>/send/<Client ID>. Konnek publishes no common host.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
			description: 'The client ID Konnek issued to you (the last part of the send URL)',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			required: true,
			default: '',
			description: 'Sent in the Auth-username header',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Sent in the Auth-password header (Konnek does not use HTTP Basic authentication)',
		},
		{
			displayName:
				'Konnek documents no endpoint for checking credentials. The Test button posts an empty request to <Base URL>/line/send/<Client ID>: it holds no recipient, so nothing can be sent. A 401 or 403 answer means the username or password was refused and a 404 that nothing answers at that address. Any other answer (including 400 for the empty request) only proves that the address reaches a server; the first real send proves the rest.',
			name: 'testNotice',
			type: 'notice',
			default: '',
		},
	];

	// Konnek reads plain Auth-username / Auth-password headers, not an Authorization header.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: {
				...requestOptions.headers,
				'Auth-username': String(credentials.username ?? ''),
				'Auth-password': String(credentials.password ?? ''),
			},
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '=/line/send/{{encodeURIComponent($credentials.clientId)}}',
			method: 'POST',
			body: {},
			json: true,
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'Konnek refused the username or password (401)' },
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: 'Konnek refused the username or password (403)' },
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'Nothing answers at <Base URL>/line/send/<Client ID> (404): check both',
				},
			},
		],
	};
}
