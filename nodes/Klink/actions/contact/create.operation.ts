import { INFERRED_PATH } from '../../helpers/endpoint';
import { readText } from '../../helpers/inputs';
import { customFieldsField } from '../fields';
import { recordOperation } from '../operations';
import { contactBody, contactFieldOptions } from './common';

export const create = recordOperation({
	resource: 'contact',
	operation: 'create',
	endpoint: {
		method: 'POST',
		path: '/api/v1/contacts',
		unverified: `${INFERRED_PATH} The body follows klink.cloud's contact model.`,
	},
	properties: [
		{
			displayName: 'Name',
			name: 'name',
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
			options: contactFieldOptions(false),
		},
		customFieldsField('contact'),
	],
	advanced: { body: true },
	read: (params, itemIndex) => ({
		body: {
			name: readText(params, 'name', itemIndex),
			...contactBody(
				params.get('additionalFields', itemIndex, {}),
				params.get('customFields', itemIndex, {}),
				'additionalFields',
			),
		},
	}),
});
