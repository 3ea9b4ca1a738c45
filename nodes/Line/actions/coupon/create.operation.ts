import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { readCoupon, TIME_ZONE_OPTIONS } from './common';

const showFor = { show: { resource: ['coupon'], operation: ['create'] } };
const fields = { couponInput: ['fields'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Specify Coupon',
		name: 'couponInput',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Using Fields Below',
				value: 'fields',
				description: 'Compose the coupon field by field',
			},
			{
				name: 'Using JSON',
				value: 'json',
				description: "Give LINE's whole coupon object as JSON, for what the fields do not offer",
			},
		],
		default: 'fields',
		description: 'How to define the coupon',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: '10% off your next order',
		description: 'Title shown in the coupon list, 1 to 60 characters',
		displayOptions: { show: fields },
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Details shown to users, up to 1000 characters',
		displayOptions: { show: fields },
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/coupon.jpg',
		description: 'HTTPS URL of the main image of the coupon, shown in the coupon list',
		displayOptions: { show: fields },
	},
	{
		displayName: 'Start Time',
		name: 'startTimestamp',
		type: 'dateTime',
		required: true,
		default: '={{ $now }}',
		description:
			"When the coupon can be used from. A time without an offset (as the date picker gives it) is read in the coupon's Time Zone; an expression may give an n8n date, an ISO time with an offset or epoch seconds.",
		displayOptions: { show: fields },
	},
	{
		displayName: 'End Time',
		name: 'endTimestamp',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			"When the coupon expires: it cannot be used after this time, which must be after the start. Read like Start Time; a date alone means the end of that day (23:59:59) in the coupon's Time Zone.",
		displayOptions: { show: fields },
	},
	{
		displayName: 'Time Zone',
		name: 'timezone',
		type: 'options',
		options: TIME_ZONE_OPTIONS,
		default: 'ASIA_TOKYO',
		description: 'The time zone the coupon shows its validity period in',
		displayOptions: { show: fields },
	},
	{
		displayName: 'Reward',
		name: 'reward',
		type: 'options',
		options: [
			{
				name: 'Cash Back (Fixed Amount)',
				value: 'cashBackFixed',
				description: 'A fixed amount back, e.g. 100 yen',
			},
			{
				name: 'Cash Back (Percentage)',
				value: 'cashBackPercentage',
				description: 'A percentage back, 1 to 99',
			},
			{
				name: 'Discount (Fixed Amount)',
				value: 'discountFixed',
				description: 'A fixed amount off, e.g. 100 yen',
			},
			{
				name: 'Discount (Original and Discounted Price)',
				value: 'discountExplicit',
				description: 'Shows the price before and after the discount',
			},
			{
				name: 'Discount (Percentage)',
				value: 'discountPercentage',
				description: 'A percentage off, 1 to 99',
			},
			{ name: 'Free', value: 'free', description: 'Something for free' },
			{ name: 'Gift', value: 'gift', description: 'A present' },
			{
				name: 'Others',
				value: 'others',
				description: 'Any other benefit, told in the description',
			},
		],
		default: 'discountFixed',
		description:
			"What the coupon gives. Amounts are whole numbers in the account's currency (JPY, THB or TWD).",
		displayOptions: { show: fields },
	},
	{
		displayName: 'Fixed Amount',
		name: 'fixedAmount',
		type: 'number',
		typeOptions: { minValue: 1 },
		required: true,
		default: 100,
		description: "Amount off or back, a whole number in the account's currency",
		displayOptions: { show: { ...fields, reward: ['discountFixed', 'cashBackFixed'] } },
	},
	{
		displayName: 'Percentage',
		name: 'percentage',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 99 },
		required: true,
		default: 10,
		description: 'Percent off or back, 1 to 99',
		displayOptions: { show: { ...fields, reward: ['discountPercentage', 'cashBackPercentage'] } },
	},
	{
		displayName: 'Original Price',
		name: 'originalPrice',
		type: 'number',
		typeOptions: { minValue: 1 },
		required: true,
		default: 1000,
		description: 'Price before the discount, a whole number',
		displayOptions: { show: { ...fields, reward: ['discountExplicit'] } },
	},
	{
		displayName: 'Price After Discount',
		name: 'priceAfterDiscount',
		type: 'number',
		typeOptions: { minValue: 0 },
		required: true,
		default: 800,
		description: 'Price with the coupon, a whole number below the original price',
		displayOptions: { show: { ...fields, reward: ['discountExplicit'] } },
	},
	{
		displayName: 'Acquisition Condition',
		name: 'acquisitionCondition',
		type: 'options',
		options: [
			{
				name: 'Everyone',
				value: 'normal',
				description: 'Every user who gets the coupon can acquire it',
			},
			{
				name: 'Lottery',
				value: 'lottery',
				description: 'Only users who win a lottery can acquire it',
			},
		],
		default: 'normal',
		description: 'Who can acquire the coupon',
		displayOptions: { show: fields },
	},
	{
		displayName: 'Lottery Probability (%)',
		name: 'lotteryProbability',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 99 },
		required: true,
		default: 50,
		description: 'Chance to win the coupon, 1 to 99 percent',
		displayOptions: { show: { ...fields, acquisitionCondition: ['lottery'] } },
	},
	{
		displayName: 'Max Acquire Count',
		name: 'maxAcquireCount',
		type: 'number',
		typeOptions: { minValue: -1, maxValue: 999999 },
		default: -1,
		description:
			'How many coupons the lottery may give out in total, up to 999999; -1 for no limit',
		displayOptions: { show: { ...fields, acquisitionCondition: ['lottery'] } },
	},
	{
		displayName: 'Max Use Count per Ticket',
		name: 'maxUseCountPerTicket',
		type: 'options',
		options: [
			{ name: 'Once', value: 1, description: 'A ticket is used up when it is used' },
			{ name: 'Unlimited', value: -1, description: 'A ticket can be used any number of times' },
		],
		default: 1,
		description: 'How often a user can use one coupon ticket',
		displayOptions: { show: fields },
	},
	{
		displayName: 'Visibility',
		name: 'visibility',
		type: 'options',
		options: [
			{ name: 'Public', value: 'PUBLIC', description: 'Anyone can find and acquire the coupon' },
			{
				name: 'Unlisted',
				value: 'UNLISTED',
				description: 'Only users who are given the coupon (e.g. in a message) can find it',
			},
		],
		default: 'UNLISTED',
		description: 'Who can see the coupon',
		displayOptions: { show: fields },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: fields },
		options: [
			{
				displayName: 'Barcode Image URL',
				name: 'barcodeImageUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/barcode.png',
				description: 'HTTPS URL of a barcode image to show at the till',
			},
			{
				displayName: 'Coupon Code',
				name: 'couponCode',
				type: 'string',
				default: '',
				description: 'Code the user shows to redeem the coupon',
			},
			{
				displayName: 'Usage Condition',
				name: 'usageCondition',
				type: 'string',
				default: '',
				placeholder: 'Orders over 1000 yen',
				description: 'Conditions for using the coupon, shown to users, up to 100 characters',
			},
		],
	},
	{
		displayName: 'Coupon JSON',
		name: 'couponJson',
		type: 'json',
		required: true,
		default: '{}',
		placeholder:
			'{ "title": "10% off", "startTimestamp": 1767193200, "endTimestamp": 1769871599, "timezone": "ASIA_TOKYO", "visibility": "UNLISTED", "maxUseCountPerTicket": 1, "acquisitionCondition": { "type": "normal" }, "reward": { "type": "discount", "priceInfo": { "type": "percentage", "percentage": 10 } } }',
		description:
			"LINE's coupon object (CouponCreateRequest), checked like the fields before it is sent. startTimestamp and endTimestamp may be epoch seconds or dates as text (read in its timezone).",
		displayOptions: { show: { couponInput: ['json'] } },
	},
];

export const create: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readCoupon(params, itemIndex),
			send: async (coupon, itemIndex) => {
				const response = await client.request<{ couponId?: string }>(
					{ method: 'POST', path: '/v2/bot/coupon', body: coupon },
					itemIndex,
				);
				return { couponId: response.body.couponId ?? null, ...coupon };
			},
		});
	},
};
