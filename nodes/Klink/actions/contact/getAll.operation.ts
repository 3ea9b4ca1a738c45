import { optionalText } from '../../helpers/inputs';
import { listOperation } from '../operations';

export const getAll = listOperation({
	resource: 'contact',
	operation: 'getAll',
	endpoint: { method: 'GET', path: '/api/v1/contacts' },
	properties: [
		{
			displayName: 'Keyword',
			name: 'keyword',
			type: 'string',
			default: '',
			description:
				'Only contacts matching this text (klink.cloud matches part of it). Empty: every contact.',
		},
	],
	read: (params, itemIndex) => {
		const keyword = optionalText(params.get('keyword', itemIndex), 'keyword');
		return { qs: keyword ? { keyword } : {} };
	},
});
