import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import {
	advancedField,
	extraBody,
	readAdvanced,
	resolveEndpoint,
	type Endpoint,
} from '../../helpers/endpoint';
import { readRecord } from '../../helpers/envelopes';
import { givenFields } from '../../helpers/inputs';
import type { KlinkOperation } from '../types';

const showFor = { show: { resource: ['mediaFile'], operation: ['create'] } };

const endpoint: Endpoint = { method: 'POST', path: '/api/v1/media-manager/files' };

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field holding the file to upload',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			'Sent only when given. klink.cloud documents only data (the file as base64): the names of these fields are unverified.',
		options: [
			{
				displayName: 'Data Format',
				name: 'dataFormat',
				type: 'options',
				options: [
					{ name: 'Base64', value: 'base64', description: 'The bytes as plain base64' },
					{
						name: 'Data URI',
						value: 'dataUri',
						description:
							'A data: URI with the MIME type before the base64 bytes, for when klink.cloud wants the type too',
					},
				],
				default: 'base64',
				description: 'How the file is written into data',
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: '={{ $binary.data.fileName }}',
				description: 'Sent as fileName',
			},
			{
				displayName: 'Folder ID',
				name: 'folderId',
				type: 'string',
				default: '',
				description: 'Sent as folderId, to put the file in a media folder',
			},
		],
	},
	...advancedField(endpoint, { body: true }),
];

export const create: KlinkOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { fn, client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => {
				const binaryPropertyName = String(params.get('binaryPropertyName', itemIndex) ?? '').trim();
				if (binaryPropertyName === '') {
					throw new InputError(
						'binaryPropertyName',
						'is empty',
						'Name the input binary field holding the file, e.g. data.',
					);
				}
				// Throws, naming the field, when the item has no such binary data.
				const binary = fn.helpers.assertBinaryData(itemIndex, binaryPropertyName);
				const { dataFormat = 'base64', ...fields } = givenFields(
					params.get('additionalFields', itemIndex, {}),
				);
				const advanced = readAdvanced(params, itemIndex);
				return {
					binaryPropertyName,
					mimeType: binary.mimeType || 'application/octet-stream',
					dataFormat,
					fields: { ...fields, ...extraBody(advanced) },
					request: resolveEndpoint(endpoint, advanced, client.baseUrl),
				};
			},
			send: async (prepared, itemIndex) => {
				const bytes = await fn.helpers.getBinaryDataBuffer(itemIndex, prepared.binaryPropertyName);
				if (bytes.length === 0) {
					throw new InputError(
						prepared.binaryPropertyName,
						'the file is empty',
						'Upload a file with content.',
					);
				}
				const base64 = bytes.toString('base64');
				const data =
					prepared.dataFormat === 'dataUri' ? `data:${prepared.mimeType};base64,${base64}` : base64;
				const body: IDataObject = { data, ...prepared.fields };
				const answer = await client.request({ ...prepared.request, body }, itemIndex);
				return readRecord(answer);
			},
		});
	},
};
