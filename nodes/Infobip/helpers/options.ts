import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import { trimmedText } from '../../shared/values';
import { toSendAt } from './sendAt';

/**
 * Turns the node's Options and Schedule collections into the `messages[].options`,
 * `messages[].webhooks` and `options.schedule` of Infobip's LineRequest, checking the limits of
 * Infobip's OpenAPI. Errors name the field as a path into the request.
 */

export const VALIDITY_TIME_UNITS = ['SECONDS', 'MINUTES', 'HOURS'] as const;
export const SPEED_TIME_UNITS = ['MINUTE', 'HOUR', 'DAY'] as const;
export const DAYS = [
	'MONDAY',
	'TUESDAY',
	'WEDNESDAY',
	'THURSDAY',
	'FRIDAY',
	'SATURDAY',
	'SUNDAY',
] as const;

type Group = { value?: IDataObject };

function limited(value: unknown, field: string, max: number): string | undefined {
	const result = trimmedText(value);
	if (result === '') return undefined;
	if ([...result].length > max) {
		throw new InputError(
			field,
			`is ${[...result].length} characters long; Infobip accepts at most ${max}`,
		);
	}
	return result;
}

function positiveInteger(value: unknown, field: string): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
		throw new InputError(
			field,
			`must be a whole number of at least 1, got ${JSON.stringify(value)}`,
		);
	}
	return number;
}

function oneOf<T extends string>(
	value: unknown,
	allowed: readonly T[],
	field: string,
	fallback: T,
): T {
	const given = trimmedText(value).toUpperCase();
	if (given === '') return fallback;
	if (!(allowed as readonly string[]).includes(given)) {
		throw new InputError(
			field,
			`must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`,
		);
	}
	return given as T;
}

function group(value: unknown): IDataObject | undefined {
	const inner = (value as Group | undefined)?.value;
	return inner && typeof inner === 'object' ? inner : undefined;
}

function validityPeriod(raw: IDataObject, field: string): IDataObject {
	return {
		amount: positiveInteger(raw.amount, `${field}.amount`),
		timeUnit: oneOf(raw.timeUnit, VALIDITY_TIME_UNITS, `${field}.timeUnit`, 'MINUTES'),
	};
}

function time(value: unknown, field: string): IDataObject | undefined {
	const given = trimmedText(value);
	if (given === '') return undefined;
	const match = /^(\d{1,2}):(\d{2})$/.exec(given);
	const hour = Number(match?.[1]);
	const minute = Number(match?.[2]);
	if (!match || hour > 23 || minute > 59) {
		throw new InputError(
			field,
			`${JSON.stringify(given)} is not a time`,
			'Use HH:mm in UTC, e.g. 06:00 or 15:30.',
		);
	}
	return { hour, minute };
}

function deliveryTimeWindow(raw: IDataObject, field: string): IDataObject {
	const given = Array.isArray(raw.days) ? raw.days : trimmedText(raw.days).split(/[\s,;]+/);
	const days = given.map((day) => trimmedText(day).toUpperCase()).filter((day) => day !== '');
	if (days.length === 0) {
		throw new InputError(`${field}.days`, 'pick at least one day');
	}
	for (const day of days) {
		if (!(DAYS as readonly string[]).includes(day)) {
			throw new InputError(`${field}.days`, `${JSON.stringify(day)} is not a day of the week`);
		}
	}
	const window: IDataObject = { days: [...new Set(days)] };
	const from = time(raw.from, `${field}.from`);
	const to = time(raw.to, `${field}.to`);
	if ((from === undefined) !== (to === undefined)) {
		throw new InputError(
			from ? `${field}.to` : `${field}.from`,
			'is required when the other end of the window is given',
			'Give both From and To, or neither.',
		);
	}
	if (from && to) {
		const minutes = (t: IDataObject) => Number(t.hour) * 60 + Number(t.minute);
		const length = (minutes(to) - minutes(from) + 24 * 60) % (24 * 60);
		if (length < 60) {
			throw new InputError(
				`${field}.to`,
				'must be at least 1 hour after From',
				'Infobip needs a window of at least one hour.',
			);
		}
		window.from = from;
		window.to = to;
	}
	return window;
}

function smsFailover(raw: IDataObject, field: string): IDataObject {
	const failover: IDataObject = {};
	const sender = trimmedText(raw.sender);
	if (sender !== '') failover.sender = sender;
	failover.text = trimmedText(raw.text);
	if (failover.text === '')
		throw new InputError(`${field}.text`, 'is required for an SMS failover');
	const amount = raw.validityAmount;
	if (amount !== undefined && amount !== null && amount !== '' && amount !== 0) {
		failover.validityPeriod = validityPeriod(
			{ amount, timeUnit: raw.validityTimeUnit },
			`${field}.validityPeriod`,
		);
	}
	return failover;
}

function httpUrl(value: unknown, field: string): string | undefined {
	const url = trimmedText(value);
	if (url === '') return undefined;
	if (!/^https?:\/\/[^/\s]+\S*$/i.test(url)) {
		throw new InputError(field, `${JSON.stringify(url)} is not an http(s) URL`);
	}
	return url;
}

/** `messages[i].options` and `messages[i].webhooks` (each only when something is set). */
export function messageOptions(raw: IDataObject, where = 'messages[0]'): IDataObject {
	const options: IDataObject = {};
	const platform: IDataObject = {};
	const entityId = limited(raw.entityId, `${where}.options.platform.entityId`, 255);
	const applicationId = limited(raw.applicationId, `${where}.options.platform.applicationId`, 255);
	if (entityId) platform.entityId = entityId;
	if (applicationId) platform.applicationId = applicationId;
	if (Object.keys(platform).length > 0) options.platform = platform;
	const validity = group(raw.validityPeriod);
	if (validity)
		options.validityPeriod = validityPeriod(validity, `${where}.options.validityPeriod`);
	const window = group(raw.deliveryTimeWindow);
	if (window) {
		options.deliveryTimeWindow = deliveryTimeWindow(window, `${where}.options.deliveryTimeWindow`);
	}
	const campaign = limited(raw.campaignReferenceId, `${where}.options.campaignReferenceId`, 255);
	if (campaign) options.campaignReferenceId = campaign;
	const failover = group(raw.smsFailover);
	if (failover) options.smsFailover = smsFailover(failover, `${where}.options.smsFailover`);

	const webhooks: IDataObject = {};
	const delivery: IDataObject = {};
	const url = httpUrl(raw.deliveryUrl, `${where}.webhooks.delivery.url`);
	if (url) delivery.url = url;
	if (typeof raw.intermediateReport === 'boolean')
		delivery.intermediateReport = raw.intermediateReport;
	if (typeof raw.notify === 'boolean') delivery.notify = raw.notify;
	if (Object.keys(delivery).length > 0) webhooks.delivery = delivery;
	const contentType = trimmedText(raw.reportContentType);
	if (contentType !== '') webhooks.contentType = contentType;
	const callbackData = limited(raw.callbackData, `${where}.webhooks.callbackData`, 4000);
	if (callbackData) webhooks.callbackData = callbackData;

	const result: IDataObject = {};
	if (Object.keys(options).length > 0) result.options = options;
	if (Object.keys(webhooks).length > 0) result.webhooks = webhooks;
	return result;
}

/** The request-level `options` (`{ schedule }`), or undefined when nothing is set. */
export function requestOptions(
	raw: IDataObject,
	timeZone: string,
	now = Date.now(),
): IDataObject | undefined {
	const schedule: IDataObject = {};
	const bulkId = limited(raw.bulkId, 'options.schedule.bulkId', 100);
	if (bulkId) schedule.bulkId = bulkId;
	if (raw.sendAt !== undefined && raw.sendAt !== null && trimmedText(raw.sendAt) !== '') {
		schedule.sendAt = toSendAt(raw.sendAt, timeZone, 'options.schedule.sendAt', now);
	}
	const speed = group(raw.sendingSpeedLimit);
	if (speed) {
		schedule.sendingSpeedLimit = {
			amount: positiveInteger(speed.amount, 'options.schedule.sendingSpeedLimit.amount'),
			timeUnit: oneOf(
				speed.timeUnit,
				SPEED_TIME_UNITS,
				'options.schedule.sendingSpeedLimit.timeUnit',
				'MINUTE',
			),
		};
	}
	return Object.keys(schedule).length > 0 ? { schedule } : undefined;
}
