import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { chatIdField, readChatId, type ChatKind } from './common';

/** Groups and rooms answer alike; `kind` picks the path and the ID field. */
export function memberCountOperation(kind: ChatKind): LineOperation {
	const idField = chatIdField(kind);
	return {
		description: updateDisplayOptions(
			{ show: { resource: [kind], operation: ['getMemberCount'] } },
			[idField],
		),

		async execute(context) {
			const { client, params } = context;
			return await runPerItem(context, {
				prepare: (itemIndex) => readChatId(params, kind, itemIndex),
				send: async (chatId, itemIndex) => {
					const response = await client.request<{ count?: number }>(
						{ method: 'GET', path: `/v2/bot/${kind}/${chatId}/members/count` },
						itemIndex,
					);
					return { [idField.name]: chatId, ...response.body };
				},
			});
		},
	};
}

export const getMemberCount = memberCountOperation('group');
