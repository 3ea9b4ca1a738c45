import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import {
	checkDescription,
	descriptionField,
	IFA_AUDIENCE_FIELD,
	optionalText,
	UPLOAD_DESCRIPTION_FIELD,
} from './common';
import { fileSourceFields, multipartBody, prepareFile, readFile } from './upload';

const showFor = { show: { resource: ['audience'], operation: ['createFromFile'] } };

const properties: INodeProperties[] = [
	descriptionField(),
	...fileSourceFields(
		'User IDs (U followed by 32 hex characters), or IFAs with IFA Audience on, separated by commas or new lines, or an expression giving a list of up to 1,500,000. Duplicates are dropped.',
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [IFA_AUDIENCE_FIELD, UPLOAD_DESCRIPTION_FIELD],
	},
];

export const createFromFile: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { fn, client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => {
				const description = checkDescription(params.get('description', itemIndex));
				const options = params.get<IDataObject>('options', itemIndex, {});
				const isIfaAudience = options.isIfaAudience === true;
				const uploadDescription = optionalText(options.uploadDescription, 'uploadDescription');
				const kind = isIfaAudience ? 'ifa' : 'userId';
				const file = prepareFile(fn, params, itemIndex, kind);
				return { description, isIfaAudience, uploadDescription, kind, file } as const;
			},
			send: async ({ description, isIfaAudience, uploadDescription, kind, file }, itemIndex) => {
				const { ids, fileName } = await readFile(fn, file, itemIndex, kind);
				const fields: Array<[string, string]> = [['description', description]];
				if (isIfaAudience) fields.push(['isIfaAudience', 'true']);
				if (uploadDescription) fields.push(['uploadDescription', uploadDescription]);
				const { body, contentType } = multipartBody(fields, { name: 'file', fileName, lines: ids });
				const response = await client.request(
					{
						method: 'POST',
						path: '/v2/bot/audienceGroup/upload/byFile',
						host: 'data',
						body,
						contentType,
					},
					itemIndex,
				);
				return { ...response.body, uploadedIdCount: ids.length };
			},
		});
	},
};
