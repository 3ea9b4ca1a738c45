import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { readUserId, userIdField } from '../user/common';
import { chatIdField, readChatId, type ChatKind } from './common';

/** Groups and rooms answer alike; `kind` picks the path and the ID field. */
export function memberProfileOperation(kind: ChatKind): LineOperation {
	const idField = chatIdField(kind);
	return {
		description: updateDisplayOptions(
			{ show: { resource: [kind], operation: ['getMemberProfile'] } },
			[
				idField,
				userIdField(
					'User ID of a member: U followed by 32 hex characters, e.g. source.userId of a LINE Trigger event, or the userId of an item from Get Member IDs. The member need not be a friend of the account.',
				),
			],
		),

		async execute(context) {
			const { client, params } = context;
			return await runPerItem(context, {
				prepare: (itemIndex) => ({
					chatId: readChatId(params, kind, itemIndex),
					userId: readUserId(params, itemIndex),
				}),
				send: async ({ chatId, userId }, itemIndex) => {
					const response = await client.request(
						{ method: 'GET', path: `/v2/bot/${kind}/${chatId}/member/${userId}` },
						itemIndex,
					);
					return { [idField.name]: chatId, ...response.body };
				},
			});
		},
	};
}

export const getMemberProfile = memberProfileOperation('group');
