import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { customFields, givenFields, textList } from '../../helpers/inputs';
import { idField } from '../fields';

/** The contact model's fields (PROVIDERS.md §1.3), shared by Create and Update. */

export const contactIdField = (description: string): INodeProperties =>
	idField('contactId', 'Contact ID', description);

const LISTS = ['phone', 'email', 'tags'];

export function contactFieldOptions(withName: boolean): INodeProperties[] {
	const options: INodeProperties[] = [
		{ displayName: 'Address', name: 'address', type: 'string', default: '' },
		{
			displayName: 'Channel',
			name: 'channel',
			type: 'string',
			default: '',
			placeholder: 'line',
			description: 'The channel the contact came from',
		},
		{
			displayName: 'Company',
			name: 'company',
			type: 'string',
			default: '',
			description: 'Company name',
		},
		{
			displayName: 'Emails',
			name: 'email',
			type: 'string',
			default: '',
			placeholder: 'somchai@example.com, somchai@work.example',
			description: 'Sent as the email list; separate several with commas',
		},
		{ displayName: 'Notes', name: 'notes', type: 'string', typeOptions: { rows: 3 }, default: '' },
		{
			displayName: 'Phones',
			name: 'phone',
			type: 'string',
			default: '',
			placeholder: '+66812345678, +6621234567',
			description: 'Sent as the phone list; separate several with commas',
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'vip, new',
			description: 'Sent as the tags list; separate several with commas',
		},
	];
	if (withName) {
		options.push({ displayName: 'Name', name: 'name', type: 'string', default: '' });
	}
	return options.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The body of a contact from a fields collection and the custom fields; lists become arrays. */
export function contactBody(fields: unknown, custom: unknown, prefix: string): IDataObject {
	const body = givenFields(fields);
	for (const key of LISTS) {
		if (body[key] !== undefined) body[key] = textList(body[key], `${prefix}.${key}`);
	}
	const cf = customFields(custom);
	if (cf) body.customFields = cf;
	return body;
}
