import type { INodeProperties } from 'n8n-workflow';

import { STATUS_GROUPS } from '../helpers/status';

const titleCase = (value: string) => value.charAt(0) + value.slice(1).toLowerCase();

const v1 = { '@version': [1] };
const v2 = { '@version': [2] };

const credentialOption = {
	name: 'Infobip LINE Webhook API Credential',
	value: 'credential',
	description:
		'The secret (in the URL, a header or Basic auth) is kept in an Infobip LINE Webhook API credential, encrypted by n8n; requests without it are refused with 401',
};

const noneOption = {
	name: 'None (Accept Every Request)',
	value: 'none',
	description:
		'Anyone who learns the URL can start this workflow; each request is logged as a warning',
};

/**
 * The Infobip LINE Trigger's parameters. Version 1 kept the secret in the node's parameters
 * (plain text in the workflow and its exports) and accepted every request by default; those
 * parameters are still read for version 1 nodes, and offered nowhere else.
 */
export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Infobip posts delivery reports to the Production URL above when it is the Delivery Report URL of a send (Infobip LINE node → Send Notification → Options), or when Infobip support set it up for your account. Infobip does not sign these requests, so the URL must carry a secret: create an Infobip LINE Webhook API credential (with Secret in the URL, give Infobip the Production URL followed by ?token=YOUR-SECRET).',
		name: 'webhookNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Protection',
		name: 'authentication',
		type: 'options',
		options: [credentialOption, noneOption],
		default: 'credential',
		displayOptions: { show: v2 },
	},
	{
		displayName: 'Protection',
		name: 'authentication',
		type: 'options',
		options: [
			credentialOption,
			{
				name: 'None',
				value: 'none',
				description:
					'Anyone who learns the URL can start this workflow; each request is logged as a warning',
			},
			{
				name: 'Secret in the URL (Deprecated)',
				value: 'query',
				description: 'Secret stored in plain text in the workflow: use the credential instead',
			},
			{
				name: 'Secret Header (Deprecated)',
				value: 'header',
				description: 'Secret stored in plain text in the workflow: use the credential instead',
			},
			{
				name: 'Basic Auth (Deprecated)',
				value: 'basicAuth',
				description: 'Password stored in plain text in the workflow: use the credential instead',
			},
		],
		default: 'none',
		displayOptions: { show: v1 },
	},
	{
		displayName:
			"Every request to this URL starts the workflow: anyone who learns it can post made-up delivery reports. Each request accepted this way is logged as a warning in n8n's log. Choose Infobip LINE Webhook API Credential to refuse them.",
		name: 'noProtectionNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['none'] } },
	},
	{
		displayName:
			'Deprecated: the secret below is stored in plain text in this workflow and in every copy or export of it. Move it into a credential: choose Protection → Infobip LINE Webhook API Credential, create one with the same protection, name and secret, and delete the values below. The URL stays the same, so Infobip needs no change.',
		name: 'deprecatedSecretNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['query', 'header', 'basicAuth'] } },
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
