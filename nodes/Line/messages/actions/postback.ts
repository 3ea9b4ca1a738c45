import { fail } from '../../../shared/errors';
import { checkEnum, checkString } from '../../helpers/fieldChecks';
import { asText } from '../../helpers/fieldValues';
import { checkPostbackData, DATA_FIELD } from './common';
import { defineAction } from './types';

/** Alphabetical by name, as the UI lists them; None sends no input option. */
const INPUT_OPTIONS = [
	{ name: 'Close Rich Menu', value: 'closeRichMenu', description: 'Closes the rich menu' },
	{ name: 'None', value: '', description: 'Leaves the screen as it is' },
	{ name: 'Open Keyboard', value: 'openKeyboard', description: 'Opens the keyboard' },
	{ name: 'Open Rich Menu', value: 'openRichMenu', description: 'Opens the rich menu' },
	{ name: 'Open Voice', value: 'openVoice', description: 'Opens the voice message input' },
];

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
		{
			displayName: 'Input Option',
			name: 'inputOption',
			type: 'options',
			options: INPUT_OPTIONS,
			default: '',
			description: `What the chat screen shows after the ${target} is tapped`,
		},
		{
			displayName: 'Fill In Text',
			name: 'fillInText',
			type: 'string',
			default: '',
			description:
				'Text put in the input field when Input Option is Open Keyboard, up to 300 characters. Optional.',
		},
	],
	read: (entry) => ({
		data: asText(entry.data),
		displayText: asText(entry.displayText),
		inputOption: asText(entry.inputOption),
		fillInText: asText(entry.fillInText),
	}),
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
