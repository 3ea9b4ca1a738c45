import axios from 'axios';

import { validateSignature } from '@line/bot-sdk';

import { SANDBOX_GROUP, SANDBOX_USERS, startSandbox, type Sandbox } from '../../sandbox';
import { picturePng } from '../../sandbox/png';
import { validateSchema } from '../support/openapi';
import { lineCall, startReceiver, waitFor, type Receiver } from './support';

/** The sandbox's rich menus: LINE's rich menu API (state, errors) and what tapping a menu does. */

const [AIKO, BEN, CHAI] = SANDBOX_USERS.map((user) => user.userId);
const STRANGER = 'U0123456789abcdef0123456789abcdef';
const RICH_MENU_ID = /^richmenu-[0-9a-f]{32}$/;

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

const MENU = {
	size: { width: 1200, height: 405 },
	selected: true,
	name: 'Main menu',
	chatBarText: 'Menu',
	areas: [
		{
			bounds: { x: 0, y: 0, width: 300, height: 405 },
			action: { type: 'message', text: 'Hours?' },
		},
		{
			bounds: { x: 300, y: 0, width: 300, height: 405 },
			action: { type: 'postback', data: 'action=buy', displayText: 'Buy' },
		},
		{
			bounds: { x: 600, y: 0, width: 300, height: 405 },
			action: { type: 'datetimepicker', data: 'action=book', mode: 'date', min: '2025-01-01' },
		},
		{
			bounds: { x: 900, y: 0, width: 150, height: 405 },
			action: { type: 'richmenuswitch', richMenuAliasId: 'menu-b', data: 'to=b' },
		},
		{
			bounds: { x: 1050, y: 0, width: 150, height: 405 },
			action: { type: 'uri', uri: 'https://example.com/shop' },
		},
	],
};

const MENU_IMAGE = picturePng('menu', 1200, 405);
const png = (width = 1200, height = 405) =>
	width === 1200 && height === 405 ? MENU_IMAGE : picturePng('menu', width, height);

async function createMenu(menu: object = MENU): Promise<string> {
	const response = await call('POST', '/v2/bot/richmenu', menu);
	expect(response.status).toBe(200);
	return response.data.richMenuId;
}

function upload(id: string, bytes = png(), contentType = 'image/png') {
	return call('POST', `/v2/bot/richmenu/${id}/content`, bytes, {
		headers: { 'content-type': contentType },
	});
}

async function menuWithImage(menu: object = MENU): Promise<string> {
	const id = await createMenu(menu);
	expect((await upload(id)).status).toBe(200);
	return id;
}

describe('rich menus', () => {
	it('create answers a LINE rich menu ID; get and list answer the menu as created', async () => {
		const id = await createMenu();
		expect(id).toMatch(RICH_MENU_ID);
		const got = await call('GET', `/v2/bot/richmenu/${id}`);
		expect(got.data).toEqual({ richMenuId: id, ...MENU });
		expect(validateSchema('messaging-api', 'RichMenuResponse', got.data)).toEqual([]);
		const list = await call('GET', '/v2/bot/richmenu/list');
		expect(list.data).toEqual({ richmenus: [got.data] });
		expect(validateSchema('messaging-api', 'RichMenuListResponse', list.data)).toEqual([]);
	});

	it('refuses what LINE refuses beyond the OpenAPI document, and creates nothing', async () => {
		const bad = {
			...MENU,
			size: { width: 1000, height: 800 },
			areas: [
				{ bounds: { x: 900, y: 0, width: 200, height: 100 }, action: { type: 'postback' } },
				{ bounds: { x: 0, y: 0, width: 10, height: 10 }, action: { type: 'camera', label: 'Cam' } },
				{ bounds: { x: 0, y: 0, width: 10, height: 10 }, action: { type: 'uri', uri: 'ftp://x' } },
			],
		};
		const response = await call('POST', '/v2/bot/richmenu', bad);
		expect(response.status).toBe(400);
		expect(response.data.message).toBe('The request body has 5 error(s)');
		expect(response.data.details).toEqual([
			{ property: 'size', message: 'width / height must be at least 1.45' },
			{ property: 'areas[0].bounds', message: 'must be inside the rich menu' },
			{ property: 'areas[0].action.data', message: 'must be specified' },
			{
				property: 'areas[1].action.type',
				message: 'the camera action cannot be used in a rich menu',
			},
			{ property: 'areas[2].action.uri', message: 'invalid uri' },
		]);
		const tooMany = { ...MENU, areas: Array.from({ length: 21 }, () => MENU.areas[0]) };
		expect((await call('POST', '/v2/bot/richmenu', tooMany)).data.details).toEqual([
			{ property: 'areas', message: 'size must be between 0 and 20' },
		]);
		expect((await call('GET', '/v2/bot/richmenu/list')).data).toEqual({ richmenus: [] });

		expect((await call('POST', '/v2/bot/richmenu/validate', MENU)).status).toBe(200);
		const invalid = await call('POST', '/v2/bot/richmenu/validate', {
			...MENU,
			size: { width: 700, height: 250 },
			areas: [],
		});
		expect([invalid.status, invalid.data.details]).toEqual([
			400,
			[{ property: 'size.width', message: 'must be between 800 and 2500' }],
		]);
		expect((await call('GET', '/v2/bot/richmenu/list')).data).toEqual({ richmenus: [] });
	});

	it('keeps the uploaded image (once, like LINE) and serves it back', async () => {
		const id = await createMenu();
		const bytes = png();
		expect((await upload(id, bytes)).status).toBe(200);
		const again = await upload(id);
		expect([again.status, again.data]).toEqual([
			400,
			{ message: 'An image has already been uploaded to the richmenu' },
		]);
		const download = await call('GET', `/v2/bot/richmenu/${id}/content`, undefined, {
			responseType: 'arraybuffer',
		});
		expect(download.headers['content-type']).toBe('image/png');
		expect(Buffer.from(download.data).equals(bytes)).toBe(true);

		const other = await createMenu();
		expect((await call('GET', `/v2/bot/richmenu/${other}/content`)).status).toBe(404);
		expect((await upload(other, png(), 'image/gif')).status).toBe(415);
		const square = await upload(other, png(800, 800));
		expect([square.status, square.data.message]).toEqual([
			400,
			'The image size is not allowed for richmenu',
		]);
		const notPng = await upload(other, Buffer.from('GIF89a not a png'));
		expect(notPng.status).toBe(400);
		expect((await upload('richmenu-00000000000000000000000000000000')).status).toBe(404);
	});

	it('default menu: needs an image, shows to every user without their own, can be cancelled', async () => {
		const bare = await createMenu();
		const noImage = await call('POST', `/v2/bot/user/all/richmenu/${bare}`);
		expect([noImage.status, noImage.data.message]).toEqual([
			400,
			'must upload richmenu image before applying it to user',
		]);
		expect((await call('GET', '/v2/bot/user/all/richmenu')).data).toEqual({
			message: 'no default richmenu',
			details: [],
		});
		const id = await menuWithImage();
		expect((await call('POST', `/v2/bot/user/all/richmenu/${id}`)).status).toBe(200);
		expect((await call('GET', '/v2/bot/user/all/richmenu')).data).toEqual({ richMenuId: id });
		expect(sandbox.richMenuOf(BEN)).toMatchObject({ source: 'default', menu: { richMenuId: id } });

		expect((await call('DELETE', '/v2/bot/user/all/richmenu')).status).toBe(200);
		expect((await call('GET', '/v2/bot/user/all/richmenu')).status).toBe(404);
		expect(sandbox.richMenuOf(BEN)).toBeUndefined();
	});

	it('menus linked to users: one by one and in bulk; a linked menu comes before the default', async () => {
		const main = await menuWithImage();
		const vip = await menuWithImage({ ...MENU, name: 'VIP' });
		await call('POST', `/v2/bot/user/all/richmenu/${main}`);
		expect((await call('POST', `/v2/bot/user/${AIKO}/richmenu/${vip}`)).status).toBe(200);
		expect((await call('GET', `/v2/bot/user/${AIKO}/richmenu`)).data).toEqual({ richMenuId: vip });
		expect(sandbox.richMenuOf(AIKO)).toMatchObject({ source: 'linked', menu: { name: 'VIP' } });
		// The default is not linked to anyone.
		expect((await call('GET', `/v2/bot/user/${BEN}/richmenu`)).data).toEqual({
			message: 'the user has no richmenu',
			details: [],
		});
		// LINE answers 200 for someone who is no friend, and links nothing.
		expect((await call('POST', `/v2/bot/user/${STRANGER}/richmenu/${vip}`)).status).toBe(200);
		expect((await call('GET', `/v2/bot/user/${STRANGER}/richmenu`)).status).toBe(404);
		expect((await call('GET', '/v2/bot/user/nobody/richmenu')).data).toEqual({
			message: "The value for the 'userId' parameter is invalid",
		});
		expect(
			(
				await call(
					'POST',
					`/v2/bot/user/${AIKO}/richmenu/richmenu-00000000000000000000000000000000`,
				)
			).status,
		).toBe(404);

		const bulk = await call('POST', '/v2/bot/richmenu/bulk/link', {
			richMenuId: vip,
			userIds: [BEN, CHAI],
		});
		expect(bulk.status).toBe(202);
		expect((await call('GET', `/v2/bot/user/${CHAI}/richmenu`)).data).toEqual({ richMenuId: vip });
		const wrong = await call('POST', '/v2/bot/richmenu/bulk/link', {
			richMenuId: vip,
			userIds: [BEN, 'x'],
		});
		expect(wrong.data.message).toBe(
			"The property, 'userIds[1]', in the request body is invalid (line: -, column: -)",
		);
		const missing = await call('POST', '/v2/bot/richmenu/bulk/link', {
			richMenuId: 'richmenu-00000000000000000000000000000000',
			userIds: [BEN],
		});
		expect([missing.status, missing.data.message]).toEqual([404, 'richmenu not found']);

		expect(
			(await call('POST', '/v2/bot/richmenu/bulk/unlink', { userIds: [BEN, CHAI] })).status,
		).toBe(202);
		expect((await call('DELETE', `/v2/bot/user/${AIKO}/richmenu`)).status).toBe(200);
		for (const user of [AIKO, BEN, CHAI]) {
			expect(sandbox.richMenuOf(user)).toMatchObject({
				source: 'default',
				menu: { richMenuId: main },
			});
		}
	});

	it('batch: replaces and unlinks by the menu users have, each operation on the links before it; progress by request ID', async () => {
		const [a, b, c] = [await menuWithImage(), await menuWithImage(), await menuWithImage()];
		await call('POST', `/v2/bot/user/${AIKO}/richmenu/${a}`);
		await call('POST', `/v2/bot/user/${BEN}/richmenu/${b}`);
		await call('POST', `/v2/bot/user/${CHAI}/richmenu/${c}`);
		const batch = await call('POST', '/v2/bot/richmenu/batch', {
			operations: [
				{ type: 'link', from: a, to: b },
				{ type: 'link', from: b, to: c },
				{ type: 'unlink', from: c },
			],
		});
		expect(batch.status).toBe(202);
		expect(sandbox.richMenuOf(AIKO)?.menu.richMenuId).toBe(b);
		expect(sandbox.richMenuOf(BEN)?.menu.richMenuId).toBe(c);
		expect(sandbox.richMenuOf(CHAI)).toBeUndefined();

		const requestId = batch.headers['x-line-request-id'];
		const progress = await call('GET', `/v2/bot/richmenu/progress/batch?requestId=${requestId}`);
		expect(progress.data).toMatchObject({ phase: 'succeeded' });
		expect(validateSchema('messaging-api', 'RichMenuBatchProgressResponse', progress.data)).toEqual(
			[],
		);
		expect((await call('GET', '/v2/bot/richmenu/progress/batch?requestId=nope')).status).toBe(404);

		await call('POST', '/v2/bot/richmenu/batch', { operations: [{ type: 'unlinkAll' }] });
		expect([AIKO, BEN].map((user) => sandbox.richMenuOf(user))).toEqual([undefined, undefined]);
	});

	it('batch and validate-batch refuse like LINE, and change nothing', async () => {
		const a = await menuWithImage();
		const bare = await createMenu();
		await call('POST', `/v2/bot/user/${AIKO}/richmenu/${a}`);
		const missing = 'richmenu-00000000000000000000000000000000';
		const cases: Array<[unknown[], number, { property: string; message: string }]> = [
			[
				[{ type: 'unlinkAll' }, { type: 'unlink', from: a }],
				400,
				{
					property: 'operations[].type',
					message: "'unlinkAll' type can't be combined with other type",
				},
			],
			[
				[
					{ type: 'unlink', from: a },
					{ type: 'link', from: a, to: a },
				],
				400,
				{ property: 'operations[].from', message: `from richmenu (${a}) is duplicated` },
			],
			[
				[{ type: 'link', from: a, to: bare }],
				400,
				{
					property: 'operations[0].to',
					message: `'to' richmenu (${bare}) must have image but it doesn't`,
				},
			],
			[
				[{ type: 'unlink', from: missing }],
				404,
				{ property: 'operations[0].from', message: `Richmenu (${missing}) is not found` },
			],
			[
				[{ type: 'unlink', from: 'abc' }],
				400,
				{ property: 'operations[0].from', message: 'invalid richMenuId' },
			],
		];
		for (const [operations, status, detail] of cases) {
			for (const path of ['/v2/bot/richmenu/validate/batch', '/v2/bot/richmenu/batch']) {
				const response = await call('POST', path, { operations });
				expect([path, response.status, response.data.details]).toEqual([path, status, [detail]]);
			}
		}
		expect(
			(
				await call('POST', '/v2/bot/richmenu/validate/batch', {
					operations: [{ type: 'unlink', from: a }],
				})
			).status,
		).toBe(200);
		expect(sandbox.richMenuOf(AIKO)?.menu.richMenuId).toBe(a);
	});

	it('aliases: create, get, list, update, delete, with LINE’s 400 and 404 answers', async () => {
		const a = await menuWithImage();
		const b = await menuWithImage();
		const bare = await createMenu();
		expect(
			(await call('POST', '/v2/bot/richmenu/alias', { richMenuAliasId: 'menu-a', richMenuId: a }))
				.status,
		).toBe(200);
		const conflict = await call('POST', '/v2/bot/richmenu/alias', {
			richMenuAliasId: 'menu-a',
			richMenuId: b,
		});
		expect([conflict.status, conflict.data]).toEqual([
			400,
			{ message: 'conflict richmenu alias id', details: [] },
		]);
		const noImage = await call('POST', '/v2/bot/richmenu/alias', {
			richMenuAliasId: 'menu-c',
			richMenuId: bare,
		});
		expect([noImage.status, noImage.data.message]).toEqual([400, 'richmenu not found']);
		const invalid = await call('POST', '/v2/bot/richmenu/alias', {
			richMenuAliasId: 'menu-c',
			richMenuId: 'abc',
		});
		expect(invalid.data).toEqual({
			message: 'The request body has 1 error(s)',
			details: [{ message: 'invalid richMenuId', property: 'richMenuId' }],
		});

		const got = await call('GET', '/v2/bot/richmenu/alias/menu-a');
		expect(got.data).toEqual({ richMenuAliasId: 'menu-a', richMenuId: a });
		expect(validateSchema('messaging-api', 'RichMenuAliasResponse', got.data)).toEqual([]);
		expect((await call('POST', '/v2/bot/richmenu/alias/menu-a', { richMenuId: b })).status).toBe(
			200,
		);
		expect((await call('GET', '/v2/bot/richmenu/alias/list')).data).toEqual({
			aliases: [{ richMenuAliasId: 'menu-a', richMenuId: b }],
		});
		const notFound = { message: 'richmenu alias not found', details: [] };
		expect((await call('GET', '/v2/bot/richmenu/alias/menu-x')).data).toEqual(notFound);
		expect((await call('POST', '/v2/bot/richmenu/alias/menu-x', { richMenuId: b })).status).toBe(
			404,
		);
		expect((await call('POST', '/v2/bot/richmenu/alias/menu-a', { richMenuId: bare })).status).toBe(
			400,
		);
		expect((await call('DELETE', '/v2/bot/richmenu/alias/menu-a')).status).toBe(200);
		const gone = await call('DELETE', '/v2/bot/richmenu/alias/menu-a');
		expect([gone.status, gone.data]).toEqual([404, notFound]);
		expect((await call('GET', '/v2/bot/richmenu/alias/list')).data).toEqual({ aliases: [] });
	});

	it('deleting a menu takes it from the users and the default; its alias stays', async () => {
		const id = await menuWithImage();
		await call('POST', `/v2/bot/user/all/richmenu/${id}`);
		await call('POST', `/v2/bot/user/${AIKO}/richmenu/${id}`);
		await call('POST', '/v2/bot/richmenu/alias', { richMenuAliasId: 'main', richMenuId: id });
		expect((await call('DELETE', `/v2/bot/richmenu/${id}`)).status).toBe(200);
		expect((await call('GET', `/v2/bot/richmenu/${id}`)).data).toEqual({ message: 'Not found' });
		expect((await call('DELETE', `/v2/bot/richmenu/${id}`)).status).toBe(404);
		expect(sandbox.richMenuOf(AIKO)).toBeUndefined();
		expect((await call('GET', '/v2/bot/user/all/richmenu')).status).toBe(404);
		expect((await call('GET', '/v2/bot/richmenu/alias/main')).data.richMenuId).toBe(id);
	});
});

describe('tapping a rich menu', () => {
	async function defaultMenu() {
		const id = await menuWithImage();
		await call('POST', `/v2/bot/user/all/richmenu/${id}`);
		return id;
	}

	it('a message area: a message event with the text, as the user, signed like LINE', async () => {
		await defaultMenu();
		const { event } = await sandbox.tapRichMenu(AIKO, 0);
		expect(event).toMatchObject({
			type: 'message',
			source: { type: 'user', userId: AIKO },
			message: { type: 'text', text: 'Hours?' },
		});
		const [request] = await waitFor(
			() => (receiver.received.length ? receiver.received : undefined),
			'the event',
		);
		expect(request.body.events).toEqual([event]);
		expect(
			validateSignature(
				request.rawBody,
				sandbox.channel.secret,
				String(request.headers['x-line-signature']),
			),
		).toBe(true);
		expect(sandbox.conversation(AIKO).at(-1)).toMatchObject({
			from: 'user',
			message: { text: 'Hours?' },
		});
	});

	it('a postback area: a postback event; its display text shows in the chat', async () => {
		await defaultMenu();
		const { event, replyToken } = await sandbox.tapRichMenu(BEN, 1);
		expect(event).toMatchObject({ type: 'postback', replyToken, postback: { data: 'action=buy' } });
		expect(event?.postback).not.toHaveProperty('params');
		expect(sandbox.conversation(BEN).at(-1)).toMatchObject({ postback: { displayText: 'Buy' } });
		// The reply token works like any other.
		const reply = await call('POST', '/v2/bot/message/reply', {
			replyToken,
			messages: [{ type: 'text', text: 'Thanks' }],
		});
		expect(reply.status).toBe(200);
	});

	it('a date-time picker area: the postback carries what the user picked, checked against the picker', async () => {
		await defaultMenu();
		await expect(sandbox.tapRichMenu(AIKO, 2)).rejects.toThrow('params: give what the user picked');
		await expect(sandbox.tapRichMenu(AIKO, 2, { params: { date: '2024-12-31' } })).rejects.toThrow(
			'params.date: the picker allows 2025-01-01',
		);
		const { event } = await sandbox.tapRichMenu(AIKO, 2, { params: { date: '2025-03-14' } });
		expect(event?.postback).toEqual({ data: 'action=book', params: { date: '2025-03-14' } });
	});

	it('a rich menu switch: the alias’s menu is linked to the user and the postback says so', async () => {
		await defaultMenu();
		const other = await menuWithImage({ ...MENU, chatBarText: 'More' });
		// No alias yet: the postback says so, and the menu stays.
		const before = await sandbox.tapRichMenu(AIKO, 3);
		expect(before.event?.postback).toEqual({
			data: 'to=b',
			params: { status: 'RICHMENU_ALIAS_ID_NOTFOUND' },
		});
		expect(sandbox.richMenuOf(AIKO)?.source).toBe('default');

		await call('POST', '/v2/bot/richmenu/alias', { richMenuAliasId: 'menu-b', richMenuId: other });
		const { event } = await sandbox.tapRichMenu(AIKO, 3);
		expect(event?.postback).toEqual({
			data: 'to=b',
			params: { newRichMenuAliasId: 'menu-b', status: 'SUCCESS' },
		});
		expect(sandbox.richMenuOf(AIKO)).toMatchObject({
			source: 'linked',
			menu: { chatBarText: 'More' },
		});
		expect((await call('GET', `/v2/bot/user/${AIKO}/richmenu`)).data).toEqual({
			richMenuId: other,
		});
		expect(sandbox.richMenuOf(BEN)?.source).toBe('default');

		// The alias's menu deleted: the switch fails.
		await call('DELETE', `/v2/bot/richmenu/${other}`);
		expect((await sandbox.tapRichMenu(AIKO, 3)).event?.postback).toEqual({
			data: 'to=b',
			params: { status: 'RICHMENU_NOTFOUND' },
		});
	});

	it('a link area sends no event; nor does a user without a menu, or an area that is not there', async () => {
		await expect(sandbox.tapRichMenu(AIKO, 0)).rejects.toThrow('Aiko Tanaka has no rich menu');
		await defaultMenu();
		const result = await sandbox.tapRichMenu(AIKO, 4);
		expect(result).toEqual({ action: { type: 'uri', uri: 'https://example.com/shop' } });
		await expect(sandbox.tapRichMenu(AIKO, 5)).rejects.toThrow(
			'area: the rich menu has areas 0 to 4',
		);
		await expect(sandbox.tapRichMenu(SANDBOX_GROUP.id, 0)).rejects.toThrow('No one-to-one chat');
		expect(receiver.received).toEqual([]);
	});

	it('the chat page’s JSON API: the menu a chat shows with its image, and taps', async () => {
		const id = await defaultMenu();
		const page = (path: string) =>
			axios.get(`${sandbox.url}${path}`, { validateStatus: () => true });
		const shown = await page(`/sandbox/api/chats/${AIKO}/richmenu`);
		expect(shown.data.richMenu).toEqual({
			richMenuId: id,
			...MENU,
			source: 'default',
			imageUrl: `/sandbox/richmenus/${id}/image`,
		});
		const image = await axios.get(sandbox.url + shown.data.richMenu.imageUrl, {
			responseType: 'arraybuffer',
		});
		expect(image.headers['content-type']).toBe('image/png');
		expect(Buffer.from(image.data).equals(png())).toBe(true);
		// Groups and rooms show no rich menu.
		expect((await page(`/sandbox/api/chats/${SANDBOX_GROUP.id}/richmenu`)).data).toEqual({
			richMenu: null,
		});

		const tap = await axios.post(`${sandbox.url}/sandbox/api/chats/${AIKO}/richmenu/tap`, {
			area: 2,
			params: { date: '2025-06-01' },
		});
		expect(tap.data.event.postback).toEqual({
			data: 'action=book',
			params: { date: '2025-06-01' },
		});
		const refused = await axios.post(
			`${sandbox.url}/sandbox/api/chats/${AIKO}/richmenu/tap`,
			{ area: 9 },
			{ validateStatus: () => true },
		);
		expect([refused.status, refused.data.message]).toEqual([
			400,
			'area: the rich menu has areas 0 to 4',
		]);
	});

	it('taps count in the rich menu statistics, per area', async () => {
		const id = await defaultMenu();
		await sandbox.tapRichMenu(AIKO, 0);
		await sandbox.tapRichMenu(AIKO, 0);
		await sandbox.tapRichMenu(BEN, 1);
		const jst = (time: number) =>
			new Date(time + 9 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
		const today = jst(Date.now());
		const monthAgo = jst(Date.now() - 30 * 86_400_000);
		const summary = await call(
			'GET',
			`/v2/bot/insight/richmenu/${id}/summary?from=${monthAgo}&to=${today}`,
		);
		expect(validateSchema('insight', 'GetRichMenuInsightSummaryResponse', summary.data)).toEqual(
			[],
		);
		expect(summary.data.impression.metrics).toEqual({ count: 3, uniqueUsers: 2 });
		expect(summary.data.clicks.map((click: { metrics: unknown }) => click.metrics)).toEqual([
			{ count: 2, uniqueUsers: 1 },
			{ count: 1, uniqueUsers: 1 },
			{ count: 0, uniqueUsers: 0 },
			{ count: 0, uniqueUsers: 0 },
			{ count: 0, uniqueUsers: 0 },
		]);
		const daily = await call(
			'GET',
			`/v2/bot/insight/richmenu/${id}/daily?from=${today}&to=${today}`,
		);
		expect(validateSchema('insight', 'GetRichMenuInsightDailyResponse', daily.data)).toEqual([]);
		expect(daily.data.impression.metrics).toEqual([{ date: today, count: 3, uniqueUsers: 2 }]);
		// LINE's longest periods: 396 days for the summary, 99 for the daily statistics.
		const tooLong = await call(
			'GET',
			`/v2/bot/insight/richmenu/${id}/daily?from=${jst(Date.now() - 100 * 86_400_000)}&to=${today}`,
		);
		expect([tooLong.status, tooLong.data.details]).toEqual([
			400,
			[{ property: 'to', message: 'must be 0 to 99 days after from' }],
		]);
		expect(
			(
				await call(
					'GET',
					'/v2/bot/insight/richmenu/richmenu-00000000000000000000000000000000/summary?from=20240101&to=20240102',
				)
			).status,
		).toBe(404);
	});
});
