import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { describeValue, InputError } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import { readMaxResults, returnAllFields } from '../../../shared/pagination';
import { collectStartNextPages } from '../../helpers/pages';
import { locatorField, locatorValue } from '../../methods/resourceLocator';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['membership'], operation: ['getJoinedUsers'] } };

/** LINE's largest page of member IDs. */
const MAX_PAGE = 1000;

const properties: INodeProperties[] = [
	locatorField({
		displayName: 'Membership Plan',
		name: 'membershipId',
		description:
			'The membership plan, from the list or by ID (a number), e.g. the membershipId of an item from Get Membership Plans',
		searchListMethod: 'searchMemberships',
		idDefault: '={{ $json.membershipId }}',
		listPlaceholder: 'Select a membership plan...',
		idPlaceholder: '3189',
		idRegex: '[0-9]+',
		idError: 'Not a membership plan ID: a whole number such as 3189',
	}),
	...returnAllFields(),
];

function readMembershipId(given: unknown): number {
	const value = locatorValue(given);
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
		throw new InputError(
			'membershipId',
			text === ''
				? 'is empty'
				: `${describeValue(value)} is not a membership plan ID (a whole number)`,
			'Pick a plan from the list, or map the membershipId of an item from Membership → Get Membership Plans, e.g. {{ $json.membershipId }}.',
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
				const userIds = await collectStartNextPages(
					client,
					itemIndex,
					{
						path: `/v2/bot/membership/${membershipId}/users/ids`,
						results: (body) => body.userIds as string[] | undefined,
						maxPage: MAX_PAGE,
					},
					max,
				);
				return userIds.map((userId) => ({ membershipId, userId }));
			},
		});
	},
};
