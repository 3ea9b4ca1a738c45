import { InputError } from '../../shared/errors';
import { pad, zoneOffsetMinutes } from '../../shared/time';

/** Infobip schedules at most 180 days ahead. */
export const MAX_SCHEDULE_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;

const WITH_OFFSET =
	/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})$/i;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

/** The instant a wall-clock time in `timeZone` stands for. */
function wallClockInstant(parts: number[], timeZone: string): number {
	const [year, month, day, hour, minute, second, millisecond] = parts;
	const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
	let instant = asUtc - zoneOffsetMinutes(timeZone, asUtc) * 60_000;
	// Near a daylight-saving change the offset at the result can differ from the first guess.
	const corrected = asUtc - zoneOffsetMinutes(timeZone, instant) * 60_000;
	if (corrected !== instant) instant = corrected;
	return instant;
}

function toInstant(value: unknown, timeZone: string): number | undefined {
	if (value instanceof Date) return value.getTime();
	if (value && typeof value === 'object') {
		const luxon = value as { toMillis?: unknown };
		if (typeof luxon.toMillis === 'function') return (luxon.toMillis as () => number)();
	}
	if (typeof value === 'number' && Number.isFinite(value)) {
		// Unix seconds or milliseconds.
		return value < 1e11 ? value * 1000 : value;
	}
	const text = String(value ?? '').trim();
	if (WITH_OFFSET.test(text)) {
		const instant = Date.parse(text.replace(' ', 'T').replace(/\s+/, ''));
		return Number.isNaN(instant) ? undefined : instant;
	}
	const match = WALL_CLOCK.exec(text);
	if (!match) return undefined;
	const parts = match
		.slice(1)
		.map((part, index) =>
			index === 6 ? Number((part ?? '0').padEnd(3, '0').slice(0, 3)) : Number(part ?? 0),
		);
	const instant = wallClockInstant(parts, timeZone);
	// Date.UTC rolls 2026-02-31 over into March: refuse dates that do not exist.
	const check = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
	if (check.getUTCMonth() !== parts[1] - 1 || check.getUTCDate() !== parts[2]) return undefined;
	return instant;
}

/** An instant in Infobip's `yyyy-MM-dd'T'HH:mm:ss.SSSZ` format, in UTC (`+0000`). */
export function formatInfobipDateTime(instant: number): string {
	const date = new Date(instant);
	return (
		`${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
		`T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` +
		`.${pad(date.getUTCMilliseconds(), 3)}+0000`
	);
}

/**
 * `options.schedule.sendAt` from an n8n date: a date-time with an offset, one without (read in
 * the workflow's time zone, as n8n's date picker means it), a JS Date or a Luxon DateTime.
 */
export function toSendAt(
	value: unknown,
	timeZone: string,
	field: string,
	now = Date.now(),
): string {
	const instant = toInstant(value, timeZone);
	if (instant === undefined || Number.isNaN(instant)) {
		throw new InputError(
			field,
			`${JSON.stringify(value)} is not a date and time`,
			"Pick a date, or use an expression such as {{ $now.plus({ hours: 2 }) }} or 2026-07-07T17:00:00.000+01:00. Times without an offset are read in the workflow's time zone.",
		);
	}
	if (instant - now > MAX_SCHEDULE_DAYS * DAY_MS) {
		throw new InputError(
			field,
			`${formatInfobipDateTime(instant)} is more than ${MAX_SCHEDULE_DAYS} days ahead`,
			`Infobip schedules messages at most ${MAX_SCHEDULE_DAYS} days in advance.`,
		);
	}
	return formatInfobipDateTime(instant);
}
