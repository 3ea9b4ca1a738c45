import type { INodeProperties } from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import { dateObjectAsIso, validDay } from '../../shared/time';

const NINE_HOURS_MS = 9 * 60 * 60 * 1000;

/**
 * LINE's statistics take a `yyyyMMdd` date in UTC+9. Accepts that, `yyyy-MM-dd`, a date-time
 * (an instant with an offset is converted to its date in UTC+9; one without an offset, as n8n's
 * date picker gives, keeps its calendar date), a JS Date or a Luxon DateTime.
 */
export function toLineDate(value: unknown, field: string): string {
	value = dateObjectAsIso(value);
	const text = String(value ?? '').trim();
	let match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
	if (!match && /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
		const shifted = new Date(Date.parse(text) + NINE_HOURS_MS).toISOString();
		match = /^(\d{4})-(\d{2})-(\d{2})/.exec(shifted);
	} else if (!match) {
		match = /^(\d{4})-(\d{2})-(\d{2})T[\d:.]+$/.exec(text);
	}
	if (!match || !validDay(Number(match[1]), Number(match[2]), Number(match[3]))) {
		throw new InputError(
			field,
			`${JSON.stringify(text)} is not a date`,
			'Use yyyyMMdd (e.g. 20261122), yyyy-MM-dd, or an n8n date such as {{ $today.minus({ days: 1 }) }}. LINE counts days in UTC+9.',
		);
	}
	return `${match[1]}${match[2]}${match[3]}`;
}

/** A day field that takes yyyyMMdd, yyyy-MM-dd or an n8n date; `daysAgo` sets its default. */
export function dayField(
	name: string,
	displayName: string,
	daysAgo: number,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: `={{ $today.minus({ days: ${daysAgo} }).toFormat('yyyyMMdd') }}`,
		placeholder: '20261122',
		description,
	};
}
