import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { create } from './create.operation';
import { deleteAlias } from './delete.operation';
import { get } from './get.operation';
import { list } from './list.operation';
import { update } from './update.operation';

export const richMenuAlias: Record<string, OperationEntry> = {
	create: {
		operation: create,
		api: ['createRichMenuAlias'],
		option: {
			name: 'Create',
			action: 'Create a rich menu alias',
			description: 'Give a rich menu an alias that rich menu switch actions can name',
		},
	},
	get: {
		operation: get,
		api: ['getRichMenuAlias'],
		option: {
			name: 'Get',
			action: 'Get a rich menu alias',
			description: 'The rich menu ID an alias points to',
		},
	},
	list: {
		operation: list,
		api: ['getRichMenuAliasList'],
		option: {
			name: 'Get Many',
			action: 'Get many rich menu aliases',
			description: 'Every alias of the channel with its rich menu ID, one item each',
		},
	},
	update: {
		operation: update,
		api: ['updateRichMenuAlias'],
		option: {
			name: 'Update',
			action: 'Update a rich menu alias',
			description: 'Point an alias at another rich menu',
		},
	},
	delete: {
		operation: deleteAlias,
		api: ['deleteRichMenuAlias'],
		option: {
			name: 'Delete',
			action: 'Delete a rich menu alias',
			description: 'Delete an alias; the rich menu it points to is kept',
		},
	},
};

export const richMenuAliasDescription = resourceDescription('richMenuAlias', richMenuAlias, 'list');
