import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { describeValue, fail, InputError } from '../../../shared/errors';
import type { ItemParameters } from '../../../shared/parameters';
import { dateObjectAsIso, validDay, zoneOffsetMinutes } from '../../../shared/time';
import { isObject } from '../../../shared/values';
import { locatorField, locatorValue } from '../../methods/resourceLocator';

/**
 * Coupons of LINE's Messaging API (CouponCreateRequest in messaging-api.yml): the coupon ID
 * field, LINE's time zones, reading n8n dates as the epoch seconds LINE wants, and the checks of
 * a coupon before it is created.
 */

type Obj = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Coupon ID

const COUPON_ID = /^[A-Za-z0-9_-]+$/;

/** The coupon: picked from the channel's coupons, or its ID (by default the input item's). */
export function couponIdField(description: string): INodeProperties {
	return locatorField({
		displayName: 'Coupon',
		name: 'couponId',
		description,
		searchListMethod: 'searchCoupons',
		idDefault: '={{ $json.couponId }}',
		listPlaceholder: 'Select a coupon...',
		idPlaceholder: '01JYNW8JMQVFBNWF1APF8Z3FS7',
		idRegex: COUPON_ID.source.slice(1, -1),
		idError: 'Not a coupon ID: letters, digits, - and _ only',
	});
}

/** The coupon ID of one item: a single path segment, so it cannot reach another endpoint. */
export function readCouponId(params: ItemParameters, itemIndex: number): string {
	const value = locatorValue(params.get<unknown>('couponId', itemIndex));
	const couponId =
		typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (couponId === '') {
		fail(
			'couponId',
			value === undefined || value === ''
				? 'is empty'
				: `must be text, got ${describeValue(value)}`,
			'Pick a coupon from the list, or map the couponId of an item from Coupon → Create or Get Many, e.g. {{ $json.couponId }}.',
		);
	}
	if (!COUPON_ID.test(couponId)) {
		fail(
			'couponId',
			`${describeValue(couponId)} is not a coupon ID (letters, digits, - and _ only)`,
			'LINE gives coupon IDs such as 01JYNW8JMQVFBNWF1APF8Z3FS7 when a coupon is created.',
		);
	}
	return couponId;
}

// ---------------------------------------------------------------------------------------------
// Time zones

/**
 * LINE's `timezone` values with the IANA zone each one names. LINE lists them by UTC offset, west
 * to east, so ETC_GMT_MINUS_12 is UTC−12, which IANA writes with the opposite sign (Etc/GMT+12).
 */
const TIME_ZONES: Record<string, string> = {
	ETC_GMT_MINUS_12: 'Etc/GMT+12',
	ETC_GMT_MINUS_11: 'Etc/GMT+11',
	PACIFIC_HONOLULU: 'Pacific/Honolulu',
	AMERICA_ANCHORAGE: 'America/Anchorage',
	AMERICA_LOS_ANGELES: 'America/Los_Angeles',
	AMERICA_PHOENIX: 'America/Phoenix',
	AMERICA_CHICAGO: 'America/Chicago',
	AMERICA_NEW_YORK: 'America/New_York',
	AMERICA_CARACAS: 'America/Caracas',
	AMERICA_SANTIAGO: 'America/Santiago',
	AMERICA_ST_JOHNS: 'America/St_Johns',
	AMERICA_SAO_PAULO: 'America/Sao_Paulo',
	ETC_GMT_MINUS_2: 'Etc/GMT+2',
	ATLANTIC_CAPE_VERDE: 'Atlantic/Cape_Verde',
	EUROPE_LONDON: 'Europe/London',
	EUROPE_PARIS: 'Europe/Paris',
	EUROPE_ISTANBUL: 'Europe/Istanbul',
	EUROPE_MOSCOW: 'Europe/Moscow',
	ASIA_TEHRAN: 'Asia/Tehran',
	ASIA_TBILISI: 'Asia/Tbilisi',
	ASIA_KABUL: 'Asia/Kabul',
	ASIA_TASHKENT: 'Asia/Tashkent',
	ASIA_COLOMBO: 'Asia/Colombo',
	ASIA_KATHMANDU: 'Asia/Kathmandu',
	ASIA_ALMATY: 'Asia/Almaty',
	ASIA_RANGOON: 'Asia/Yangon',
	ASIA_BANGKOK: 'Asia/Bangkok',
	ASIA_TAIPEI: 'Asia/Taipei',
	ASIA_TOKYO: 'Asia/Tokyo',
	AUSTRALIA_DARWIN: 'Australia/Darwin',
	AUSTRALIA_SYDNEY: 'Australia/Sydney',
	ASIA_VLADIVOSTOK: 'Asia/Vladivostok',
	ETC_GMT_PLUS_12: 'Etc/GMT-12',
	PACIFIC_TONGATAPU: 'Pacific/Tongatapu',
};

export const COUPON_TIME_ZONES = Object.keys(TIME_ZONES);

/** How a LINE time zone is shown: its IANA name, or UTC±h for the plain offsets. */
function zoneName(value: string): string {
	const offset = /^ETC_GMT_(MINUS|PLUS)_(\d+)$/.exec(value);
	if (offset) return `UTC${offset[1] === 'MINUS' ? '-' : '+'}${offset[2]}`;
	return TIME_ZONES[value].replace(/_/g, ' ');
}

/** The options of the Time Zone parameter, sorted by name. */
export const TIME_ZONE_OPTIONS = COUPON_TIME_ZONES.map((value) => ({
	name: zoneName(value),
	value,
})).sort((a, b) => a.name.localeCompare(b.name));

// ---------------------------------------------------------------------------------------------
// Times

const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i;
const WALL_CLOCK = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/** Epoch seconds of a wall-clock time in an IANA time zone. */
function wallClockSeconds(parts: number[], timeZone: string): number {
	const [year, month, day, hour, minute, second] = parts;
	const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
	const guess = asUtc - zoneOffsetMinutes(timeZone, asUtc) * 60_000;
	// Near a daylight-saving change the offset at the instant can differ from the first guess.
	return (asUtc - zoneOffsetMinutes(timeZone, guess) * 60_000) / 1000;
}

function timeHint(end: boolean): string {
	return `Pick a date and time, or use an expression such as {{ $now${end ? '.plus({ days: 30 })' : ''} }}, 2026-12-01T09:00:00+09:00 or epoch seconds. A time without an offset is read in the coupon's Time Zone${end ? '; a date alone means the end of that day' : ''}.`;
}

/**
 * A coupon's start or end as the epoch seconds LINE wants. Takes epoch seconds (or milliseconds),
 * an instant with an offset, a JS Date or a Luxon DateTime, or a wall-clock date-time or date
 * without offset (what n8n's date picker gives), read in the coupon's time zone. A date alone is
 * the start of that day, or its last second for the end.
 */
export function couponTime(value: unknown, field: string, timezone: string, end = false): number {
	value = dateObjectAsIso(value);
	if (typeof value === 'number') {
		if (!Number.isInteger(value) || value < 0) {
			fail(field, `${describeValue(value)} is not a time in epoch seconds`, timeHint(end));
		}
		return value >= 1e11 ? Math.floor(value / 1000) : value;
	}
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') fail(field, 'is empty', timeHint(end));
	if (/^\d{9,13}$/.test(text)) return couponTime(Number(text), field, timezone, end);
	if (INSTANT.test(text)) {
		const instant = Date.parse(text.replace(' ', 'T').replace(/\s+/g, ''));
		if (!Number.isNaN(instant)) return Math.floor(instant / 1000);
	}
	const match = WALL_CLOCK.exec(text);
	const parts = match?.slice(1).map((part) => Number(part ?? 0));
	const [year, month, day, hour, minute, second] = parts ?? [];
	if (!match || !validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) {
		fail(field, `${describeValue(text)} is not a date and time`, timeHint(end));
	}
	const timeZone = TIME_ZONES[timezone] ?? 'UTC';
	// A date alone: the start of that day, or for the end its last second.
	if (match[4] === undefined && end) {
		return wallClockSeconds([year, month, day + 1, 0, 0, 0], timeZone) - 1;
	}
	return wallClockSeconds([year, month, day, hour, minute, second], timeZone);
}

// ---------------------------------------------------------------------------------------------
// Checks of a CouponCreateRequest

const VISIBILITIES = ['UNLISTED', 'PUBLIC'];
const ACQUISITION_TYPES = ['normal', 'lottery'];
const REWARD_PRICE_TYPES: Record<string, string[]> = {
	cashBack: ['fixed', 'percentage'],
	discount: ['fixed', 'percentage', 'explicit'],
	free: [],
	gift: [],
	others: [],
};
const MAX_URL = 2000;
const MAX_ACQUIRE_COUNT = 999_999;

function span(min: number, max: number): string {
	return max === Infinity ? `at least ${min}` : `${min} to ${max}`;
}

function checkText(value: unknown, field: string, min: number, max: number, optional = true): void {
	if (value === undefined && optional) return;
	if (value === undefined) fail(field, `is required (text, ${span(min, max)} characters)`);
	if (typeof value !== 'string') fail(field, `must be text, got ${describeValue(value)}`);
	if (value.length < min) fail(field, `is empty (text, ${span(min, max)} characters)`);
	if (value.length > max) {
		fail(field, `is too long: ${value.length} characters, LINE allows at most ${max}`);
	}
}

function checkEnum(value: unknown, field: string, allowed: readonly string[]): void {
	if (typeof value === 'string' && allowed.includes(value)) return;
	const got = value === undefined ? 'is required' : `is ${describeValue(value)}`;
	fail(field, `${got}; expected one of ${allowed.join(', ')}`);
}

function isInteger(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value);
}

function checkRange(value: unknown, field: string, min: number, max: number, what: string): void {
	if (isInteger(value) && value >= min && value <= max) return;
	const got = value === undefined ? 'is required' : `is ${describeValue(value)}`;
	const range = max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`;
	fail(field, `${got}; expected ${what}, a whole number ${range}`);
}

/** Coupon images are fetched by LINE, which loads images over HTTPS only. */
function checkImageUrl(value: unknown, field: string): void {
	if (value === undefined) return;
	checkText(value, field, 1, MAX_URL, false);
	const url = value as string;
	if (!/^https:\/\/[^\s/?#]+/i.test(url)) {
		fail(
			field,
			`${describeValue(url)} is not an HTTPS URL`,
			'LINE loads images over HTTPS only, e.g. https://example.com/coupon.jpg',
		);
	}
	if (/[^\x21-\x7e]/.test(url)) {
		fail(
			field,
			`${describeValue(url)} is not percent-encoded`,
			'Percent-encode spaces and non-ASCII characters (a space is %20).',
		);
	}
}

function checkAcquisitionCondition(value: unknown): void {
	const field = 'acquisitionCondition';
	if (!isObject(value)) {
		fail(
			field,
			`${value === undefined ? 'is required' : `must be an object, got ${describeValue(value)}`} (e.g. { "type": "normal" })`,
		);
	}
	checkEnum(value.type, `${field}.type`, ACQUISITION_TYPES);
	if (value.type !== 'lottery') return;
	checkRange(
		value.lotteryProbability,
		`${field}.lotteryProbability`,
		1,
		99,
		'the chance to win in percent',
	);
	const max = value.maxAcquireCount;
	if (max !== -1) {
		checkRange(
			max,
			`${field}.maxAcquireCount`,
			1,
			MAX_ACQUIRE_COUNT,
			'how many coupons may be issued in total (-1 for no limit)',
		);
	}
}

function checkPriceInfo(reward: Obj): void {
	const field = 'reward.priceInfo';
	const allowed = REWARD_PRICE_TYPES[reward.type as string];
	if (reward.priceInfo === undefined) {
		if (allowed.length > 0) {
			fail(
				field,
				`is required for a ${reward.type} reward (type ${allowed.join(', ')} with its amount)`,
			);
		}
		return;
	}
	if (allowed.length === 0) {
		fail(
			field,
			`is not taken by a ${reward.type} reward; only discount and cashBack rewards have a price`,
		);
	}
	const info = reward.priceInfo;
	if (!isObject(info)) fail(field, `must be an object, got ${describeValue(info)}`);
	checkEnum(info.type, `${field}.type`, allowed);
	if (info.type === 'fixed') {
		checkRange(
			info.fixedAmount,
			`${field}.fixedAmount`,
			1,
			Infinity,
			"the amount in the account's currency",
		);
	} else if (info.type === 'percentage') {
		checkRange(info.percentage, `${field}.percentage`, 1, 99, 'a percentage');
	} else {
		checkRange(
			info.originalPrice,
			`${field}.originalPrice`,
			1,
			Infinity,
			'the price before the discount',
		);
		checkRange(
			info.priceAfterDiscount,
			`${field}.priceAfterDiscount`,
			0,
			Infinity,
			'the price after the discount',
		);
		if ((info.priceAfterDiscount as number) >= (info.originalPrice as number)) {
			fail(
				`${field}.priceAfterDiscount`,
				`(${String(info.priceAfterDiscount)}) must be lower than originalPrice (${String(info.originalPrice)})`,
			);
		}
	}
}

function checkReward(value: unknown): void {
	if (value === undefined) return;
	if (!isObject(value)) fail('reward', `must be an object, got ${describeValue(value)}`);
	checkEnum(value.type, 'reward.type', Object.keys(REWARD_PRICE_TYPES));
	checkPriceInfo(value);
}

function isoOf(seconds: number): string {
	return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * What LINE would refuse of a CouponCreateRequest: the spec's required fields, lengths, ranges,
 * enums and the rules of each reward and acquisition type; the end must come after the start.
 */
export function checkCoupon(coupon: Obj): void {
	checkText(coupon.title, 'title', 1, 60, false);
	checkText(coupon.description, 'description', 0, 1000);
	checkText(coupon.usageCondition, 'usageCondition', 0, 100);
	checkText(coupon.couponCode, 'couponCode', 1, Infinity);
	checkImageUrl(coupon.imageUrl, 'imageUrl');
	checkImageUrl(coupon.barcodeImageUrl, 'barcodeImageUrl');
	checkEnum(coupon.timezone, 'timezone', COUPON_TIME_ZONES);
	checkEnum(coupon.visibility, 'visibility', VISIBILITIES);
	checkRange(coupon.startTimestamp, 'startTimestamp', 0, Infinity, 'the start in epoch seconds');
	checkRange(coupon.endTimestamp, 'endTimestamp', 0, Infinity, 'the end in epoch seconds');
	const start = coupon.startTimestamp as number;
	const end = coupon.endTimestamp as number;
	if (end <= start) {
		fail(
			'endTimestamp',
			`${isoOf(end)} is not after the start ${isoOf(start)}`,
			'The coupon can be used from its start until its end: set an end after the start.',
		);
	}
	const maxUse = coupon.maxUseCountPerTicket;
	if (maxUse !== 1 && maxUse !== -1) {
		fail(
			'maxUseCountPerTicket',
			`${maxUse === undefined ? 'is required' : `is ${describeValue(maxUse)}`}; expected 1 (each ticket can be used once) or -1 (no limit)`,
		);
	}
	checkAcquisitionCondition(coupon.acquisitionCondition);
	checkReward(coupon.reward);
}

// ---------------------------------------------------------------------------------------------
// Reading the parameters

/** The Reward parameter's values: a reward type, with its kind of price where it has one. */
const REWARDS: Record<string, { type: string; priceInfo?: string }> = {
	cashBackFixed: { type: 'cashBack', priceInfo: 'fixed' },
	cashBackPercentage: { type: 'cashBack', priceInfo: 'percentage' },
	discountExplicit: { type: 'discount', priceInfo: 'explicit' },
	discountFixed: { type: 'discount', priceInfo: 'fixed' },
	discountPercentage: { type: 'discount', priceInfo: 'percentage' },
	free: { type: 'free' },
	gift: { type: 'gift' },
	others: { type: 'others' },
};

/** A number parameter; an expression may give its number as text. */
function asNumber(value: unknown): unknown {
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
		return Number(value);
	}
	return value;
}

/** Optional text: absent when empty. */
function optionalText(value: unknown, trim = false): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = typeof value === 'string' ? value : String(value);
	const result = trim ? text.trim() : text;
	return result === '' ? undefined : result;
}

function readReward(params: ItemParameters, itemIndex: number): IDataObject {
	const choice = params.get<string>('reward', itemIndex, 'discountFixed');
	const reward = REWARDS[choice];
	if (!reward) {
		throw new InputError(
			'reward',
			`unknown reward ${describeValue(choice)}`,
			`Choose one of ${Object.keys(REWARDS).join(', ')}.`,
		);
	}
	if (!reward.priceInfo) return { type: reward.type };
	const priceInfo: IDataObject = { type: reward.priceInfo };
	if (reward.priceInfo === 'fixed') {
		priceInfo.fixedAmount = asNumber(params.get('fixedAmount', itemIndex)) as number;
	} else if (reward.priceInfo === 'percentage') {
		priceInfo.percentage = asNumber(params.get('percentage', itemIndex)) as number;
	} else {
		priceInfo.originalPrice = asNumber(params.get('originalPrice', itemIndex)) as number;
		priceInfo.priceAfterDiscount = asNumber(params.get('priceAfterDiscount', itemIndex)) as number;
	}
	return { type: reward.type, priceInfo };
}

function readAcquisitionCondition(params: ItemParameters, itemIndex: number): IDataObject {
	const type = params.get<string>('acquisitionCondition', itemIndex, 'normal');
	if (type !== 'lottery') return { type };
	return {
		type,
		lotteryProbability: asNumber(params.get('lotteryProbability', itemIndex)) as number,
		maxAcquireCount: asNumber(params.get('maxAcquireCount', itemIndex, -1)) as number,
	};
}

/** The CouponCreateRequest composed from the fields of one item. */
function couponFromFields(params: ItemParameters, itemIndex: number): IDataObject {
	const timezone = params.get<string>('timezone', itemIndex, 'ASIA_TOKYO');
	checkEnum(timezone, 'timezone', COUPON_TIME_ZONES);
	const extra = params.get<IDataObject>('additionalFields', itemIndex, {}) ?? {};
	const coupon: IDataObject = {
		title: optionalText(params.get('title', itemIndex)) ?? '',
		description: optionalText(params.get('description', itemIndex, '')),
		imageUrl: optionalText(params.get('imageUrl', itemIndex, ''), true),
		barcodeImageUrl: optionalText(extra.barcodeImageUrl, true),
		couponCode: optionalText(extra.couponCode, true),
		usageCondition: optionalText(extra.usageCondition),
		startTimestamp: couponTime(params.get('startTimestamp', itemIndex), 'startTimestamp', timezone),
		endTimestamp: couponTime(params.get('endTimestamp', itemIndex), 'endTimestamp', timezone, true),
		timezone,
		visibility: params.get<string>('visibility', itemIndex, 'UNLISTED'),
		maxUseCountPerTicket: asNumber(params.get('maxUseCountPerTicket', itemIndex, 1)) as number,
		acquisitionCondition: readAcquisitionCondition(params, itemIndex),
		reward: readReward(params, itemIndex),
	};
	for (const key of Object.keys(coupon)) if (coupon[key] === undefined) delete coupon[key];
	return coupon;
}

function parseCouponJson(value: unknown): IDataObject {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = value.trim() === '' ? undefined : JSON.parse(value);
		} catch (error) {
			fail('couponJson', `not valid JSON (${(error as Error).message})`);
		}
	}
	if (!isObject(parsed)) {
		fail(
			'couponJson',
			`must be a coupon object (LINE's CouponCreateRequest), got ${describeValue(parsed)}`,
			'E.g. { "title": "10% off", "startTimestamp": 1767193200, "endTimestamp": 1769871599, "timezone": "ASIA_TOKYO", "visibility": "UNLISTED", "maxUseCountPerTicket": 1, "acquisitionCondition": { "type": "normal" }, "reward": { "type": "discount", "priceInfo": { "type": "percentage", "percentage": 10 } } }',
		);
	}
	// A copy: the parameter's value may be shared between items.
	const coupon = { ...parsed };
	// Dates may be given as n8n writes them; LINE wants epoch seconds.
	const timezone = typeof coupon.timezone === 'string' ? coupon.timezone : 'ASIA_TOKYO';
	for (const [key, end] of [
		['startTimestamp', false],
		['endTimestamp', true],
	] as const) {
		if (typeof coupon[key] === 'string') coupon[key] = couponTime(coupon[key], key, timezone, end);
	}
	return coupon;
}

/** The coupon to create for one item, from the fields or from JSON, checked. */
export function readCoupon(params: ItemParameters, itemIndex: number): IDataObject {
	const input = params.get<string>('couponInput', itemIndex, 'fields');
	const coupon =
		input === 'json'
			? parseCouponJson(params.get<unknown>('couponJson', itemIndex, '{}'))
			: couponFromFields(params, itemIndex);
	checkCoupon(coupon);
	return coupon;
}
