import { listOperation } from '../operations';

export const getAll = listOperation({
	resource: 'category',
	operation: 'getAll',
	endpoint: { method: 'GET', path: '/api/v1/categories' },
	properties: [
		{
			displayName: 'One item per top-level category; its subcategories are in childCategoryList',
			name: 'categoryNotice',
			type: 'notice',
			default: '',
		},
	],
	// klink.cloud documents no paging for categories: one request, Limit applied to its answer.
	paginate: false,
});
