import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { create } from './create.operation';
import { deleteContact } from './delete.operation';
import { findBySocialPlatformId } from './findBySocialPlatformId.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getFormFields } from './getFormFields.operation';
import { getGroups } from './getGroups.operation';
import { update } from './update.operation';
import { updateTags } from './updateTags.operation';

export const contact: Record<string, OperationEntry> = {
	getAll: {
		operation: getAll,
		option: {
			name: 'Get Many',
			action: 'Get many contacts',
			description: 'List contacts, optionally matching a keyword, one item each',
		},
	},
	create: {
		operation: create,
		option: { name: 'Create', action: 'Create a contact', description: 'Create a contact' },
	},
	get: {
		operation: get,
		option: { name: 'Get', action: 'Get a contact', description: 'Get a contact by its ID' },
	},
	update: {
		operation: update,
		option: {
			name: 'Update',
			action: 'Update a contact',
			description: 'Change fields of a contact',
		},
	},
	delete: {
		operation: deleteContact,
		option: { name: 'Delete', action: 'Delete a contact', description: 'Delete a contact' },
	},
	findBySocialPlatformId: {
		operation: findBySocialPlatformId,
		option: {
			name: 'Find by Social Platform ID',
			action: 'Find contacts by social platform ID',
			description: 'Find the contact of a LINE user ID (or another platform user ID)',
		},
	},
	getFormFields: {
		operation: getFormFields,
		option: {
			name: 'Get Form Fields',
			action: 'Get contact form fields',
			description: 'The fields of the contact form, including custom fields (cf_…)',
		},
	},
	getGroups: {
		operation: getGroups,
		option: {
			name: 'Get Groups',
			action: 'Get contact groups',
			description: 'List contact groups, one item each',
		},
	},
	updateTags: {
		operation: updateTags,
		option: {
			name: 'Update Tags',
			action: 'Update tags of a contact',
			description: "Add tags to a contact's tags",
		},
	},
};

export const contactDescription = resourceDescription('contact', contact, 'getAll');
