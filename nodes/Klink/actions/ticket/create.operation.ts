import { readText } from '../../helpers/inputs';
import { customFieldsField } from '../fields';
import { recordOperation } from '../operations';
import { ticketBody, ticketFieldOptions } from './common';

export const create = recordOperation({
	resource: 'ticket',
	operation: 'create',
	endpoint: { method: 'POST', path: '/api/v1/tickets' },
	properties: [
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			required: true,
			default: '',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: ticketFieldOptions(false),
		},
		customFieldsField('ticket'),
	],
	advanced: { body: true },
	read: (params, itemIndex) => ({
		body: {
			title: readText(params, 'title', itemIndex),
			...ticketBody(
				params.get('additionalFields', itemIndex, {}),
				params.get('customFields', itemIndex, {}),
				'additionalFields',
			),
		},
	}),
});
