import { checkString } from '../../helpers/fieldChecks';
import { asText } from '../../helpers/fieldValues';
import { defineAction } from './types';

export const message = defineAction({
	type: 'message',
	option: { name: 'Message', description: 'Sends a text as the user' },
	fields: (target) => [
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			required: true,
			default: '',
			description: `Text the user sends by tapping the ${target}, up to 300 characters`,
		},
	],
	read: (entry) => ({ text: asText(entry.text) }),
	check: (action, field) => {
		checkString(action.text, `${field}.text`, { max: 300 });
	},
});
