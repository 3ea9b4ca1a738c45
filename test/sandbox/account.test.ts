import type { MockRequest } from '../../test/support/mockLine';
import {
	hashPhoneNumber,
	SANDBOX_PHONE_NUMBERS,
	SANDBOX_USERS,
	startSandbox,
	type BotEntry,
	type Sandbox,
} from '../../sandbox';
import { accountOperations } from '../../sandbox/accountApi';
import type { SandboxCore } from '../../sandbox/core';
import { SandboxStore } from '../../sandbox/store';
import { validateSchema } from '../support/openapi';
import { lineCall, startReceiver, waitFor, type Receiver } from './support';

/**
 * The sandbox's statistics, coupons, memberships, account-link tokens and LINE notification
 * messages: answers that follow LINE's response schemas, from what happened in the sandbox.
 */

const [AIKO, BEN, CHAI] = SANDBOX_USERS.map((user) => user.userId);
const DAY = 86_400_000;
const jst = (time: number) =>
	new Date(time + 9 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');

let sandbox: Sandbox;
let receiver: Receiver;
let call: ReturnType<typeof lineCall>;

beforeEach(async () => {
	receiver = await startReceiver();
	sandbox = await startSandbox({ webhookUrl: receiver.url });
	call = lineCall(sandbox);
});
afterEach(async () => {
	try {
		expect(sandbox.invalidRequests().map((r) => [r.method, r.url, r.problems])).toEqual([]);
	} finally {
		await sandbox.close();
		await receiver.close();
	}
});

const text = (value: string) => ({ type: 'text', text: value });

describe('statistics', () => {
	it('message and follower counts: ready for past days, unready for today, out of service before LINE counted', async () => {
		const today = await call('GET', `/v2/bot/insight/message/delivery?date=${jst(Date.now())}`);
		expect(today.data).toEqual({ status: 'unready' });
		const yesterday = await call(
			'GET',
			`/v2/bot/insight/message/delivery?date=${jst(Date.now() - DAY)}`,
		);
		expect(yesterday.data).toMatchObject({ status: 'ready', apiPush: 0, apiBroadcast: 0 });
		expect(
			validateSchema('insight', 'GetNumberOfMessageDeliveriesResponse', yesterday.data),
		).toEqual([]);
		expect((await call('GET', '/v2/bot/insight/message/delivery?date=20160101')).data).toEqual({
			status: 'out_of_service',
		});

		const followers = await call('GET', '/v2/bot/insight/followers');
		expect(followers.data).toEqual({
			status: 'ready',
			followers: 3,
			targetedReaches: 3,
			blocks: 0,
		});
		expect(validateSchema('insight', 'GetNumberOfFollowersResponse', followers.data)).toEqual([]);
		expect((await call('GET', '/v2/bot/insight/followers?date=20150101')).data).toEqual({
			status: 'out_of_service',
		});
	});

	it('counts the messages of a past day per recipient, by how they were sent', () => {
		// A store whose sends happened yesterday (Japan time), read by the operation itself.
		const store = new SandboxStore(60_000);
		const yesterday = new Date(Date.now() - DAY).toISOString();
		store.recordSend('r1', 'broadcast', [AIKO, BEN, CHAI], 2);
		store.recordSend('r2', 'push', [AIKO], 1);
		store.recordSend('r3', 'multicast', [AIKO, BEN], 3);
		store.recordSend('r4', 'reply', [BEN], 1);
		store.recordSend('r5', 'pnp', [CHAI], 1);
		for (const sent of store.sends.values()) sent.at = yesterday;
		store.recordSend('r6', 'push', [AIKO], 5); // today: not counted yet
		const core = { store } as unknown as SandboxCore;
		const ask = (operationId: string, date: string) =>
			accountOperations[operationId](core, { query: { date }, path: '' } as unknown as MockRequest);
		expect(ask('getNumberOfMessageDeliveries', jst(Date.now() - DAY))).toMatchObject({
			body: {
				status: 'ready',
				apiBroadcast: 6,
				broadcast: 6,
				apiPush: 1,
				apiMulticast: 6,
				apiReply: 1,
				apiNarrowcast: 0,
			},
		});
		expect(ask('getPNPMessageStatistics', jst(Date.now() - DAY))).toMatchObject({
			body: { status: 'ready', success: 1 },
		});
	});

	it('demographics, and the statistics of a broadcast (nobody opens anything in the sandbox)', async () => {
		const demographics = await call('GET', '/v2/bot/insight/demographic');
		expect(validateSchema('insight', 'GetFriendsDemographicsResponse', demographics.data)).toEqual(
			[],
		);
		expect(demographics.data.areas).toEqual([
			{ area: 'JP', percentage: 33.3 },
			{ area: 'GB', percentage: 33.3 },
			{ area: 'TH', percentage: 33.3 },
		]);

		const broadcast = await call('POST', '/v2/bot/message/broadcast', {
			messages: [text('a'), text('b')],
		});
		const requestId = broadcast.headers['x-line-request-id'];
		const event = await call('GET', `/v2/bot/insight/message/event?requestId=${requestId}`);
		expect(validateSchema('insight', 'GetMessageEventResponse', event.data)).toEqual([]);
		expect(event.data.overview).toMatchObject({ requestId, delivered: 3, uniqueImpression: null });
		expect(event.data.messages.map((message: { seq: number }) => message.seq)).toEqual([1, 2]);
		expect((await call('GET', '/v2/bot/insight/message/event?requestId=unknown')).status).toBe(404);

		const unit = await call(
			'GET',
			'/v2/bot/insight/message/event/aggregation?customAggregationUnit=promo&from=20250101&to=20250102',
		);
		expect(validateSchema('insight', 'GetStatisticsPerUnitResponse', unit.data)).toEqual([]);
	});
});

describe('coupons', () => {
	const COUPON = {
		title: 'Spring sale',
		description: '10% off all boots',
		acquisitionCondition: { type: 'normal' },
		startTimestamp: Math.floor(Date.now() / 1000) - 60,
		endTimestamp: Math.floor(Date.now() / 1000) + 30 * 86_400,
		maxUseCountPerTicket: 1,
		timezone: 'ASIA_TOKYO',
		visibility: 'UNLISTED',
		reward: { type: 'discount', priceInfo: { type: 'fixed', fixedAmount: 500 } },
	};
	const create = async (fields: object = {}) => {
		const response = await call('POST', '/v2/bot/coupon', { ...COUPON, ...fields });
		expect(response.status).toBe(200);
		return response.data.couponId as string;
	};

	it('created coupons are listed (newest first, page by page), detailed and closed once', async () => {
		const first = await create({ title: 'First' });
		expect(first).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
		const second = await create({ title: 'Second' });

		const detail = await call('GET', `/v2/bot/coupon/${first}`);
		expect(validateSchema('messaging-api', 'CouponResponse', detail.data)).toEqual([]);
		expect(detail.data).toMatchObject({
			couponId: first,
			title: 'First',
			status: 'RUNNING',
			maxTicketPerUser: 1,
			reward: { type: 'discount', priceInfo: { type: 'fixed', fixedAmount: 500, currency: 'JPY' } },
		});

		const page1 = await call('GET', '/v2/bot/coupon?limit=1');
		expect(page1.data.items).toEqual([{ couponId: second, title: 'Second' }]);
		expect(
			validateSchema('messaging-api', 'MessagingApiPagerCouponListResponse', page1.data),
		).toEqual([]);
		const page2 = await call(
			'GET',
			`/v2/bot/coupon?limit=1&start=${encodeURIComponent(page1.data.next)}`,
		);
		expect(page2.data).toEqual({ items: [{ couponId: first, title: 'First' }] });

		expect((await call('PUT', `/v2/bot/coupon/${first}/close`)).status).toBe(200);
		const again = await call('PUT', `/v2/bot/coupon/${first}/close`);
		expect([again.status, again.data.details]).toEqual([
			410,
			[{ message: 'The coupon has already been closed.', property: '' }],
		]);
		expect((await call('GET', '/v2/bot/coupon?status=CLOSED')).data.items).toEqual([
			{ couponId: first, title: 'First' },
		]);
		expect((await call('GET', '/v2/bot/coupon?status=RUNNING')).data.items).toEqual([
			{ couponId: second, title: 'Second' },
		]);

		const missing = await call('GET', '/v2/bot/coupon/01JYNW8JMQVFBNWF1APF8Z3FS7');
		expect([missing.status, missing.data.details]).toEqual([
			404,
			[{ message: 'coupon not found', property: '' }],
		]);
		expect((await call('PUT', '/v2/bot/coupon/01JYNW8JMQVFBNWF1APF8Z3FS7/close')).status).toBe(404);
	});

	it('refuses a reward without the price field its type needs, and an end before the start', async () => {
		const missing = await call('POST', '/v2/bot/coupon', {
			...COUPON,
			reward: { type: 'discount', priceInfo: { type: 'explicit', originalPrice: 1200 } },
		});
		expect([missing.status, missing.data.details]).toEqual([
			400,
			[{ property: 'reward.priceInfo.priceAfterDiscount', message: 'Must be specified' }],
		]);
		const noPrice = await call('POST', '/v2/bot/coupon', {
			...COUPON,
			reward: { type: 'cashBack' },
		});
		expect(noPrice.data.details).toEqual([
			{ property: 'reward.priceInfo', message: 'Must be specified' },
		]);
		const backwards = await call('POST', '/v2/bot/coupon', {
			...COUPON,
			endTimestamp: COUPON.startTimestamp,
		});
		expect(backwards.data.details).toEqual([
			{ property: 'endTimestamp', message: 'Must be after startTimestamp' },
		]);
		expect((await call('GET', '/v2/bot/coupon')).data).toEqual({ items: [] });
	});
});

describe('memberships and account links', () => {
	it('the plans with their member counts; who subscribes; their user IDs page by page', async () => {
		const list = await call('GET', '/v2/bot/membership/list');
		expect(validateSchema('messaging-api', 'MembershipListResponse', list.data)).toEqual([]);
		expect(
			list.data.memberships.map((plan: { title: string; memberCount: number }) => [
				plan.title,
				plan.memberCount,
			]),
		).toEqual([
			['Basic Plan', 2],
			['Premium Plan', 1],
		]);

		const ben = await call('GET', `/v2/bot/membership/subscription/${BEN}`);
		expect(validateSchema('messaging-api', 'GetMembershipSubscriptionResponse', ben.data)).toEqual(
			[],
		);
		expect(
			ben.data.subscriptions.map(
				(entry: { membership: { title: string } }) => entry.membership.title,
			),
		).toEqual(['Basic Plan', 'Premium Plan']);
		expect((await call('GET', `/v2/bot/membership/subscription/${CHAI}`)).status).toBe(404);
		expect((await call('GET', '/v2/bot/membership/subscription/nobody')).status).toBe(400);

		const first = await call('GET', '/v2/bot/membership/3189/users/ids?limit=1');
		expect(first.data.userIds).toEqual([AIKO]);
		const rest = await call(
			'GET',
			`/v2/bot/membership/3189/users/ids?limit=1&start=${first.data.next}`,
		);
		expect(rest.data).toEqual({ userIds: [BEN] });
		expect((await call('GET', '/v2/bot/membership/1/users/ids')).status).toBe(404);
	});

	it('link tokens: one for a user ID, 400 for anything else', async () => {
		const token = await call('POST', `/v2/bot/user/${AIKO}/linkToken`);
		expect(token.data.linkToken).toMatch(/^[A-Za-z0-9]{32}$/);
		const other = await call('POST', `/v2/bot/user/${AIKO}/linkToken`);
		expect(other.data.linkToken).not.toBe(token.data.linkToken);
		expect((await call('POST', '/v2/bot/user/nobody/linkToken')).status).toBe(400);
	});
});

describe('LINE notification messages (PNP)', () => {
	const hashOf = (userId: string) => hashPhoneNumber(SANDBOX_PHONE_NUMBERS[userId]);

	it('reach the user with that phone number; then a delivery completion event with the delivery tag', async () => {
		const response = await call(
			'POST',
			'/bot/pnp/push',
			{ to: hashOf(BEN), messages: [text('Your parcel arrives today')] },
			{ headers: { 'X-Line-Delivery-Tag': 'order-1234-delivery-note' } },
		);
		expect(response.status).toBe(200);
		const entries = sandbox
			.conversation(BEN)
			.filter((entry): entry is BotEntry => entry.from === 'bot');
		expect(entries.map((entry) => [entry.via, entry.message.text])).toEqual([
			['pnp', 'Your parcel arrives today'],
		]);

		const [event] = await waitFor(
			() => (receiver.events().length ? receiver.events() : undefined),
			'the event',
		);
		expect(event).toMatchObject({
			type: 'delivery',
			delivery: { data: 'order-1234-delivery-note' },
		});
		expect(validateSchema('webhook', 'PnpDeliveryCompletionEvent', event)).toEqual([]);

		// Without a tag the event carries the hash.
		await call('POST', '/bot/pnp/push', { to: hashOf(AIKO), messages: [text('Hi')] });
		await waitFor(() => (receiver.events().length === 2 ? true : undefined), 'the second event');
		expect(receiver.events()[1].delivery).toEqual({ data: hashOf(AIKO) });

		expect(
			(await call('GET', `/v2/bot/message/delivery/pnp?date=${jst(Date.now())}`)).data,
		).toEqual({
			status: 'unready',
		});
	});

	it('422 for a number nobody has, 400 for no SHA-256 digest; nothing is sent', async () => {
		const nobody = await call('POST', '/bot/pnp/push', {
			to: hashPhoneNumber('+15550000000'),
			messages: [text('x')],
		});
		expect([nobody.status, nobody.data]).toEqual([422, { message: 'Failed to send messages' }]);
		const plain = await call('POST', '/bot/pnp/push', {
			to: '+819012345678',
			messages: [text('x')],
		});
		expect([plain.status, plain.data.details]).toEqual([
			400,
			[{ property: 'to', message: 'The value must be a valid SHA-256 digest.' }],
		]);
		expect(sandbox.chats().flatMap((chat) => chat.entries)).toEqual([]);
	});
});
