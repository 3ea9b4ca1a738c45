import type { IBinaryKeyData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import { header } from '../../transport';
import type { LineOperation } from '../types';
import { readRichMenuId, richMenuIdField } from './common';

const showFor = { show: { resource: ['richMenu'], operation: ['downloadImage'] } };

const properties: INodeProperties[] = [
	richMenuIdField(
		'ID of the rich menu whose image to download: richmenu- followed by 32 hex characters',
	),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the image in',
	},
];

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg' };

export const downloadImage: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { fn, client, params } = context;
		const files = new Map<number, IBinaryKeyData>();
		const output = await runPerItem(context, {
			prepare: (itemIndex) => {
				const richMenuId = readRichMenuId(params, itemIndex);
				const binaryPropertyName = String(params.get('binaryPropertyName', itemIndex) ?? '').trim();
				if (binaryPropertyName === '') {
					throw new InputError(
						'binaryPropertyName',
						'is empty',
						'Name the binary field to put the image in, e.g. data.',
					);
				}
				return { richMenuId, binaryPropertyName };
			},
			send: async ({ richMenuId, binaryPropertyName }, itemIndex) => {
				const response = await client.request<Buffer>(
					{
						method: 'GET',
						path: `/v2/bot/richmenu/${richMenuId}/content`,
						host: 'data',
						binary: true,
					},
					itemIndex,
				);
				const data = Buffer.isBuffer(response.body)
					? response.body
					: Buffer.from(response.body as ArrayBuffer);
				const mimeType =
					header(response.headers, 'content-type')?.split(';')[0].trim() ||
					'application/octet-stream';
				const fileName = `${richMenuId}.${EXTENSIONS[mimeType] ?? 'bin'}`;
				const binary = await fn.helpers.prepareBinaryData(data, fileName, mimeType);
				files.set(itemIndex, { [binaryPropertyName]: binary });
				return { richMenuId, mimeType, fileName, fileSize: data.length };
			},
		});
		// The item runner builds the json; each downloaded image joins the item it came from.
		return output.map((item) => {
			const pairedItem = item.pairedItem as { item: number };
			const binary = files.get(pairedItem.item);
			return binary ? { ...item, binary } : item;
		});
	},
};
