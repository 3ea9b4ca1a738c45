import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import { checkInputBinaryField, inputBinaryField } from '../../helpers/binary';
import type { LineOperation } from '../types';
import { readRichMenuId, readSize, richMenuIdField, sizeFields } from './common';
import { loadImages, takeImage, uploadRichMenuImage } from './image';

const showFor = { show: { resource: ['richMenu'], operation: ['uploadImage'] } };

const properties: INodeProperties[] = [
	richMenuIdField(
		'ID of the rich menu the image is for: richmenu- followed by 32 hex characters, e.g. the output of Create. A rich menu takes one image, which cannot be replaced.',
	),
	inputBinaryField(
		'the PNG or JPEG image',
		'PNG or JPEG, at most 1 MB, of the size of the rich menu',
	),
	...sizeFields({
		any: true,
		description:
			"Size of the rich menu, to check the image against before uploading (LINE needs the image to have the menu's size)",
	}),
];

export const uploadImage: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { fn, client, params, items } = context;
		const images = await loadImages(fn, params, items.length, (params, itemIndex) =>
			checkInputBinaryField(params.get('binaryPropertyName', itemIndex), 'the image'),
		);
		return await runPerItem(context, {
			prepare: (itemIndex) => {
				const richMenuId = readRichMenuId(params, itemIndex);
				const image = takeImage(images, itemIndex, readSize(params, itemIndex))!;
				return { richMenuId, image };
			},
			send: async ({ richMenuId, image }, itemIndex) => {
				const response = await uploadRichMenuImage(client, richMenuId, image, itemIndex);
				const { mimeType, width, height, fileSize } = image;
				return {
					richMenuId,
					mimeType,
					width,
					height,
					fileSize,
					requestId: response.requestId ?? null,
				};
			},
		});
	},
};
