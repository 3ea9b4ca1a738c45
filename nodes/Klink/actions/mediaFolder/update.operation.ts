import { readText } from '../../helpers/inputs';
import { recordOperation } from '../operations';
import { folderIdField, MEDIA_BODY_UNVERIFIED } from './common';

export const update = recordOperation({
	resource: 'mediaFolder',
	operation: 'update',
	endpoint: {
		method: 'PATCH',
		path: '/api/v1/media-manager/folders/{folderId}',
		unverified: MEDIA_BODY_UNVERIFIED,
	},
	properties: [
		folderIdField('The folder to rename'),
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			description: 'The new name, sent as name',
		},
	],
	advanced: { body: true },
	read: (params, itemIndex) => ({
		pathValues: { folderId: readText(params, 'folderId', itemIndex) },
		body: { name: readText(params, 'name', itemIndex) },
	}),
});
