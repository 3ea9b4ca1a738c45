import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import { dayField } from '../../helpers/dates';
import type { LineOperation } from '../types';
import { readAggregationUnit, readPeriod, type PeriodRule } from './common';

const showFor = { show: { resource: ['insight'], operation: ['getStatisticsPerUnit'] } };

/** "The end date can be specified for up to 30 days later" (LINE's OpenAPI). */
const PERIOD: PeriodRule = { maxDaysAfterFrom: 30 };

const properties: INodeProperties[] = [
	{
		displayName: 'Custom Aggregation Unit',
		name: 'customAggregationUnit',
		type: 'string',
		required: true,
		default: '={{ $json.customAggregationUnit }}',
		placeholder: 'spring_campaign',
		description:
			'Name of the aggregation unit given as Custom Aggregation Unit when sending push or multicast messages: 1–30 letters, digits or underscores, case-sensitive. Quota → Get Aggregation Unit Names outputs one item per name used this month.',
	},
	dayField(
		'from',
		'From',
		7,
		"First day of the period, in UTC+9 (LINE's time zone): yyyyMMdd, yyyy-MM-dd or an n8n date",
	),
	dayField(
		'to',
		'To',
		1,
		'Last day of the period (inclusive), at most 30 days after From: yyyyMMdd, yyyy-MM-dd or an n8n date',
	),
];

export const getStatisticsPerUnit: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => ({
				customAggregationUnit: readAggregationUnit(params, itemIndex),
				...readPeriod(params, itemIndex, PERIOD),
			}),
			send: async (query, itemIndex) => {
				const response = await client.request(
					{ method: 'GET', path: '/v2/bot/insight/message/event/aggregation', qs: { ...query } },
					itemIndex,
				);
				return { ...query, ...response.body };
			},
		});
	},
};
