import type { INodeProperties } from 'n8n-workflow';

import { EVENTS } from './events';

/**
 * The klink.cloud Trigger's parameters. Version 1 accepted unsigned requests whenever no signing
 * secret was set; version 2 refuses them unless Accept Unsigned Requests is on.
 */
export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"klink.cloud has no API to register webhooks: copy the Production URL from Webhook URLs above, then in klink.cloud open Settings → Webhooks → New webhook, pick the environment tab (Development or Production), paste the URL as Endpoint URL with Method webhook (HTTP POST), and select the events. Use the Test URL there while you build. Put the webhook's signing secret in the credential's Webhook Signing Secret field: requests whose x-signature does not match it are refused.",
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName:
			'This trigger (version 1) accepts every request while the credential has no Webhook Signing Secret, and logs a warning for each one. New klink.cloud Triggers refuse them: set the signing secret in the credential so that only klink.cloud can start this workflow.',
		name: 'unsignedVersion1Notice',
		type: 'notice',
		default: '',
		displayOptions: { show: { '@version': [1] } },
	},
	{
		displayName: 'Accept Unsigned Requests',
		name: 'acceptUnsignedRequests',
		type: 'boolean',
		default: false,
		displayOptions: { show: { '@version': [2] } },
		description:
			'Whether to start the workflow for requests that cannot be checked because no Webhook Signing Secret is set. Off: they are refused with 401. When a secret is set, signatures are always checked.',
	},
	{
		displayName:
			"Without a Webhook Signing Secret, anyone who learns this URL can start the workflow with made-up events. Each request accepted without a signature check is logged as a warning in n8n's log. Set the secret in the credential and turn this off as soon as you can.",
		name: 'unsignedNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { '@version': [2], acceptUnsignedRequests: [true] } },
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: EVENTS,
		default: [],
		description:
			'Start the workflow only for these events. None selected here or in Other Events: every event.',
	},
	{
		displayName: 'Other Events',
		name: 'otherEvents',
		type: 'string',
		default: '',
		placeholder: 'contact.update, room.solved',
		description:
			'More event names, separated by commas; message.* matches every message event. klink.cloud mentions contact updates and solved rooms without documenting their names: contact.update and room.solved are likely, but unverified.',
	},
];
