import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { addDescription, runPerItem } from '../../../shared/items';
import type { ItemParameters } from '../../../shared/parameters';
import { isObject } from '../../../shared/values';
import { checkInputBinaryField } from '../../helpers/binary';
import type { LineOperation } from '../types';
import { readRichMenu, richMenuFields, type RichMenuSize } from './common';
import { loadImages, takeImage, uploadRichMenuImage } from './image';

const showFor = { show: { resource: ['richMenu'], operation: ['create'] } };

const properties: INodeProperties[] = [
	...richMenuFields(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Set as Default',
				name: 'setAsDefault',
				type: 'boolean',
				default: false,
				description:
					'Whether to make the new menu the default rich menu, shown to every user who has no rich menu of their own linked. Needs Upload Image From Field: LINE shows no menu without its image.',
			},
			{
				displayName: 'Upload Image From Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				description:
					"Name of the input binary field with the menu's image, uploaded right after the menu is created: PNG or JPEG, at most 1 MB, exactly the menu's size",
			},
		],
	},
];

function readOptions(params: ItemParameters, itemIndex: number): IDataObject {
	const options = params.get<IDataObject>('options', itemIndex, {});
	return isObject(options) ? options : {};
}

export const create: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { fn, client, params, items } = context;
		const images = await loadImages(fn, params, items.length, (params, itemIndex) => {
			const { binaryPropertyName } = readOptions(params, itemIndex);
			if (binaryPropertyName === undefined) return undefined;
			return checkInputBinaryField(binaryPropertyName, 'the image', 'options.binaryPropertyName');
		});
		return await runPerItem(context, {
			prepare: (itemIndex) => {
				const richMenu = readRichMenu(params, itemIndex);
				const image = takeImage(images, itemIndex, richMenu.size as unknown as RichMenuSize);
				const setAsDefault = readOptions(params, itemIndex).setAsDefault === true;
				if (setAsDefault && !image) {
					throw new InputError(
						'options.setAsDefault',
						'needs the image of the menu: LINE refuses a default rich menu without one',
						'Add the option Upload Image From Field, or set the default later with Rich Menu → Set Default once the image is uploaded.',
					);
				}
				return { richMenu, image, setAsDefault };
			},
			send: async ({ richMenu, image, setAsDefault }, itemIndex) => {
				const { body } = await client.request<{ richMenuId?: string }>(
					{ method: 'POST', path: '/v2/bot/richmenu', body: richMenu },
					itemIndex,
				);
				const richMenuId = body.richMenuId;
				if (typeof richMenuId !== 'string' || richMenuId === '') {
					throw new Error('LINE created the rich menu but answered without its richMenuId');
				}
				const result: IDataObject = { richMenuId };
				try {
					if (image) {
						await uploadRichMenuImage(client, richMenuId, image, itemIndex);
						const { mimeType, width, height, fileSize } = image;
						result.image = { mimeType, width, height, fileSize };
					}
					if (setAsDefault) {
						await client.request(
							{ method: 'POST', path: `/v2/bot/user/all/richmenu/${richMenuId}` },
							itemIndex,
						);
						result.isDefault = true;
					}
				} catch (error) {
					const done = result.image
						? 'was created with its image but is not the default'
						: 'was created without its image';
					throw addDescription(
						error as Error,
						`The rich menu ${richMenuId} ${done}: finish with Rich Menu → ${result.image ? 'Set Default' : 'Upload Image'}, or remove it with Rich Menu → Delete.`,
					);
				}
				return result;
			},
		});
	},
};
