import type { INodeParameters } from 'n8n-workflow';

import type { MockRequest } from '../support/mockLine';
import { validateSchema } from '../support/openapi';
import { SPEC_LINK_EXAMPLE, MEMBERSHIPS, SUBSCRIPTIONS } from './contracts/couponsAndMore';
import {
	apiRequests,
	GROUP,
	ROOM,
	runLine,
	runLineOk,
	USER,
	USER_2,
	useMockLine,
	userIds,
} from './fixtures';

/**
 * Memberships (plans, a user's subscription, the members of a plan page by page), account
 * linking's link token, and marking a chat as read by user ID: user IDs are checked before
 * anything is sent.
 */

const line = useMockLine();

it("the answers the mock gives are valid answers of LINE's OpenAPI", () => {
	expect(
		validateSchema('messaging-api', 'MembershipListResponse', { memberships: MEMBERSHIPS }),
	).toEqual([]);
	expect(
		validateSchema('messaging-api', 'GetMembershipSubscriptionResponse', {
			subscriptions: SUBSCRIPTIONS,
		}),
	).toEqual([]);
	expect(
		validateSchema('messaging-api', 'IssueLinkTokenResponse', { linkToken: SPEC_LINK_EXAMPLE }),
	).toEqual([]);
	expect(
		validateSchema('messaging-api', 'GetJoinedMembershipUsersResponse', {
			userIds: [USER],
			next: 'x',
		}),
	).toEqual([]);
});

describe('Get Member IDs', () => {
	const path = '/v2/bot/membership/3189/users/ids';
	const members = (parameters: INodeParameters): INodeParameters => ({
		resource: 'membership',
		operation: 'getJoinedUsers',
		membershipId: '3189',
		...parameters,
	});

	function pages(...contents: string[][]): void {
		contents.forEach((ids, index) => {
			const token = index === 0 ? undefined : `token-${index}`;
			line.mock.on(
				'GET',
				path,
				(request: MockRequest) => {
					if (request.query.start !== token) return undefined;
					const next = index < contents.length - 1 ? { next: `token-${index + 1}` } : {};
					return { status: 200, body: { userIds: ids, ...next } };
				},
				{ times: 1 },
			);
		});
	}

	it('Return All follows next across pages of 1000, one item per member', async () => {
		const [page1, page2] = [userIds(1000), userIds(5, 1000)];
		pages(page1, page2);
		const items = await runLineOk(line.mock, members({ returnAll: true }));
		expect(apiRequests(line.mock).map((r) => r.query)).toEqual([
			{ limit: '1000' },
			{ limit: '1000', start: 'token-1' },
		]);
		expect(items.map((item) => item.json)).toEqual(
			[...page1, ...page2].map((userId) => ({ membershipId: 3189, userId })),
		);
	});

	it('Limit asks LINE for no more than it needs', async () => {
		pages(userIds(1000), userIds(1000, 1000));
		const items = await runLineOk(line.mock, members({ limit: 10 }));
		expect(apiRequests(line.mock).map((r) => r.query)).toEqual([{ limit: '10' }]);
		expect(items).toHaveLength(10);
	});

	it('a plan without members gives no items', async () => {
		pages([]);
		const result = await runLine(line.mock, members({ returnAll: true }));
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	it.each([
		['text', 'basic', '"basic" is not a membership plan ID (a whole number)'],
		['a fraction', '31.5', '"31.5" is not a membership plan ID (a whole number)'],
		['nothing', '={{ $json.membershipId }}', 'is empty'],
	])('refuses a membership ID that is %s', async (_what, membershipId, message) => {
		const result = await runLine(line.mock, members({ membershipId }));
		expect(result.error?.message).toBe(`membershipId: ${message} [item 0]`);
		expect(apiRequests(line.mock)).toEqual([]);
	});
});

describe('Get Membership Plans and Get User Subscription', () => {
	it('no plans: no items', async () => {
		line.mock.once('GET', '/v2/bot/membership/list', () => ({
			status: 200,
			body: { memberships: [] },
		}));
		const result = await runLine(line.mock, { resource: 'membership', operation: 'getList' });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	it('a user without a subscription is not subscribed', async () => {
		line.mock.once('GET', `/v2/bot/membership/subscription/${USER}`, () => ({
			status: 200,
			body: { subscriptions: [] },
		}));
		const items = await runLineOk(line.mock, {
			resource: 'membership',
			operation: 'getSubscription',
			userId: USER,
		});
		expect(items.map((item) => item.json)).toEqual([
			{ userId: USER, subscribed: false, subscriptions: [] },
		]);
	});
});

describe.each([
	['membership', 'getSubscription'],
	['user', 'issueLinkToken'],
	['chat', 'markAsReadByChat'],
])('%s/%s takes user IDs only', (resource, operation) => {
	it.each([
		['a group ID', GROUP, `"${GROUP}" is a group ID, but only user IDs are allowed here`],
		['a room ID', ROOM, `"${ROOM}" is a room ID, but only user IDs are allowed here`],
		['a LINE ID from the app', '@my-line-id', '"@my-line-id" is not a LINE user ID'],
	])('refuses %s before sending anything', async (_what, userId, message) => {
		const result = await runLine(line.mock, { resource, operation, userId });
		expect(result.error?.message).toContain(`userId: ${message}`);
		expect(result.error?.message).toMatch(/\[item 0\]$/);
		expect(apiRequests(line.mock)).toEqual([]);
	});
});

describe('Issue Link Token', () => {
	it('asks LINE without a body and outputs the token with the user ID, per item', async () => {
		line.mock.on('POST', /^\/v2\/bot\/user\/U[0-9a-f]{32}\/linkToken$/, (request) => ({
			status: 200,
			body: { linkToken: `token-of-${request.path.split('/')[4]}` },
		}));
		const items = await runLineOk(
			line.mock,
			{ resource: 'user', operation: 'issueLinkToken' },
			{ input: [{ source: { userId: USER } }, { source: { userId: USER_2 } }] },
		);
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => [r.method, r.path, r.rawBody])).toEqual([
			['POST', `/v2/bot/user/${USER}/linkToken`, ''],
			['POST', `/v2/bot/user/${USER_2}/linkToken`, ''],
		]);
		expect(items.map((item) => item.json)).toEqual([
			{ userId: USER, linkToken: `token-of-${USER}` },
			{ userId: USER_2, linkToken: `token-of-${USER_2}` },
		]);
	});
});

describe('Mark as Read (by Chat)', () => {
	it('marks each chat of the items, one request per user', async () => {
		const items = await runLineOk(
			line.mock,
			{ resource: 'chat', operation: 'markAsReadByChat' },
			{ input: [{ source: { userId: USER } }, { source: { userId: USER_2 } }] },
		);
		expect(apiRequests(line.mock).map((r) => [r.path, r.body])).toEqual([
			['/v2/bot/message/markAsRead', { chat: { userId: USER } }],
			['/v2/bot/message/markAsRead', { chat: { userId: USER_2 } }],
		]);
		expect(items.map((item) => item.json.userId)).toEqual([USER, USER_2]);
	});

	it('says what LINE answers an account it has not enabled for the partner API', async () => {
		line.mock.once('POST', '/v2/bot/message/markAsRead', () => ({
			status: 403,
			body: { message: 'Access to this API is not available for your account' },
		}));
		const result = await runLine(line.mock, {
			resource: 'chat',
			operation: 'markAsReadByChat',
			userId: USER,
		});
		expect(result.error?.httpCode).toBe('403');
		expect(result.error?.message).toBe(
			'LINE API error 403: Access to this API is not available for your account',
		);
	});
});
