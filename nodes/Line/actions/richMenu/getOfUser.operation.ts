import type { INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { readUserId, userIdField } from '../user/common';

const showFor = { show: { resource: ['richMenu'], operation: ['getOfUser'] } };

const properties: INodeProperties[] = [
	userIdField(
		'User ID: U followed by 32 hex characters, e.g. source.userId of a LINE Trigger event',
	),
	{
		displayName: 'Fail If None Linked',
		name: 'failIfNoneLinked',
		type: 'boolean',
		default: false,
		description:
			'Whether to fail when LINE answers 404 (no rich menu is linked to the user, or the user is unknown) instead of outputting richMenuId null. The default rich menu is never reported here: it is not linked to a user.',
	},
];

export const getOfUser: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => ({
				userId: readUserId(params, itemIndex),
				failIfNoneLinked: params.get<boolean>('failIfNoneLinked', itemIndex, false) === true,
			}),
			send: async ({ userId, failIfNoneLinked }, itemIndex) => {
				// LINE answers 404 for a user without a linked rich menu; the transport's NodeApiError
				// goes on as it is otherwise.
				const response = await client
					.request<{
						richMenuId?: string;
					}>({ method: 'GET', path: `/v2/bot/user/${userId}/richmenu` }, itemIndex)
					.catch((error: unknown) => {
						if (!failIfNoneLinked && error instanceof NodeApiError && error.httpCode === '404') {
							return undefined;
						}
						throw error;
					});
				return { userId, richMenuId: response?.body.richMenuId ?? null };
			},
		});
	},
};
