import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { customFields, givenFields, textList } from '../../helpers/inputs';
import { idField } from '../fields';

/** The ticket fields of klink.cloud's create request (PROVIDERS.md §1.3), shared by Create and Update. */

export const ticketIdField = (description: string): INodeProperties =>
	idField('ticketId', 'Ticket ID', description);

export const TICKET_STATUSES: INodePropertyOptions[] = [
	{ name: 'In Progress', value: 'in progress' },
	{ name: 'Open', value: 'open' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Resolved', value: 'resolved' },
];

export function ticketFieldOptions(withTitle: boolean): INodeProperties[] {
	const options: INodeProperties[] = [
		{
			displayName: 'Channel',
			name: 'channel',
			type: 'string',
			default: '',
			placeholder: 'email',
			description: 'The channel the ticket is about, e.g. email or line',
		},
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			default: '',
			description: 'The contact the ticket is for (sent as contact_id)',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
		},
		{
			displayName: 'Priority',
			name: 'priority',
			type: 'options',
			options: [
				{ name: 'High', value: 'high' },
				{ name: 'Low', value: 'low' },
				{ name: 'Medium', value: 'medium' },
			],
			default: 'medium',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: TICKET_STATUSES,
			default: 'open',
		},
		{
			displayName: 'Tag IDs',
			name: 'tags',
			type: 'string',
			default: '',
			description: 'IDs (UUIDs) of tags, separated by commas; see Tag → Get Many',
		},
	];
	if (withTitle) options.push({ displayName: 'Title', name: 'title', type: 'string', default: '' });
	return options.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The body of a ticket from a fields collection and the custom fields. */
export function ticketBody(fields: unknown, custom: unknown, prefix: string): IDataObject {
	const { contactId, tags, ...rest } = givenFields(fields);
	const body: IDataObject = { ...rest };
	if (contactId !== undefined) body.contact_id = contactId;
	if (tags !== undefined) body.tags = textList(tags, `${prefix}.tags`);
	const cf = customFields(custom);
	if (cf) body.customFields = cf;
	return body;
}
