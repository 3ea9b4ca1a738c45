import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { close } from './close.operation';
import { create } from './create.operation';
import { get } from './get.operation';
import { list } from './list.operation';

export const coupon: Record<string, OperationEntry> = {
	create: {
		operation: create,
		api: ['createCoupon'],
		option: {
			name: 'Create',
			action: 'Create a coupon',
			description: 'Create a coupon to send to users in a coupon message',
		},
	},
	list: {
		operation: list,
		api: ['listCoupon'],
		option: {
			name: 'Get Many',
			action: 'Get many coupons',
			description: "The account's coupons, one item each, optionally only those in some states",
		},
	},
	get: {
		operation: get,
		api: ['getCouponDetail'],
		option: {
			name: 'Get',
			action: 'Get a coupon',
			description: 'Every detail of a coupon: reward, validity, conditions and status',
		},
	},
	close: {
		operation: close,
		api: ['closeCoupon'],
		option: {
			name: 'Close',
			action: 'Close a coupon',
			description: 'End a coupon early, so users can no longer acquire or use it',
		},
	},
};

export const couponDescription = resourceDescription('coupon', coupon, 'list');
