import { INFERRED_PATH } from '../../helpers/endpoint';
import { listOperation } from '../operations';

export const getFormFields = listOperation({
	resource: 'ticket',
	operation: 'getFormFields',
	endpoint: { method: 'GET', path: '/api/v1/tickets/fields', unverified: INFERRED_PATH },
	properties: [
		{
			displayName:
				'One item per ticket field: system_name is the key to use in Custom Fields (cf_…)',
			name: 'formFieldsNotice',
			type: 'notice',
			default: '',
		},
	],
});
