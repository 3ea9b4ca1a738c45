import type { INodeProperties } from 'n8n-workflow';

import { asText, compact } from '../helpers/fieldValues';
import { ALT_TEXT_FIELD } from './common';
import { readTemplateButtons, templateButtonsField } from './templateFields';
import type { MessageTypeDefinition } from './types';

/** Confirm Template: a question with exactly two buttons side by side, e.g. Yes and No. */

const CONFIRM_TEXT_FIELD: INodeProperties = {
	displayName: 'Text',
	name: 'confirmText',
	type: 'string',
	typeOptions: { rows: 2 },
	required: true,
	default: '',
	placeholder: 'Do you want to book this table?',
	description: 'The question above the buttons, up to 240 characters',
};

const YES_NO = {
	button: [
		{ type: 'message', label: 'Yes', text: 'Yes' },
		{ type: 'message', label: 'No', text: 'No' },
	],
};

export const confirm: MessageTypeDefinition = {
	type: 'confirm',
	builder: {
		option: {
			name: 'Confirm Template',
			description: 'A question with two buttons, e.g. Yes and No, made from fields',
		},
		fields: [
			ALT_TEXT_FIELD,
			CONFIRM_TEXT_FIELD,
			templateButtonsField(
				'confirmButtons',
				2,
				'Exactly 2 buttons, left and right. By default Yes and No, which send "Yes" or "No" as the user.',
				{ default: YES_NO },
			),
		],
		read: (fields) =>
			compact({
				type: 'template',
				altText: asText(fields.altText),
				template: compact({
					type: 'confirm',
					text: asText(fields.confirmText),
					actions: readTemplateButtons(fields, 'confirmButtons'),
				}),
			}),
	},
};
