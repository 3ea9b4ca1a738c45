import { INFERRED_PATH } from '../../helpers/endpoint';
import { readRecord } from '../../helpers/envelopes';
import { readText } from '../../helpers/inputs';
import { recordOperation } from '../operations';
import { folderIdField } from './common';

export const deleteFolder = recordOperation({
	resource: 'mediaFolder',
	operation: 'delete',
	endpoint: {
		method: 'DELETE',
		path: '/api/v1/media-manager/folders/{folderId}',
		unverified: INFERRED_PATH,
	},
	properties: [folderIdField('The folder to delete')],
	read: (params, itemIndex) => ({
		pathValues: { folderId: readText(params, 'folderId', itemIndex) },
	}),
	output: (body, { pathValues }) => ({
		folderId: pathValues?.folderId,
		deleted: true,
		...readRecord(body),
	}),
});
