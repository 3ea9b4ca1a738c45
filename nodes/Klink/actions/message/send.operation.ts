import { InputError } from '../../../shared/errors';
import { optionalText, readText } from '../../helpers/inputs';
import { idField } from '../fields';
import { recordOperation } from '../operations';

export const send = recordOperation({
	resource: 'message',
	operation: 'send',
	endpoint: { method: 'POST', path: '/api/v1/messages/send' },
	properties: [
		idField(
			'contactId',
			'Contact ID',
			'The klink.cloud contact to send to: the message goes out on the channel of their conversation',
		),
		{
			displayName: 'Message Type',
			name: 'messageType',
			type: 'string',
			default: 'text',
			description:
				'Sent as messageType. klink.cloud documents only text; other types (and how to attach media) are not documented.',
		},
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description: 'The text to send',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Created At',
					name: 'createdAt',
					type: 'dateTime',
					default: '',
					description:
						"Sent as createdAt. Empty: the time the node sends the message (klink.cloud's example request sends it).",
				},
			],
		},
	],
	advanced: { body: true },
	read: (params, itemIndex) => {
		const options = params.get<{ createdAt?: unknown }>('options', itemIndex, {});
		const given = optionalText(options.createdAt, 'createdAt');
		const createdAt = given ? new Date(given) : new Date();
		if (Number.isNaN(createdAt.getTime())) {
			throw new InputError('createdAt', `"${given}" is not a date and time`);
		}
		return {
			body: {
				contactId: readText(
					params,
					'contactId',
					itemIndex,
					'Map the ID of a klink.cloud contact, e.g. from Contact → Find by Social Platform ID.',
				),
				messageType: readText(params, 'messageType', itemIndex),
				message: readText(params, 'message', itemIndex),
				createdAt: createdAt.toISOString(),
			},
		};
	},
});
