import type { MockRequest } from '../../support/mockLine';
import { MOCK_MEMBERS } from '../../support/mockLine';
import { hello, HELLO, USER } from '../fixtures';
import type { ContractCase } from './types';

/**
 * Coupons, memberships, account linking, the partner APIs (mark as read by chat, LINE
 * notification messages by phone number). The answers programmed into the mock are LINE's,
 * taken from the OpenAPI's examples and schemas (test/node/coupon.test.ts checks them).
 */

export const COUPON_ID = '01JYNW8JMQVFBNWF1APF8Z3FS7';

/** A choice of a Coupon or Membership Plan dropdown, as n8n stores it. */
const picked = (value: string) => ({ __rl: true, mode: 'list', value });

/** MessagingApiPagerCouponListResponse pages. */
export const COUPON_PAGE = {
	items: [
		{ couponId: COUPON_ID, title: 'Friends-only coupon' },
		{ couponId: '01JYNW9ZQ2B8K7X3M4N5P6Q7R8', title: '10% off' },
		{ couponId: '01JYNWA1C2D3E4F5G6H7J8K9M0', title: 'Free drink' },
	],
};

/** A CouponResponse. */
export const COUPON_DETAIL = {
	couponId: COUPON_ID,
	title: 'Friends-only coupon',
	description: 'Show this screen to the staff.',
	imageUrl: 'https://example.com/coupon.jpg',
	startTimestamp: 1796050800,
	endTimestamp: 1798729199,
	maxUseCountPerTicket: 1,
	maxAcquireCount: 1000,
	maxTicketPerUser: 1,
	timezone: 'ASIA_TOKYO',
	visibility: 'UNLISTED',
	acquisitionCondition: { type: 'lottery', lotteryProbability: 30, maxAcquireCount: 1000 },
	reward: { type: 'discount', priceInfo: { type: 'fixed', currency: 'JPY', fixedAmount: 100 } },
	createdTimestamp: 1795000000,
	status: 'RUNNING',
};

/** The MembershipListResponse example of the spec. */
export const MEMBERSHIPS = [
	{
		membershipId: 3189,
		title: 'Basic Plan',
		description: 'You will receive messages and photos every Saturday.',
		benefits: ['Members Only Messages', 'Members Only Photos'],
		price: 500.0,
		currency: 'JPY',
		memberCount: 1,
		memberLimit: null,
		isInAppPurchase: true,
		isPublished: true,
	},
	{
		membershipId: 3213,
		title: 'Premium Plan',
		description: 'Invitation to a special party.',
		benefits: ['Members Only Party'],
		price: 1500.0,
		currency: 'JPY',
		memberCount: 0,
		memberLimit: null,
		isInAppPurchase: false,
		isPublished: true,
	},
];

/** The GetMembershipSubscriptionResponse example of the spec. */
export const SUBSCRIPTIONS = [
	{
		membership: {
			membershipId: 3189,
			title: 'Basic Plan',
			description: 'You will receive messages and photos every Saturday.',
			benefits: ['Members Only Messages', 'Members Only Photos'],
			price: 500.0,
			currency: 'JPY',
		},
		user: {
			membershipNo: 1,
			joinedTime: 1707214784,
			nextBillingDate: '2024-02-08',
			totalSubscriptionMonths: 1,
		},
	},
];

export const SPEC_LINK_EXAMPLE = 'NMZTNuVrPTqlr2IF8Bnymkb7rXfYv5EY';

/** LINE's own example: +818000001234 hashed with SHA-256. */
export const PHONE = '+818000001234';
export const PHONE_HASH = 'd41e0ad70dddfeb68f149ad6fc61574b9c5780ab7bcb2fba5517771ffbb2409c';

const lineRequestId = (request: MockRequest) => request.requestId;

/** The coupon the fields of the first create case compose. */
const composedCoupon = {
	title: '10% off in December',
	description: 'Show this screen at the till.',
	imageUrl: 'https://example.com/coupon.jpg',
	usageCondition: 'Orders over 1000 yen',
	// 2026-12-01T00:00:00 and the end of 2026-12-31, both in Asia/Tokyo.
	startTimestamp: 1796050800,
	endTimestamp: 1798729199,
	timezone: 'ASIA_TOKYO',
	visibility: 'PUBLIC',
	maxUseCountPerTicket: -1,
	acquisitionCondition: { type: 'lottery', lotteryProbability: 30, maxAcquireCount: 1000 },
	reward: { type: 'discount', priceInfo: { type: 'percentage', percentage: 10 } },
};

/** The request of LINE's own coupon example (send-coupons-to-users). */
const lineExampleCoupon = {
	title: 'Friends-only coupon',
	description: '- To use this coupon, please show this screen to the staff.',
	reward: { type: 'discount', priceInfo: { type: 'fixed', fixedAmount: 100 } },
	acquisitionCondition: { type: 'normal' },
	startTimestamp: 0,
	endTimestamp: 1924959599,
	imageUrl:
		'https://developers.line.biz/media/messaging-api/coupon/sample-coupon-image-100-yen-off.jpg',
	timezone: 'ASIA_TOKYO',
	visibility: 'UNLISTED',
	maxUseCountPerTicket: 1,
};

const couponCreated = (mock: Parameters<NonNullable<ContractCase['arrange']>>[0]) =>
	mock.once('POST', '/v2/bot/coupon', () => ({ status: 200, body: { couponId: COUPON_ID } }));

export const contracts: Record<string, ContractCase[]> = {
	'coupon/list': [
		{
			name: 'every coupon, 100 per page, one item each',
			parameters: { resource: 'coupon', operation: 'list', returnAll: true },
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/coupon', () => ({ status: 200, body: COUPON_PAGE })),
			request: { method: 'GET', path: '/v2/bot/coupon', query: { limit: '100' }, retryKey: false },
			output: () => COUPON_PAGE.items,
		},
		{
			name: 'the first 2 running or draft coupons',
			parameters: {
				resource: 'coupon',
				operation: 'list',
				limit: 2,
				status: ['RUNNING', 'DRAFT'],
			},
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/coupon', () => ({
					status: 200,
					body: { items: COUPON_PAGE.items.slice(0, 2), next: 'page-2' },
				})),
			request: {
				method: 'GET',
				path: '/v2/bot/coupon',
				query: { limit: '2', status: 'RUNNING,DRAFT' },
				retryKey: false,
			},
			output: () => COUPON_PAGE.items.slice(0, 2),
		},
	],
	'coupon/create': [
		{
			name: 'a lottery coupon composed from the fields, dates in its time zone',
			parameters: {
				resource: 'coupon',
				operation: 'create',
				title: '10% off in December',
				description: 'Show this screen at the till.',
				imageUrl: ' https://example.com/coupon.jpg ',
				startTimestamp: '2026-12-01T00:00:00',
				endTimestamp: '2026-12-31',
				timezone: 'ASIA_TOKYO',
				reward: 'discountPercentage',
				percentage: 10,
				acquisitionCondition: 'lottery',
				lotteryProbability: 30,
				maxAcquireCount: 1000,
				maxUseCountPerTicket: -1,
				visibility: 'PUBLIC',
				additionalFields: { usageCondition: 'Orders over 1000 yen' },
			},
			arrange: couponCreated,
			request: { method: 'POST', path: '/v2/bot/coupon', body: composedCoupon, retryKey: false },
			output: () => ({ couponId: COUPON_ID, ...composedCoupon }),
		},
		{
			name: "LINE's own example as JSON",
			parameters: {
				resource: 'coupon',
				operation: 'create',
				couponInput: 'json',
				couponJson: JSON.stringify(lineExampleCoupon),
			},
			arrange: couponCreated,
			request: { method: 'POST', path: '/v2/bot/coupon', body: lineExampleCoupon, retryKey: false },
			output: () => ({ couponId: COUPON_ID, ...lineExampleCoupon }),
		},
	],
	'coupon/get': [
		{
			name: 'the coupon of the item',
			parameters: { resource: 'coupon', operation: 'get' },
			input: [{ couponId: COUPON_ID }],
			arrange: (mock) =>
				mock.once('GET', `/v2/bot/coupon/${COUPON_ID}`, () => ({
					status: 200,
					body: COUPON_DETAIL,
				})),
			request: { method: 'GET', path: `/v2/bot/coupon/${COUPON_ID}`, retryKey: false },
			output: () => COUPON_DETAIL,
		},
		{
			name: 'the coupon picked from the list',
			parameters: { resource: 'coupon', operation: 'get', couponId: picked(COUPON_ID) },
			arrange: (mock) =>
				mock.once('GET', `/v2/bot/coupon/${COUPON_ID}`, () => ({
					status: 200,
					body: COUPON_DETAIL,
				})),
			request: { method: 'GET', path: `/v2/bot/coupon/${COUPON_ID}`, retryKey: false },
			output: () => COUPON_DETAIL,
		},
	],
	'coupon/close': [
		{
			name: 'close the coupon of the item',
			parameters: { resource: 'coupon', operation: 'close' },
			input: [{ couponId: COUPON_ID }],
			request: { method: 'PUT', path: `/v2/bot/coupon/${COUPON_ID}/close`, retryKey: false },
			output: (request) => ({
				couponId: COUPON_ID,
				closed: true,
				requestId: lineRequestId(request),
			}),
		},
		{
			name: 'close the coupon picked from the list',
			parameters: { resource: 'coupon', operation: 'close', couponId: picked(COUPON_ID) },
			request: { method: 'PUT', path: `/v2/bot/coupon/${COUPON_ID}/close`, retryKey: false },
			output: (request) => ({
				couponId: COUPON_ID,
				closed: true,
				requestId: lineRequestId(request),
			}),
		},
		{
			name: 'close a coupon given as a plain ID (a workflow saved before the dropdown)',
			parameters: { resource: 'coupon', operation: 'close', couponId: COUPON_ID },
			request: { method: 'PUT', path: `/v2/bot/coupon/${COUPON_ID}/close`, retryKey: false },
			output: (request) => ({
				couponId: COUPON_ID,
				closed: true,
				requestId: lineRequestId(request),
			}),
		},
	],
	'membership/getList': [
		{
			name: 'membership plans, one item each',
			parameters: { resource: 'membership', operation: 'getList' },
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/membership/list', () => ({
					status: 200,
					body: { memberships: MEMBERSHIPS },
				})),
			request: { method: 'GET', path: '/v2/bot/membership/list', retryKey: false },
			output: () => MEMBERSHIPS,
		},
	],
	'membership/getSubscription': [
		{
			name: 'subscription of the user of the event',
			parameters: { resource: 'membership', operation: 'getSubscription' },
			input: [{ source: { type: 'user', userId: USER } }],
			arrange: (mock) =>
				mock.once('GET', `/v2/bot/membership/subscription/${USER}`, () => ({
					status: 200,
					body: { subscriptions: SUBSCRIPTIONS },
				})),
			request: {
				method: 'GET',
				path: `/v2/bot/membership/subscription/${USER}`,
				retryKey: false,
			},
			output: () => ({ userId: USER, subscribed: true, subscriptions: SUBSCRIPTIONS }),
		},
	],
	'membership/getJoinedUsers': [
		{
			name: 'every member of the plan of the item, 1000 per page',
			parameters: { resource: 'membership', operation: 'getJoinedUsers', returnAll: true },
			input: [{ membershipId: 3189 }],
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/membership/3189/users/ids', () => ({
					status: 200,
					body: { userIds: MOCK_MEMBERS },
				})),
			request: {
				method: 'GET',
				path: '/v2/bot/membership/3189/users/ids',
				query: { limit: '1000' },
				retryKey: false,
			},
			output: () => MOCK_MEMBERS.map((userId) => ({ membershipId: 3189, userId })),
		},
		{
			name: 'the first 2 members of the plan picked from the list',
			parameters: {
				resource: 'membership',
				operation: 'getJoinedUsers',
				membershipId: picked('3213'),
				limit: 2,
			},
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/membership/3213/users/ids', () => ({
					status: 200,
					body: { userIds: MOCK_MEMBERS.slice(0, 2), next: 'next-page-token' },
				})),
			request: {
				method: 'GET',
				path: '/v2/bot/membership/3213/users/ids',
				query: { limit: '2' },
				retryKey: false,
			},
			output: () => MOCK_MEMBERS.slice(0, 2).map((userId) => ({ membershipId: 3213, userId })),
		},
	],
	'user/issueLinkToken': [
		{
			name: 'link token for the user of the event',
			parameters: { resource: 'user', operation: 'issueLinkToken' },
			input: [{ source: { type: 'user', userId: USER } }],
			arrange: (mock) =>
				mock.once('POST', `/v2/bot/user/${USER}/linkToken`, () => ({
					status: 200,
					body: { linkToken: SPEC_LINK_EXAMPLE },
				})),
			request: { method: 'POST', path: `/v2/bot/user/${USER}/linkToken`, retryKey: false },
			output: () => ({ userId: USER, linkToken: SPEC_LINK_EXAMPLE }),
		},
	],
	'chat/markAsReadByChat': [
		{
			name: 'mark the chat with the user of the event as read',
			parameters: { resource: 'chat', operation: 'markAsReadByChat' },
			input: [{ source: { type: 'user', userId: USER } }],
			request: {
				method: 'POST',
				path: '/v2/bot/message/markAsRead',
				body: { chat: { userId: USER } },
				retryKey: false,
			},
			output: (request) => ({
				userId: USER,
				markedAsRead: true,
				requestId: lineRequestId(request),
			}),
		},
	],
	'message/sendByPhoneNumber': [
		{
			name: 'LINE notification message to a phone number, sent hashed',
			parameters: {
				resource: 'message',
				operation: 'sendByPhoneNumber',
				to: '={{ $json.phone }}',
				...hello,
				options: { notificationDisabled: true },
			},
			input: [{ phone: '+81 80-0000-1234' }],
			request: {
				method: 'POST',
				path: '/bot/pnp/push',
				body: { to: PHONE_HASH, messages: HELLO, notificationDisabled: true },
				retryKey: false,
			},
			output: (request) => ({
				phoneNumber: PHONE,
				to: PHONE_HASH,
				requestId: lineRequestId(request),
			}),
		},
		{
			name: 'to a phone number the item gives hashed already',
			parameters: {
				resource: 'message',
				operation: 'sendByPhoneNumber',
				to: PHONE_HASH.toUpperCase(),
				...hello,
			},
			request: {
				method: 'POST',
				path: '/bot/pnp/push',
				body: { to: PHONE_HASH, messages: HELLO },
				retryKey: false,
			},
			output: (request) => ({ to: PHONE_HASH, requestId: lineRequestId(request) }),
		},
	],
};
