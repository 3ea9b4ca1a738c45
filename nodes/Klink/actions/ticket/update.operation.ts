import { InputError } from '../../../shared/errors';
import { extraBody, INFERRED_PATH } from '../../helpers/endpoint';
import { readText } from '../../helpers/inputs';
import { customFieldsField } from '../fields';
import { recordOperation } from '../operations';
import { ticketBody, ticketFieldOptions, ticketIdField } from './common';

export const update = recordOperation({
	resource: 'ticket',
	operation: 'update',
	endpoint: {
		method: 'PATCH',
		path: '/api/v1/tickets/{ticketId}',
		unverified: `${INFERRED_PATH} The body uses the field names of Create.`,
	},
	properties: [
		ticketIdField('The ticket to update'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Only the fields given are sent',
			options: ticketFieldOptions(true),
		},
		customFieldsField('ticket'),
	],
	advanced: { body: true },
	read: (params, itemIndex, advanced) => {
		const body = ticketBody(
			params.get('updateFields', itemIndex, {}),
			params.get('customFields', itemIndex, {}),
			'updateFields',
		);
		if (Object.keys(body).length === 0 && Object.keys(extraBody(advanced)).length === 0) {
			throw new InputError(
				'updateFields',
				'nothing to update',
				'Add at least one field under Update Fields or Custom Fields.',
			);
		}
		return { pathValues: { ticketId: readText(params, 'ticketId', itemIndex) }, body };
	},
});
