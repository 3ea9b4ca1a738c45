import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { create } from './create.operation';
import { findByContact } from './findByContact.operation';
import { getAll } from './getAll.operation';
import { getFormFields } from './getFormFields.operation';
import { update } from './update.operation';
import { updateStatus } from './updateStatus.operation';

export const ticket: Record<string, OperationEntry> = {
	getAll: {
		operation: getAll,
		option: {
			name: 'Get Many',
			action: 'Get many tickets',
			description: 'List tickets, one item each',
		},
	},
	create: {
		operation: create,
		option: { name: 'Create', action: 'Create a ticket', description: 'Create a ticket' },
	},
	findByContact: {
		operation: findByContact,
		option: {
			name: 'Find by Contact',
			action: 'Find tickets of a contact',
			description: "A contact's tickets, one item each",
		},
	},
	getFormFields: {
		operation: getFormFields,
		option: {
			name: 'Get Form Fields',
			action: 'Get ticket form fields',
			description: 'The fields of the ticket form, including custom fields (cf_…)',
		},
	},
	update: {
		operation: update,
		option: { name: 'Update', action: 'Update a ticket', description: 'Change fields of a ticket' },
	},
	updateStatus: {
		operation: updateStatus,
		option: {
			name: 'Update Status',
			action: 'Update the status of a ticket',
			description: 'Set a ticket to open, in progress, pending or resolved',
		},
	},
};

export const ticketDescription = resourceDescription('ticket', ticket, 'getAll');
