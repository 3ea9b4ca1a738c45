import '../support/n8nEnvironment';

import { LoadOptionsContext } from 'n8n-core';
import {
	NodeHelpers,
	type IDataObject,
	Workflow,
	type INode,
	type INodeListSearchResult,
	type INodeParameters,
	type INodeProperties,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { lineListSearch } from '../../nodes/Line/methods/listSearch';
import { TestCredentialsHelper, type TestCredential } from '../support/engine';
import type { MockRequest } from '../support/mockLine';
import {
	apiRequests,
	header,
	idSecretCredential,
	nodeType,
	runLine,
	runLineOk,
	tokenCredential,
	TOKEN,
	useMockLine,
	USER,
} from './fixtures';

/**
 * The dropdowns of the LINE node's resource locators: each search method run in n8n-core's
 * LoadOptionsContext (what the editor calls) against the mock LINE, with LINE's list answers
 * programmed from the OpenAPI's schemas and examples; and the locator fields' values (picked from
 * the list, typed by ID, plain strings of older workflows) read by the operations.
 */

const line = useMockLine();

type SearchMethod = keyof typeof lineListSearch;

interface SearchOptions {
	filter?: string;
	paginationToken?: string;
	credential?: TestCredential;
	/** The node's parameters as the editor sends them (currentNodeParameters). */
	parameters?: INodeParameters;
}

async function search(
	method: SearchMethod,
	{ filter, paginationToken, credential, parameters }: SearchOptions = {},
): Promise<INodeListSearchResult> {
	const used = credential ?? tokenCredential(line.mock);
	// The editor sends the node's parameters with their defaults.
	const current: INodeParameters = { authentication: 'channelAccessToken', ...parameters };
	const node: INode = {
		id: 'line-node',
		name: 'LINE Messaging',
		type: nodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: current,
		credentials: { [used.type]: { id: `${used.type}-id`, name: 'LINE' } },
	};
	const workflow = new Workflow({
		id: 'load-options',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: (_name, version) => NodeHelpers.getVersionedNodeType(nodeType, version),
			getKnownTypes: () => ({}),
		},
	});
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper([used]),
		currentNodeParameters: current,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(
		workflow,
		workflow.getNode('LINE Messaging')!,
		additionalData,
		'parameters.id',
	);
	const methods = nodeType.methods.listSearch;
	return await methods[method].call(context, filter, paginationToken);
}

/** The list requests the dropdown sent: method, path and query. */
function sent(): Array<[string, string, MockRequest['query']]> {
	expect(line.mock.invalidRequests().map((r) => [r.path, r.problems])).toEqual([]);
	return apiRequests(line.mock).map((r) => [r.method, r.path, r.query]);
}

const MENU_MAIN = 'richmenu-88c05ef6921ae53f8b58a25f3a65faf7';
const MENU_SALE = 'richmenu-862e6ad6c267d2ddf3f42bc78554f6a4';
const MENU_COPY = 'richmenu-0123456789abcdef0123456789abcdef';

/** A RichMenuResponse of the list. */
function menu(richMenuId: string, name: string, chatBarText: string, height = 1686) {
	return {
		richMenuId,
		size: { width: 2500, height },
		selected: false,
		name,
		chatBarText,
		areas: [
			{
				bounds: { x: 0, y: 0, width: 2500, height },
				action: { type: 'postback', data: 'action=buy' },
			},
		],
	};
}

const MENUS = [
	menu(MENU_MAIN, 'Main menu', 'Menu'),
	menu(MENU_SALE, 'Spring sale', 'Sale', 843),
	menu(MENU_COPY, 'Main menu', 'Tap here'),
];

describe('searchRichMenus', () => {
	beforeEach(() => {
		line.mock.on('GET', '/v2/bot/richmenu/list', () => ({
			status: 200,
			body: { richmenus: MENUS },
		}));
	});

	it("lists the channel's rich menus by name, telling menus of the same name apart by ID", async () => {
		const { results, paginationToken } = await search('searchRichMenus');

		expect(results).toEqual([
			{
				name: `Main menu (${MENU_MAIN})`,
				value: MENU_MAIN,
				description: '2500 × 1686 · chat bar "Menu"',
			},
			{ name: 'Spring sale', value: MENU_SALE, description: '2500 × 843 · chat bar "Sale"' },
			{
				name: `Main menu (${MENU_COPY})`,
				value: MENU_COPY,
				description: '2500 × 1686 · chat bar "Tap here"',
			},
		]);
		expect(paginationToken).toBeUndefined();
		expect(sent()).toEqual([['GET', '/v2/bot/richmenu/list', {}]]);
		expect(header(apiRequests(line.mock)[0], 'authorization')).toBe(`Bearer ${TOKEN}`);
	});

	it.each([
		['a part of the name, in any case', 'SPRING', [MENU_SALE]],
		['the chat bar text', 'tap', [MENU_COPY]],
		['a part of the ID', '862e6ad6', [MENU_SALE]],
		['text around it', '  main ', [MENU_MAIN, MENU_COPY]],
		['nothing that matches', 'winter', []],
	])('filters by %s', async (_name, filter, ids) => {
		const { results } = await search('searchRichMenus', { filter });
		expect(results.map((result) => result.value)).toEqual(ids);
	});

	it('a single match keeps its plain name', async () => {
		const { results } = await search('searchRichMenus', { filter: 'Menu', parameters: {} });
		// "Menu" is the chat bar text of the first and in both names: all three match.
		expect(results).toHaveLength(3);
		const [only] = (await search('searchRichMenus', { filter: MENU_COPY.slice(-8) })).results;
		expect(only).toMatchObject({ name: 'Main menu', value: MENU_COPY });
	});
});

describe('searchRichMenuAliases', () => {
	beforeEach(() => {
		line.mock.on('GET', '/v2/bot/richmenu/alias/list', () => ({
			status: 200,
			body: {
				aliases: [
					{ richMenuAliasId: 'richmenu-alias-a', richMenuId: MENU_MAIN },
					{ richMenuAliasId: 'richmenu-alias-b', richMenuId: MENU_SALE },
				],
			},
		}));
	});

	it('lists the aliases with the rich menu each points to', async () => {
		const { results } = await search('searchRichMenuAliases');
		expect(results).toEqual([
			{ name: 'richmenu-alias-a', value: 'richmenu-alias-a', description: `→ ${MENU_MAIN}` },
			{ name: 'richmenu-alias-b', value: 'richmenu-alias-b', description: `→ ${MENU_SALE}` },
		]);
		expect(sent()).toEqual([['GET', '/v2/bot/richmenu/alias/list', {}]]);
	});

	it('filters by alias ID or by the ID of its rich menu', async () => {
		expect((await search('searchRichMenuAliases', { filter: 'ALIAS-B' })).results).toHaveLength(1);
		const byMenu = await search('searchRichMenuAliases', { filter: MENU_MAIN });
		expect(byMenu.results.map((result) => result.value)).toEqual(['richmenu-alias-a']);
	});
});

/** A GetAudienceGroupsResponse page (manage-audience.yml). */
function audiencePage(
	audiences: Array<{ id: number; name: string; status?: string; count?: number }>,
	page: number,
	hasNextPage: boolean,
) {
	return {
		audienceGroups: audiences.map(({ id, name, status = 'READY', count = 8619 }) => ({
			audienceGroupId: id,
			createRoute: 'MESSAGING_API',
			type: 'UPLOAD',
			description: name,
			status,
			audienceCount: count,
			created: 1611114828,
			permission: 'READ_WRITE',
			isIfaAudience: false,
		})),
		hasNextPage,
		totalCount: 41,
		readWriteAudienceGroupTotalCount: 41,
		size: 40,
		page,
	};
}

describe('searchAudiences', () => {
	it('asks for 40 a page and gives the next page as the token while LINE has more', async () => {
		line.mock
			.once('GET', '/v2/bot/audienceGroup/list', () => ({
				status: 200,
				body: audiencePage(
					[
						{ id: 1234567890123, name: 'Spring campaign', status: 'IN_PROGRESS', count: 1887 },
						{ id: 2345678901234, name: 'Buyers' },
					],
					1,
					true,
				),
			}))
			.once('GET', '/v2/bot/audienceGroup/list', () => ({
				status: 200,
				body: audiencePage([{ id: 3456789012345, name: 'Spring campaign' }], 2, false),
			}));

		const first = await search('searchAudiences');
		expect(first).toEqual({
			results: [
				{
					name: 'Spring campaign',
					value: '1234567890123',
					description: 'IN_PROGRESS · 1,887 users · ID 1234567890123',
				},
				{
					name: 'Buyers',
					value: '2345678901234',
					description: 'READY · 8,619 users · ID 2345678901234',
				},
			],
			paginationToken: '2',
		});
		const second = await search('searchAudiences', { paginationToken: first.paginationToken });
		expect(second).toEqual({
			results: [
				{
					name: 'Spring campaign',
					value: '3456789012345',
					description: 'READY · 8,619 users · ID 3456789012345',
				},
			],
		});
		expect(sent()).toEqual([
			['GET', '/v2/bot/audienceGroup/list', { page: '1', size: '40' }],
			['GET', '/v2/bot/audienceGroup/list', { page: '2', size: '40' }],
		]);
	});

	it("filters with LINE's own name filter (description), on every page", async () => {
		line.mock.on('GET', '/v2/bot/audienceGroup/list', (request) => ({
			status: 200,
			body: audiencePage(
				[{ id: 1234567890123, name: `Spring ${String(request.query.page)}` }],
				Number(request.query.page),
				request.query.page === '1',
			),
		}));

		const first = await search('searchAudiences', { filter: '  spring ' });
		await search('searchAudiences', {
			filter: '  spring ',
			paginationToken: first.paginationToken,
		});

		expect(sent()).toEqual([
			['GET', '/v2/bot/audienceGroup/list', { page: '1', size: '40', description: 'spring' }],
			['GET', '/v2/bot/audienceGroup/list', { page: '2', size: '40', description: 'spring' }],
		]);
	});

	it('shared audiences come from the shared list (Audience → Get Shared)', async () => {
		line.mock.once('GET', '/v2/bot/audienceGroup/shared/list', () => ({
			status: 200,
			body: audiencePage([{ id: 4567890123456, name: 'Partner list' }], 1, false),
		}));
		const { results } = await search('searchSharedAudiences', { filter: 'partner' });
		expect(results.map((result) => [result.name, result.value])).toEqual([
			['Partner list', '4567890123456'],
		]);
		expect(sent()).toEqual([
			[
				'GET',
				'/v2/bot/audienceGroup/shared/list',
				{ page: '1', size: '40', description: 'partner' },
			],
		]);
	});
});

/** `count` coupons of a MessagingApiPagerCouponListResponse, the i-th titled by `title(i)`. */
function coupons(count: number, offset: number, title: (i: number) => string) {
	return Array.from({ length: count }, (_, i) => ({
		couponId: `01JYNW${String(offset + i).padStart(20, '0')}`,
		title: title(offset + i),
	}));
}

describe('searchCoupons', () => {
	it("one page of 100 without a filter; LINE's next is the token, given back as start", async () => {
		line.mock
			.once('GET', '/v2/bot/coupon', () => ({
				status: 200,
				body: { items: coupons(100, 0, (i) => `Coupon ${i}`), next: 'page-2' },
			}))
			.once('GET', '/v2/bot/coupon', () => ({
				status: 200,
				body: { items: coupons(3, 100, (i) => `Coupon ${i}`) },
			}));

		const first = await search('searchCoupons');
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({
			name: 'Coupon 0',
			value: '01JYNW00000000000000000000',
			description: 'ID 01JYNW00000000000000000000',
		});
		expect(first.paginationToken).toBe('page-2');
		const second = await search('searchCoupons', { paginationToken: 'page-2' });
		expect(second.results.map((result) => result.name)).toEqual([
			'Coupon 100',
			'Coupon 101',
			'Coupon 102',
		]);
		expect(second.paginationToken).toBeUndefined();
		expect(sent()).toEqual([
			['GET', '/v2/bot/coupon', { limit: '100' }],
			['GET', '/v2/bot/coupon', { limit: '100', start: 'page-2' }],
		]);
	});

	it('filters by title or ID itself, reading further pages until enough match', async () => {
		// Every 10th coupon is a drink coupon: pages of 100 hold 10 each.
		const drink = (i: number) => (i % 10 === 0 ? `Free drink ${i}` : `10% off ${i}`);
		for (const page of [0, 1, 2]) {
			line.mock.once('GET', '/v2/bot/coupon', () => ({
				status: 200,
				body: { items: coupons(100, page * 100, drink), next: `page-${page + 2}` },
			}));
		}

		const { results, paginationToken } = await search('searchCoupons', { filter: 'DRINK' });

		expect(results).toHaveLength(20);
		expect(results.every((result) => result.name.startsWith('Free drink'))).toBe(true);
		expect(paginationToken).toBe('page-3');
		expect(sent()).toEqual([
			['GET', '/v2/bot/coupon', { limit: '100' }],
			['GET', '/v2/bot/coupon', { limit: '100', start: 'page-2' }],
		]);
	});

	it('stops after 5 pages when few coupons match, and says where to go on', async () => {
		line.mock.on('GET', '/v2/bot/coupon', (request) => {
			const page = request.query.start === undefined ? 1 : Number(String(request.query.start));
			return {
				status: 200,
				body: {
					items: coupons(100, (page - 1) * 100, (i) => (i === 0 ? 'Birthday' : `Coupon ${i}`)),
					next: String(page + 1),
				},
			};
		});

		const { results, paginationToken } = await search('searchCoupons', { filter: 'birthday' });

		expect(results.map((result) => result.name)).toEqual(['Birthday']);
		expect(paginationToken).toBe('6');
		expect(sent()).toHaveLength(5);
	});

	it('finds a coupon by a part of its ID', async () => {
		line.mock.once('GET', '/v2/bot/coupon', () => ({
			status: 200,
			body: {
				items: [
					{ couponId: '01JYNW8JMQVFBNWF1APF8Z3FS7', title: 'Friends-only coupon' },
					{ couponId: '01JYNW9ZQ2B8K7X3M4N5P6Q7R8', title: '10% off' },
				],
			},
		}));
		const { results } = await search('searchCoupons', { filter: '9zq2' });
		expect(results.map((result) => result.value)).toEqual(['01JYNW9ZQ2B8K7X3M4N5P6Q7R8']);
	});
});

describe('searchMemberships', () => {
	beforeEach(() => {
		line.mock.on('GET', '/v2/bot/membership/list', () => ({
			status: 200,
			body: {
				memberships: [
					{
						membershipId: 3189,
						title: 'Basic Plan',
						description: 'You will receive messages and photos every Saturday.',
						benefits: ['Members Only Messages'],
						price: 500.0,
						currency: 'JPY',
						memberCount: 1200,
						memberLimit: null,
						isInAppPurchase: true,
						isPublished: true,
					},
					{
						membershipId: 3213,
						title: 'Premium Plan',
						description: 'Invitation to a special party.',
						benefits: ['Members Only Party'],
						price: 1500.5,
						currency: 'JPY',
						memberCount: 0,
						memberLimit: 10,
						isInAppPurchase: false,
						isPublished: false,
					},
				],
			},
		}));
	});

	it('lists the plans with price, members and whether they are published', async () => {
		const { results } = await search('searchMemberships');
		expect(results).toEqual([
			{
				name: 'Basic Plan',
				value: '3189',
				description: '500 JPY a month · 1,200 members · ID 3189',
			},
			{
				name: 'Premium Plan',
				value: '3213',
				description: '1500.5 JPY a month · 0 members · not published · ID 3213',
			},
		]);
		expect(sent()).toEqual([['GET', '/v2/bot/membership/list', {}]]);
	});

	it('filters by title or ID', async () => {
		expect((await search('searchMemberships', { filter: 'premium' })).results).toHaveLength(1);
		const byId = await search('searchMemberships', { filter: '3189' });
		expect(byId.results.map((result) => result.name)).toEqual(['Basic Plan']);
	});
});

describe('the dropdowns and the credential', () => {
	it('use the credential the Authentication parameter selects (channel ID and secret: a token first)', async () => {
		line.mock.once('GET', '/v2/bot/richmenu/alias/list', () => ({
			status: 200,
			body: { aliases: [{ richMenuAliasId: 'tab-a', richMenuId: MENU_MAIN }] },
		}));
		const { results } = await search('searchRichMenuAliases', {
			credential: idSecretCredential(line.mock),
			parameters: { authentication: 'channelIdSecret', resource: 'richMenuAlias' },
		});
		expect(results.map((result) => result.value)).toEqual(['tab-a']);
		expect(line.mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /oauth2/v3/token',
			'GET /v2/bot/richmenu/alias/list',
		]);
		expect(header(line.mock.requests[1], 'authorization')).toBe(
			`Bearer ${line.mock.issuedTokens[0]}`,
		);
	});

	it("show LINE's error when LINE refuses the list", async () => {
		line.mock.once('GET', '/v2/bot/membership/list', () => ({
			status: 404,
			body: { message: 'Not found' },
		}));
		await expect(search('searchMemberships')).rejects.toMatchObject({
			message: 'LINE API error 404: Not found',
			httpCode: '404',
		});
	});

	it('a refused token says so instead of an empty list', async () => {
		await expect(
			search('searchRichMenus', { credential: tokenCredential(line.mock, 'revoked-token') }),
		).rejects.toMatchObject({ httpCode: '401' });
	});
});

// ---------------------------------------------------------------------------------------------
// The locator fields of the node and the values the operations read from them

const LOCATORS = nodeType.description.properties.filter(
	(property: INodeProperties) => property.type === 'resourceLocator',
);

function shownFor(property: INodeProperties): string[] {
	const show = property.displayOptions?.show ?? {};
	const resources = (show.resource as string[] | undefined) ?? [];
	const operations = (show.operation as string[] | undefined) ?? [];
	return resources.flatMap((resource) => operations.map((operation) => `${resource}/${operation}`));
}

describe('the locator fields', () => {
	it('are on every operation that asks for a rich menu, alias, audience, coupon or membership plan', () => {
		const byName = (name: string) =>
			LOCATORS.filter((property) => property.name === name)
				.flatMap(shownFor)
				.sort();
		expect(byName('richMenuId')).toEqual(
			[
				'insight/getRichMenuInsightDaily',
				'insight/getRichMenuInsightSummary',
				'richMenu/delete',
				'richMenu/downloadImage',
				'richMenu/get',
				'richMenu/linkToUser',
				'richMenu/linkToUsers',
				'richMenu/setDefault',
				'richMenu/uploadImage',
				'richMenuAlias/create',
				'richMenuAlias/update',
			].sort(),
		);
		expect(byName('richMenuAliasId')).toEqual([
			'richMenuAlias/delete',
			'richMenuAlias/get',
			'richMenuAlias/update',
		]);
		expect(byName('audienceGroupId')).toEqual([
			'audience/addUserIds',
			'audience/addUserIdsFromFile',
			'audience/delete',
			'audience/get',
			'audience/getShared',
			'audience/rename',
			'message/sendNarrowcast',
		]);
		expect(byName('couponId')).toEqual(['coupon/close', 'coupon/get']);
		expect(byName('membershipId')).toEqual(['membership/getJoinedUsers']);
	});

	it.each(LOCATORS.map((property) => [`${property.name} of ${shownFor(property)[0]}`, property]))(
		'%s: a searchable list of the node, and By ID with a check; required ones default to the input item',
		(_name, property) => {
			const [list, byId] = property.modes ?? [];
			expect(list).toMatchObject({ name: 'list', type: 'list' });
			const method = list.typeOptions?.searchListMethod as SearchMethod;
			expect(Object.keys(nodeType.methods.listSearch)).toContain(method);
			expect(list.typeOptions?.searchable).toBe(true);
			expect(byId).toMatchObject({ name: 'id', type: 'string' });
			expect(byId.validation).toHaveLength(1);
			if (property.required) {
				expect(property.default).toEqual({
					mode: 'id',
					value: `={{ $json.${property.name} }}`,
				});
			} else {
				expect(property.default).toEqual({ mode: 'list', value: '' });
			}
		},
	);

	it('shared audiences are listed from the shared list, own ones from the own list', () => {
		const method = (operation: string) =>
			LOCATORS.find((property) => shownFor(property).includes(`audience/${operation}`))?.modes?.[0]
				.typeOptions?.searchListMethod;
		expect(method('get')).toBe('searchAudiences');
		expect(method('getShared')).toBe('searchSharedAudiences');
	});
});

describe('the operations read a locator value of either shape', () => {
	const MENU = MENU_MAIN;
	const picked = (value: string) => ({ __rl: true, mode: 'list', value });
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });

	it.each<[string, unknown, IDataObject[] | undefined]>([
		// Every row names its input: jest takes a missing last argument for a done callback.
		['picked from the list', picked(MENU), undefined],
		['typed By ID', byId(MENU), undefined],
		['By ID from the input item (the default)', undefined, [{ richMenuId: MENU }]],
		[
			'By ID from an expression with text around it',
			byId('=richmenu-{{ $json.hex }}'),
			[{ hex: MENU.slice(9) }],
		],
		['a plain string of an older workflow', ` ${MENU} `, undefined],
		['a plain expression of an older workflow', '={{ $json.menu }}', [{ menu: MENU }]],
	])('a rich menu %s', async (_name, richMenuId, input) => {
		const parameters: INodeParameters = { resource: 'richMenu', operation: 'setDefault' };
		if (richMenuId !== undefined) parameters.richMenuId = richMenuId as INodeParameters[string];
		const [item] = await runLineOk(line.mock, parameters, { input });
		expect(item.json).toMatchObject({ richMenuId: MENU, isDefault: true });
		expect(apiRequests(line.mock).map((r) => r.path)).toEqual([
			`/v2/bot/user/all/richmenu/${MENU}`,
		]);
	});

	it.each<[string, unknown, string]>([
		[
			'an alias ID in the rich menu field',
			byId('={{ $json.menu }}'),
			'richMenuId: "richmenu-alias-a" is not a rich menu ID (richmenu- followed by 32 hex characters) [item 0]',
		],
		['nothing in the input item', undefined, 'richMenuId: is empty [item 0]'],
	])('the rich menu check still applies to the value: %s', async (_name, richMenuId, message) => {
		const parameters: INodeParameters = { resource: 'richMenu', operation: 'get' };
		if (richMenuId !== undefined) parameters.richMenuId = richMenuId as INodeParameters[string];
		const result = await runLine(line.mock, parameters, { input: [{ menu: 'richmenu-alias-a' }] });
		expect(result.error?.message).toBe(message);
		expect(apiRequests(line.mock)).toHaveLength(0);
	});

	it('an alias picked from the list, and the alias check on an expression that gives an uppercase ID', async () => {
		await runLineOk(line.mock, {
			resource: 'richMenuAlias',
			operation: 'delete',
			richMenuAliasId: picked('richmenu-alias-a'),
		});
		expect(apiRequests(line.mock).map((r) => r.path)).toEqual([
			'/v2/bot/richmenu/alias/richmenu-alias-a',
		]);
		const result = await runLine(
			line.mock,
			{ resource: 'richMenuAlias', operation: 'get', richMenuAliasId: byId('={{ $json.alias }}') },
			{ input: [{ alias: 'Tab-A' }] },
		);
		expect(result.error?.message).toMatch(/^richMenuAliasId: "Tab-A" contains "T"; .* \[item 0\]$/);
		expect(result.error?.description).toBe('Write it in lowercase: tab-a');
	});

	it('an audience picked from the list (a string) is sent as the number LINE wants', async () => {
		await runLineOk(line.mock, {
			resource: 'audience',
			operation: 'rename',
			audienceGroupId: picked('1234567890123'),
			description: 'Spring 2026',
		});
		expect(apiRequests(line.mock).map((r) => r.path)).toEqual([
			'/v2/bot/audienceGroup/1234567890123/updateDescription',
		]);
	});

	it('a coupon and a membership plan picked from the list, or given as plain IDs', async () => {
		line.mock.on('GET', /^\/v2\/bot\/coupon\/[^/]+$/, () => ({
			status: 200,
			body: { couponId: '01JYNW8JMQVFBNWF1APF8Z3FS7', title: 'Friends-only coupon' },
		}));
		line.mock.on('GET', /^\/v2\/bot\/membership\/\d+\/users\/ids$/, () => ({
			status: 200,
			body: { userIds: [USER] },
		}));
		const coupon = { resource: 'coupon', operation: 'get' };
		const members = { resource: 'membership', operation: 'getJoinedUsers', returnAll: true };
		await runLineOk(line.mock, { ...coupon, couponId: picked('01JYNW8JMQVFBNWF1APF8Z3FS7') });
		await runLineOk(line.mock, { ...coupon, couponId: '01JYNW9ZQ2B8K7X3M4N5P6Q7R8' });
		const [member] = await runLineOk(line.mock, { ...members, membershipId: picked('3189') });
		await runLineOk(line.mock, { ...members, membershipId: '3213' });

		expect(member.json).toEqual({ membershipId: 3189, userId: USER });
		expect(apiRequests(line.mock).map((r) => r.path)).toEqual([
			'/v2/bot/coupon/01JYNW8JMQVFBNWF1APF8Z3FS7',
			'/v2/bot/coupon/01JYNW9ZQ2B8K7X3M4N5P6Q7R8',
			'/v2/bot/membership/3189/users/ids',
			'/v2/bot/membership/3213/users/ids',
		]);
	});

	it('a coupon ID that leads elsewhere, from an expression, is refused', async () => {
		const result = await runLine(
			line.mock,
			{ resource: 'coupon', operation: 'close', couponId: byId('={{ $json.id }}') },
			{ input: [{ id: '../message/push' }] },
		);
		expect(result.error?.message).toBe(
			'couponId: "../message/push" is not a coupon ID (letters, digits, - and _ only) [item 0]',
		);
		expect(apiRequests(line.mock)).toHaveLength(0);
	});

	it('a typed ID that breaks the By ID check: n8n refuses the workflow before anything is sent', async () => {
		await expect(
			runLine(line.mock, {
				resource: 'richMenu',
				operation: 'get',
				richMenuId: byId('richmenu-alias-a'),
			}),
		).rejects.toThrow('Not a rich menu ID: richmenu- followed by 32 hex characters');
		expect(line.mock.requests).toHaveLength(0);
	});
});
