import { InputError } from '../../../shared/errors';
import { extraBody } from '../../helpers/endpoint';
import { givenFields, readText } from '../../helpers/inputs';
import { MEDIA_BODY_UNVERIFIED } from '../mediaFolder/common';
import { recordOperation } from '../operations';
import { fileIdField } from './common';

export const update = recordOperation({
	resource: 'mediaFile',
	operation: 'update',
	endpoint: {
		method: 'PATCH',
		path: '/api/v1/media-manager/files/{fileId}',
		unverified: MEDIA_BODY_UNVERIFIED,
	},
	properties: [
		fileIdField('The file to update'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Only the fields given are sent (unverified field names)',
			options: [
				{
					displayName: 'File Name',
					name: 'fileName',
					type: 'string',
					default: '',
					description: 'Sent as fileName',
				},
				{
					displayName: 'Folder ID',
					name: 'folderId',
					type: 'string',
					default: '',
					description: 'Sent as folderId, to move the file',
				},
			],
		},
	],
	advanced: { body: true },
	read: (params, itemIndex, advanced) => {
		const body = givenFields(params.get('updateFields', itemIndex, {}));
		if (Object.keys(body).length === 0 && Object.keys(extraBody(advanced)).length === 0) {
			throw new InputError(
				'updateFields',
				'nothing to update',
				'Add a field under Update Fields, or the fields klink.cloud expects under Advanced → Extra Body Fields.',
			);
		}
		return { pathValues: { fileId: readText(params, 'fileId', itemIndex) }, body };
	},
});
