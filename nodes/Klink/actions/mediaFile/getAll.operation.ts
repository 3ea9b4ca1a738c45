import { INFERRED_PATH } from '../../helpers/endpoint';
import { listOperation } from '../operations';

export const getAll = listOperation({
	resource: 'mediaFile',
	operation: 'getAll',
	endpoint: { method: 'GET', path: '/api/v1/media-manager/files', unverified: INFERRED_PATH },
	properties: [],
});
