import type { INodeProperties } from 'n8n-workflow';

import { describeValue, fail } from '../../../shared/errors';
import { checkEnum } from '../../helpers/fieldChecks';
import { asText, asTrimmed } from '../../helpers/fieldValues';
import { checkPostbackData, DATA_FIELD } from './common';
import { defineAction } from './types';

const DATETIME_FORMATS: Record<string, { pattern: RegExp; example: string }> = {
	date: { pattern: /^\d{4}-\d{2}-\d{2}$/, example: '2025-12-25' },
	time: { pattern: /^\d{2}:\d{2}$/, example: '13:30' },
	datetime: { pattern: /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}$/, example: '2025-12-25T13:30' },
};

function limitField(displayName: string, name: string, which: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		description: `${which} value the user can pick, in the same format as the initial value`,
	};
}

export const datetimepicker = defineAction({
	type: 'datetimepicker',
	option: {
		name: 'Date-Time Picker',
		description: 'Lets the user pick a date or time, sent back in a postback event',
	},
	fields: () => [
		DATA_FIELD,
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			options: [
				{ name: 'Date', value: 'date' },
				{ name: 'Date and Time', value: 'datetime' },
				{ name: 'Time', value: 'time' },
			],
			default: 'datetime',
			description: 'What the user picks',
		},
		{
			displayName: 'Initial Value',
			name: 'initial',
			type: 'string',
			default: '',
			placeholder: '2025-12-25T13:30',
			description:
				'Value selected at first, written as 2025-12-25, 13:30 or 2025-12-25T13:30 to match the mode',
		},
		limitField('Max Value', 'max', 'Latest'),
		limitField('Min Value', 'min', 'Earliest'),
	],
	read: (entry) => ({
		data: asText(entry.data),
		mode: asText(entry.mode) || 'datetime',
		initial: asTrimmed(entry.initial),
		max: asTrimmed(entry.max),
		min: asTrimmed(entry.min),
	}),
	check: (action, field) => {
		checkPostbackData(action, field);
		checkEnum(action.mode, `${field}.mode`, Object.keys(DATETIME_FORMATS));
		const format = DATETIME_FORMATS[action.mode as string];
		for (const key of ['initial', 'max', 'min']) {
			const value = action[key];
			if (value === undefined) continue;
			if (typeof value !== 'string' || !format.pattern.test(value)) {
				fail(
					`${field}.${key}`,
					`${describeValue(value)} does not match mode "${action.mode}" (expected e.g. ${format.example})`,
				);
			}
		}
	},
});
