import type { INodeProperties } from 'n8n-workflow';

import { EVENTS } from './events';

/** The klink.cloud Trigger's parameters. */
export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"klink.cloud has no API to register webhooks: copy the Production URL from Webhook URLs above, then in klink.cloud open Settings → Webhooks → New webhook, pick the environment tab (Development or Production), paste the URL as Endpoint URL with Method webhook (HTTP POST), and select the events. Use the Test URL there while you build. To refuse requests that klink.cloud did not sign, put the webhook's signing secret in the credential's Webhook Signing Secret field; without a credential or secret, anyone who knows the URL can start this workflow.",
		name: 'setupNotice',
		type: 'notice',
		default: '',
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
