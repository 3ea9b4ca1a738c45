import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { readUserId, userIdField } from './common';

const showFor = { show: { resource: ['user'], operation: ['issueLinkToken'] } };

const properties = [
	userIdField(
		'User ID of the LINE account to link: U followed by 32 hex characters, e.g. source.userId of a LINE Trigger event. The user must be a friend of the account.',
	),
];

export const issueLinkToken: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readUserId(params, itemIndex),
			send: async (userId, itemIndex) => {
				const { body } = await client.request<{ linkToken?: string }>(
					{ method: 'POST', path: `/v2/bot/user/${userId}/linkToken` },
					itemIndex,
				);
				return { userId, linkToken: body.linkToken ?? null };
			},
		});
	},
};
