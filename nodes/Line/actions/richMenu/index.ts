import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { cancelDefault } from './cancelDefault.operation';
import { create } from './create.operation';
import { deleteRichMenu } from './delete.operation';
import { downloadImage } from './downloadImage.operation';
import { get } from './get.operation';
import { getDefaultId } from './getDefaultId.operation';
import { getMany } from './getMany.operation';
import { setDefault } from './setDefault.operation';
import { uploadImage } from './uploadImage.operation';
import { richMenuUsersAndBatch } from './users';
import { validate } from './validate.operation';

export const richMenu: Record<string, OperationEntry> = {
	create: {
		operation: create,
		api: ['createRichMenu', 'setRichMenuImage', 'setDefaultRichMenu'],
		option: {
			name: 'Create',
			action: 'Create a rich menu',
			description:
				'Create a rich menu from its size, areas and actions, optionally with its image and as the default',
		},
	},
	validate: {
		operation: validate,
		api: ['validateRichMenuObject'],
		option: {
			name: 'Validate',
			action: 'Validate a rich menu',
			description: 'Ask LINE whether a rich menu object is valid, without creating it',
		},
	},
	get: {
		operation: get,
		api: ['getRichMenu'],
		option: {
			name: 'Get',
			action: 'Get a rich menu',
			description: 'The size, name, chat bar text and areas of a rich menu',
		},
	},
	getMany: {
		operation: getMany,
		api: ['getRichMenuList'],
		option: {
			name: 'Get Many',
			action: 'Get many rich menus',
			description: 'Every rich menu of the channel, one item each',
		},
	},
	delete: {
		operation: deleteRichMenu,
		api: ['deleteRichMenu'],
		option: {
			name: 'Delete',
			action: 'Delete a rich menu',
			description: 'Delete a rich menu and its image',
		},
	},
	uploadImage: {
		operation: uploadImage,
		api: ['setRichMenuImage'],
		option: {
			name: 'Upload Image',
			action: 'Upload a rich menu image',
			description:
				'Attach a PNG or JPEG image from a binary field to a rich menu (checked against LINE’s size rules first)',
		},
	},
	downloadImage: {
		operation: downloadImage,
		api: ['getRichMenuImage'],
		option: {
			name: 'Download Image',
			action: 'Download a rich menu image',
			description: 'The image of a rich menu, as binary data',
		},
	},
	setDefault: {
		operation: setDefault,
		api: ['setDefaultRichMenu'],
		option: {
			name: 'Set Default',
			action: 'Set the default rich menu',
			description: 'Show a rich menu to every user who has no rich menu of their own linked',
		},
	},
	getDefaultId: {
		operation: getDefaultId,
		api: ['getDefaultRichMenuId'],
		option: {
			name: 'Get Default ID',
			action: 'Get the default rich menu ID',
			description: 'The ID of the default rich menu (null when none is set)',
		},
	},
	cancelDefault: {
		operation: cancelDefault,
		api: ['cancelDefaultRichMenu'],
		option: {
			name: 'Cancel Default',
			action: 'Cancel the default rich menu',
			description: 'Stop showing a default rich menu; menus linked to users stay',
		},
	},
	...richMenuUsersAndBatch,
};

export const richMenuDescription = resourceDescription('richMenu', richMenu, 'getMany');
