import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { toLineDate } from '../../../nodes/Line/helpers/dates';
import type { MockRequest } from '../../support/mockLine';
import type { ContractCase } from './types';

/** LINE's insight operations and the aggregation units of the quota resource, with answers from LINE's OpenAPI examples. */

const REQUEST_ID = 'f70dd685-499a-4231-a441-f24b8d4fba21';
const RICH_MENU_ID = 'richmenu-0123456789abcdef0123456789abcdef';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A day `days` before today in UTC+9: rich menu periods must lie in the last 3 years. */
const daysAgo = (days: number) => toLineDate(new Date(Date.now() - days * DAY_MS), 'date');

const responseBody = (request: MockRequest) => request.response.body as IDataObject;

const FOLLOWERS = { status: 'ready', followers: 7620, targetedReaches: 5848, blocks: 237 };

const DEMOGRAPHICS = {
	available: true,
	genders: [
		{ gender: 'unknown', percentage: 37.6 },
		{ gender: 'male', percentage: 31.8 },
		{ gender: 'female', percentage: 30.6 },
	],
	ages: [
		{ age: 'unknown', percentage: 37.6 },
		{ age: 'from50', percentage: 17.3 },
	],
	areas: [
		{ area: 'unknown', percentage: 42.9 },
		{ area: '徳島', percentage: 2.9 },
	],
	appTypes: [
		{ appType: 'ios', percentage: 62.4 },
		{ appType: 'android', percentage: 27.7 },
		{ appType: 'others', percentage: 9.9 },
	],
	subscriptionPeriods: [
		{ subscriptionPeriod: 'over365days', percentage: 96.4 },
		{ subscriptionPeriod: 'within7days', percentage: 0 },
	],
};

const MESSAGE_EVENT = {
	overview: {
		requestId: REQUEST_ID,
		timestamp: 1568214000,
		delivered: 320,
		uniqueImpression: 82,
		uniqueClick: 51,
		uniqueMediaPlayed: null,
		uniqueMediaPlayed100Percent: null,
	},
	messages: [{ seq: 1, impression: 136, mediaPlayed: null, uniqueMediaPlayed: null }],
	clicks: [
		{ seq: 1, url: 'https://line.me/', click: 41, uniqueClick: 30, uniqueClickOfRequest: 30 },
	],
};

const STATISTICS_PER_UNIT = {
	overview: {
		uniqueImpression: 40,
		uniqueClick: 30,
		uniqueMediaPlayed: 25,
		uniqueMediaPlayed100Percent: null,
	},
	messages: [{ seq: 1, impression: 42, mediaPlayed: 30, uniqueMediaPlayed: 25 }],
	clicks: [
		{
			seq: 1,
			url: 'https://developers.line.biz/',
			click: 35,
			uniqueClick: 25,
			uniqueClickOfRequest: null,
		},
	],
};

const LEFT = { x: 0, y: 0, width: 400, height: 250 };
const RIGHT = { x: 400, y: 0, width: 400, height: 250 };

function richMenuSummary(from: string, to: string): IDataObject {
	return {
		richMenuId: RICH_MENU_ID,
		metricsFrom: from,
		metricsTo: to,
		impression: { metrics: { count: 567, uniqueUsers: 300 } },
		clicks: [
			{ bounds: LEFT, metrics: { count: 123, uniqueUsers: 45 } },
			{ bounds: RIGHT, metrics: { count: 45, uniqueUsers: 24 } },
		],
	};
}

function richMenuDaily(day1: string, day2: string): IDataObject {
	return {
		richMenuId: RICH_MENU_ID,
		metricsFrom: day1,
		metricsTo: day2,
		impression: {
			metrics: [
				{ date: day1, count: 300, uniqueUsers: 191 },
				{ date: day2, count: 267, uniqueUsers: 222 },
			],
		},
		clicks: [
			{
				bounds: LEFT,
				metrics: [
					{ date: day1, count: 45, uniqueUsers: 22 },
					{ date: day2, count: 78, uniqueUsers: 35 },
				],
			},
			{ bounds: RIGHT, metrics: [{ date: day2, count: 23, uniqueUsers: 22 }] },
		],
	};
}

const insight = (operation: string, parameters: IDataObject = {}): INodeParameters =>
	({ resource: 'insight', operation, ...parameters }) as INodeParameters;

const FROM = daysAgo(30);
const TO = daysAgo(1);
const DAY_1 = daysAgo(2);

/** Keyed by `resource/operation`; the completeness test fails when an operation has none. */
export const contracts: Record<string, ContractCase[]> = {
	'insight/getNumberOfFollowers': [
		{
			name: 'followers as of a day typed yyyy-MM-dd',
			parameters: insight('getNumberOfFollowers', { date: '2026-11-22' }),
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/insight/followers', () => ({ status: 200, body: FOLLOWERS })),
			request: {
				method: 'GET',
				path: '/v2/bot/insight/followers',
				query: { date: '20261122' },
				retryKey: false,
			},
			output: () => ({ date: '20261122', ...FOLLOWERS }),
		},
		{
			name: 'a day LINE has not counted yet: its status comes through',
			// An instant is counted on its day in UTC+9: 16:30 UTC on the 21st is the 22nd in Tokyo.
			parameters: insight('getNumberOfFollowers', { date: '={{ $json.when }}' }),
			input: [{ when: '2026-11-21T16:30:00Z' }],
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/insight/followers', () => ({
					status: 200,
					body: { status: 'unready' },
				})),
			request: {
				method: 'GET',
				path: '/v2/bot/insight/followers',
				query: { date: '20261122' },
				retryKey: false,
			},
			output: () => ({ date: '20261122', status: 'unready' }),
		},
	],
	'insight/getFriendsDemographics': [
		{
			name: 'demographics as LINE answers them',
			parameters: insight('getFriendsDemographics'),
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/insight/demographic', () => ({
					status: 200,
					body: DEMOGRAPHICS,
				})),
			request: { method: 'GET', path: '/v2/bot/insight/demographic', retryKey: false },
			output: responseBody,
		},
		{
			name: 'demographics, one item per segment',
			parameters: insight('getFriendsDemographics', { output: 'segments' }),
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/insight/demographic', () => ({
					status: 200,
					body: DEMOGRAPHICS,
				})),
			request: { method: 'GET', path: '/v2/bot/insight/demographic', retryKey: false },
			output: () => [
				{ attribute: 'gender', value: 'unknown', percentage: 37.6 },
				{ attribute: 'gender', value: 'male', percentage: 31.8 },
				{ attribute: 'gender', value: 'female', percentage: 30.6 },
				{ attribute: 'age', value: 'unknown', percentage: 37.6 },
				{ attribute: 'age', value: 'from50', percentage: 17.3 },
				{ attribute: 'area', value: 'unknown', percentage: 42.9 },
				{ attribute: 'area', value: '徳島', percentage: 2.9 },
				{ attribute: 'appType', value: 'ios', percentage: 62.4 },
				{ attribute: 'appType', value: 'android', percentage: 27.7 },
				{ attribute: 'appType', value: 'others', percentage: 9.9 },
				{ attribute: 'subscriptionPeriod', value: 'over365days', percentage: 96.4 },
				{ attribute: 'subscriptionPeriod', value: 'within7days', percentage: 0 },
			],
		},
	],
	'insight/getNumberOfMessageDeliveries': [
		{
			name: 'deliveries on a day',
			parameters: insight('getNumberOfMessageDeliveries', { date: '20261122' }),
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/insight/message/delivery', () => ({
					status: 200,
					body: { status: 'ready', broadcast: 5385, targeting: 522, apiPush: 12 },
				})),
			request: {
				method: 'GET',
				path: '/v2/bot/insight/message/delivery',
				query: { date: '20261122' },
				retryKey: false,
			},
			output: () => ({
				date: '20261122',
				status: 'ready',
				broadcast: 5385,
				targeting: 522,
				apiPush: 12,
			}),
		},
	],
	'insight/getMessageEvent': [
		{
			name: 'interactions with the broadcast of the previous node',
			parameters: insight('getMessageEvent'),
			input: [{ requestId: REQUEST_ID }],
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/insight/message/event', () => ({
					status: 200,
					body: MESSAGE_EVENT,
				})),
			request: {
				method: 'GET',
				path: '/v2/bot/insight/message/event',
				query: { requestId: REQUEST_ID },
				retryKey: false,
			},
			output: () => ({ requestId: REQUEST_ID, ...MESSAGE_EVENT }),
		},
	],
	'insight/getStatisticsPerUnit': [
		{
			name: 'a unit from the previous node over 31 days',
			parameters: insight('getStatisticsPerUnit', { from: '2026-03-01', to: '20260331' }),
			input: [{ customAggregationUnit: 'promotion_a' }],
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/insight/message/event/aggregation', () => ({
					status: 200,
					body: STATISTICS_PER_UNIT,
				})),
			request: {
				method: 'GET',
				path: '/v2/bot/insight/message/event/aggregation',
				query: { customAggregationUnit: 'promotion_a', from: '20260301', to: '20260331' },
				retryKey: false,
			},
			output: () => ({
				customAggregationUnit: 'promotion_a',
				from: '20260301',
				to: '20260331',
				...STATISTICS_PER_UNIT,
			}),
		},
	],
	'insight/getRichMenuInsightSummary': [
		{
			name: 'summary of the rich menu of the previous node',
			parameters: insight('getRichMenuInsightSummary', { from: FROM, to: TO }),
			input: [{ richMenuId: RICH_MENU_ID }],
			arrange: (mock) =>
				mock.once('GET', `/v2/bot/insight/richmenu/${RICH_MENU_ID}/summary`, () => ({
					status: 200,
					body: richMenuSummary(FROM, TO),
				})),
			request: {
				method: 'GET',
				path: `/v2/bot/insight/richmenu/${RICH_MENU_ID}/summary`,
				query: { from: FROM, to: TO },
				retryKey: false,
			},
			output: () => ({
				from: FROM,
				to: TO,
				belowThreshold: false,
				...richMenuSummary(FROM, TO),
			}),
		},
		{
			name: 'below the privacy threshold: only the rich menu ID, said so (the rich menu picked from the list)',
			parameters: insight('getRichMenuInsightSummary', {
				richMenuId: { __rl: true, mode: 'list', value: RICH_MENU_ID, cachedResultName: 'Main' },
				from: FROM,
				to: TO,
			}),
			arrange: (mock) =>
				mock.once('GET', `/v2/bot/insight/richmenu/${RICH_MENU_ID}/summary`, () => ({
					status: 200,
					body: { richMenuId: RICH_MENU_ID },
				})),
			request: {
				method: 'GET',
				path: `/v2/bot/insight/richmenu/${RICH_MENU_ID}/summary`,
				query: { from: FROM, to: TO },
				retryKey: false,
			},
			output: () => ({ richMenuId: RICH_MENU_ID, from: FROM, to: TO, belowThreshold: true }),
		},
	],
	'insight/getRichMenuInsightDaily': [
		{
			name: 'one item per day, every area in the order of the menu',
			parameters: insight('getRichMenuInsightDaily', {
				richMenuId: RICH_MENU_ID,
				from: DAY_1,
				to: TO,
			}),
			arrange: (mock) =>
				mock.once('GET', `/v2/bot/insight/richmenu/${RICH_MENU_ID}/daily`, () => ({
					status: 200,
					body: richMenuDaily(DAY_1, TO),
				})),
			request: {
				method: 'GET',
				path: `/v2/bot/insight/richmenu/${RICH_MENU_ID}/daily`,
				query: { from: DAY_1, to: TO },
				retryKey: false,
			},
			output: () => [
				{
					richMenuId: RICH_MENU_ID,
					belowThreshold: false,
					date: DAY_1,
					impression: { count: 300, uniqueUsers: 191 },
					clicks: [
						{ bounds: LEFT, count: 45, uniqueUsers: 22 },
						// LINE gave no figure for this area on this day.
						{ bounds: RIGHT, count: null, uniqueUsers: null },
					],
				},
				{
					richMenuId: RICH_MENU_ID,
					belowThreshold: false,
					date: TO,
					impression: { count: 267, uniqueUsers: 222 },
					clicks: [
						{ bounds: LEFT, count: 78, uniqueUsers: 35 },
						{ bounds: RIGHT, count: 23, uniqueUsers: 22 },
					],
				},
			],
		},
		{
			name: 'one item for the period, as LINE answers (the rich menu picked from the list)',
			parameters: insight('getRichMenuInsightDaily', {
				richMenuId: { __rl: true, mode: 'list', value: RICH_MENU_ID },
				from: DAY_1,
				to: TO,
				output: 'period',
			}),
			arrange: (mock) =>
				mock.once('GET', `/v2/bot/insight/richmenu/${RICH_MENU_ID}/daily`, () => ({
					status: 200,
					body: richMenuDaily(DAY_1, TO),
				})),
			request: {
				method: 'GET',
				path: `/v2/bot/insight/richmenu/${RICH_MENU_ID}/daily`,
				query: { from: DAY_1, to: TO },
				retryKey: false,
			},
			output: () => ({ from: DAY_1, to: TO, belowThreshold: false, ...richMenuDaily(DAY_1, TO) }),
		},
	],
	'quota/getAggregationUnitUsage': [
		{
			name: 'aggregation units used this month',
			parameters: { resource: 'quota', operation: 'getAggregationUnitUsage' },
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/message/aggregation/info', () => ({
					status: 200,
					body: { numOfCustomAggregationUnits: 22 },
				})),
			request: { method: 'GET', path: '/v2/bot/message/aggregation/info', retryKey: false },
			output: () => ({ numOfCustomAggregationUnits: 22 }),
		},
	],
	'quota/getAggregationUnitNameList': [
		{
			name: 'every unit name, 100 per page, one item each',
			parameters: { resource: 'quota', operation: 'getAggregationUnitNameList', returnAll: true },
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/message/aggregation/list', () => ({
					status: 200,
					body: { customAggregationUnits: ['promotion_a', 'promotion_b'] },
				})),
			request: {
				method: 'GET',
				path: '/v2/bot/message/aggregation/list',
				query: { limit: '100' },
				retryKey: false,
			},
			output: () => [
				{ customAggregationUnit: 'promotion_a' },
				{ customAggregationUnit: 'promotion_b' },
			],
		},
		{
			name: 'the first unit name, asking LINE for 1',
			parameters: { resource: 'quota', operation: 'getAggregationUnitNameList', limit: 1 },
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/message/aggregation/list', () => ({
					status: 200,
					body: { customAggregationUnits: ['promotion_a'], next: 'jxEWCEEP' },
				})),
			request: {
				method: 'GET',
				path: '/v2/bot/message/aggregation/list',
				query: { limit: '1' },
				retryKey: false,
			},
			output: () => [{ customAggregationUnit: 'promotion_a' }],
		},
	],
};
