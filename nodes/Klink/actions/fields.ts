import type { INodeProperties } from 'n8n-workflow';

/** Parameters several klink.cloud operations share. */

/** A required ID parameter, e.g. `idField('contactId', 'Contact ID', '…')`. */
export function idField(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: '81d8f399-e4d3-4fd4-a8ec-61bb3c3dc8c4',
		description,
	};
}

/** Custom fields as key/value pairs; klink.cloud's keys start with `cf_`. */
export function customFieldsField(entity: 'contact' | 'ticket'): INodeProperties {
	const formFields = `${entity === 'contact' ? 'Contact' : 'Ticket'} → Get Form Fields`;
	const description = [
		`Sent as customFields. Keys are the system names of the ${entity} custom fields: they start with cf_ (see ${formFields}).`,
		entity === 'ticket' ? 'Dates as YYYY-MM-DD.' : '',
	]
		.filter(Boolean)
		.join(' ');
	return {
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Custom Field',
		description,
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Key',
						name: 'key',
						type: 'string',
						default: '',
						placeholder: 'cf_customer_id',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}
