import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import { collectPages, readMaxResults, returnAllFields } from '../../../shared/pagination';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['user'], operation: ['getFollowerIds'] } };

/** LINE's largest page of follower IDs. */
const MAX_PAGE = 1000;

export const getFollowerIds: LineOperation = {
	description: updateDisplayOptions(showFor, returnAllFields()),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readMaxResults(params, itemIndex),
			send: async (max, itemIndex) => {
				const userIds = await collectPages(async (start, wanted) => {
					const qs: IDataObject = { limit: Math.min(MAX_PAGE, wanted) };
					if (start !== undefined) qs.start = start;
					const { body } = await client.request<{ userIds?: string[]; next?: string }>(
						{ method: 'GET', path: '/v2/bot/followers/ids', qs },
						itemIndex,
					);
					return { results: body.userIds ?? [], next: body.next };
				}, max);
				return userIds.map((userId) => ({ userId }));
			},
		});
	},
};
