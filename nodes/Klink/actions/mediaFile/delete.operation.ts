import { INFERRED_PATH } from '../../helpers/endpoint';
import { readRecord } from '../../helpers/envelopes';
import { readText } from '../../helpers/inputs';
import { recordOperation } from '../operations';
import { fileIdField } from './common';

export const deleteFile = recordOperation({
	resource: 'mediaFile',
	operation: 'delete',
	endpoint: {
		method: 'DELETE',
		path: '/api/v1/media-manager/files/{fileId}',
		unverified: INFERRED_PATH,
	},
	properties: [fileIdField('The file to delete')],
	read: (params, itemIndex) => ({
		pathValues: { fileId: readText(params, 'fileId', itemIndex) },
	}),
	output: (body, { pathValues }) => ({
		fileId: pathValues?.fileId,
		deleted: true,
		...readRecord(body),
	}),
});
