import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { describeValue, fail } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import { dayField } from '../../helpers/dates';
import type { LineOperation } from '../types';
import { readRichMenuId } from '../richMenu/common';
import { insightRichMenuIdField, readPeriod, type PeriodRule } from './common';

const showFor = { show: { resource: ['insight'], operation: ['getRichMenuInsightDaily'] } };

/** From within the last 3 years, to at most 99 days after it (LINE's OpenAPI). */
const PERIOD: PeriodRule = { maxDaysAfterFrom: 99, withinYears: 3 };

const properties: INodeProperties[] = [
	insightRichMenuIdField,
	dayField(
		'from',
		'From',
		7,
		"First day of the period, in UTC+9 (LINE's time zone), within the last 3 years: yyyyMMdd, yyyy-MM-dd or an n8n date",
	),
	dayField(
		'to',
		'To',
		1,
		'Last day of the period (inclusive), at most 99 days after From: yyyyMMdd, yyyy-MM-dd or an n8n date',
	),
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'perDay',
		options: [
			{
				name: 'One Item for the Period',
				value: 'period',
				description:
					"LINE's answer: impression.metrics and, per tappable area, clicks[].metrics, each a list of days",
			},
			{
				name: 'One Item per Day',
				value: 'perDay',
				description:
					"One item per day with its date, impression { count, uniqueUsers } and clicks: one entry per tappable area (in the order of the menu's areas) with its bounds, count and uniqueUsers (null when LINE gives no figure for that area on that day)",
			},
		],
		description:
			'How to output the figures. Either way belowThreshold is true (and there are no figures) when LINE withholds them because too few users clicked in the period (privacy).',
	},
];

interface DailyMetric {
	date?: string;
	count?: number;
	uniqueUsers?: number;
}

interface DailyAnswer {
	richMenuId?: string;
	metricsFrom?: string | null;
	metricsTo?: string | null;
	impression?: { metrics?: DailyMetric[] };
	clicks?: Array<{ bounds?: IDataObject; metrics?: DailyMetric[] }>;
}

function byDate(metrics: DailyMetric[] | undefined): Map<string, DailyMetric> {
	return new Map((metrics ?? []).map((metric) => [String(metric.date), metric]));
}

const figures = (metric: DailyMetric | undefined) => ({
	count: metric?.count ?? null,
	uniqueUsers: metric?.uniqueUsers ?? null,
});

/** LINE's lists of days (one for the menu, one per area) turned into one row per day, oldest first. */
export function dailyRows(answer: DailyAnswer): IDataObject[] {
	const impressions = byDate(answer.impression?.metrics);
	const areas = (answer.clicks ?? []).map((click) => ({
		bounds: click.bounds ?? null,
		days: byDate(click.metrics),
	}));
	const dates = new Set([...impressions.keys(), ...areas.flatMap((area) => [...area.days.keys()])]);
	return [...dates].sort().map((date) => ({
		date,
		impression: figures(impressions.get(date)),
		clicks: areas.map((area) => ({ bounds: area.bounds, ...figures(area.days.get(date)) })),
	}));
}

export const getRichMenuInsightDaily: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => {
				const output = params.get<string>('output', itemIndex, 'perDay');
				if (output !== 'perDay' && output !== 'period') {
					fail('output', `is ${describeValue(output)}; expected "perDay" or "period"`);
				}
				return {
					richMenuId: readRichMenuId(params, itemIndex),
					...readPeriod(params, itemIndex, PERIOD),
					output,
				};
			},
			send: async ({ richMenuId, from, to, output }, itemIndex) => {
				const { body } = await client.request<DailyAnswer & IDataObject>(
					{
						method: 'GET',
						path: `/v2/bot/insight/richmenu/${richMenuId}/daily`,
						qs: { from, to },
					},
					itemIndex,
				);
				// Below LINE's privacy threshold the answer holds only the rich menu ID.
				const belowThreshold = body.impression === undefined && body.clicks === undefined;
				const head = { richMenuId, from, to, belowThreshold };
				const rows = output === 'perDay' ? dailyRows(body) : [];
				if (rows.length === 0) return { ...head, ...body };
				return rows.map((row) => ({ richMenuId, belowThreshold, ...row }));
			},
		});
	},
};
