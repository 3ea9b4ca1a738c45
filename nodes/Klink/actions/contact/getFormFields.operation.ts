import { listOperation } from '../operations';

export const getFormFields = listOperation({
	resource: 'contact',
	operation: 'getFormFields',
	endpoint: { method: 'GET', path: '/api/v1/contacts/fields' },
	properties: [
		{
			displayName:
				'One item per contact field: system_name is the key to use in Custom Fields (cf_…), with display_name, type, is_required and options',
			name: 'formFieldsNotice',
			type: 'notice',
			default: '',
		},
	],
});
