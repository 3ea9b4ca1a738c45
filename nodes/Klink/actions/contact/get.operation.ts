import { readText } from '../../helpers/inputs';
import { recordOperation } from '../operations';
import { contactIdField } from './common';

export const get = recordOperation({
	resource: 'contact',
	operation: 'get',
	endpoint: { method: 'GET', path: '/api/v1/contacts/{contactId}' },
	properties: [contactIdField('The contact to get')],
	read: (params, itemIndex) => ({
		pathValues: { contactId: readText(params, 'contactId', itemIndex) },
	}),
});
