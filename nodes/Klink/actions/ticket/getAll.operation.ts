import { listOperation } from '../operations';

export const getAll = listOperation({
	resource: 'ticket',
	operation: 'getAll',
	endpoint: { method: 'GET', path: '/api/v1/tickets' },
	properties: [
		{
			displayName:
				'klink.cloud does not document the names of its ticket filters: add them under Advanced → Extra Query Parameters',
			name: 'filtersNotice',
			type: 'notice',
			default: '',
		},
	],
});
