import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { readUserId, userIdField } from './common';

const showFor = { show: { resource: ['user'], operation: ['getProfile'] } };

const properties = [
	userIdField(
		'User ID: U followed by 32 hex characters, e.g. source.userId of a LINE Trigger event, or the userId of an item from Get Follower IDs. LINE answers 404 for a user who is not a friend of the account or has blocked it.',
	),
];

export const getProfile: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readUserId(params, itemIndex),
			send: async (userId, itemIndex) => {
				const response = await client.request(
					{ method: 'GET', path: `/v2/bot/profile/${userId}` },
					itemIndex,
				);
				return response.body;
			},
		});
	},
};
