import { checkString } from '../../helpers/fieldChecks';
import { asText } from '../../helpers/fieldValues';
import { defineAction } from './types';

export const clipboard = defineAction({
	type: 'clipboard',
	option: { name: 'Clipboard', description: 'Copies a text to the clipboard' },
	fields: () => [
		{
			displayName: 'Clipboard Text',
			name: 'clipboardText',
			type: 'string',
			required: true,
			default: '',
			description: 'Text copied to the clipboard, up to 1000 characters',
		},
	],
	read: (entry) => ({ clipboardText: asText(entry.clipboardText) }),
	check: (action, field) => {
		checkString(action.clipboardText, `${field}.clipboardText`, { max: 1000 });
	},
});
