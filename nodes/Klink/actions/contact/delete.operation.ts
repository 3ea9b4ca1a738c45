import { INFERRED_PATH } from '../../helpers/endpoint';
import { readRecord } from '../../helpers/envelopes';
import { readText } from '../../helpers/inputs';
import { recordOperation } from '../operations';
import { contactIdField } from './common';

export const deleteContact = recordOperation({
	resource: 'contact',
	operation: 'delete',
	endpoint: { method: 'DELETE', path: '/api/v1/contacts/{contactId}', unverified: INFERRED_PATH },
	properties: [contactIdField('The contact to delete')],
	read: (params, itemIndex) => ({
		pathValues: { contactId: readText(params, 'contactId', itemIndex) },
	}),
	output: (body, { pathValues }) => ({
		contactId: pathValues?.contactId,
		deleted: true,
		...readRecord(body),
	}),
});
