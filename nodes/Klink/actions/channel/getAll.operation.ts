import { optionalText } from '../../helpers/inputs';
import { listOperation } from '../operations';

export const getAll = listOperation({
	resource: 'channel',
	operation: 'getAll',
	endpoint: { method: 'GET', path: '/api/v1/channels' },
	properties: [
		{
			displayName: 'Keyword',
			name: 'keyword',
			type: 'string',
			default: '',
			description:
				'Only channels whose name contains this text. Empty: every channel (LINE, Facebook, email, …).',
		},
	],
	read: (params, itemIndex) => {
		const keyword = optionalText(params.get('keyword', itemIndex), 'keyword');
		return { qs: keyword ? { keyword } : {} };
	},
});
