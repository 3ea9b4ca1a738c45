import type { INodeProperties } from 'n8n-workflow';

import { STATUS_GROUPS } from '../helpers/status';

const titleCase = (value: string) => value.charAt(0) + value.slice(1).toLowerCase();

/** The Infobip LINE Trigger's parameters. */
export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Infobip posts delivery reports to the Production URL above when it is the Delivery Report URL of a send (Infobip LINE node → Send Notification → Options), or when Infobip support set it up for your account. Infobip does not sign these requests, so anyone who learns the URL can start this workflow: choose a protection below.',
		name: 'webhookNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Protection',
		name: 'authentication',
		type: 'options',
		options: [
			{
				name: 'None',
				value: 'none',
				description: 'Accept every request to the URL',
			},
			{
				name: 'Secret in the URL',
				value: 'query',
				description:
					'Add ?token=YOUR-SECRET to the URL you give Infobip; requests without it are refused. Works with the per-message Delivery Report URL.',
			},
			{
				name: 'Secret Header',
				value: 'header',
				description:
					'Require a header with a secret. Only for a webhook set up to send that header (a Delivery Report URL cannot carry headers).',
			},
			{
				name: 'Basic Auth',
				value: 'basicAuth',
				description:
					'Require HTTP Basic authentication. Only for a webhook set up to send it; whether Infobip honours user:password@ in a Delivery Report URL is not documented.',
			},
		],
		default: 'none',
	},
	{
		displayName:
			"Give Infobip this node's Production URL followed by ?token=YOUR-SECRET (or the parameter name you chose below). The secret travels in the URL: use an HTTPS URL and a long random secret, and keep it out of shared logs.",
		name: 'queryNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['query'] } },
	},
	{
		displayName: 'Parameter Name',
		name: 'parameterName',
		type: 'string',
		default: 'token',
		displayOptions: { show: { authentication: ['query'] } },
		description: 'Name of the query parameter that carries the secret',
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: 'X-Webhook-Secret',
		displayOptions: { show: { authentication: ['header'] } },
		description: 'Name of the header that carries the secret',
	},
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: { show: { authentication: ['query', 'header'] } },
		description: 'Requests that do not carry exactly this value are refused with 401',
	},
	{
		displayName: 'Username',
		name: 'username',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { authentication: ['basicAuth'] } },
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: { show: { authentication: ['basicAuth'] } },
	},
	{
		displayName: 'Status Groups',
		name: 'statusGroups',
		type: 'multiOptions',
		options: Object.values(STATUS_GROUPS).map((group) => ({
			name: titleCase(group),
			value: group,
		})),
		default: [],
		description:
			'Start the workflow only for reports in these status groups (e.g. Undeliverable and Rejected to follow up failures). None selected: every report.',
	},
];
