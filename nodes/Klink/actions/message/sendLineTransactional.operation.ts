import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { readText } from '../../helpers/inputs';
import { recordOperation } from '../operations';

const LINE_USER_ID = /^U[0-9a-f]{32}$/;

export const sendLineTransactional = recordOperation({
	resource: 'message',
	operation: 'sendLineTransactional',
	endpoint: {
		method: 'POST',
		path: '/api/v1/message/send',
		unverified:
			"klink.cloud documents this endpoint on its legacy host (api.klink.cloud), with a query-string example. If the credential's Base URL is apigw.klinkcx.com and klink.cloud answers 404, put the whole URL https://api.klink.cloud/api/v1/message/send here.",
	},
	properties: [
		{
			displayName: 'Channel Name or ID',
			name: 'channelId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getLineChannels' },
			required: true,
			default: '',
			description:
				'The LINE Official Account channel to send from. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Send To',
			name: 'sendTo',
			type: 'options',
			options: [
				{
					name: 'Contact ID',
					value: 'contactId',
					description: 'A contact in klink.cloud',
				},
				{
					name: 'LINE User ID',
					value: 'platformUserId',
					description: "The user's LINE user ID (U followed by 32 hex characters)",
				},
			],
			default: 'contactId',
		},
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: { sendTo: ['contactId'] } },
			description: 'The klink.cloud contact to send to',
		},
		{
			displayName: 'LINE User ID',
			name: 'platformUserId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'U4af4980629...',
			displayOptions: { show: { sendTo: ['platformUserId'] } },
			description:
				"Sent as platformUserId: the user's LINE user ID, e.g. source.userId of a LINE Trigger event",
		},
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description: 'The text to send, e.g. an order or payment notification',
		},
	],
	advanced: {
		more: [
			{
				displayName: 'Request Style',
				name: 'requestStyle',
				type: 'options',
				options: [
					{
						name: 'POST With JSON Body',
						value: 'post',
						description: 'The fields in a JSON body',
					},
					{
						name: 'GET With Query String',
						value: 'get',
						description:
							"The fields in the query string, as the curl -G example of klink.cloud's docs",
					},
				],
				default: 'post',
				description:
					"Unverified: klink.cloud's docs name the endpoint POST but show a curl -G (query-string) example",
			},
		],
	},
	read: (params, itemIndex, advanced) => {
		const sendTo = params.get<string>('sendTo', itemIndex, 'contactId');
		const fields: IDataObject = {
			channelId: readText(
				params,
				'channelId',
				itemIndex,
				'Choose a LINE channel from the list, or map a channel ID from Channel → Get Many.',
			),
			message: readText(params, 'message', itemIndex),
		};
		if (sendTo === 'platformUserId') {
			const userId = readText(
				params,
				'platformUserId',
				itemIndex,
				'Map the LINE user ID, e.g. {{ $json.source.userId }} of a LINE Trigger event.',
			);
			if (!LINE_USER_ID.test(userId)) {
				throw new InputError(
					'platformUserId',
					`"${userId.slice(0, 40)}" is not a LINE user ID (U followed by 32 hex characters)`,
					'Use the userId LINE gives (source.userId of an event), not a display name or LINE ID.',
				);
			}
			fields.platformUserId = userId;
		} else {
			fields.contactId = readText(params, 'contactId', itemIndex);
		}
		// A send must never be repeated automatically, even as a GET.
		return advanced.requestStyle === 'get'
			? { method: 'GET', qs: fields, repeatable: false }
			: { body: fields };
	},
	// The sent IDs first (not the text: klink.cloud's answer has its own message field).
	output: (body, { body: sent, qs }) => {
		const fields = (sent ?? qs) as IDataObject;
		const recipient = Object.fromEntries(
			Object.entries(fields).filter(([key]) => key !== 'message'),
		);
		return { ...recipient, ...body };
	},
});
