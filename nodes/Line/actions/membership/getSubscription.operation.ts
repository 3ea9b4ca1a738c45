import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { readUserId, userIdField } from '../user/common';

const showFor = { show: { resource: ['membership'], operation: ['getSubscription'] } };

const properties = [
	userIdField(
		'User ID: U followed by 32 hex characters, e.g. source.userId of a LINE Trigger event. LINE answers 404 when it has no membership information for the user.',
	),
];

export const getSubscription: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readUserId(params, itemIndex),
			send: async (userId, itemIndex) => {
				const { body } = await client.request<{ subscriptions?: IDataObject[] }>(
					{ method: 'GET', path: `/v2/bot/membership/subscription/${userId}` },
					itemIndex,
				);
				const subscriptions = body.subscriptions ?? [];
				return { userId, subscribed: subscriptions.length > 0, subscriptions };
			},
		});
	},
};
