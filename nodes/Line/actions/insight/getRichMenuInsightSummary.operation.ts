import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import { dayField } from '../../helpers/dates';
import type { LineOperation } from '../types';
import { readRichMenuId } from '../richMenu/common';
import { insightRichMenuIdField, readPeriod, type PeriodRule } from './common';

const showFor = { show: { resource: ['insight'], operation: ['getRichMenuInsightSummary'] } };

/** From within the last 3 years, to at most 396 days after it (LINE's OpenAPI). */
const PERIOD: PeriodRule = { maxDaysAfterFrom: 396, withinYears: 3 };

const properties: INodeProperties[] = [
	insightRichMenuIdField,
	dayField(
		'from',
		'From',
		30,
		"First day of the period, in UTC+9 (LINE's time zone), within the last 3 years: yyyyMMdd, yyyy-MM-dd or an n8n date",
	),
	dayField(
		'to',
		'To',
		1,
		'Last day of the period (inclusive), at most 396 days after From: yyyyMMdd, yyyy-MM-dd or an n8n date',
	),
	{
		displayName:
			'One item with the impressions of the whole menu and the clicks of each tappable area over the period. When too few users clicked, LINE withholds the figures for privacy: the item then has belowThreshold: true and no figures.',
		name: 'summaryNotice',
		type: 'notice',
		default: '',
	},
];

export const getRichMenuInsightSummary: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => ({
				richMenuId: readRichMenuId(params, itemIndex),
				...readPeriod(params, itemIndex, PERIOD),
			}),
			send: async ({ richMenuId, from, to }, itemIndex) => {
				const { body } = await client.request(
					{
						method: 'GET',
						path: `/v2/bot/insight/richmenu/${richMenuId}/summary`,
						qs: { from, to },
					},
					itemIndex,
				);
				// Below LINE's privacy threshold the answer holds only the rich menu ID.
				return {
					richMenuId,
					from,
					to,
					belowThreshold: body.impression === undefined && body.clicks === undefined,
					...body,
				};
			},
		});
	},
};
