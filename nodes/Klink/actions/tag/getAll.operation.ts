import { INFERRED_PATH } from '../../helpers/endpoint';
import { listOperation } from '../operations';

export const getAll = listOperation({
	resource: 'tag',
	operation: 'getAll',
	endpoint: { method: 'GET', path: '/api/v1/tags', unverified: INFERRED_PATH },
	properties: [],
});
