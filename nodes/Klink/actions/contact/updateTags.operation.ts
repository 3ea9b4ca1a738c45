import { InputError } from '../../../shared/errors';
import { readRecord } from '../../helpers/envelopes';
import { readText, textList } from '../../helpers/inputs';
import { recordOperation } from '../operations';
import { contactIdField } from './common';

export const updateTags = recordOperation({
	resource: 'contact',
	operation: 'updateTags',
	endpoint: { method: 'PATCH', path: '/api/v1/contacts/{contactId}/tags' },
	properties: [
		contactIdField('The contact whose tags to change'),
		{
			displayName: 'Action',
			name: 'actionType',
			type: 'options',
			options: [
				{
					name: 'Merge',
					value: 'MERGE',
					description: 'Add the tags to those the contact already has',
				},
			],
			default: 'MERGE',
			description:
				'Sent as actionType. klink.cloud documents only MERGE; an expression can send another value.',
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'vip, new',
			description: 'Tag names, separated by commas (or an array from an expression)',
		},
	],
	read: (params, itemIndex) => {
		const tags = textList(params.get('tags', itemIndex), 'tags');
		if (tags.length === 0) {
			throw new InputError('tags', 'is empty', 'Give at least one tag, e.g. vip.');
		}
		return {
			pathValues: { contactId: readText(params, 'contactId', itemIndex) },
			body: { actionType: readText(params, 'actionType', itemIndex), tags },
		};
	},
	output: (body, { pathValues, body: sent }) => ({
		contactId: pathValues?.contactId,
		...sent,
		...readRecord(body),
	}),
});
