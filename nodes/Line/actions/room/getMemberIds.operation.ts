import { updateDisplayOptions } from 'n8n-workflow';

import { collectPages, returnAllFields } from '../../../shared/pagination';
import { chatIdField, readChatId } from '../group/common';
import { runPerItem } from '../items';
import type { LineOperation } from '../types';
import { readMaxResults } from '../user/common';

const showFor = { show: { resource: ['room'], operation: ['getMemberIds'] } };

export const getMemberIds: LineOperation = {
	description: updateDisplayOptions(showFor, [chatIdField('room'), ...returnAllFields()]),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => ({
				roomId: readChatId(params, 'room', itemIndex),
				max: readMaxResults(params, itemIndex),
			}),
			send: async ({ roomId, max }, itemIndex) => {
				// LINE answers at most 100 IDs a page and takes no page size.
				const memberIds = await collectPages(async (start) => {
					const { body } = await client.request<{ memberIds?: string[]; next?: string }>(
						{
							method: 'GET',
							path: `/v2/bot/room/${roomId}/members/ids`,
							qs: start === undefined ? undefined : { start },
						},
						itemIndex,
					);
					return { results: body.memberIds ?? [], next: body.next };
				}, max);
				return memberIds.map((userId) => ({ roomId, userId }));
			},
		});
	},
};
