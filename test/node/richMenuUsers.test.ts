import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../support/engine';
import type { MockRequest } from '../support/mockLine';
import {
	apiRequests,
	GROUP,
	nodeType,
	runLine,
	runLineOk,
	tokenCredential,
	USER,
	USER_2,
	useMockLine,
	userIds,
	UUID,
} from './fixtures';
import { RICH_MENU_A, RICH_MENU_B } from './contracts/richMenuUsers';

/**
 * Rich menus of users: bulk link and unlink in requests of 500 user IDs (optionally combined
 * across items), the rich menu of one user, batch control with its resume key, and aliases. What
 * LINE would refuse is refused before anything is sent, naming the item and the field.
 */

const line = useMockLine();

const usersOf = (request: MockRequest) => (request.body as { userIds: string[] }).userIds;
const accepted = () => ({ status: 202, body: {} });

function acceptBulk(): void {
	line.mock.on('POST', '/v2/bot/richmenu/bulk/link', accepted);
	line.mock.on('POST', '/v2/bot/richmenu/bulk/unlink', accepted);
	line.mock.on('POST', '/v2/bot/richmenu/batch', accepted);
}

const linkToUsers = (parameters: INodeParameters): INodeParameters => ({
	resource: 'richMenu',
	operation: 'linkToUsers',
	richMenuId: RICH_MENU_A,
	...parameters,
});

describe('Link to Users / Unlink From Users', () => {
	beforeEach(acceptBulk);

	it('1,201 users go out as 500 + 500 + 201, each once; the item says how many each request carried', async () => {
		const ids = userIds(1201);
		const items = await runLineOk(line.mock, linkToUsers({ userIds: '={{ $json.ids }}' }), {
			input: [{ ids: [...ids, ...ids.slice(0, 30)] }],
		});

		const requests = apiRequests(line.mock);
		expect(requests.map((r) => r.operationId)).toEqual(Array(3).fill('linkRichMenuIdToUsers'));
		expect(requests.map((r) => usersOf(r).length)).toEqual([500, 500, 201]);
		expect(requests.flatMap(usersOf)).toEqual(ids);
		requests.forEach((r) =>
			expect(r.body).toEqual({ richMenuId: RICH_MENU_A, userIds: usersOf(r) }),
		);
		expect(requests.every((r) => r.headers['x-line-retry-key'] === undefined)).toBe(true);
		expect(items).toEqual([
			{
				json: {
					richMenuId: RICH_MENU_A,
					userCount: 1201,
					userIds: ids,
					requests: [
						{ requestId: requests[0].requestId, userCount: 500 },
						{ requestId: requests[1].requestId, userCount: 500 },
						{ requestId: requests[2].requestId, userCount: 201 },
					],
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('Combine All Items: 1,000 items of one user each (some repeated) make 2 requests; each item names the request that covered it', async () => {
		const ids = userIds(1000);
		const input = [...ids, ids[0], ids[999]].map((userId) => ({ userId }));
		const items = await runLineOk(
			line.mock,
			{
				resource: 'richMenu',
				operation: 'unlinkFromUsers',
				userIds: '={{ $json.userId }}',
				options: { combineItems: true },
			},
			{ input },
		);

		const requests = apiRequests(line.mock);
		expect(requests.map((r) => r.operationId)).toEqual([
			'unlinkRichMenuIdFromUsers',
			'unlinkRichMenuIdFromUsers',
		]);
		expect(requests.map(usersOf)).toEqual([ids.slice(0, 500), ids.slice(500)]);
		expect(items).toHaveLength(1002);
		expect(items[0]).toEqual({
			json: {
				userCount: 1,
				userIds: [ids[0]],
				requests: [{ requestId: requests[0].requestId, userCount: 500 }],
			},
			pairedItem: { item: 0 },
		});
		expect(items[999].json.requests).toEqual([
			{ requestId: requests[1].requestId, userCount: 500 },
		]);
		// The repeated users were sent once, in the request of their first item.
		expect(items[1000].json.requests).toEqual([
			{ requestId: requests[0].requestId, userCount: 500 },
		]);
		expect(items[1001].json.requests).toEqual([
			{ requestId: requests[1].requestId, userCount: 500 },
		]);
		expect(items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
	});

	it('Combine All Items groups the users by rich menu; Output One Item per Request pairs each request with its items', async () => {
		const items = await runLineOk(
			line.mock,
			linkToUsers({
				richMenuId: '={{ $json.menu }}',
				userIds: '={{ $json.userId }}',
				options: { combineItems: true, outputPerRequest: true },
			}),
			{
				input: [
					{ menu: RICH_MENU_A, userId: USER },
					{ menu: RICH_MENU_B, userId: USER_2 },
					{ menu: RICH_MENU_A, userId: GROUP.replace('C', 'U') },
				],
			},
		);
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => r.body)).toEqual([
			{ richMenuId: RICH_MENU_A, userIds: [USER, GROUP.replace('C', 'U')] },
			{ richMenuId: RICH_MENU_B, userIds: [USER_2] },
		]);
		expect(items).toEqual([
			{
				json: {
					richMenuId: RICH_MENU_A,
					requestId: requests[0].requestId,
					userCount: 2,
					userIds: [USER, GROUP.replace('C', 'U')],
				},
				pairedItem: [{ item: 0 }, { item: 2 }],
			},
			{
				json: {
					richMenuId: RICH_MENU_B,
					requestId: requests[1].requestId,
					userCount: 1,
					userIds: [USER_2],
				},
				pairedItem: [{ item: 1 }],
			},
		]);
	});

	it('without Combine All Items every item is sent on its own', async () => {
		const items = await runLineOk(line.mock, linkToUsers({ userIds: '={{ $json.userId }}' }), {
			input: [{ userId: USER }, { userId: USER }],
		});
		const requests = apiRequests(line.mock);
		expect(requests.map(usersOf)).toEqual([[USER], [USER]]);
		expect(items.map((item) => item.json.requests)).toEqual(
			requests.map((r) => [{ requestId: r.requestId, userCount: 1 }]),
		);
	});

	it('refuses a user linked to two rich menus in one combined run, naming both items, and sends nothing', async () => {
		const result = await runLine(
			line.mock,
			linkToUsers({
				richMenuId: '={{ $json.menu }}',
				userIds: '={{ $json.userId }}',
				options: { combineItems: true },
			}),
			{
				input: [
					{ menu: RICH_MENU_A, userId: USER },
					{ menu: RICH_MENU_B, userId: USER },
				],
			},
		);
		expect(result.error?.message).toBe(
			`userIds: ${USER} is linked to ${RICH_MENU_A} by item 0 and to ${RICH_MENU_B} by item 1 [item 1]`,
		);
		expect(line.mock.requests).toHaveLength(0);
	});

	it('with continueOnFail the item of a refused double link claims none of its users', async () => {
		const result = await runLine(
			line.mock,
			linkToUsers({
				richMenuId: '={{ $json.menu }}',
				userIds: '={{ $json.users }}',
				options: { combineItems: true },
			}),
			{
				input: [
					{ menu: RICH_MENU_A, users: [USER] },
					{ menu: RICH_MENU_B, users: [USER_2, USER] },
					{ menu: RICH_MENU_A, users: [USER_2] },
				],
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		expect(apiRequests(line.mock).map((r) => r.body)).toEqual([
			{ richMenuId: RICH_MENU_A, userIds: [USER, USER_2] },
		]);
		expect(result.items[1].json.error).toMatch(/^userIds: .* by item 0 and to .* by item 1/);
		expect(result.items[2].json.userIds).toEqual([USER_2]);
	});

	it('refuses a group ID among the users and a rich menu alias given as the rich menu, before sending', async () => {
		const badUser = await runLine(line.mock, linkToUsers({ userIds: `${USER}, ${GROUP}` }));
		expect(badUser.error?.message).toMatch(
			/^userIds\[1\]: "C[0-9a-f]+" is a group ID, but only user IDs are allowed here.*\[item 0\]$/,
		);
		const alias = await runLine(
			line.mock,
			linkToUsers({ richMenuId: 'richmenu-alias-a', userIds: USER }),
		);
		expect(alias.error?.message).toMatch(/^richMenuId: "richmenu-alias-a" is not a rich menu ID/);
		const none = await runLine(line.mock, linkToUsers({ userIds: ' , ' }));
		expect(none.error?.message).toMatch(/^userIds: no recipients given \[item 0\]$/);
		expect(line.mock.requests).toHaveLength(0);
	});

	it('sends each request once: a request LINE answered 500 is not repeated, and the error says what was sent', async () => {
		// Handlers answer in the order they were programmed: this one before the 202 of beforeEach.
		line.mock.reset();
		let count = 0;
		line.mock.on('POST', '/v2/bot/richmenu/bulk/link', () =>
			++count === 2 ? { status: 500, body: { message: 'An error occurred' } } : undefined,
		);
		acceptBulk();
		const result = await runLine(
			line.mock,
			linkToUsers({ userIds: '={{ $json.ids }}', options: { combineItems: true } }),
			{ input: [{ ids: userIds(600) }, { ids: userIds(600, 600) }] },
		);
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => usersOf(r).length)).toEqual([500, 500]);
		expect(result.error?.message).toContain('LINE API error 500');
		expect(result.error?.description).toContain('This run stopped: 0 of 2 item(s) were sent');
	});

	it('with continueOnFail a bad item becomes an error item and the others are still linked', async () => {
		const result = await runLine(
			line.mock,
			linkToUsers({ userIds: '={{ $json.userId }}', options: { combineItems: true } }),
			{
				input: [{ userId: USER }, { userId: 'not-a-user' }, { userId: USER_2 }],
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		expect(apiRequests(line.mock).map(usersOf)).toEqual([[USER, USER_2]]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.items[1].json.error).toMatch(/^userIds\[0\]: "not-a-user" is not a LINE user ID/);
		expect(result.items[2].json.userIds).toEqual([USER_2]);
	});
});

describe('Get ID of User', () => {
	const getOfUser = (parameters: INodeParameters = {}): INodeParameters => ({
		resource: 'richMenu',
		operation: 'getOfUser',
		userId: USER,
		...parameters,
	});
	const noneLinked = () => ({ status: 404, body: { message: 'the user has no richmenu' } });

	it('outputs richMenuId null when LINE answers 404 (no rich menu linked)', async () => {
		line.mock.once('GET', `/v2/bot/user/${USER}/richmenu`, noneLinked);
		const items = await runLineOk(line.mock, getOfUser());
		expect(items).toEqual([{ json: { userId: USER, richMenuId: null }, pairedItem: { item: 0 } }]);
	});

	it('Fail If None Linked turns the 404 into an error; other errors always fail', async () => {
		line.mock.once('GET', `/v2/bot/user/${USER}/richmenu`, noneLinked);
		const strict = await runLine(line.mock, getOfUser({ failIfNoneLinked: true }));
		expect(strict.error?.message).toBe('LINE API error 404: the user has no richmenu');

		line.mock.once('GET', `/v2/bot/user/${USER}/richmenu`, () => ({
			status: 403,
			body: { message: 'Access to this API is not available for your account' },
		}));
		const forbidden = await runLine(line.mock, getOfUser());
		expect(forbidden.error?.message).toBe(
			'LINE API error 403: Access to this API is not available for your account',
		);
	});
});

describe('Batch Replace or Unlink / Validate Batch', () => {
	beforeEach(acceptBulk);

	const batch = (parameters: INodeParameters): INodeParameters => ({
		resource: 'richMenu',
		operation: 'batch',
		...parameters,
	});
	const json = (operationsJson: unknown, options: INodeParameters = {}): INodeParameters =>
		batch({ operationsInput: 'json', operationsJson: JSON.stringify(operationsJson), options });

	it.each([
		[
			'a link without to',
			[{ type: 'link', from: RICH_MENU_A }],
			/^operations\[0\]\.to: is empty \[item 0\]$/,
		],
		[
			'an unknown type',
			[{ type: 'unlink', from: RICH_MENU_A }, { type: 'replace' }],
			/^operations\[1\]\.type: is "replace"; expected one of link, unlink, unlinkAll \[item 0\]$/,
		],
		[
			'a from that is not a rich menu ID',
			[{ type: 'unlink', from: 'richmenu-123' }],
			/^operations\[0\]\.from: "richmenu-123" is not a rich menu ID/,
		],
		['no operations', [], /^operations: is empty; give at least one operation \[item 0\]$/],
		[
			'1,001 operations',
			Array(1001).fill({ type: 'unlinkAll' }),
			/^operations: holds 1001 operations; LINE accepts at most 1000 per request \[item 0\]$/,
		],
	])('refuses %s before sending', async (_name, operations, message) => {
		const result = await runLine(line.mock, json(operations));
		expect(result.error?.message).toMatch(message);
		expect(line.mock.requests).toHaveLength(0);
	});

	it('takes 1,000 operations, and a single operation object given as JSON', async () => {
		const many = Array.from({ length: 1000 }, () => ({ type: 'unlink', from: RICH_MENU_A }));
		const [first] = await runLineOk(line.mock, json(many));
		expect(first.json.operationCount).toBe(1000);
		const [second] = await runLineOk(line.mock, json({ type: 'unlinkAll' }));
		expect(second.json.operations).toEqual([{ type: 'unlinkAll' }]);
		expect(apiRequests(line.mock).map((r) => (r.body as IDataObject).operations)).toEqual([
			many,
			[{ type: 'unlinkAll' }],
		]);
	});

	it('a Resume Request Key that is not 1–100 letters, digits, - or _ becomes the same UUID every time', async () => {
		const key = { resumeRequestKey: 'spring sale/2026' };
		await runLineOk(line.mock, json([{ type: 'unlinkAll' }], key));
		await runLineOk(line.mock, json([{ type: 'unlinkAll' }], key));
		const keys = apiRequests(line.mock).map((r) => (r.body as IDataObject).resumeRequestKey);
		expect(keys[0]).toMatch(UUID);
		expect(keys[1]).toBe(keys[0]);
	});

	it('refuses one Resume Request Key on two items; derives a key of its own for each item otherwise', async () => {
		const shared = await runLine(
			line.mock,
			batch({ operationsInput: 'resetAll', options: { resumeRequestKey: 'reset-1' } }),
			{ input: [{}, {}] },
		);
		expect(shared.error?.message).toBe(
			'resumeRequestKey: items 0 and 1 have the same Resume Request Key reset-1 [item 1]',
		);
		expect(line.mock.requests).toHaveLength(0);

		const items = await runLineOk(line.mock, batch({ operationsInput: 'resetAll' }), {
			input: [{}, {}],
		});
		const keys = items.map((item) => item.json.resumeRequestKey);
		keys.forEach((key) => expect(key).toMatch(UUID));
		expect(keys[0]).not.toBe(keys[1]);
		expect(apiRequests(line.mock).map((r) => (r.body as IDataObject).resumeRequestKey)).toEqual(
			keys,
		);
	});

	it("n8n's Retry of a failed execution sends the batch again with the same derived resume key", async () => {
		line.mock.reset();
		line.mock.once('POST', '/v2/bot/richmenu/batch', () => ({
			status: 500,
			body: { message: 'An error occurred in the internal server' },
		}));
		acceptBulk();
		const parameters = batch({ operationsInput: 'resetAll' });
		const failed = await runLine(line.mock, parameters);
		expect(failed.error).toBeDefined();
		const retried = await runNode({
			nodeType,
			parameters,
			credentials: tokenCredential(line.mock),
			retryOf: failed,
		});
		expect(retried.error).toBeUndefined();
		const [first, again] = apiRequests(line.mock).map((r) => r.body as IDataObject);
		expect(first.resumeRequestKey).toMatch(UUID);
		expect(again).toEqual(first);
		expect(retried.items[0].json.resumeRequestKey).toBe(first.resumeRequestKey);
	});

	it('Validate Batch sends no resume key unless one is given, and reports LINE’s refusal', async () => {
		const validate = (options: INodeParameters = {}): INodeParameters => ({
			resource: 'richMenu',
			operation: 'validateBatch',
			operationsInput: 'resetAll',
			options,
		});
		await runLineOk(line.mock, validate());
		line.mock.once('POST', '/v2/bot/richmenu/validate/batch', () => ({
			status: 400,
			body: {
				message: 'The request body has 1 error(s)',
				details: [{ message: 'unknown', property: 'operations[0]' }],
			},
		}));
		const refused = await runLine(line.mock, validate({ resumeRequestKey: 'key_1' }));
		expect(apiRequests(line.mock).map((r) => r.body)).toEqual([
			{ operations: [{ type: 'unlinkAll' }] },
			{ operations: [{ type: 'unlinkAll' }], resumeRequestKey: 'key_1' },
		]);
		expect(refused.error?.message).toBe('LINE API error 400: The request body has 1 error(s)');
		expect(refused.error?.description).toContain('operations[0]: unknown');
	});

	it('Get Batch Progress refuses an empty request ID', async () => {
		const result = await runLine(
			line.mock,
			{ resource: 'richMenu', operation: 'getBatchProgress' },
			{ input: [{ operationCount: 1 }] },
		);
		expect(result.error?.message).toBe('requestId: is empty [item 0]');
		expect(line.mock.requests).toHaveLength(0);
	});
});

describe('Rich Menu Alias', () => {
	it.each([
		['uppercase letters', 'Menu-A', /^richMenuAliasId: "Menu-A" contains "M"; .* \[item 0\]$/],
		['a dot', 'menu.a', /^richMenuAliasId: "menu\.a" contains "\."/],
		[
			'33 characters',
			'a'.repeat(33),
			/^richMenuAliasId: is too long: 33 characters, LINE allows at most 32/,
		],
		['only spaces', '  ', /^richMenuAliasId: is empty \[item 0\]$/],
	])('Create refuses an alias ID with %s', async (_name, richMenuAliasId, message) => {
		const result = await runLine(line.mock, {
			resource: 'richMenuAlias',
			operation: 'create',
			richMenuAliasId,
			richMenuId: RICH_MENU_A,
		});
		expect(result.error?.message).toMatch(message);
		expect(line.mock.requests).toHaveLength(0);
	});

	it('the hint of an uppercase alias ID gives it in lowercase', async () => {
		const result = await runLine(line.mock, {
			resource: 'richMenuAlias',
			operation: 'update',
			richMenuAliasId: 'Menu-A',
			richMenuId: RICH_MENU_A,
		});
		expect(result.error?.description).toBe('Write it in lowercase: menu-a');
	});

	it('Get refuses the alias "list", which LINE reads as the list of aliases', async () => {
		const result = await runLine(line.mock, {
			resource: 'richMenuAlias',
			operation: 'get',
			richMenuAliasId: 'list',
		});
		expect(result.error?.message).toMatch(/^richMenuAliasId: "list" cannot be read on its own/);
		expect(line.mock.requests).toHaveLength(0);
	});

	it('Get Many outputs one item per alias, up to Limit; no aliases, no items', async () => {
		const aliases = Array.from({ length: 3 }, (_, i) => ({
			richMenuAliasId: `alias-${i}`,
			richMenuId: RICH_MENU_A,
		}));
		line.mock.once('GET', '/v2/bot/richmenu/alias/list', () => ({
			status: 200,
			body: { aliases },
		}));
		const items = await runLineOk(line.mock, {
			resource: 'richMenuAlias',
			operation: 'list',
			limit: 2,
		});
		expect(items).toEqual(aliases.slice(0, 2).map((json) => ({ json, pairedItem: { item: 0 } })));

		line.mock.once('GET', '/v2/bot/richmenu/alias/list', () => ({
			status: 200,
			body: { aliases: [] },
		}));
		const none = await runLine(line.mock, { resource: 'richMenuAlias', operation: 'list' });
		expect(none.error).toBeUndefined();
		expect(none.items).toEqual([]);
	});
});
