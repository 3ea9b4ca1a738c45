import type { INodeExecutionData } from 'n8n-workflow';

import { describeValue, fail } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import type { ItemParameters } from '../../../shared/parameters';
import { toLineDate } from '../../helpers/dates';
import type { OperationContext } from '../types';
import { richMenuIdField } from '../richMenu/common';

/**
 * Fields and checks shared by the insight operations: days, periods and aggregation unit names,
 * and the counts of one day.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The LINE date (yyyyMMdd, UTC+9) of one item's day field. */
export function readDay(params: ItemParameters, name: string, itemIndex: number): string {
	return toLineDate(params.get(name, itemIndex), name);
}

/** The counts of one day (followers, message deliveries): GET `path` for each item's date. */
export async function getCountsOfDay(
	context: OperationContext,
	path: string,
): Promise<INodeExecutionData[]> {
	const { client, params } = context;
	return await runPerItem(context, {
		prepare: (itemIndex) => readDay(params, 'date', itemIndex),
		send: async (date, itemIndex) => {
			const response = await client.request({ method: 'GET', path, qs: { date } }, itemIndex);
			return { date, ...response.body };
		},
	});
}

function dayNumber(lineDate: string): number {
	const year = Number(lineDate.slice(0, 4));
	const month = Number(lineDate.slice(4, 6));
	const day = Number(lineDate.slice(6, 8));
	return Date.UTC(year, month - 1, day) / DAY_MS;
}

function lineDateOf(days: number): string {
	return new Date(days * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

/** The earliest day LINE accepts as the start of a period that must lie in the last `years` years. */
export function earliestDay(years: number, now: Date = new Date()): string {
	const today = toLineDate(now, 'today');
	const year = Number(today.slice(0, 4)) - years;
	const month = Number(today.slice(4, 6));
	const day = Number(today.slice(6, 8));
	let earliest = new Date(Date.UTC(year, month - 1, day));
	// 29 February of a leap year is 28 February in a year that has none.
	if (earliest.getUTCMonth() !== month - 1) earliest = new Date(Date.UTC(year, month, 0));
	return lineDateOf(earliest.getTime() / DAY_MS);
}

export interface PeriodRule {
	/** How many days `to` may be after `from` (LINE's "up to N days after the start date"). */
	maxDaysAfterFrom: number;
	/** `from` must lie within this many years before today (UTC+9). */
	withinYears?: number;
}

export interface Period {
	from: string;
	to: string;
}

/** One item's `from` and `to`, checked against LINE's rules for the period of an operation. */
export function readPeriod(params: ItemParameters, itemIndex: number, rule: PeriodRule): Period {
	const from = readDay(params, 'from', itemIndex);
	const to = readDay(params, 'to', itemIndex);
	checkPeriod({ from, to }, rule);
	return { from, to };
}

/** Throws when `to` is before `from`, too long after it, or `from` lies too far back. */
export function checkPeriod({ from, to }: Period, rule: PeriodRule, now: Date = new Date()): void {
	const days = dayNumber(to) - dayNumber(from);
	if (days < 0) {
		fail('to', `${to} is before from (${from})`, 'Set To to the same day as From or a later one.');
	}
	if (days > rule.maxDaysAfterFrom) {
		const latest = lineDateOf(dayNumber(from) + rule.maxDaysAfterFrom);
		fail(
			'to',
			`${to} is ${days} days after from (${from}); LINE allows at most ${rule.maxDaysAfterFrom} days, so ${latest} at the latest`,
			'Shorten the period, or split it over several items.',
		);
	}
	if (rule.withinYears !== undefined) {
		const earliest = earliestDay(rule.withinYears, now);
		if (from < earliest) {
			fail(
				'from',
				`${from} is more than ${rule.withinYears} years ago; LINE keeps these statistics from ${earliest} (UTC+9) on`,
			);
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Rich menus (ID checked as the rich menu operations do: see ../richMenu/common.ts)

export const insightRichMenuIdField = richMenuIdField(
	'ID of a rich menu created with the Messaging API: richmenu- followed by 32 hex characters, e.g. the richMenuId of Rich Menu → Create or Get Many. Menus made in LINE Official Account Manager have no insight here.',
);

// ---------------------------------------------------------------------------------------------
// Aggregation units

const AGGREGATION_UNIT = /^[a-zA-Z0-9_]{1,30}$/;

/** One item's aggregation unit name, trimmed and checked (1–30 letters, digits or underscores). */
export function readAggregationUnit(params: ItemParameters, itemIndex: number): string {
	const raw = params.get<unknown>('customAggregationUnit', itemIndex);
	const unit = typeof raw === 'string' ? raw.trim() : '';
	if (!AGGREGATION_UNIT.test(unit)) {
		fail(
			'customAggregationUnit',
			`${describeValue(unit || raw)} is not an aggregation unit name (1 to 30 letters, digits or underscores)`,
			'Use a name given as Custom Aggregation Unit when sending, e.g. from Quota → Get Aggregation Unit Names. Names are case-sensitive.',
		);
	}
	return unit;
}

/** What LINE's `status` values of daily counts mean, for the parameter descriptions. */
export const STATUS_NOTE =
	'The output\'s status is LINE\'s: "ready" with the figures, "unready" while LINE is still counting the day (try again later; figures come the next day or later), "out_of_service" for a day before LINE started counting.';
