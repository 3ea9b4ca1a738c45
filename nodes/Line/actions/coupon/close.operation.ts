import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { couponIdField, readCouponId } from './common';

const showFor = { show: { resource: ['coupon'], operation: ['close'] } };

const properties = [
	couponIdField(
		'ID of the coupon to close, e.g. the couponId of an item from Create or Get Many. Closing cannot be undone: users can no longer acquire or use the coupon. LINE answers 410 for a coupon that is already closed.',
	),
];

export const close: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readCouponId(params, itemIndex),
			send: async (couponId, itemIndex) => {
				const response = await client.request(
					{ method: 'PUT', path: `/v2/bot/coupon/${couponId}/close` },
					itemIndex,
				);
				return { couponId, closed: true, requestId: response.requestId ?? null };
			},
		});
	},
};
