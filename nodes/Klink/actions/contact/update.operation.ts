import { InputError } from '../../../shared/errors';
import { extraBody, INFERRED_PATH } from '../../helpers/endpoint';
import { readText } from '../../helpers/inputs';
import { customFieldsField } from '../fields';
import { recordOperation } from '../operations';
import { contactBody, contactFieldOptions, contactIdField } from './common';

export const update = recordOperation({
	resource: 'contact',
	operation: 'update',
	endpoint: { method: 'PATCH', path: '/api/v1/contacts/{contactId}', unverified: INFERRED_PATH },
	properties: [
		contactIdField('The contact to update'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Only the fields given are sent (klink.cloud changes only those)',
			options: contactFieldOptions(true),
		},
		customFieldsField('contact'),
	],
	advanced: { body: true },
	read: (params, itemIndex, advanced) => {
		const body = contactBody(
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
		return { pathValues: { contactId: readText(params, 'contactId', itemIndex) }, body };
	},
});
