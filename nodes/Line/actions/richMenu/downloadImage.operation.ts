import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import { DownloadedFiles, outputBinaryField, readOutputBinaryField } from '../../helpers/binary';
import { header } from '../../transport';
import type { LineOperation } from '../types';
import { readRichMenuId, richMenuIdField } from './common';

const showFor = { show: { resource: ['richMenu'], operation: ['downloadImage'] } };

const properties: INodeProperties[] = [
	richMenuIdField(
		'ID of the rich menu whose image to download: richmenu- followed by 32 hex characters',
	),
	outputBinaryField('image'),
];

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg' };

export const downloadImage: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { fn, client, params } = context;
		const files = new DownloadedFiles();
		const output = await runPerItem(context, {
			prepare: (itemIndex) => {
				const richMenuId = readRichMenuId(params, itemIndex);
				const binaryPropertyName = readOutputBinaryField(params, itemIndex, 'image');
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
				files.add(itemIndex, binaryPropertyName, binary);
				return { richMenuId, mimeType, fileName, fileSize: data.length };
			},
		});
		return files.attachTo(output);
	},
};
