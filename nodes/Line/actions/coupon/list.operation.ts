import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import { readMaxResults, returnAllFields } from '../../../shared/pagination';
import { collectStartNextPages } from '../../helpers/pages';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['coupon'], operation: ['list'] } };

/** LINE's largest page of coupons. */
const MAX_PAGE = 100;
const STATUSES = ['DRAFT', 'RUNNING', 'CLOSED'];

const properties: INodeProperties[] = [
	...returnAllFields(),
	{
		displayName: 'Status',
		name: 'status',
		type: 'multiOptions',
		options: [
			{ name: 'Closed', value: 'CLOSED', description: 'Ended, or closed early' },
			{ name: 'Draft', value: 'DRAFT', description: 'Not published yet' },
			{ name: 'Running', value: 'RUNNING', description: 'Published, can be acquired or used' },
		],
		default: [],
		description: 'Only coupons in these states; none selected lists coupons in every state',
	},
];

function readStatus(value: unknown): string[] {
	const list = Array.isArray(value) ? value : value ? String(value).split(',') : [];
	const statuses = list.map((status) => String(status).trim().toUpperCase()).filter(Boolean);
	for (const status of statuses) {
		if (!STATUSES.includes(status)) {
			throw new InputError(
				'status',
				`"${status}" is not a coupon status; expected ${STATUSES.join(', ')}`,
			);
		}
	}
	return [...new Set(statuses)];
}

export const list: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => ({
				max: readMaxResults(params, itemIndex),
				status: readStatus(params.get('status', itemIndex, [])),
			}),
			send: async ({ max, status }, itemIndex) =>
				await collectStartNextPages(
					client,
					itemIndex,
					{
						path: '/v2/bot/coupon',
						results: (body) => body.items as IDataObject[] | undefined,
						maxPage: MAX_PAGE,
						qs: status.length > 0 ? { status: status.join(',') } : undefined,
					},
					max,
				),
		});
	},
};
