import { checkLinkUri, checkObject } from '../../helpers/fieldChecks';
import { asTrimmed } from '../../helpers/fieldValues';
import { defineAction } from './types';

export const uri = defineAction({
	type: 'uri',
	option: { name: 'URI', description: 'Opens a link' },
	fields: () => [
		{
			displayName: 'URI',
			name: 'uri',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://example.com',
			description: 'Link to open: http, https, line or tel, up to 1000 characters',
		},
	],
	read: (entry) => ({ uri: asTrimmed(entry.uri) }),
	check: (action, field) => {
		checkLinkUri(action.uri, `${field}.uri`);
		if (action.altUri !== undefined) {
			const altUri = checkObject(action.altUri, `${field}.altUri`, 'an object with desktop');
			checkLinkUri(altUri.desktop, `${field}.altUri.desktop`, true);
		}
	},
});
