import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The secret that protects the Infobip LINE Trigger's URL. Infobip does not sign delivery
 * reports, so the URL itself must carry a secret; keeping it here (encrypted by n8n) keeps it
 * out of the workflow and its exports. Tested by the trigger (`testedBy`): there is no Infobip
 * endpoint to try it against, the test checks that it is usable.
 */
export class LineConnectorInfobipWebhookApi implements ICredentialType {
	name = 'lineConnectorInfobipWebhookApi';

	displayName = 'Infobip LINE Webhook API';

	icon = { light: 'file:../icons/infobip.svg', dark: 'file:../icons/infobip.dark.svg' } as const;

	documentationUrl =
		'https://github.com/n8n-nodes-line-connector/n8n-nodes-line-connector#infobip-line-trigger';

	properties: INodeProperties[] = [
		{
			displayName: 'Protection',
			name: 'protection',
			type: 'options',
			options: [
				{
					name: 'Secret in the URL',
					value: 'query',
					description:
						"Give Infobip the trigger's Production URL followed by ?token=YOUR-SECRET; requests without it are refused. Works with the per-message Delivery Report URL.",
				},
				{
					name: 'Secret Header',
					value: 'header',
					description:
						'Require a header with the secret. Only for a webhook set up to send that header (a Delivery Report URL cannot carry headers).',
				},
				{
					name: 'Basic Auth',
					value: 'basicAuth',
					description:
						'Require HTTP Basic authentication. Only for a webhook set up to send it; whether Infobip honours user:password@ in a Delivery Report URL is not documented.',
				},
			],
			default: 'query',
		},
		{
			displayName: 'Parameter Name',
			name: 'parameterName',
			type: 'string',
			default: 'token',
			displayOptions: { show: { protection: ['query'] } },
			description:
				'Name of the query parameter that carries the secret. The secret travels in the URL: use an HTTPS URL and keep it out of shared logs.',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-Webhook-Secret',
			displayOptions: { show: { protection: ['header'] } },
			description: 'Name of the header that carries the secret',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			displayOptions: { show: { protection: ['query', 'header'] } },
			description:
				'A long random value (at least 16 characters). Requests that do not carry exactly this value are refused with 401.',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: { protection: ['basicAuth'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			displayOptions: { show: { protection: ['basicAuth'] } },
		},
	];
}
