import { INFERRED_PATH } from '../../helpers/endpoint';
import { readText } from '../../helpers/inputs';
import { idField } from '../fields';
import { listOperation } from '../operations';

export const findByContact = listOperation({
	resource: 'ticket',
	operation: 'findByContact',
	endpoint: {
		method: 'GET',
		path: '/api/v1/tickets/contact/{contactId}',
		unverified: INFERRED_PATH,
	},
	properties: [idField('contactId', 'Contact ID', 'The contact whose tickets to get')],
	read: (params, itemIndex) => ({
		pathValues: { contactId: readText(params, 'contactId', itemIndex) },
	}),
});
