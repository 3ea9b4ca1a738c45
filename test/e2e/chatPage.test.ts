import fs from 'node:fs';

import type { BotEntry, Sandbox } from '../../sandbox';
import { SANDBOX_USERS, startSandbox } from '../../sandbox';
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
 * typed as a LINE user, the echo bot in real n8n answering, the answer drawn on the page.
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
	fill(text: string): Promise<void>;
	press(key: string): Promise<void>;
	filter(options: { hasText: string | RegExp }): Locator;
	first(): Locator;
	last(): Locator;
	waitFor(options?: { timeout?: number }): Promise<void>;
	innerText(): Promise<string>;
	locator(selector: string): Locator;
}
interface Page {
	goto(url: string): Promise<unknown>;
	locator(selector: string): Locator;
	on(event: 'pageerror', listener: (error: Error) => void): void;
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
