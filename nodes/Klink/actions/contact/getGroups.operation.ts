import { listOperation } from '../operations';

export const getGroups = listOperation({
	resource: 'contact',
	operation: 'getGroups',
	endpoint: {
		method: 'GET',
		path: '/api/v1/groups',
		unverified:
			"klink.cloud's API reference lists this operation without its path; /api/v1/groups is the path of its older docs (which took limit and archived, and answered { has_more, data }).",
	},
	properties: [],
});
