import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { MockRequest } from '../support/mockLine';
import { validateSchema } from '../support/openapi';
import { COUPON_DETAIL, COUPON_ID, COUPON_PAGE } from './contracts/couponsAndMore';
import { apiRequests, runLine, runLineOk, useMockLine } from './fixtures';

/**
 * Coupons: the coupon composed from the fields or given as JSON is checked against LINE's rules
 * before anything is sent, dates become the epoch seconds LINE wants (read in the coupon's time
 * zone), and the coupon list follows LINE's pages.
 */

const line = useMockLine();

it("the coupons the mock answers with are valid answers of LINE's OpenAPI", () => {
	expect(
		validateSchema('messaging-api', 'MessagingApiPagerCouponListResponse', COUPON_PAGE),
	).toEqual([]);
	expect(validateSchema('messaging-api', 'CouponResponse', COUPON_DETAIL)).toEqual([]);
	expect(validateSchema('messaging-api', 'CouponCreateResponse', { couponId: COUPON_ID })).toEqual(
		[],
	);
});

/** A valid coupon from the fields; tests change what they are about. */
const create = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'coupon',
	operation: 'create',
	title: 'Spring sale',
	startTimestamp: '2026-12-01T00:00:00Z',
	endTimestamp: '2026-12-31T00:00:00Z',
	reward: 'discountFixed',
	fixedAmount: 100,
	...parameters,
});

/** The coupon the node sent, for a run that must succeed. */
async function sentCoupon(
	parameters: INodeParameters,
	input?: IDataObject[],
): Promise<IDataObject> {
	line.mock.on('POST', '/v2/bot/coupon', () => ({ status: 200, body: { couponId: COUPON_ID } }));
	await runLineOk(line.mock, create(parameters), { input });
	const [request] = apiRequests(line.mock);
	expect(request.operationId).toBe('createCoupon');
	return request.body as IDataObject;
}

/** The error of a run that must fail before sending anything. */
async function refused(parameters: INodeParameters, input?: IDataObject[]) {
	const result = await runLine(line.mock, create(parameters), { input });
	expect(apiRequests(line.mock)).toEqual([]);
	expect(result.error).toBeDefined();
	return result.error!;
}

describe('Create: the coupon from the fields', () => {
	it('sends only what the spec wants, with the defaults (unlisted, normal, used once, Tokyo)', async () => {
		const coupon = await sentCoupon({});
		expect(coupon).toEqual({
			title: 'Spring sale',
			startTimestamp: Date.parse('2026-12-01T00:00:00Z') / 1000,
			endTimestamp: Date.parse('2026-12-31T00:00:00Z') / 1000,
			timezone: 'ASIA_TOKYO',
			visibility: 'UNLISTED',
			maxUseCountPerTicket: 1,
			acquisitionCondition: { type: 'normal' },
			reward: { type: 'discount', priceInfo: { type: 'fixed', fixedAmount: 100 } },
		});
	});

	it.each([
		[
			'cashBackFixed',
			{ fixedAmount: 50 },
			{ type: 'cashBack', priceInfo: { type: 'fixed', fixedAmount: 50 } },
		],
		[
			'cashBackPercentage',
			{ percentage: 5 },
			{ type: 'cashBack', priceInfo: { type: 'percentage', percentage: 5 } },
		],
		[
			'discountExplicit',
			{ originalPrice: 1200, priceAfterDiscount: 900 },
			{
				type: 'discount',
				priceInfo: { type: 'explicit', originalPrice: 1200, priceAfterDiscount: 900 },
			},
		],
		['free', { fixedAmount: 999 }, { type: 'free' }],
		['gift', {}, { type: 'gift' }],
		['others', {}, { type: 'others' }],
	])('reward %s is sent as LINE defines it', async (reward, fields, expected) => {
		const coupon = await sentCoupon({ reward, ...fields });
		expect(coupon.reward).toEqual(expected);
	});

	it('times without an offset are read in the time zone of the coupon; a date alone ends at 23:59:59', async () => {
		const coupon = await sentCoupon({
			timezone: 'AMERICA_NEW_YORK',
			// Daylight saving time in July (UTC−4), standard time in December (UTC−5).
			startTimestamp: '2026-07-01T09:30:00',
			endTimestamp: '2026-12-24',
		});
		expect(coupon.startTimestamp).toBe(Date.parse('2026-07-01T13:30:00Z') / 1000);
		expect(coupon.endTimestamp).toBe(Date.parse('2026-12-25T04:59:59Z') / 1000);
	});

	it("LINE's plain offsets keep their sign: UTC-12 is 12 hours behind UTC", async () => {
		const coupon = await sentCoupon({
			timezone: 'ETC_GMT_MINUS_12',
			startTimestamp: '2026-12-01T00:00:00',
		});
		expect(coupon.startTimestamp).toBe(Date.parse('2026-12-01T12:00:00Z') / 1000);
	});

	it.each([
		[
			'an instant with an offset',
			'2026-12-01T09:00:00+09:00',
			Date.parse('2026-12-01T00:00:00Z') / 1000,
		],
		['epoch seconds', 1796083200, 1796083200],
		['epoch milliseconds', 1796083200123, 1796083200],
		[
			'yyyyMMdd (start of that day in Tokyo)',
			'20261201',
			Date.parse('2026-11-30T15:00:00Z') / 1000,
		],
		['an n8n DateTime', "={{ DateTime.fromISO('2026-12-01T00:00:00Z') }}", 1796083200],
	])('Start Time may be %s', async (_what, startTimestamp, expected) => {
		const coupon = await sentCoupon({ startTimestamp });
		expect(coupon.startTimestamp).toBe(expected);
	});

	it('Start Time is now unless given', async () => {
		const before = Math.floor(Date.now() / 1000);
		const withoutStart = create();
		delete withoutStart.startTimestamp;
		line.mock.once('POST', '/v2/bot/coupon', () => ({
			status: 200,
			body: { couponId: COUPON_ID },
		}));
		await runLineOk(line.mock, withoutStart);
		const after = Math.ceil(Date.now() / 1000);
		const start = (apiRequests(line.mock)[0].body as IDataObject).startTimestamp as number;
		expect(start).toBeGreaterThanOrEqual(before);
		expect(start).toBeLessThanOrEqual(after);
	});

	it('a lottery sends its probability and limit; optional texts only when given', async () => {
		const coupon = await sentCoupon({
			acquisitionCondition: 'lottery',
			lotteryProbability: 25,
			maxAcquireCount: 500,
			description: '',
			imageUrl: '',
			additionalFields: { couponCode: ' SPRING26 ', barcodeImageUrl: 'https://example.com/b.png' },
		});
		expect(coupon.acquisitionCondition).toEqual({
			type: 'lottery',
			lotteryProbability: 25,
			maxAcquireCount: 500,
		});
		expect(coupon).toMatchObject({
			couponCode: 'SPRING26',
			barcodeImageUrl: 'https://example.com/b.png',
		});
		expect(coupon).not.toHaveProperty('description');
		expect(coupon).not.toHaveProperty('imageUrl');
	});

	it('outputs the new coupon ID with what was created, ready for a coupon message', async () => {
		line.mock.once('POST', '/v2/bot/coupon', () => ({
			status: 200,
			body: { couponId: COUPON_ID },
		}));
		const items = await runLineOk(line.mock, create());
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ couponId: COUPON_ID, title: 'Spring sale' });
	});
});

describe("Create: LINE's rules are checked before sending", () => {
	it.each([
		[
			'a title over 60 characters',
			{ title: 'x'.repeat(61) },
			'title: is too long: 61 characters, LINE allows at most 60 [item 0]',
		],
		[
			'an empty title',
			{ title: '={{ "" }}' },
			'title: is empty (text, 1 to 60 characters) [item 0]',
		],
		[
			'a description over 1000 characters',
			{ description: 'x'.repeat(1001) },
			'description: is too long: 1001 characters, LINE allows at most 1000 [item 0]',
		],
		[
			'a usage condition over 100 characters',
			{ additionalFields: { usageCondition: 'x'.repeat(101) } },
			'usageCondition: is too long: 101 characters, LINE allows at most 100 [item 0]',
		],
		[
			'an image over HTTP',
			{ imageUrl: 'http://example.com/c.jpg' },
			'imageUrl: "http://example.com/c.jpg" is not an HTTPS URL [item 0]',
		],
		[
			'an end before the start',
			{ startTimestamp: '2026-12-31T00:00:00Z', endTimestamp: '2026-12-01T00:00:00Z' },
			'endTimestamp: 2026-12-01T00:00:00Z is not after the start 2026-12-31T00:00:00Z [item 0]',
		],
		['no end', { endTimestamp: '={{ $json.missing }}' }, 'endTimestamp: is empty [item 0]'],
		[
			'a date that does not exist',
			{ endTimestamp: '2026-02-30' },
			'endTimestamp: "2026-02-30" is not a date and time [item 0]',
		],
		[
			'a time that does not exist',
			{ startTimestamp: '2026-12-01T24:30:00' },
			'startTimestamp: "2026-12-01T24:30:00" is not a date and time [item 0]',
		],
		[
			'a percentage of 100',
			{ reward: 'discountPercentage', percentage: 100 },
			'reward.priceInfo.percentage: is number 100; expected a percentage, a whole number from 1 to 99 [item 0]',
		],
		[
			'a fixed amount of 0',
			{ fixedAmount: 0 },
			"reward.priceInfo.fixedAmount: is number 0; expected the amount in the account's currency, a whole number of at least 1 [item 0]",
		],
		[
			'a discounted price not below the original',
			{ reward: 'discountExplicit', originalPrice: 500, priceAfterDiscount: 500 },
			'reward.priceInfo.priceAfterDiscount: (500) must be lower than originalPrice (500) [item 0]',
		],
		[
			'a lottery probability of 0',
			{ acquisitionCondition: 'lottery', lotteryProbability: 0 },
			'acquisitionCondition.lotteryProbability: is number 0; expected the chance to win in percent, a whole number from 1 to 99 [item 0]',
		],
		[
			'a lottery limit over 999999',
			{ acquisitionCondition: 'lottery', lotteryProbability: 10, maxAcquireCount: 1_000_000 },
			'acquisitionCondition.maxAcquireCount: is number 1000000; expected how many coupons may be issued in total (-1 for no limit), a whole number from 1 to 999999 [item 0]',
		],
	])('refuses %s, naming the field and the item', async (_what, parameters, message) => {
		const error = await refused(parameters as INodeParameters);
		expect(error.message).toBe(message);
	});

	it('names the item that is wrong; no coupon of the run is created', async () => {
		const error = await refused({ title: '={{ $json.title }}' }, [
			{ title: 'Fine' },
			{ title: 'y'.repeat(70) },
		]);
		expect(error.message).toBe(
			'title: is too long: 70 characters, LINE allows at most 60 [item 1]',
		);
	});

	it('with Continue On Fail, a wrong item becomes an error item and the others are created', async () => {
		line.mock.on('POST', '/v2/bot/coupon', () => ({ status: 200, body: { couponId: COUPON_ID } }));
		const result = await runLine(line.mock, create({ title: '={{ $json.title }}' }), {
			input: [{ title: 'Fine' }, { title: '' }],
			continueOnFail: true,
		});
		expect(apiRequests(line.mock)).toHaveLength(1);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[0].json.couponId).toBe(COUPON_ID);
		expect(result.items[1].json.error).toBe('title: is empty (text, 1 to 60 characters) [item 1]');
	});
});

describe('Create: JSON', () => {
	const json = (coupon: IDataObject): INodeParameters => ({
		resource: 'coupon',
		operation: 'create',
		couponInput: 'json',
		couponJson: JSON.stringify(coupon),
	});
	const valid = {
		title: 'Free coffee',
		startTimestamp: 1796083200,
		endTimestamp: 1798761600,
		timezone: 'ASIA_BANGKOK',
		visibility: 'PUBLIC',
		maxUseCountPerTicket: 1,
		acquisitionCondition: { type: 'normal' },
		reward: { type: 'free' },
	};

	it('dates given as text become epoch seconds, read in the coupon time zone', async () => {
		line.mock.once('POST', '/v2/bot/coupon', () => ({
			status: 200,
			body: { couponId: COUPON_ID },
		}));
		await runLineOk(
			line.mock,
			json({ ...valid, startTimestamp: '2026-12-01T07:00:00', endTimestamp: '2026-12-31' }),
		);
		const body = apiRequests(line.mock)[0].body as IDataObject;
		expect(body).toEqual({
			...valid,
			startTimestamp: Date.parse('2026-12-01T00:00:00Z') / 1000,
			endTimestamp: Date.parse('2026-12-31T16:59:59Z') / 1000,
		});
	});

	it.each([
		[
			'without a time zone',
			{ timezone: undefined },
			'timezone: is required; expected one of ETC_GMT_MINUS_12',
		],
		[
			'with an unknown visibility',
			{ visibility: 'PRIVATE' },
			'visibility: is "PRIVATE"; expected one of UNLISTED, PUBLIC',
		],
		[
			'without an acquisition condition',
			{ acquisitionCondition: undefined },
			'acquisitionCondition: is required',
		],
		[
			'with a max use count of 2',
			{ maxUseCountPerTicket: 2 },
			'maxUseCountPerTicket: is number 2; expected 1',
		],
		[
			'with a price for a free reward',
			{ reward: { type: 'free', priceInfo: { type: 'fixed', fixedAmount: 1 } } },
			'reward.priceInfo: is not taken by a free reward',
		],
		[
			'with a discount without its price',
			{ reward: { type: 'discount' } },
			'reward.priceInfo: is required for a discount reward',
		],
		[
			'with an explicit cash back',
			{ reward: { type: 'cashBack', priceInfo: { type: 'explicit' } } },
			'reward.priceInfo.type: is "explicit"; expected one of fixed, percentage',
		],
		[
			'with a lottery without its probability',
			{ acquisitionCondition: { type: 'lottery', maxAcquireCount: -1 } },
			'acquisitionCondition.lotteryProbability: is required',
		],
	])('refuses a coupon %s', async (_what, change, message) => {
		const result = await runLine(line.mock, json({ ...valid, ...change }));
		expect(apiRequests(line.mock)).toEqual([]);
		expect(result.error?.message).toContain(message);
		expect(result.error?.message).toMatch(/\[item 0\]$/);
	});

	it('refuses text that is not JSON, naming the field', async () => {
		const result = await runLine(line.mock, { ...json(valid), couponJson: '{ "title": ' });
		expect(result.error?.message).toMatch(/^couponJson: not valid JSON/);
		expect(apiRequests(line.mock)).toEqual([]);
	});
});

describe('Get Many', () => {
	const coupons = (count: number, offset = 0) =>
		Array.from({ length: count }, (_, i) => ({
			couponId: `C${i + offset}`,
			title: `Coupon ${i + offset}`,
		}));

	/** Answers pages in turn: each but the last with a next token. */
	function pages(...contents: IDataObject[][]): void {
		contents.forEach((items, index) => {
			const token = index === 0 ? undefined : `page-${index}`;
			line.mock.on(
				'GET',
				'/v2/bot/coupon',
				(request: MockRequest) => {
					if (request.query.start !== token) return undefined;
					const next = index < contents.length - 1 ? { next: `page-${index + 1}` } : {};
					return { status: 200, body: { items, ...next } };
				},
				{ times: 1 },
			);
		});
	}

	it('Return All follows next across pages of 100, one item per coupon', async () => {
		const [page1, page2] = [coupons(100), coupons(30, 100)];
		pages(page1, page2);
		const items = await runLineOk(line.mock, {
			resource: 'coupon',
			operation: 'list',
			returnAll: true,
		});
		expect(apiRequests(line.mock).map((r) => r.query)).toEqual([
			{ limit: '100' },
			{ limit: '100', start: 'page-1' },
		]);
		expect(items.map((item) => item.json)).toEqual([...page1, ...page2]);
	});

	it('Limit asks only for what is missing and stops', async () => {
		pages(coupons(100), coupons(100, 100), coupons(100, 200));
		const items = await runLineOk(line.mock, { resource: 'coupon', operation: 'list', limit: 150 });
		expect(apiRequests(line.mock).map((r) => r.query)).toEqual([
			{ limit: '100' },
			{ limit: '50', start: 'page-1' },
		]);
		expect(items).toHaveLength(150);
	});

	it('filters by status, on every page', async () => {
		pages(coupons(2), coupons(1, 2));
		await runLineOk(line.mock, {
			resource: 'coupon',
			operation: 'list',
			returnAll: true,
			status: ['CLOSED'],
		});
		expect(apiRequests(line.mock).map((r) => r.query.status)).toEqual(['CLOSED', 'CLOSED']);
	});

	it('refuses a status LINE does not know, given by an expression', async () => {
		const result = await runLine(line.mock, {
			resource: 'coupon',
			operation: 'list',
			status: '={{ ["running", "EXPIRED"] }}',
		});
		expect(result.error?.message).toBe(
			'status: "EXPIRED" is not a coupon status; expected DRAFT, RUNNING, CLOSED [item 0]',
		);
		expect(apiRequests(line.mock)).toEqual([]);
	});
});

describe('Get and Close', () => {
	it.each(['get', 'close'])(
		'%s refuses a coupon ID that is not one path segment',
		async (operation) => {
			const result = await runLine(line.mock, {
				resource: 'coupon',
				operation,
				couponId: '../richmenu',
			});
			expect(result.error?.message).toBe(
				'couponId: "../richmenu" is not a coupon ID (letters, digits, - and _ only) [item 0]',
			);
			expect(apiRequests(line.mock)).toEqual([]);
		},
	);

	it('close shows what LINE says of a coupon that is already closed (410)', async () => {
		line.mock.once('PUT', `/v2/bot/coupon/${COUPON_ID}/close`, () => ({
			status: 410,
			body: { message: 'The coupon is already closed' },
		}));
		const result = await runLine(line.mock, {
			resource: 'coupon',
			operation: 'close',
			couponId: COUPON_ID,
		});
		expect(result.error?.httpCode).toBe('410');
		expect(result.error?.message).toBe('LINE API error 410: The coupon is already closed');
		expect(apiRequests(line.mock)).toHaveLength(1);
	});
});
