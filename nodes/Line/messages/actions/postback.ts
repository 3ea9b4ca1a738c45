import { fail } from '../../../shared/errors';
import { checkEnum, checkString } from '../../helpers/fieldChecks';
import { asText } from '../../helpers/fieldValues';
import { checkPostbackData, DATA_FIELD } from './common';
import { defineAction } from './types';

export const postback = defineAction({
	type: 'postback',
	option: { name: 'Postback', description: 'Sends data back in a postback event' },
	fields: (target) => [
		DATA_FIELD,
		{
			displayName: 'Display Text',
			name: 'displayText',
			type: 'string',
			default: '',
			description: `Text shown in the chat as sent by the user when the ${target} is tapped`,
		},
	],
	read: (entry) => ({ data: asText(entry.data), displayText: asText(entry.displayText) }),
	check: (action, field) => {
		checkPostbackData(action, field);
		checkString(action.displayText, `${field}.displayText`, { max: 300, optional: true });
		checkString(action.text, `${field}.text`, { max: 300, optional: true });
		if (action.displayText !== undefined && action.text !== undefined) {
			fail(`${field}.text`, 'cannot be set together with displayText; keep displayText');
		}
		checkEnum(
			action.inputOption,
			`${field}.inputOption`,
			['closeRichMenu', 'openRichMenu', 'openKeyboard', 'openVoice'],
			true,
		);
		checkString(action.fillInText, `${field}.fillInText`, { max: 300, optional: true });
	},
});
