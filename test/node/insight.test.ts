import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { checkPeriod, earliestDay } from '../../nodes/Line/actions/insight/common';
import { toLineDate } from '../../nodes/Line/helpers/dates';
import { InputError } from '../../nodes/shared/errors';
import type { MockRequest } from '../support/mockLine';
import { apiRequests, runLine, runLineOk, useMockLine } from './fixtures';

/**
 * Insight and aggregation units: dates as n8n users type them, LINE's period rules checked before
 * anything is sent (errors name the item and the field), rich menu figures day by day, LINE's
 * "not ready" and privacy-threshold answers passed through, unit names page by page.
 */

const line = useMockLine();

const RICH_MENU_ID = 'richmenu-0123456789abcdef0123456789abcdef';
const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => toLineDate(new Date(Date.now() - days * DAY_MS), 'date');
/** The day `days` after the yyyyMMdd `day`. */
function plusDays(day: string, days: number): string {
	const start = Date.UTC(
		Number(day.slice(0, 4)),
		Number(day.slice(4, 6)) - 1,
		Number(day.slice(6)),
	);
	return new Date(start + days * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

const insight = (operation: string, parameters: IDataObject = {}): INodeParameters =>
	({ resource: 'insight', operation, ...parameters }) as INodeParameters;

async function refused(parameters: INodeParameters, input?: IDataObject[]): Promise<string> {
	const result = await runLine(line.mock, parameters, { input });
	expect(apiRequests(line.mock)).toEqual([]);
	expect(result.error).toBeDefined();
	return result.error!.message;
}

describe('days as n8n users type them', () => {
	it.each([
		['20261122', '20261122'],
		['2026-11-22', '20261122'],
		// n8n's date picker: a date-time without offset keeps its calendar day.
		['2026-11-22T00:00:00', '20261122'],
		// An instant is counted on its day in UTC+9.
		['2026-11-22T15:30:00Z', '20261123'],
		["={{ DateTime.fromISO('2026-11-22T08:00:00', { zone: 'Asia/Tokyo' }) }}", '20261122'],
	])('Get Number of Message Deliveries for %p asks LINE for %s', async (date, expected) => {
		await runLineOk(line.mock, insight('getNumberOfMessageDeliveries', { date }));
		expect(apiRequests(line.mock).map((r) => r.query)).toEqual([{ date: expected }]);
	});

	it('a date that is not one is refused naming the item and the field, before anything is sent', async () => {
		const message = await refused(insight('getNumberOfFollowers', { date: '={{ $json.day }}' }), [
			{ day: '20261122' },
			{ day: '2026-02-30' },
		]);
		expect(message).toBe('date: "2026-02-30" is not a date [item 1]');
	});

	it('the default date is yesterday', async () => {
		// The parameter's default, as the UI sets it: yesterday in the workflow's time zone, which
		// is one of these UTC calendar days whatever the zone.
		await runLineOk(line.mock, insight('getNumberOfFollowers'));
		const utcDay = (offset: number) =>
			new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
		expect([utcDay(-2), utcDay(-1), utcDay(0)]).toContain(apiRequests(line.mock)[0].query.date);
	});
});

describe("LINE's status comes through", () => {
	it.each(['unready', 'out_of_service'])(
		'status %s of the followers count is output as LINE gives it, with the day asked for',
		async (status) => {
			line.mock.once('GET', '/v2/bot/insight/followers', () => ({ status: 200, body: { status } }));
			const items = await runLineOk(
				line.mock,
				insight('getNumberOfFollowers', { date: '20161001' }),
			);
			expect(items).toEqual([{ json: { date: '20161001', status }, pairedItem: { item: 0 } }]);
		},
	);

	it('each input item gets its own day, paired with it, in input order', async () => {
		line.mock.on('GET', '/v2/bot/insight/message/delivery', (request: MockRequest) => ({
			status: 200,
			body:
				request.query.date === '20261122'
					? { status: 'ready', broadcast: 5 }
					: { status: 'unready' },
		}));
		const items = await runLineOk(
			line.mock,
			insight('getNumberOfMessageDeliveries', { date: '={{ $json.day }}' }),
			{ input: [{ day: '2026-11-22' }, { day: '2026-12-07' }] },
		);
		expect(items).toEqual([
			{ json: { date: '20261122', status: 'ready', broadcast: 5 }, pairedItem: { item: 0 } },
			{ json: { date: '20261207', status: 'unready' }, pairedItem: { item: 1 } },
		]);
	});
});

describe('Get Friends Demographics', () => {
	it('without demographics (available: false) One Item per Segment still outputs one item saying so', async () => {
		line.mock.once('GET', '/v2/bot/insight/demographic', () => ({
			status: 200,
			body: { available: false },
		}));
		const items = await runLineOk(
			line.mock,
			insight('getFriendsDemographics', { output: 'segments' }),
		);
		expect(items.map((item) => item.json)).toEqual([{ available: false }]);
	});
});

describe('Get User Interaction Statistics', () => {
	it.each([
		// The default maps the previous item's requestId: an item without one.
		[undefined, 'requestId: is empty (got nothing) [item 0]'],
		[
			'f70dd685 499a',
			'requestId: "f70dd685 499a" is not a LINE request ID (it contains spaces) [item 0]',
		],
	])('request ID %p is refused', async (requestId, expected) => {
		const parameters = requestId === undefined ? {} : { requestId };
		expect(await refused(insight('getMessageEvent', parameters), [{ other: 1 }])).toBe(expected);
	});
});

describe('Get Statistics per Unit', () => {
	const perUnit = (parameters: IDataObject) =>
		insight('getStatisticsPerUnit', { customAggregationUnit: 'promotion_a', ...parameters });

	it('a period of 30 days after From is sent, 31 is refused naming To and the latest day allowed', async () => {
		await runLineOk(line.mock, perUnit({ from: '20260201', to: '20260303' }));
		expect(apiRequests(line.mock).map((r) => r.query)).toEqual([
			{ customAggregationUnit: 'promotion_a', from: '20260201', to: '20260303' },
		]);
		line.mock.reset();

		expect(await refused(perUnit({ from: '20260201', to: '2026-03-04' }))).toBe(
			'to: 20260304 is 31 days after from (20260201); LINE allows at most 30 days, so 20260303 at the latest [item 0]',
		);
	});

	it('To before From is refused', async () => {
		expect(await refused(perUnit({ from: '20260310', to: '20260309' }))).toBe(
			'to: 20260309 is before from (20260310) [item 0]',
		);
	});

	it.each([
		['promotion-a', '"promotion-a"'],
		['a'.repeat(31), `"${'a'.repeat(31)}"`],
		// The default maps the previous item's customAggregationUnit: an item without one.
		['={{ $json.customAggregationUnit }}', 'nothing'],
	])('unit name %p is refused', async (unit, shown) => {
		expect(
			await refused(perUnit({ customAggregationUnit: unit, from: '20260301', to: '20260302' })),
		).toBe(
			`customAggregationUnit: ${shown} is not an aggregation unit name (1 to 30 letters, digits or underscores) [item 0]`,
		);
	});

	it('with Continue On Fail a bad item becomes an error item and the others are sent', async () => {
		const result = await runLine(
			line.mock,
			perUnit({ customAggregationUnit: '={{ $json.unit }}', from: '20260301', to: '20260302' }),
			{ input: [{ unit: 'bad unit' }, { unit: 'promotion_b' }], continueOnFail: true },
		);
		expect(apiRequests(line.mock).map((r) => r.query.customAggregationUnit)).toEqual([
			'promotion_b',
		]);
		expect(result.items[0].json.error).toMatch(/^customAggregationUnit: "bad unit" is not/);
		expect(result.items[1].json).toMatchObject({
			customAggregationUnit: 'promotion_b',
			from: '20260301',
			to: '20260302',
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('rich menu insight', () => {
	const TO = daysAgo(1);

	it.each([
		['getRichMenuInsightSummary', 'summary', 396],
		['getRichMenuInsightDaily', 'daily', 99],
	])('%s: To at most %s days after From', async (operation, path, maxDays) => {
		const from = plusDays(TO, -maxDays);
		await runLineOk(line.mock, insight(operation, { richMenuId: RICH_MENU_ID, from, to: TO }));
		expect(apiRequests(line.mock).map((r) => [r.path, r.query])).toEqual([
			[`/v2/bot/insight/richmenu/${RICH_MENU_ID}/${path}`, { from, to: TO }],
		]);
		line.mock.reset();

		const tooEarly = plusDays(TO, -maxDays - 1);
		expect(
			await refused(insight(operation, { richMenuId: RICH_MENU_ID, from: tooEarly, to: TO })),
		).toBe(
			`to: ${TO} is ${maxDays + 1} days after from (${tooEarly}); LINE allows at most ${maxDays} days, so ${plusDays(tooEarly, maxDays)} at the latest [item 0]`,
		);
	});

	it('From more than 3 years ago is refused', async () => {
		const from = plusDays(daysAgo(0), -3 * 366);
		const message = await refused(
			insight('getRichMenuInsightSummary', {
				richMenuId: RICH_MENU_ID,
				from,
				to: plusDays(from, 10),
			}),
		);
		expect(message).toMatch(
			new RegExp(
				`^from: ${from} is more than 3 years ago; LINE keeps these statistics from \\d{8} \\(UTC\\+9\\) on \\[item 0\\]$`,
			),
		);
	});

	it.each([
		'richmenu-123',
		'0123456789abcdef0123456789abcdef',
		'RICHMENU-0123456789ABCDEF0123456789ABCDEF',
	])('rich menu ID %p is refused', async (richMenuId) => {
		const message = await refused(
			insight('getRichMenuInsightDaily', { richMenuId, from: daysAgo(3), to: TO }),
		);
		// The check of the rich menu operations (../richMenu/common.ts), naming the item.
		expect(message).toMatch(/^richMenuId: ".*" is not a rich menu ID .*\[item 0\]$/);
	});

	it('daily below the privacy threshold: one item saying so instead of days', async () => {
		const from = daysAgo(5);
		line.mock.once('GET', `/v2/bot/insight/richmenu/${RICH_MENU_ID}/daily`, () => ({
			status: 200,
			body: { richMenuId: RICH_MENU_ID },
		}));
		const items = await runLineOk(
			line.mock,
			insight('getRichMenuInsightDaily', { richMenuId: RICH_MENU_ID, from, to: TO }),
		);
		expect(items.map((item) => item.json)).toEqual([
			{ richMenuId: RICH_MENU_ID, from, to: TO, belowThreshold: true },
		]);
	});

	it('daily days come out oldest first, also when LINE lists an area by days the menu has not', async () => {
		const [d1, d2, d3] = [daysAgo(3), daysAgo(2), TO];
		const bounds = { x: 0, y: 0, width: 2500, height: 843 };
		line.mock.once('GET', `/v2/bot/insight/richmenu/${RICH_MENU_ID}/daily`, () => ({
			status: 200,
			body: {
				richMenuId: RICH_MENU_ID,
				metricsFrom: d1,
				metricsTo: d3,
				impression: {
					metrics: [
						{ date: d3, count: 3, uniqueUsers: 3 },
						{ date: d1, count: 1, uniqueUsers: 1 },
					],
				},
				clicks: [{ bounds, metrics: [{ date: d2, count: 2, uniqueUsers: 2 }] }],
			},
		}));
		const items = await runLineOk(
			line.mock,
			insight('getRichMenuInsightDaily', { richMenuId: RICH_MENU_ID, from: d1, to: d3 }),
		);
		expect(items.map((item) => [item.json.date, item.json.impression, item.json.clicks])).toEqual([
			[d1, { count: 1, uniqueUsers: 1 }, [{ bounds, count: null, uniqueUsers: null }]],
			[d2, { count: null, uniqueUsers: null }, [{ bounds, count: 2, uniqueUsers: 2 }]],
			[d3, { count: 3, uniqueUsers: 3 }, [{ bounds, count: null, uniqueUsers: null }]],
		]);
		expect(items.every((item) => item.json.richMenuId === RICH_MENU_ID)).toBe(true);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	it("LINE's 404 for an unknown rich menu names the item", async () => {
		line.mock.once('GET', `/v2/bot/insight/richmenu/${RICH_MENU_ID}/summary`, () => ({
			status: 404,
			body: { message: 'Not found' },
		}));
		const result = await runLine(
			line.mock,
			insight('getRichMenuInsightSummary', { richMenuId: RICH_MENU_ID, from: daysAgo(9), to: TO }),
			{ continueOnFail: true },
		);
		expect(result.items).toEqual([
			{
				json: expect.objectContaining({ error: 'LINE API error 404: Not found', httpCode: '404' }),
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('periods (pure)', () => {
	const now = new Date('2026-12-07T23:50:00Z'); // 8 December in UTC+9

	it('3 years back from today in UTC+9, 29 February becoming 28 February', () => {
		expect(earliestDay(3, now)).toBe('20231208');
		expect(earliestDay(3, new Date('2028-02-29T03:00:00Z'))).toBe('20250228');
	});

	it('From on the earliest day passes, the day before is refused naming from', () => {
		const rule = { maxDaysAfterFrom: 396, withinYears: 3 };
		expect(() => checkPeriod({ from: '20231208', to: '20231210' }, rule, now)).not.toThrow();
		expect(() => checkPeriod({ from: '20231207', to: '20231210' }, rule, now)).toThrow(
			new InputError(
				'from',
				'20231207 is more than 3 years ago; LINE keeps these statistics from 20231208 (UTC+9) on',
			),
		);
	});

	it('counts days across month and leap-year ends', () => {
		const rule = { maxDaysAfterFrom: 30 };
		expect(() => checkPeriod({ from: '20280201', to: '20280302' }, rule, now)).not.toThrow();
		expect(() => checkPeriod({ from: '20280201', to: '20280303' }, rule, now)).toThrow(
			/is 31 days after from/,
		);
		expect(() => checkPeriod({ from: '20261222', to: '20270121' }, rule, now)).not.toThrow();
	});
});

describe('Quota → Get Aggregation Unit Names', () => {
	const names = (parameters: IDataObject): INodeParameters =>
		({
			resource: 'quota',
			operation: 'getAggregationUnitNameList',
			...parameters,
		}) as INodeParameters;
	const unitNames = (count: number, offset = 0) =>
		Array.from({ length: count }, (_, i) => `unit_${i + offset}`);

	/** Programs LINE's answers page by page, each but the last with a `next` token. */
	function pages(...contents: string[][]): void {
		contents.forEach((units, index) => {
			const token = index === 0 ? undefined : `token-${index}`;
			line.mock.on(
				'GET',
				'/v2/bot/message/aggregation/list',
				(request: MockRequest) => {
					if (request.query.start !== token) return undefined;
					const next = index < contents.length - 1 ? { next: `token-${index + 1}` } : {};
					return { status: 200, body: { customAggregationUnits: units, ...next } };
				},
				{ times: 1 },
			);
		});
	}

	const [page1, page2, page3] = [unitNames(100), unitNames(100, 100), unitNames(7, 200)];

	it('Return All follows next across 3 pages of 100, one item per unit name', async () => {
		pages(page1, page2, page3);
		const items = await runLineOk(line.mock, names({ returnAll: true }));
		expect(apiRequests(line.mock).map((r) => r.query)).toEqual([
			{ limit: '100' },
			{ limit: '100', start: 'token-1' },
			{ limit: '100', start: 'token-2' },
		]);
		expect(items.map((item) => item.json)).toEqual(
			[...page1, ...page2, ...page3].map((customAggregationUnit) => ({ customAggregationUnit })),
		);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('Limit 150 asks for the 50 still missing on the second page and fetches no third', async () => {
		pages(page1, page2, page3);
		const items = await runLineOk(line.mock, names({ limit: 150 }));
		expect(apiRequests(line.mock).map((r) => r.query)).toEqual([
			{ limit: '100' },
			{ limit: '50', start: 'token-1' },
		]);
		expect(items).toHaveLength(150);
		expect(items[149].json).toEqual({ customAggregationUnit: 'unit_149' });
	});

	it('no units this month: no items', async () => {
		pages([]);
		const result = await runLine(line.mock, names({ returnAll: true }));
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	it('the unit names chain into Get Statistics per Unit', async () => {
		pages(['promotion_a', 'promotion_b']);
		const units = await runLineOk(line.mock, names({ returnAll: true }));
		line.mock.reset();
		await runLineOk(
			line.mock,
			insight('getStatisticsPerUnit', { from: '20261101', to: '20261130' }),
			{
				input: units.map((item) => item.json),
			},
		);
		expect(apiRequests(line.mock).map((r) => r.query.customAggregationUnit)).toEqual([
			'promotion_a',
			'promotion_b',
		]);
	});
});
