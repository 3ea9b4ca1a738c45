import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../items';
import type { LineOperation } from '../types';
import { readUserId, userIdField } from '../user/common';
import { chatIdField, readChatId } from './common';

const showFor = { show: { resource: ['group'], operation: ['getMemberProfile'] } };

const properties = [
	chatIdField('group'),
	userIdField(
		'User ID of a member: U followed by 32 hex characters, e.g. source.userId of a LINE Trigger event, or the userId of an item from Get Member IDs. The member need not be a friend of the account.',
	),
];

export const getMemberProfile: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => ({
				groupId: readChatId(params, 'group', itemIndex),
				userId: readUserId(params, itemIndex),
			}),
			send: async ({ groupId, userId }, itemIndex) => {
				const response = await client.request(
					{ method: 'GET', path: `/v2/bot/group/${groupId}/member/${userId}` },
					itemIndex,
				);
				return { groupId, ...response.body };
			},
		});
	},
};
