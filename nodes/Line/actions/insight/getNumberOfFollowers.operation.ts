import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { dayField, readDay, STATUS_NOTE } from './common';

const showFor = { show: { resource: ['insight'], operation: ['getNumberOfFollowers'] } };

const properties = [
	dayField(
		'date',
		'Date',
		1,
		`Day to count up to (inclusive), in UTC+9 (LINE's time zone): yyyyMMdd, yyyy-MM-dd or an n8n date. ${STATUS_NOTE}`,
	),
];

export const getNumberOfFollowers: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readDay(params, 'date', itemIndex),
			send: async (date, itemIndex) => {
				const response = await client.request(
					{ method: 'GET', path: '/v2/bot/insight/followers', qs: { date } },
					itemIndex,
				);
				return { date, ...response.body };
			},
		});
	},
};
