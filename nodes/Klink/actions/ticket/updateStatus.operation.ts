import { INFERRED_PATH } from '../../helpers/endpoint';
import { readText } from '../../helpers/inputs';
import { recordOperation } from '../operations';
import { TICKET_STATUSES, ticketIdField } from './common';

export const updateStatus = recordOperation({
	resource: 'ticket',
	operation: 'updateStatus',
	endpoint: {
		method: 'PUT',
		path: '/api/v1/tickets/{ticketId}/status',
		unverified: `${INFERRED_PATH} The body { status } is inferred too.`,
	},
	properties: [
		ticketIdField('The ticket whose status to change'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: TICKET_STATUSES,
			default: 'resolved',
			description: 'Sent as status',
		},
	],
	advanced: { body: true },
	read: (params, itemIndex) => ({
		pathValues: { ticketId: readText(params, 'ticketId', itemIndex) },
		body: { status: readText(params, 'status', itemIndex) },
	}),
});
