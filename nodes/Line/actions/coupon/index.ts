import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';

export const coupon: Record<string, OperationEntry> = {};

export const couponDescription = resourceDescription('coupon', coupon, 'list');
