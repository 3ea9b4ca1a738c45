import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { describeValue, InputError } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import { collectPages, readMaxResults, returnAllFields } from '../../../shared/pagination';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['membership'], operation: ['getJoinedUsers'] } };

/** LINE's largest page of member IDs. */
const MAX_PAGE = 1000;

const properties: INodeProperties[] = [
	{
		displayName: 'Membership ID',
		name: 'membershipId',
		type: 'string',
		required: true,
		default: '={{ $json.membershipId }}',
		placeholder: '3189',
		description:
			'ID of the membership plan (a number), e.g. the membershipId of an item from Get Membership Plans',
	},
	...returnAllFields(),
];

function readMembershipId(value: unknown): number {
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
		throw new InputError(
			'membershipId',
			text === ''
				? 'is empty'
				: `${describeValue(value)} is not a membership plan ID (a whole number)`,
			'Map the membershipId of an item from Membership → Get Membership Plans, e.g. {{ $json.membershipId }}.',
		);
	}
	return Number(text);
}

export const getJoinedUsers: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => ({
				membershipId: readMembershipId(params.get('membershipId', itemIndex)),
				max: readMaxResults(params, itemIndex),
			}),
			send: async ({ membershipId, max }, itemIndex) => {
				const userIds = await collectPages(async (start, wanted) => {
					const qs: IDataObject = { limit: Math.min(MAX_PAGE, wanted) };
					if (start !== undefined) qs.start = start;
					const { body } = await client.request<{ userIds?: string[]; next?: string }>(
						{ method: 'GET', path: `/v2/bot/membership/${membershipId}/users/ids`, qs },
						itemIndex,
					);
					return { results: body.userIds ?? [], next: body.next };
				}, max);
				return userIds.map((userId) => ({ membershipId, userId }));
			},
		});
	},
};
