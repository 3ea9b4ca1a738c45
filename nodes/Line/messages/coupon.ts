import { checkString } from '../helpers/fieldChecks';
import type { MessageTypeDefinition } from './types';

/** A coupon made with the Coupon resource; sent as JSON only, for now. */
export const coupon: MessageTypeDefinition = {
	type: 'coupon',
	check: (message, field) => {
		checkString(message.couponId, `${field}.couponId`, { max: Infinity, what: 'a coupon ID' });
		checkString(message.deliveryTag, `${field}.deliveryTag`, { max: 30, optional: true });
	},
};
