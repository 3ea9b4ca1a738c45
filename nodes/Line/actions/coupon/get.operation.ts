import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { couponIdField, readCouponId } from './common';

const showFor = { show: { resource: ['coupon'], operation: ['get'] } };

const properties = [
	couponIdField(
		'ID of the coupon, e.g. the couponId of an item from Create or Get Many. LINE answers 404 for a coupon of another account.',
	),
];

export const get: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readCouponId(params, itemIndex),
			send: async (couponId, itemIndex) => {
				const response = await client.request(
					{ method: 'GET', path: `/v2/bot/coupon/${couponId}` },
					itemIndex,
				);
				return response.body;
			},
		});
	},
};
