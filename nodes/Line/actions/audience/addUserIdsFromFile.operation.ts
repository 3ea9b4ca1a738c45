import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import {
	audienceGroupIdField,
	MIXED_KINDS_HINT,
	optionalText,
	readAudienceGroupId,
	UPLOAD_DESCRIPTION_FIELD,
} from './common';
import { fileSourceFields, multipartBody, prepareFile, readFile } from './upload';

const showFor = { show: { resource: ['audience'], operation: ['addUserIdsFromFile'] } };

const properties: INodeProperties[] = [
	audienceGroupIdField(
		'An audience for uploading user IDs (created with Audience → Create or Create From File)',
	),
	...fileSourceFields(
		'User IDs (U followed by 32 hex characters) or IFAs, of the kind the audience was created with, separated by commas or new lines, or an expression giving a list of up to 1,500,000. Duplicates are dropped.',
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [UPLOAD_DESCRIPTION_FIELD],
	},
];

export const addUserIdsFromFile: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { fn, client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => {
				const audienceGroupId = readAudienceGroupId(params, itemIndex);
				const options = params.get<IDataObject>('options', itemIndex, {});
				const uploadDescription = optionalText(options.uploadDescription, 'uploadDescription');
				const file = prepareFile(fn, params, itemIndex, undefined, MIXED_KINDS_HINT);
				return { audienceGroupId, uploadDescription, file };
			},
			send: async ({ audienceGroupId, uploadDescription, file }, itemIndex) => {
				const { ids, fileName } = await readFile(fn, file, itemIndex, undefined, MIXED_KINDS_HINT);
				const fields: Array<[string, string]> = [['audienceGroupId', String(audienceGroupId)]];
				if (uploadDescription) fields.push(['uploadDescription', uploadDescription]);
				const { body, contentType } = multipartBody(fields, { name: 'file', fileName, lines: ids });
				await client.request(
					{
						method: 'PUT',
						path: '/v2/bot/audienceGroup/upload/byFile',
						host: 'data',
						body,
						contentType,
					},
					itemIndex,
				);
				return { audienceGroupId, uploadedIdCount: ids.length };
			},
		});
	},
};
