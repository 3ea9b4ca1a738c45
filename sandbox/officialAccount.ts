import { createHash, randomBytes } from 'node:crypto';

import { SANDBOX_USERS } from './people';

/**
 * What else the sandbox's LINE Official Account has: coupons, membership plans and who
 * subscribes to them, account-link tokens, and the users' phone numbers (for LINE notification
 * messages, which are sent to a hashed phone number).
 */

export interface Coupon {
	couponId: string;
	status: 'DRAFT' | 'RUNNING' | 'CLOSED';
	createdTimestamp: number;
	/** The create request's fields, as sent. */
	fields: Record<string, unknown> & { title: string };
}

export interface MembershipPlan {
	membershipId: number;
	title: string;
	description: string;
	benefits: string[];
	price: number;
	currency: 'JPY' | 'TWD' | 'THB';
	memberLimit: number | null;
	isInAppPurchase: boolean;
	isPublished: boolean;
}

export interface MembershipSubscription {
	membershipId: number;
	userId: string;
	membershipNo: number;
	/** UNIX time (seconds). */
	joinedTime: number;
	nextBillingDate: string;
	totalSubscriptionMonths: number;
}

const [AIKO, BEN, CHAI] = SANDBOX_USERS.map((person) => person.userId);

export const SANDBOX_MEMBERSHIPS: MembershipPlan[] = [
	{
		membershipId: 3189,
		title: 'Basic Plan',
		description: 'Trail tips every Saturday.',
		benefits: ['Members Only Messages', 'Members Only Photos'],
		price: 500,
		currency: 'JPY',
		memberLimit: null,
		isInAppPurchase: true,
		isPublished: true,
	},
	{
		membershipId: 3213,
		title: 'Premium Plan',
		description: 'Guided hikes once a month.',
		benefits: ['Members Only Hikes'],
		price: 1500,
		currency: 'JPY',
		memberLimit: 20,
		isInAppPurchase: false,
		isPublished: true,
	},
];

/** Aiko has the Basic Plan; Ben has both; Chai has none. */
const SUBSCRIPTIONS: Array<[number, string, number, number]> = [
	// membershipId, userId, membershipNo, months
	[3189, AIKO, 1, 5],
	[3189, BEN, 2, 2],
	[3213, BEN, 1, 1],
];

/** The phone numbers (E.164) of the sandbox's users. */
export const SANDBOX_PHONE_NUMBERS: Record<string, string> = {
	[AIKO]: '+819012345678',
	[BEN]: '+447700900123',
	[CHAI]: '+66812345678',
};

/** What LINE notification messages are sent to: the SHA-256 of the E.164 number, in hex. */
export function hashPhoneNumber(e164: string): string {
	return createHash('sha256').update(e164).digest('hex');
}

function nextBillingDate(now: Date): string {
	const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 8));
	return next.toISOString().slice(0, 10);
}

export class OfficialAccountState {
	readonly coupons = new Map<string, Coupon>();
	readonly memberships = new Map<number, MembershipPlan>();
	readonly subscriptions: MembershipSubscription[] = [];
	/** Link token → the user it was issued for, and when it expires (ms). */
	readonly linkTokens = new Map<string, { userId: string; expiresAt: number }>();
	/** SHA-256 hash of a phone number → the user with that number. */
	readonly phoneHashes = new Map<string, string>();

	constructor() {
		this.seed();
	}

	clear(): void {
		this.coupons.clear();
		this.memberships.clear();
		this.subscriptions.length = 0;
		this.linkTokens.clear();
		this.phoneHashes.clear();
		this.seed();
	}

	private seed(): void {
		for (const plan of SANDBOX_MEMBERSHIPS) {
			this.memberships.set(plan.membershipId, structuredClone(plan));
		}
		const now = new Date();
		for (const [membershipId, userId, membershipNo, months] of SUBSCRIPTIONS) {
			const joined = new Date(now);
			joined.setUTCMonth(joined.getUTCMonth() - months);
			this.subscriptions.push({
				membershipId,
				userId,
				membershipNo,
				joinedTime: Math.floor(joined.getTime() / 1000),
				nextBillingDate: nextBillingDate(now),
				totalSubscriptionMonths: months,
			});
		}
		for (const [userId, phone] of Object.entries(SANDBOX_PHONE_NUMBERS)) {
			this.phoneHashes.set(hashPhoneNumber(phone), userId);
		}
	}

	/** A link token like LINE's (32 letters and digits), valid for 10 minutes. */
	issueLinkToken(userId: string, now = Date.now()): string {
		for (const [token, issued] of this.linkTokens) {
			if (issued.expiresAt <= now) this.linkTokens.delete(token);
		}
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
		const token = [...randomBytes(32)].map((byte) => alphabet[byte % alphabet.length]).join('');
		this.linkTokens.set(token, { userId, expiresAt: now + 600_000 });
		return token;
	}
}
