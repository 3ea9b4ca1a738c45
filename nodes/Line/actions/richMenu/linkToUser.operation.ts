import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { readUserId, userIdField } from '../user/common';
import { checkRichMenuId, richMenuIdField } from './common';

const showFor = { show: { resource: ['richMenu'], operation: ['linkToUser'] } };

const properties = [
	userIdField(
		'User ID: U followed by 32 hex characters, e.g. source.userId of a LINE Trigger event. The user must be a friend of the account.',
	),
	richMenuIdField(
		'ID of the rich menu to show this user instead of the default one (richmenu- followed by 32 hex characters), e.g. the richMenuId of Create. The rich menu needs an image.',
	),
];

export const linkToUser: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => ({
				userId: readUserId(params, itemIndex),
				richMenuId: checkRichMenuId(params.get('richMenuId', itemIndex), 'richMenuId'),
			}),
			send: async ({ userId, richMenuId }, itemIndex) => {
				const response = await client.request(
					{ method: 'POST', path: `/v2/bot/user/${userId}/richmenu/${richMenuId}` },
					itemIndex,
				);
				return { userId, richMenuId, linked: true, requestId: response.requestId ?? null };
			},
		});
	},
};
