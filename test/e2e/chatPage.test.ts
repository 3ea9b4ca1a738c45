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
}
interface Page {
	goto(url: string): Promise<unknown>;
	locator(selector: string): Locator;
	on(event: 'pageerror', listener: (error: Error) => void): void;
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
