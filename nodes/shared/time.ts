/** Dates and time zones, as n8n gives them and as the providers want them. */

/** `value` as digits, zero-padded to `length`. */
export function pad(value: number, length = 2): string {
	return String(value).padStart(length, '0');
}

/** Whether year-month-day is a day of the calendar (not e.g. 2026-02-31). */
export function validDay(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/**
 * n8n's dates come as text, a JS Date or a Luxon DateTime (from expressions such as
 * `{{ $today }}`): a Date or DateTime as ISO text, anything else as it is.
 */
export function dateObjectAsIso(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString();
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	) {
		return (value as { toISO: () => string }).toISO();
	}
	return value;
}

/**
 * Minutes east of UTC that `timeZone` is at `instant` (420 for Asia/Jakarta). Unknown zones
 * count as UTC.
 */
export function zoneOffsetMinutes(timeZone: string, instant: number): number {
	let parts: Intl.DateTimeFormatPart[];
	try {
		parts = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		}).formatToParts(new Date(instant));
	} catch {
		return 0;
	}
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		Number(parts.find((p) => p.type === type)?.value ?? 0);
	const wallClockAsUtc = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second'),
	);
	return Math.round((wallClockAsUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * An instant as RFC 3339 local time with its offset in `timeZone`, e.g. Konnek's
 * `2023-11-10T12:38:08.153+07:00`.
 */
export function formatWithOffset(instant: number, timeZone: string): string {
	const offset = zoneOffsetMinutes(timeZone, instant);
	const local = new Date(instant + offset * 60_000);
	const sign = offset < 0 ? '-' : '+';
	const abs = Math.abs(offset);
	return (
		`${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
		`T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
		`.${pad(local.getUTCMilliseconds(), 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
	);
}
