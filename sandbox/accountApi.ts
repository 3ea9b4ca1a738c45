import type { MockRequest } from '../test/support/mockLine';
import {
	bodyErrors,
	bodyOf,
	datesBetween,
	INVALID_USER_ID,
	isPastJstDay,
	jstDate,
	lineError,
	NOT_FOUND,
	ok,
	omit,
	query,
	queryList,
	seconds,
	segment,
	type Operation,
} from './answers';
import type { SandboxCore } from './core';
import type { Coupon } from './officialAccount';
import { isLineId, type SendKind } from './store';
import { ulid } from './webhook';

/**
 * Statistics (insight, LINE notification messages), coupons, memberships and account-link tokens,
 * answered from what happened in the sandbox. Like LINE, message and follower counts are ready
 * for past days only (Japan time): today's answer `unready`.
 */

// ---------------------------------------------------------------------------------------------
// Statistics

/** `ready`, or why a day cannot be counted (LINE's first day of counting is `firstDay`). */
function countStatus(date: string, firstDay: string): 'ready' | 'unready' | 'out_of_service' {
	if (date < firstDay) return 'out_of_service';
	return isPastJstDay(date) ? 'ready' : 'unready';
}

/** Messages delivered on a (Japan) day, counted per recipient like LINE. */
function delivered(core: SandboxCore, date: string, via: SendKind): number {
	let count = 0;
	for (const sent of core.store.sends.values()) {
		if (sent.via === via && jstDate(sent.at) === date) count += sent.messageCount * sent.to.length;
	}
	return count;
}

const getNumberOfMessageDeliveries: Operation = (core, request) => {
	const date = query(request, 'date')!;
	const status = countStatus(date, '20170301');
	if (status !== 'ready') return ok({ status });
	const count = (via: SendKind) => delivered(core, date, via);
	return ok({
		status,
		broadcast: count('broadcast'),
		targeting: count('narrowcast'),
		autoResponse: 0,
		welcomeResponse: 0,
		chat: 0,
		apiBroadcast: count('broadcast'),
		apiPush: count('push'),
		apiMulticast: count('multicast'),
		apiNarrowcast: count('narrowcast'),
		apiReply: count('reply'),
	});
};

const getPNPMessageStatistics: Operation = (core, request) => {
	const date = query(request, 'date')!;
	const status = countStatus(date, '20180331');
	return ok(status === 'ready' ? { status, success: delivered(core, date, 'pnp') } : { status });
};

/** Without a date, LINE counts up to yesterday. */
const getNumberOfFollowers: Operation = (core, request) => {
	const date = query(request, 'date') ?? jstDate(Date.now() - 86_400_000);
	const status = countStatus(date, '20161101');
	if (status !== 'ready') return ok({ status });
	const friends = core.store.userChats().length;
	return ok({ status, followers: friends, targetedReaches: friends, blocks: 0 });
};

const percentages = <T extends string>(values: T[], key: string) => {
	const counts = new Map<T, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return [...counts].map(([value, count]) => ({
		[key]: value,
		percentage: Math.round((count / values.length) * 1000) / 10,
	}));
};

const AREA_BY_LANGUAGE: Record<string, string> = { ja: 'JP', th: 'TH', en: 'GB' };

/** The friends by what the sandbox knows of them (their language); the rest is unknown. */
const getFriendsDemographics: Operation = (core) => {
	const friends = core.store.userChats().map((chat) => core.store.people.get(chat.id));
	if (friends.length === 0) return ok({ available: false });
	const all = <T extends string>(value: T) => friends.map(() => value);
	return ok({
		available: true,
		genders: percentages(all('unknown'), 'gender'),
		ages: percentages(all('unknown'), 'age'),
		areas: percentages(
			friends.map((person) => AREA_BY_LANGUAGE[person?.language ?? ''] ?? 'unknown'),
			'area',
		),
		appTypes: percentages(all('others'), 'appType'),
		subscriptionPeriods: percentages(all('within7days'), 'subscriptionPeriod'),
	});
};

/** Nobody opens or plays anything in the sandbox: LINE says null below 20 users. */
const NO_INTERACTION = {
	uniqueImpression: null,
	uniqueClick: null,
	uniqueMediaPlayed: null,
	uniqueMediaPlayed100Percent: null,
};

function bubbleStatistics(messageCount: number) {
	const bubble = {
		impression: null,
		mediaPlayed: null,
		mediaPlayed25Percent: null,
		mediaPlayed50Percent: null,
		mediaPlayed75Percent: null,
		mediaPlayed100Percent: null,
		uniqueMediaPlayed: null,
		uniqueMediaPlayed25Percent: null,
		uniqueMediaPlayed50Percent: null,
		uniqueMediaPlayed75Percent: null,
		uniqueMediaPlayed100Percent: null,
	};
	return Array.from({ length: messageCount }, (_, index) => ({ seq: index + 1, ...bubble }));
}

const getMessageEvent: Operation = (core, request) => {
	const sent = core.store.sends.get(query(request, 'requestId') ?? '');
	if (!sent || (sent.via !== 'broadcast' && sent.via !== 'narrowcast')) return NOT_FOUND;
	return ok({
		overview: {
			requestId: sent.requestId,
			timestamp: seconds(Date.parse(sent.at)),
			delivered: sent.to.length,
			...NO_INTERACTION,
		},
		messages: bubbleStatistics(sent.messageCount),
		clicks: [],
	});
};

const getStatisticsPerUnit: Operation = () =>
	ok({ overview: { ...NO_INTERACTION }, messages: [], clicks: [] });

/**
 * Rich menu statistics from the taps on the chat page, up to today (LINE's cover past days; the
 * sandbox's would then always be empty). Every tap counts as an impression too.
 */
function richMenuTaps(core: SandboxCore, request: MockRequest, maxDays: number) {
	const richMenuId = segment(request, 5);
	const menu = core.store.richMenus.menus.get(richMenuId);
	if (!menu) return NOT_FOUND;
	const from = query(request, 'from')!;
	const to = query(request, 'to')!;
	// LINE's period: `to` at most `maxDays` after `from`, `from` within the last 3 years.
	const period = datesBetween(from, to);
	if (period.length === 0 || period.length > maxDays + 1) {
		return bodyErrors([{ property: 'to', message: `must be 0 to ${maxDays} days after from` }]);
	}
	if (from < jstDate(Date.now() - 3 * 366 * 86_400_000)) {
		return bodyErrors([{ property: 'from', message: 'must be within the last 3 years' }]);
	}
	const today = jstDate();
	const dates = period.filter((date) => date <= today);
	const taps = core.store.richMenus.taps
		.filter((tap) => tap.richMenuId === richMenuId)
		.map((tap) => ({ ...tap, date: jstDate(tap.at) }))
		.filter((tap) => dates.includes(tap.date));
	return {
		menu,
		dates,
		taps,
		covered:
			dates.length > 0
				? { metricsFrom: dates[0], metricsTo: dates.at(-1) }
				: { metricsFrom: null, metricsTo: null },
	};
}

type Tap = { userId: string; area: number; date: string };
const metrics = (taps: Tap[]) => ({
	count: taps.length,
	uniqueUsers: new Set(taps.map((tap) => tap.userId)).size,
});

const getRichMenuInsightSummary: Operation = (core, request) => {
	const found = richMenuTaps(core, request, 396);
	if ('status' in found) return found;
	const { menu, taps, covered } = found;
	return ok({
		richMenuId: menu.richMenuId,
		...covered,
		impression: { metrics: metrics(taps) },
		clicks: menu.areas.map((area, index) => ({
			bounds: area.bounds,
			metrics: metrics(taps.filter((tap) => tap.area === index)),
		})),
	});
};

const getRichMenuInsightDaily: Operation = (core, request) => {
	const found = richMenuTaps(core, request, 99);
	if ('status' in found) return found;
	const { menu, taps, dates, covered } = found;
	const daily = (some: Tap[]) =>
		dates.map((date) => ({ date, ...metrics(some.filter((tap) => tap.date === date)) }));
	return ok({
		richMenuId: menu.richMenuId,
		...covered,
		impression: { metrics: daily(taps) },
		clicks: menu.areas.map((area, index) => ({
			bounds: area.bounds,
			metrics: daily(taps.filter((tap) => tap.area === index)),
		})),
	});
};

// ---------------------------------------------------------------------------------------------
// Coupons

type PriceInfo = { type: string } & Record<string, unknown>;
type Reward = { type: string; priceInfo?: PriceInfo };

/** The fields each kind of price information takes (all required, nothing else allowed). */
const PRICE_FIELDS: Record<string, Record<string, string[]>> = {
	discount: {
		fixed: ['fixedAmount'],
		percentage: ['percentage'],
		explicit: ['originalPrice', 'priceAfterDiscount'],
	},
	cashBack: { fixed: ['fixedAmount'], percentage: ['percentage'] },
};
const MAX_VALID_COUPONS = 5000;
/** Amounts are in the currency of the account's country: the sandbox's is in Japan. */
const CURRENCY = 'JPY';

function rewardProblems(reward: Reward | undefined): Array<{ property: string; message: string }> {
	if (!reward) return [];
	const kinds = PRICE_FIELDS[reward.type];
	const { priceInfo } = reward;
	if (!kinds) {
		return priceInfo ? [{ property: 'reward.priceInfo', message: 'Must not be specified' }] : [];
	}
	if (!priceInfo) return [{ property: 'reward.priceInfo', message: 'Must be specified' }];
	const fields = kinds[priceInfo.type];
	if (!fields) {
		return [
			{
				property: 'reward.priceInfo.type',
				message: `Must be one of the following values: [${Object.keys(kinds).join(',')}]`,
			},
		];
	}
	const problems = fields
		.filter((name) => priceInfo[name] === undefined)
		.map((name) => ({ property: `reward.priceInfo.${name}`, message: 'Must be specified' }));
	for (const name of Object.keys(priceInfo)) {
		if (name !== 'type' && !fields.includes(name)) {
			problems.push({ property: `reward.priceInfo.${name}`, message: 'Must not be specified' });
		}
	}
	return problems;
}

function couponStatus(coupon: Coupon, now = seconds()): Coupon['status'] {
	const end = Number(coupon.fields.endTimestamp);
	return coupon.status === 'RUNNING' && end <= now ? 'CLOSED' : coupon.status;
}

const createCoupon: Operation = (core, request) => {
	const fields = bodyOf<Coupon['fields']>(request);
	const problems = rewardProblems(fields.reward as Reward | undefined);
	if (Number(fields.endTimestamp) <= Number(fields.startTimestamp)) {
		problems.push({ property: 'endTimestamp', message: 'Must be after startTimestamp' });
	}
	if (problems.length > 0) return bodyErrors(problems);
	const { coupons } = core.store.account;
	const valid = [...coupons.values()].filter((coupon) => couponStatus(coupon) !== 'CLOSED');
	if (valid.length >= MAX_VALID_COUPONS) {
		return bodyErrors([{ property: '', message: 'You have too many coupons created.' }]);
	}
	const coupon: Coupon = {
		couponId: ulid(),
		status: 'RUNNING',
		createdTimestamp: seconds(),
		fields: structuredClone(fields),
	};
	coupons.set(coupon.couponId, coupon);
	core.store.changed();
	return ok({ couponId: coupon.couponId });
};

function couponResponse(coupon: Coupon): Record<string, unknown> {
	const { reward, acquisitionCondition, ...fields } = structuredClone(coupon.fields) as Record<
		string,
		unknown
	> & { reward?: Reward; acquisitionCondition?: Record<string, unknown> };
	const priceInfo = reward?.priceInfo;
	if (priceInfo && (priceInfo.type === 'fixed' || priceInfo.type === 'explicit')) {
		priceInfo.currency = CURRENCY;
	}
	return {
		couponId: coupon.couponId,
		...fields,
		acquisitionCondition,
		...(reward ? { reward } : {}),
		maxTicketPerUser: 1,
		status: couponStatus(coupon),
		createdTimestamp: coupon.createdTimestamp,
	};
}

const COUPON_NOT_FOUND = bodyErrors([{ property: '', message: 'coupon not found' }], 404);

const getCouponDetail: Operation = (core, request) => {
	const coupon = core.store.account.coupons.get(segment(request, 4));
	return coupon ? ok(couponResponse(coupon)) : COUPON_NOT_FOUND;
};

const closeCoupon: Operation = (core, request) => {
	const coupon = core.store.account.coupons.get(segment(request, 4));
	if (!coupon) return COUPON_NOT_FOUND;
	if (couponStatus(coupon) === 'CLOSED') {
		return bodyErrors([{ property: '', message: 'The coupon has already been closed.' }], 410);
	}
	coupon.status = 'CLOSED';
	core.store.changed();
	return ok();
};

/** A continuation token: where the next page starts, opaque like LINE's. */
const pageToken = (offset: number) => Buffer.from(`coupon:${offset}`).toString('base64');
function tokenOffset(token: string | undefined): number | undefined {
	if (token === undefined) return 0;
	const match = /^coupon:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
	return match ? Number(match[1]) : undefined;
}

const listCoupon: Operation = (core, request) => {
	const statuses = queryList(request, 'status');
	const limit = Number(query(request, 'limit') ?? 20);
	const start = tokenOffset(query(request, 'start'));
	if (start === undefined) {
		return bodyErrors([{ property: 'start', message: 'Invalid continuation token' }]);
	}
	const coupons = [...core.store.account.coupons.values()]
		.reverse() // newest first
		.filter((coupon) => statuses.length === 0 || statuses.includes(couponStatus(coupon)));
	const items = coupons
		.slice(start, start + limit)
		.map((coupon) => ({ couponId: coupon.couponId, title: coupon.fields.title }));
	const next = start + limit < coupons.length ? { next: pageToken(start + limit) } : {};
	return ok({ items, ...next });
};

// ---------------------------------------------------------------------------------------------
// Memberships

const getMembershipList: Operation = (core) => {
	const { memberships, subscriptions } = core.store.account;
	return ok({
		memberships: [...memberships.values()].map((plan) => ({
			...structuredClone(plan),
			memberCount: subscriptions.filter((entry) => entry.membershipId === plan.membershipId).length,
		})),
	});
};

const getMembershipSubscription: Operation = (core, request) => {
	const userId = segment(request, 5);
	if (!isLineId(userId, 'U')) return INVALID_USER_ID;
	const { memberships, subscriptions } = core.store.account;
	const own = subscriptions.filter((entry) => entry.userId === userId);
	if (own.length === 0) return lineError(404, 'The user has no membership subscription');
	return ok({
		subscriptions: own.map(
			({ membershipId, membershipNo, joinedTime, nextBillingDate, totalSubscriptionMonths }) => {
				const plan = memberships.get(membershipId)!;
				return {
					membership: omit(plan, 'memberLimit', 'isInAppPurchase', 'isPublished'),
					user: { membershipNo, joinedTime, nextBillingDate, totalSubscriptionMonths },
				};
			},
		),
	});
};

const MEMBERS_PAGE = 300;

const getJoinedMembershipUsers: Operation = (core, request) => {
	const membershipId = Number(segment(request, 4));
	const { memberships, subscriptions } = core.store.account;
	if (!memberships.has(membershipId)) return lineError(404, 'Membership not found');
	const userIds = subscriptions
		.filter((entry) => entry.membershipId === membershipId)
		.map((entry) => entry.userId);
	const token = query(request, 'start');
	const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
	if (!Number.isInteger(start) || start < 0) {
		return lineError(400, '`start` is incorrect or expired');
	}
	const limit = Number(query(request, 'limit') ?? MEMBERS_PAGE);
	const end = start + limit;
	return ok({
		userIds: userIds.slice(start, end),
		...(end < userIds.length ? { next: Buffer.from(String(end)).toString('base64url') } : {}),
	});
};

// ---------------------------------------------------------------------------------------------
// Account link

const issueLinkToken: Operation = (core, request) => {
	const userId = segment(request, 4);
	if (!isLineId(userId, 'U')) return INVALID_USER_ID;
	return ok({ linkToken: core.store.account.issueLinkToken(userId) });
};

export const accountOperations: Record<string, Operation> = {
	getNumberOfMessageDeliveries,
	getNumberOfFollowers,
	getFriendsDemographics,
	getMessageEvent,
	getStatisticsPerUnit,
	getRichMenuInsightSummary,
	getRichMenuInsightDaily,
	getPNPMessageStatistics,
	createCoupon,
	listCoupon,
	getCouponDetail,
	closeCoupon,
	getMembershipList,
	getMembershipSubscription,
	getJoinedMembershipUsers,
	issueLinkToken,
};
