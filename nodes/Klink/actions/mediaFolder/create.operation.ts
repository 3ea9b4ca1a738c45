import { optionalText, readText } from '../../helpers/inputs';
import { recordOperation } from '../operations';
import { MEDIA_BODY_UNVERIFIED } from './common';

export const create = recordOperation({
	resource: 'mediaFolder',
	operation: 'create',
	endpoint: {
		method: 'POST',
		path: '/api/v1/media-manager/folders',
		unverified: MEDIA_BODY_UNVERIFIED,
	},
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			description: 'Sent as name',
		},
		{
			displayName: 'Parent Folder ID',
			name: 'parentId',
			type: 'string',
			default: '',
			description:
				'Sent as parentId when given, to create the folder inside another (unverified field name)',
		},
	],
	advanced: { body: true },
	read: (params, itemIndex) => {
		const parentId = optionalText(params.get('parentId', itemIndex), 'parentId');
		return {
			body: { name: readText(params, 'name', itemIndex), ...(parentId ? { parentId } : {}) },
		};
	},
});
