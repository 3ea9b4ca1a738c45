import { readText } from '../../helpers/inputs';
import { recordOperation } from '../operations';
import { folderIdField } from './common';

export const get = recordOperation({
	resource: 'mediaFolder',
	operation: 'get',
	endpoint: { method: 'GET', path: '/api/v1/media-manager/folders/{folderId}' },
	properties: [folderIdField('The folder to get')],
	// klink.cloud says this endpoint takes query parameters without naming them.
	advanced: { query: true },
	read: (params, itemIndex) => ({
		pathValues: { folderId: readText(params, 'folderId', itemIndex) },
	}),
});
