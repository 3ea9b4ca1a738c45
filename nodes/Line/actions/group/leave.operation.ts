import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { chatIdField, readChatId, type ChatKind } from './common';

/** Groups and rooms answer alike; `kind` picks the path and the ID field. */
export function leaveOperation(kind: ChatKind): LineOperation {
	const idField = chatIdField(kind);
	return {
		description: updateDisplayOptions({ show: { resource: [kind], operation: ['leave'] } }, [
			idField,
		]),

		async execute(context) {
			const { client, params } = context;
			return await runPerItem(context, {
				prepare: (itemIndex) => readChatId(params, kind, itemIndex),
				send: async (chatId, itemIndex) => {
					const response = await client.request(
						{ method: 'POST', path: `/v2/bot/${kind}/${chatId}/leave` },
						itemIndex,
					);
					return { [idField.name]: chatId, left: true, requestId: response.requestId ?? null };
				},
			});
		},
	};
}

export const leave = leaveOperation('group');
