import { InputError } from '../../shared/errors';
import { dateObjectAsIso, pad, validDay } from '../../shared/time';

/**
 * klink.cloud's CX log takes its date range as `selectedDate`:
 * `yyyy/MM/dd HH:mm:ss-yyyy/MM/dd HH:mm:ss`, read on the wall clock of the time zone sent in
 * the `x-client-timezone` header.
 */

const WALL_CLOCK = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Whether `timeZone` is an IANA time zone this runtime knows (e.g. Asia/Bangkok). */
export function isTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

/** The wall-clock time of an instant in `timeZone`, as klink.cloud writes it. */
function inZone(instant: Date, timeZone: string): string {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(instant);
	const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '00';
	return `${part('year')}/${part('month')}/${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

/**
 * One end of the range as `yyyy/MM/dd HH:mm:ss`. A date-time without an offset (what n8n's date
 * picker gives) is taken as wall-clock time in `timeZone`; one with an offset (or a JS Date, a
 * Luxon DateTime) is converted to it. A bare date means the start of that day, or its last
 * second for the end of the range.
 */
export function klinkDateTime(
	value: unknown,
	field: string,
	timeZone: string,
	end = false,
): string {
	value = dateObjectAsIso(value);
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') {
		throw new InputError(field, 'is empty', 'Pick a date and time, e.g. {{ $today }}.');
	}
	if (INSTANT.test(text)) {
		const instant = new Date(text);
		if (!Number.isNaN(instant.getTime())) return inZone(instant, timeZone);
	}
	const match = WALL_CLOCK.exec(text);
	if (match) {
		const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
		const time = match[4]
			? [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)]
			: end
				? [23, 59, 59]
				: [0, 0, 0];
		if (validDay(year, month, day) && time[0] < 24 && time[1] < 60 && time[2] < 60) {
			return `${year}/${pad(month)}/${pad(day)} ${time.map((part) => pad(part)).join(':')}`;
		}
	}
	throw new InputError(
		field,
		`${JSON.stringify(text.slice(0, 40))} is not a date and time`,
		'Use an n8n date (e.g. {{ $today.minus({ days: 7 }) }}), yyyy-MM-dd HH:mm:ss or yyyy/MM/dd HH:mm:ss.',
	);
}

/** `selectedDate` for a range; refuses a range that ends before it starts. */
export function selectedDate(start: string, end: string): string {
	// Both are yyyy/MM/dd HH:mm:ss, so they compare as text.
	if (end < start) {
		throw new InputError(
			'endDate',
			`${end} is before the start ${start}`,
			'Swap Start Date and End Date.',
		);
	}
	return `${start}-${end}`;
}
