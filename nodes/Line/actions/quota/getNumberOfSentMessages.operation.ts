import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import { dayField, toLineDate } from '../../helpers/dates';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['quota'], operation: ['getNumberOfSentMessages'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Message Kind',
		name: 'messageKind',
		type: 'options',
		default: 'push',
		options: [
			{ name: 'Broadcast', value: 'broadcast' },
			{
				name: 'LINE Notification (by Phone Number)',
				value: 'pnp',
				description: 'Sent with Message → Send by Phone Number',
			},
			{ name: 'Multicast', value: 'multicast' },
			{ name: 'Push', value: 'push' },
			{ name: 'Reply', value: 'reply' },
		],
		description: 'Which kind of sent messages to count',
	},
	dayField(
		'date',
		'Date',
		1,
		'Day to count, in UTC+9 (LINE\'s time zone): yyyyMMdd, yyyy-MM-dd or an n8n date. Counts are ready from the next day; until then the status is "unready".',
	),
];

export const getNumberOfSentMessages: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, async (itemIndex) => {
			const kind = params.get<string>('messageKind', itemIndex);
			const date = toLineDate(params.get('date', itemIndex), 'date');
			const response = await client.request(
				{ method: 'GET', path: `/v2/bot/message/delivery/${kind}`, qs: { date } },
				itemIndex,
			);
			return { messageKind: kind, date, ...response.body };
		});
	},
};
