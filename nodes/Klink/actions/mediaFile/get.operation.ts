import { readText } from '../../helpers/inputs';
import { recordOperation } from '../operations';
import { fileIdField } from './common';

export const get = recordOperation({
	resource: 'mediaFile',
	operation: 'get',
	endpoint: { method: 'GET', path: '/api/v1/media-manager/files/{fileId}' },
	properties: [fileIdField('The file to get')],
	advanced: { query: true },
	read: (params, itemIndex) => ({
		pathValues: { fileId: readText(params, 'fileId', itemIndex) },
	}),
});
