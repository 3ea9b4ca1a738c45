import { updateDisplayOptions } from 'n8n-workflow';

import { dayField } from '../../helpers/dates';
import type { LineOperation } from '../types';
import { getCountsOfDay, STATUS_NOTE } from './common';

const showFor = { show: { resource: ['insight'], operation: ['getNumberOfMessageDeliveries'] } };

const properties = [
	dayField(
		'date',
		'Date',
		1,
		`Day to count, in UTC+9 (LINE's time zone): yyyyMMdd, yyyy-MM-dd or an n8n date. ${STATUS_NOTE}`,
	),
];

export const getNumberOfMessageDeliveries: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		return await getCountsOfDay(context, '/v2/bot/insight/message/delivery');
	},
};
