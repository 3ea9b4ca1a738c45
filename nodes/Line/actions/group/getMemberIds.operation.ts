import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import { collectPages, readMaxResults, returnAllFields } from '../../../shared/pagination';
import type { LineOperation } from '../types';
import { chatIdField, readChatId, type ChatKind } from './common';

/** Groups and rooms answer alike; `kind` picks the path and the ID field. */
export function memberIdsOperation(kind: ChatKind): LineOperation {
	const idField = chatIdField(kind);
	return {
		description: updateDisplayOptions({ show: { resource: [kind], operation: ['getMemberIds'] } }, [
			idField,
			...returnAllFields(),
		]),

		async execute(context) {
			const { client, params } = context;
			return await runPerItem(context, {
				prepare: (itemIndex) => ({
					chatId: readChatId(params, kind, itemIndex),
					max: readMaxResults(params, itemIndex),
				}),
				send: async ({ chatId, max }, itemIndex) => {
					// LINE answers at most 100 IDs a page and takes no page size.
					const memberIds = await collectPages(async (start) => {
						const { body } = await client.request<{ memberIds?: string[]; next?: string }>(
							{
								method: 'GET',
								path: `/v2/bot/${kind}/${chatId}/members/ids`,
								qs: start === undefined ? undefined : { start },
							},
							itemIndex,
						);
						return { results: body.memberIds ?? [], next: body.next };
					}, max);
					return memberIds.map((userId) => ({ [idField.name]: chatId, userId }));
				},
			});
		},
	};
}

export const getMemberIds = memberIdsOperation('group');
