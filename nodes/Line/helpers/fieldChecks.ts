import { describeValue, fail } from '../../shared/errors';
import { isObject } from '../../shared/values';

/**
 * The building blocks of the local checks (../messages for message and action types, ./checks.ts, ./actions.ts):
 * text in LINE's units, lists, objects, options, integers and URLs, each failing with an
 * InputError that names the field.
 */

export type Obj = Record<string, unknown>;

const MAX_MEDIA_URL = 2000;
const MAX_ACTION_URI = 1000;

const graphemes =
	typeof Intl.Segmenter === 'function'
		? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
		: undefined;

export type CountUnit = 'utf16' | 'graphemes';

/**
 * LINE counts UTF-16 code units in general but grapheme clusters for labels and template
 * texts. A grapheme count never exceeds the UTF-16 length, so short strings skip segmentation.
 */
function lengthOf(text: string, unit: CountUnit, max: number): number {
	if (unit === 'utf16' || text.length <= max) return text.length;
	if (graphemes) return Array.from(graphemes.segment(text)).length;
	return Array.from(text).length;
}

export interface StringRule {
	max: number;
	min?: number;
	optional?: boolean;
	unit?: CountUnit;
	what?: string;
}

function span(min: number, max: number): string {
	if (max === Infinity) return `at least ${min}`;
	return min === max ? `exactly ${min}` : `${min} to ${max}`;
}

/** A string field; returns it, or undefined when it is optional and absent. */
export function checkString(value: unknown, field: string, rule: StringRule): string | undefined {
	const min = rule.min ?? 1;
	const what = rule.what ?? 'text';
	if (value === undefined && rule.optional) return undefined;
	if (value === undefined) fail(field, `is required (${what}, ${span(min, rule.max)} characters)`);
	if (typeof value !== 'string') fail(field, `must be ${what}, got ${describeValue(value)}`);
	if (value.length < min) fail(field, `is empty (${what}, ${span(min, rule.max)} characters)`);
	const length = lengthOf(value, rule.unit ?? 'utf16', rule.max);
	if (length > rule.max) {
		fail(field, `is too long: ${length} characters, LINE allows at most ${rule.max}`);
	}
	return value;
}

export function checkList(
	value: unknown,
	field: string,
	min: number,
	max: number,
	what: string,
): unknown[] {
	if (!Array.isArray(value)) {
		fail(field, `must be a list of ${span(min, max)} ${what}, got ${describeValue(value)}`);
	}
	if (value.length < min || value.length > max) {
		fail(field, `must hold ${span(min, max)} ${what}, got ${value.length}`);
	}
	return value;
}

export function checkObject(value: unknown, field: string, what: string): Obj {
	if (value === undefined) fail(field, `is required (${what})`);
	if (!isObject(value)) fail(field, `must be ${what}, got ${describeValue(value)}`);
	return value;
}

export function checkEnum(
	value: unknown,
	field: string,
	allowed: readonly string[],
	optional = false,
): void {
	if (value === undefined && optional) return;
	if (typeof value === 'string' && allowed.includes(value)) return;
	const got = value === undefined ? 'is required' : `is ${describeValue(value)}`;
	fail(field, `${got}; expected one of ${allowed.join(', ')}`);
}

export function checkInteger(value: unknown, field: string, min: number, what: string): void {
	if (typeof value === 'number' && Number.isInteger(value) && value >= min) return;
	const got = value === undefined ? 'is required' : `is ${describeValue(value)}`;
	fail(field, `${got}; expected ${what}, an integer of at least ${min}`);
}

/**
 * LINE refuses URLs that are not percent-encoded: a raw space, a control character or anything
 * outside ASCII (Thai, Japanese, emoji) in a file name or query. The hint gives the encoded URL.
 */
function checkEncoded(url: string, field: string): void {
	const raw = /[^\x21-\x7e]/u.exec(url);
	if (!raw) return;
	const char = raw[0];
	const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
	const printable = char.charCodeAt(0) > 0x7f;
	const what = char === ' ' ? 'a space' : printable ? `"${char}" (${code})` : code;
	let encoded: string | undefined;
	try {
		encoded = new URL(url).href;
	} catch {
		encoded = undefined;
	}
	fail(
		field,
		`${describeValue(url)} contains ${what} at position ${raw.index}; LINE takes only percent-encoded URLs`,
		encoded && !/[^\x21-\x7e]/u.test(encoded)
			? `Percent-encode it: ${encoded}`
			: 'Percent-encode it (a space is %20)',
	);
}

/** Image, video, audio and icon URLs: LINE fetches them itself, over HTTPS only. */
export function checkMediaUrl(value: unknown, field: string, optional = false): void {
	if (value === undefined && optional) return;
	const url = checkString(value, field, { max: MAX_MEDIA_URL, what: 'an HTTPS URL' }) as string;
	if (!/^https:\/\/[^\s/?#]+/i.test(url)) {
		fail(
			field,
			`${describeValue(url)} is not an HTTPS URL`,
			'LINE only loads media over HTTPS, e.g. https://example.com/image.jpg',
		);
	}
	checkEncoded(url, field);
}

/** Links opened by the user's LINE app: http, https, line and tel schemes. */
export function checkLinkUri(value: unknown, field: string, optional = false): void {
	if (value === undefined && optional) return;
	const uri = checkString(value, field, { max: MAX_ACTION_URI, what: 'a URI' }) as string;
	if (!/^(https?:\/\/\S|line:\/\/\S|tel:\S)/i.test(uri)) {
		fail(field, `${describeValue(uri)} must start with http://, https://, line:// or tel:`);
	}
	checkEncoded(uri, field);
}
