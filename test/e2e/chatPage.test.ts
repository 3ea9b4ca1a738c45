import fs from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import axios from 'axios';

import { lineSignature } from '../../nodes/Line/helpers/signature';
import type { BotEntry, Sandbox } from '../../sandbox';
import { SANDBOX_USERS, startSandbox } from '../../sandbox';
import { picturePng } from '../../sandbox/png';
import {
	declaredVersions,
	describeE2E,
	E2E,
	eventually,
	example,
	INSTALL_TIMEOUT_MS,
	loadN8nLib,
	report,
	since,
	tempFolder,
	triggerUrl,
	type N8nInstance,
	type N8nServer,
} from './support';

/**
 * The whole loop as a person sees it: the sandbox's chat page in headless Chromium, a message
 * typed as a LINE user, the echo bot in real n8n answering, the answer drawn on the page; and a
 * rich menu made with LINE's API drawn in the user's chat, whose areas act as LINE's do when
 * tapped (this part needs no n8n: a webhook receiver here checks the events).
 * Needs Chromium (Debian: `apt-get install -y chromium`; elsewhere set CHROMIUM_PATH) and the
 * devDependency playwright-core. E2E_BROWSER=0 skips it.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--headless',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];
const ECHO = example('echo-bot.json');
const AIKO = SANDBOX_USERS[0];

/** The part of playwright-core's API this test uses (it is loaded only when the test runs). */
interface Locator {
	click(): Promise<void>;
	count(): Promise<number>;
	nth(index: number): Locator;
	getAttribute(name: string): Promise<string | null>;
	isVisible(): Promise<boolean>;
	/** Runs `fn` in the page on the element (an image, in this test). */
	evaluate<R>(fn: (element: { naturalWidth: number; naturalHeight: number }) => R): Promise<R>;
	fill(text: string): Promise<void>;
	press(key: string): Promise<void>;
	filter(options: { hasText: string | RegExp }): Locator;
	first(): Locator;
	last(): Locator;
	waitFor(options?: { timeout?: number; state?: 'visible' | 'hidden' | 'detached' }): Promise<void>;
	innerText(): Promise<string>;
	locator(selector: string): Locator;
	boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
}
/** A prompt the page shows (the date-time picker asks with one). */
interface Dialog {
	type(): string;
	message(): string;
	accept(text?: string): Promise<void>;
}
interface Page {
	goto(url: string): Promise<unknown>;
	locator(selector: string): Locator;
	on(event: 'pageerror', listener: (error: Error) => void): void;
	on(event: 'dialog', listener: (dialog: Dialog) => void): void;
	context(): { waitForEvent(event: 'page', options?: { timeout?: number }): Promise<Page> };
	url(): string;
	waitForURL(url: string, options?: { timeout?: number }): Promise<void>;
	close(): Promise<void>;
}
interface Browser {
	newPage(): Promise<Page>;
	close(): Promise<void>;
}
interface Playwright {
	chromium: {
		launch(options: {
			executablePath: string;
			args: string[];
			headless: boolean;
		}): Promise<Browser>;
	};
}

function loadPlaywright(): Playwright {
	try {
		return require('playwright-core') as Playwright;
	} catch {
		throw new Error('playwright-core is not installed: npm install --save-dev playwright-core');
	}
}

const browserWanted = process.env.E2E_BROWSER !== '0';

describeE2E('the sandbox chat page in headless Chromium', () => {
	if (E2E && !browserWanted) {
		test.skip('skipped: E2E_BROWSER=0', () => undefined);
		return;
	}
	const version = declaredVersions()[0];
	let sandbox: Sandbox;
	let n8n: N8nInstance;
	let server: N8nServer | undefined;
	let browser: Browser | undefined;

	beforeAll(async () => {
		if (!fs.existsSync(CHROMIUM)) {
			throw new Error(
				`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH; E2E_BROWSER=0 skips this test)`,
			);
		}
		const playwright = loadPlaywright();
		const lib = await loadN8nLib();
		const installed = await lib.ensureN8n(version);
		const tarball = lib.packPackage({ build: process.env.E2E_BUILD !== '0' });
		sandbox = await startSandbox();
		const port = await lib.freePort();
		const userFolder = tempFolder(`line-e2e-page-${version}-`);
		n8n = lib.n8nInstance(installed, { userFolder, port, brokerPort: port + 1 });
		lib.installInto(userFolder, tarball);
		await n8n.importCredentials(lib.lineCredentials(sandbox.channel, sandbox.url));
		await n8n.importWorkflow(ECHO.file);
		await n8n.publish(ECHO.id);
		const start = Date.now();
		server = await n8n.startServer();
		const url = triggerUrl(ECHO, n8n.baseUrl);
		await eventually(() => (sandbox.webhookUrl === url ? true : undefined), {
			what: 'the echo bot to register its webhook URL with the sandbox',
		});
		await lib.waitForWebhook(url);
		report(`chat page: n8n ${version} with the echo bot ready in ${since(start)}`);
		browser = await playwright.chromium.launch({
			executablePath: CHROMIUM,
			args: CHROMIUM_ARGS,
			headless: true,
		});
	}, INSTALL_TIMEOUT_MS);

	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		await sandbox?.close();
	});

	test('a message typed as a LINE user gets the echo bot’s reply on the page', async () => {
		const start = Date.now();
		const page = await browser!.newPage();
		const pageErrors: string[] = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));
		await page.goto(sandbox.chatUrl);

		await page.locator('#chats li').filter({ hasText: AIKO.displayName }).first().click();
		await page
			.locator('#chat-header')
			.filter({ hasText: AIKO.userId })
			.waitFor({ timeout: 10_000 });
		const text = 'Is the trail open tomorrow? ⛰️';
		await page.locator('#text').fill(text);
		await page.locator('#text').press('Enter');

		// The user's message, then the bot's reply (sent with the reply API), drawn in the chat.
		await page.locator('#messages li.user').filter({ hasText: text }).waitFor({ timeout: 10_000 });
		const reply = page.locator('#messages li.bot').filter({ hasText: text }).last();
		await reply.waitFor({ timeout: 30_000 });
		expect(await reply.innerText()).toMatch(/reply/);
		report(`chat page: reply drawn ${since(start)} after opening the page`);

		// The page showed what the sandbox recorded: the reply went to Aiko's chat.
		const replies = sandbox
			.conversation(AIKO.userId)
			.filter((entry): entry is BotEntry => entry.from === 'bot' && entry.via === 'reply');
		expect(replies.map((entry) => entry.message)).toEqual([{ type: 'text', text }]);
		expect(pageErrors).toEqual([]);
	}, 120_000);
});

/** A webhook receiver that keeps the events LINE's signature vouches for (the others: 401). */
async function startWebhookReceiver(channelSecret: string) {
	const events: Array<Record<string, unknown>> = [];
	const refused: IncomingHttpHeaders[] = [];
	const server = http.createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const body = Buffer.concat(chunks).toString('utf8');
		if (req.headers['x-line-signature'] !== lineSignature(channelSecret, body)) {
			refused.push(req.headers);
			res.writeHead(401).end();
			return;
		}
		events.push(...JSON.parse(body).events);
		res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
		events,
		refused,
		/** The next event after the `seen` first ones. */
		next: (seen: number) =>
			eventually(() => events[seen], {
				timeoutMs: 10_000,
				intervalMs: 50,
				what: `webhook event ${seen + 1}`,
			}),
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

describeE2E('rich menus on the sandbox chat page in headless Chromium', () => {
	if (E2E && !browserWanted) {
		test.skip('skipped: E2E_BROWSER=0', () => undefined);
		return;
	}
	let sandbox: Sandbox;
	let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
	let browser: Browser | undefined;

	beforeAll(async () => {
		if (!fs.existsSync(CHROMIUM)) {
			throw new Error(
				`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH; E2E_BROWSER=0 skips this test)`,
			);
		}
		const playwright = loadPlaywright();
		sandbox = await startSandbox();
		receiver = await startWebhookReceiver(sandbox.channel.secret);
		sandbox.setWebhookUrl(receiver.url);
		browser = await playwright.chromium.launch({
			executablePath: CHROMIUM,
			args: CHROMIUM_ARGS,
			headless: true,
		});
	}, 60_000);

	afterAll(async () => {
		await browser?.close();
		await sandbox?.close();
		await receiver?.close();
	});

	/** LINE's API, as a bot would call it. */
	async function line(method: string, path: string, data?: unknown, contentType?: string) {
		const response = await axios.request({
			method,
			url: sandbox.url + path,
			data,
			headers: {
				Authorization: `Bearer ${sandbox.channel.accessToken}`,
				...(contentType ? { 'content-type': contentType } : {}),
			},
		});
		return response.data;
	}

	async function richMenuWithImage(menu: object, seed: string): Promise<string> {
		const { richMenuId } = await line('POST', '/v2/bot/richmenu', menu);
		await line(
			'POST',
			`/v2/bot/richmenu/${richMenuId}/content`,
			picturePng(seed, 1200, 405),
			'image/png',
		);
		return richMenuId;
	}

	test('a default rich menu shows in the chat; tapping its areas acts like LINE', async () => {
		const start = Date.now();
		const linkTarget = `${sandbox.url}/sandbox/api/status`;
		const area = (x: number, action: object) => ({
			bounds: { x, y: 0, width: 300, height: 405 },
			action,
		});
		const menuA = await richMenuWithImage(
			{
				size: { width: 1200, height: 405 },
				selected: true,
				name: 'Tab A',
				chatBarText: 'Tap here',
				areas: [
					area(0, { type: 'message', text: 'Show me the trails' }),
					area(300, { type: 'postback', data: 'action=book', displayText: 'Book a hike' }),
					area(600, { type: 'uri', uri: linkTarget }),
					area(900, { type: 'richmenuswitch', richMenuAliasId: 'tab-b', data: 'tab=b' }),
				],
			},
			'tab-a',
		);
		const menuB = await richMenuWithImage(
			{
				size: { width: 1200, height: 405 },
				selected: false,
				name: 'Tab B',
				chatBarText: 'More',
				areas: [area(0, { type: 'richmenuswitch', richMenuAliasId: 'tab-a', data: 'tab=a' })],
			},
			'tab-b',
		);
		await line('POST', `/v2/bot/user/all/richmenu/${menuA}`);
		await line('POST', '/v2/bot/richmenu/alias', { richMenuAliasId: 'tab-a', richMenuId: menuA });
		await line('POST', '/v2/bot/richmenu/alias', { richMenuAliasId: 'tab-b', richMenuId: menuB });

		const page = await browser!.newPage();
		const pageErrors: string[] = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));
		await page.goto(sandbox.chatUrl);
		await page.locator('#chats li').filter({ hasText: AIKO.displayName }).first().click();
		await page
			.locator('#chat-header')
			.filter({ hasText: AIKO.userId })
			.waitFor({ timeout: 10_000 });

		// `selected: true`: the menu shows open, with its image and one region per area.
		const panel = page.locator('#rich-menu-panel');
		await panel.waitFor({ timeout: 10_000 });
		expect(await panel.getAttribute('data-rich-menu-id')).toBe(menuA);
		expect(await page.locator('#chat-bar').innerText()).toMatch(/^Tap here/);
		const image = panel.locator('img');
		await eventually(() => image.evaluate((img) => (img.naturalWidth > 0 ? true : undefined)), {
			timeoutMs: 10_000,
			what: 'the rich menu image to load',
		});
		expect(await image.evaluate((img) => [img.naturalWidth, img.naturalHeight])).toEqual([
			1200, 405,
		]);
		const areas = panel.locator('.rich-menu-area');
		expect(await areas.count()).toBe(4);

		// The chat bar closes and opens the menu.
		await page.locator('#chat-bar').click();
		await panel.waitFor({ state: 'detached', timeout: 5_000 });
		await page.locator('#chat-bar').click();
		await panel.waitFor({ timeout: 5_000 });

		// Message action: a message event from Aiko with the text.
		await areas.nth(0).click();
		const message = await receiver.next(0);
		expect(message).toMatchObject({
			type: 'message',
			source: { type: 'user', userId: AIKO.userId },
			message: { type: 'text', text: 'Show me the trails' },
		});
		await page
			.locator('#messages li.user')
			.filter({ hasText: 'Show me the trails' })
			.waitFor({ timeout: 10_000 });

		// Postback action: a postback event; the display text shows in the chat.
		await areas.nth(1).click();
		expect(await receiver.next(1)).toMatchObject({
			type: 'postback',
			source: { type: 'user', userId: AIKO.userId },
			postback: { data: 'action=book' },
		});
		await page
			.locator('#messages li.user')
			.filter({ hasText: 'Book a hike' })
			.waitFor({ timeout: 10_000 });

		// URI action: the link opens in a new tab, and no event is sent.
		const opened = page.context().waitForEvent('page', { timeout: 10_000 });
		await areas.nth(2).click();
		const tab = await opened;
		await tab.waitForURL(linkTarget, { timeout: 10_000 });
		await tab.close();

		// Rich menu switch: tab B shows (open) and the postback says so; it is the next event, so
		// the link sent none.
		await areas.nth(3).click();
		expect(await receiver.next(2)).toMatchObject({
			type: 'postback',
			postback: { data: 'tab=b', params: { newRichMenuAliasId: 'tab-b', status: 'SUCCESS' } },
		});
		await page
			.locator('#rich-menu-panel[data-rich-menu-id="' + menuB + '"]')
			.waitFor({ timeout: 10_000 });
		expect(await page.locator('#chat-bar').innerText()).toMatch(/^More/);
		expect(await panel.locator('.rich-menu-area').count()).toBe(1);
		// LINE links the menu switched to to the user.
		expect(await line('GET', `/v2/bot/user/${AIKO.userId}/richmenu`)).toEqual({
			richMenuId: menuB,
		});

		expect(receiver.events).toHaveLength(3);
		expect(receiver.refused).toEqual([]);
		expect(pageErrors).toEqual([]);
		report(`chat page: rich menu drawn and tapped in ${since(start)}`);
	}, 60_000);
});

describeE2E('messages the bot sent, drawn and tapped on the sandbox chat page', () => {
	if (E2E && !browserWanted) {
		test.skip('skipped: E2E_BROWSER=0', () => undefined);
		return;
	}
	let sandbox: Sandbox;
	let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
	let browser: Browser | undefined;

	beforeAll(async () => {
		if (!fs.existsSync(CHROMIUM)) {
			throw new Error(
				`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH; E2E_BROWSER=0 skips this test)`,
			);
		}
		const playwright = loadPlaywright();
		sandbox = await startSandbox();
		receiver = await startWebhookReceiver(sandbox.channel.secret);
		sandbox.setWebhookUrl(receiver.url);
		browser = await playwright.chromium.launch({
			executablePath: CHROMIUM,
			args: CHROMIUM_ARGS,
			headless: true,
		});
	}, 60_000);

	afterAll(async () => {
		await browser?.close();
		await sandbox?.close();
		await receiver?.close();
	});

	/** A push with LINE's API, as a bot sends it; LINE's answer. */
	async function push(messages: object[]) {
		const response = await axios.post(
			`${sandbox.url}/v2/bot/message/push`,
			{ to: AIKO.userId, messages },
			{ headers: { Authorization: `Bearer ${sandbox.channel.accessToken}` } },
		);
		return response.data as { sentMessages: Array<{ id: string; quoteToken: string }> };
	}

	const picture = (seed: string, width: number, height: number) =>
		`${sandbox.url}/sandbox/images/${seed}.png?w=${width}&h=${height}`;

	/** LINE's restaurant card: hero image, title, key–value rows, buttons in the footer. */
	function flexCard(linkTarget: string) {
		const row = (key: string, value: string) => ({
			type: 'box',
			layout: 'baseline',
			spacing: 'sm',
			contents: [
				{ type: 'text', text: key, color: '#aaaaaa', size: 'sm', flex: 1 },
				{ type: 'text', text: value, wrap: true, color: '#666666', size: 'sm', flex: 5 },
			],
		});
		return {
			type: 'flex',
			altText: 'Mountain Café',
			contents: {
				type: 'bubble',
				hero: {
					type: 'image',
					url: picture('cafe', 800, 520),
					size: 'full',
					aspectRatio: '20:13',
					aspectMode: 'cover',
				},
				body: {
					type: 'box',
					layout: 'vertical',
					contents: [
						{ type: 'text', text: 'Mountain Café', weight: 'bold', size: 'xl' },
						{
							type: 'box',
							layout: 'vertical',
							margin: 'lg',
							spacing: 'sm',
							contents: [row('Place', 'Trailhead, north gate'), row('Time', '10:00 - 23:00')],
						},
					],
				},
				footer: {
					type: 'box',
					layout: 'vertical',
					spacing: 'sm',
					contents: [
						{
							type: 'button',
							style: 'primary',
							action: { type: 'message', label: 'Reserve a table', text: 'A table for two' },
						},
						{
							type: 'button',
							style: 'link',
							action: { type: 'uri', label: 'Website', uri: linkTarget },
						},
					],
				},
			},
		};
	}

	test('templates, a flex card, mentions, a quote and an imagemap are drawn; their actions act like LINE', async () => {
		const start = Date.now();
		const linkTarget = `${sandbox.url}/sandbox/api/status`;
		// Aiko says something first: the bot quotes it with the quote token of its event.
		const { event: said } = await sandbox.sendText(AIKO.userId, 'Can you quote me?');
		const quoteToken = (said.message as { quoteToken: string }).quoteToken;
		await receiver.next(0);

		await push([
			{
				type: 'template',
				altText: 'Sunrise hike',
				template: {
					type: 'buttons',
					thumbnailImageUrl: picture('sunrise', 600, 400),
					title: 'Sunrise hike',
					text: 'Saturday 6:00 at the north gate',
					actions: [
						{ type: 'postback', label: 'Join', data: 'hike=join', displayText: 'I will join' },
						{ type: 'message', label: 'Ask a question', text: 'What should I bring?' },
						{ type: 'datetimepicker', label: 'Pick a day', data: 'hike=day', mode: 'date' },
						{ type: 'uri', label: 'Trail map', uri: linkTarget },
					],
				},
			},
			{
				type: 'template',
				altText: 'Snacks?',
				template: {
					type: 'confirm',
					text: 'Bring snacks?',
					actions: [
						{ type: 'message', label: 'Yes', text: 'Yes, snacks' },
						{ type: 'message', label: 'No', text: 'No snacks' },
					],
				},
			},
			{
				type: 'template',
				altText: 'Trails',
				template: {
					type: 'carousel',
					columns: ['North ridge', 'Lake loop'].map((title, i) => ({
						thumbnailImageUrl: picture(`trail-${i}`, 600, 400),
						title,
						text: `${4 + i * 3} km`,
						actions: [{ type: 'postback', label: `Choose ${title}`, data: `trail=${i}` }],
					})),
				},
			},
			flexCard(linkTarget),
			{
				type: 'textV2',
				text: 'Welcome {aiko} {smile} {everyone}, see you at {{6:00}}',
				substitution: {
					aiko: { type: 'mention', mentionee: { type: 'user', userId: AIKO.userId } },
					everyone: { type: 'mention', mentionee: { type: 'all' } },
					smile: { type: 'emoji', productId: '5ac1bfd5040ab15980c9b435', emojiId: '002' },
				},
			},
		]);
		await push([
			{ type: 'text', text: 'Of course!', quoteToken },
			{
				type: 'imagemap',
				baseUrl: `${sandbox.url}/sandbox/images/trail-map`,
				altText: 'Trail map',
				baseSize: { width: 1040, height: 520 },
				actions: [
					{ type: 'message', text: 'North trail', area: { x: 0, y: 0, width: 520, height: 520 } },
					{ type: 'uri', linkUri: linkTarget, area: { x: 520, y: 0, width: 520, height: 520 } },
				],
			},
		]);
		expect(sandbox.invalidRequests()).toEqual([]);

		const page = await browser!.newPage();
		const pageErrors: string[] = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.accept('2025-12-24');
		});
		await page.goto(sandbox.chatUrl);
		await page.locator('#chats li').filter({ hasText: AIKO.displayName }).first().click();
		await page
			.locator('#chat-header')
			.filter({ hasText: AIKO.userId })
			.waitFor({ timeout: 10_000 });
		const bot = page.locator('#messages li.bot');
		const visible = async (locator: Locator) => {
			await locator.waitFor({ timeout: 10_000 });
			return locator.isVisible();
		};

		// Buttons template: its image, title, text and a button per action.
		const buttons = bot.locator('.template-card').filter({ hasText: 'Sunrise hike' });
		expect(await visible(buttons.locator('.template-title'))).toBe(true);
		expect(await buttons.locator('.template-text').innerText()).toBe(
			'Saturday 6:00 at the north gate',
		);
		expect(await buttons.locator('button').count()).toBe(4);
		expect(await buttons.locator('img').getAttribute('src')).toBe(picture('sunrise', 600, 400));

		// Confirm: the text over two buttons side by side.
		const confirm = bot.locator('.template-card').filter({ hasText: 'Bring snacks?' });
		const [yes, no] = await Promise.all(
			['Yes', 'No'].map((label) =>
				confirm.locator('button').filter({ hasText: label }).boundingBox(),
			),
		);
		expect(yes!.y).toBe(no!.y);
		expect(no!.x).toBeGreaterThan(yes!.x);

		// Carousel: its columns next to each other.
		const carousel = bot.locator('.carousel').filter({ hasText: 'North ridge' });
		const columns = carousel.locator('.template-card');
		expect(await columns.count()).toBe(2);
		const [north, lake] = await Promise.all([
			columns.nth(0).boundingBox(),
			columns.nth(1).boundingBox(),
		]);
		expect(lake!.y).toBe(north!.y);
		expect(lake!.x).toBeGreaterThan(north!.x + north!.width - 1);
		expect(await columns.nth(1).innerText()).toMatch(/Lake loop\s+7 km\s+Choose Lake loop/);

		// Flex card: hero image, title, key–value rows (key and value on one line), footer buttons.
		const card = bot.locator('.flex-bubble').filter({ hasText: 'Mountain Café' });
		const hero = card.locator('.flex-hero img');
		await eventually(() => hero.evaluate((img) => (img.naturalWidth > 0 ? true : undefined)), {
			timeoutMs: 10_000,
			what: 'the flex hero image to load',
		});
		const heroBox = await hero.boundingBox();
		expect(heroBox!.width / heroBox!.height).toBeCloseTo(20 / 13, 1);
		const title = await card
			.locator('.flex-text')
			.filter({ hasText: 'Mountain Café' })
			.boundingBox();
		const key = await card.locator('.flex-text').filter({ hasText: 'Place' }).boundingBox();
		const value = await card
			.locator('.flex-text')
			.filter({ hasText: 'Trailhead, north gate' })
			.boundingBox();
		expect(key!.y).toBeGreaterThan(title!.y + title!.height - 1);
		expect(Math.abs(value!.y - key!.y)).toBeLessThan(4);
		expect(value!.x).toBeGreaterThan(key!.x + key!.width - 1);
		const reserve = card.locator('button').filter({ hasText: 'Reserve a table' });
		expect((await reserve.boundingBox())!.y).toBeGreaterThan(value!.y);
		expect(await visible(card.locator('button').filter({ hasText: 'Website' }))).toBe(true);

		// textV2: mentions by display name, the emoji as a marker, {{ }} as braces.
		const welcome = bot.locator('.bubble').filter({ hasText: 'Welcome' });
		expect(await welcome.locator('.mention').first().innerText()).toBe(`@${AIKO.displayName}`);
		expect(await welcome.locator('.mention').last().innerText()).toBe('@All');
		expect(await welcome.locator('.emoji').count()).toBe(1);
		expect(await welcome.innerText()).toMatch(/, see you at \{6:00\}$/);

		// The quoted message, above the text quoting it.
		const quoting = bot.locator('.bubble').filter({ hasText: 'Of course!' });
		expect(await quoting.locator('.quote-name').innerText()).toBe(AIKO.displayName);
		expect(await quoting.locator('.quote-text').innerText()).toBe('Can you quote me?');

		// Imagemap: the 1040 px image, its areas scaled to the image.
		const imagemap = bot.locator('.imagemap');
		expect(await imagemap.locator('img').getAttribute('src')).toBe(
			`${sandbox.url}/sandbox/images/trail-map/1040`,
		);
		const areas = imagemap.locator('.imagemap-area');
		expect(await areas.count()).toBe(2);
		const [map, right] = await Promise.all([imagemap.boundingBox(), areas.nth(1).boundingBox()]);
		expect(right!.x - map!.x).toBeCloseTo(map!.width / 2, 0);
		expect(right!.width).toBeCloseTo(map!.width / 2, 0);
		expect(right!.height).toBeCloseTo(map!.height, 0);

		// Postback button: a postback event; its display text shows as Aiko's message.
		await buttons.locator('button').filter({ hasText: 'Join' }).click();
		expect(await receiver.next(1)).toMatchObject({
			type: 'postback',
			source: { type: 'user', userId: AIKO.userId },
			postback: { data: 'hike=join' },
		});
		expect(
			await visible(page.locator('#messages li.user').filter({ hasText: 'I will join' })),
		).toBe(true);

		// Message button: Aiko sends its text.
		await buttons.locator('button').filter({ hasText: 'Ask a question' }).click();
		expect(await receiver.next(2)).toMatchObject({
			type: 'message',
			message: { type: 'text', text: 'What should I bring?' },
		});

		// Date-time picker: asks for the day, then a postback with it in params.
		await buttons.locator('button').filter({ hasText: 'Pick a day' }).click();
		expect(await receiver.next(3)).toMatchObject({
			type: 'postback',
			postback: { data: 'hike=day', params: { date: '2025-12-24' } },
		});
		expect(dialogs).toEqual([expect.stringContaining('Pick a day: date')]);

		// URI button: a new tab, a note on the page, no event.
		const opened = page.context().waitForEvent('page', { timeout: 10_000 });
		await buttons.locator('button').filter({ hasText: 'Trail map' }).click();
		const tab = await opened;
		await tab.waitForURL(linkTarget, { timeout: 10_000 });
		await tab.close();
		expect(await page.locator('#action-note').innerText()).toBe(`Opened ${linkTarget}`);
		expect(await page.locator('#action-note').getAttribute('data-opened')).toBe(linkTarget);

		// An imagemap area and a flex button with message actions: Aiko says their texts.
		await areas.nth(0).click();
		expect(await receiver.next(4)).toMatchObject({
			type: 'message',
			message: { type: 'text', text: 'North trail' },
		});
		await reserve.click();
		expect(await receiver.next(5)).toMatchObject({
			type: 'message',
			message: { type: 'text', text: 'A table for two' },
		});
		// A carousel column's postback button.
		await carousel.locator('button').filter({ hasText: 'Choose Lake loop' }).click();
		expect(await receiver.next(6)).toMatchObject({
			type: 'postback',
			postback: { data: 'trail=1' },
		});

		expect(receiver.events).toHaveLength(7);
		expect(receiver.refused).toEqual([]);
		expect(pageErrors).toEqual([]);
		report(
			`chat page: templates, flex, quotes, mentions and an imagemap drawn and tapped in ${since(start)}`,
		);
	}, 60_000);
});
