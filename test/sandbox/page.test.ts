import http from 'node:http';

import axios from 'axios';

import {
	SANDBOX_GROUP,
	SANDBOX_ROOM,
	SANDBOX_USERS,
	startSandbox,
	type Sandbox,
} from '../../sandbox';

/** The chat page and the sandbox's JSON API. */

const [AIKO] = SANDBOX_USERS.map((user) => user.userId);

let sandbox: Sandbox;

// A new sandbox for every test: nothing one test sent can reach the next one's.
beforeEach(async () => {
	sandbox = await startSandbox();
});
afterEach(async () => {
	await sandbox.close();
});

const get = (path: string) => axios.get(sandbox.url + path, { validateStatus: () => true });

function push(to: string, text: string) {
	return axios.post(
		`${sandbox.url}/v2/bot/message/push`,
		{ to, messages: [{ type: 'text', text }] },
		{ headers: { Authorization: `Bearer ${sandbox.channel.accessToken}` } },
	);
}

/** Anything that would make a browser load from another host. */
const EXTERNAL = /\b(?:https?:)?\/\/[a-z0-9.-]+|@import|url\(/i;

describe('the chat page', () => {
	it('is served at / and loads only its own script and style sheet', async () => {
		const page = await get('/');
		expect(page.status).toBe(200);
		expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(page.headers['content-security-policy']).toContain("default-src 'self'");
		expect(sandbox.chatUrl).toBe(`${sandbox.url}/`);

		const html: string = page.data;
		const references = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
		expect(references.sort()).toEqual(['/sandbox/app.js', '/sandbox/style.css']);
		for (const path of ['/', ...references]) {
			const file = await get(path);
			expect([path, file.status]).toEqual([path, 200]);
			expect([path, EXTERNAL.exec(file.data)?.[0]]).toEqual([path, undefined]);
		}
		expect((await get('/sandbox/app.js')).headers['content-type']).toMatch(/^text\/javascript/);
	});

	it('generated pictures are PNGs', async () => {
		const picture = await axios.get(`${sandbox.url}/sandbox/images/${AIKO}.png?w=32&h=16`, {
			responseType: 'arraybuffer',
		});
		const bytes = Buffer.from(picture.data);
		expect(picture.headers['content-type']).toBe('image/png');
		expect(bytes.subarray(1, 4).toString()).toBe('PNG');
		expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([32, 16]);
	});
});

describe('the JSON API', () => {
	it('lists the seeded chats, with valid LINE IDs and names', async () => {
		const chats = (await get('/sandbox/api/chats')).data;
		expect(chats.map((chat: { id: string }) => chat.id)).toEqual([
			...SANDBOX_USERS.map((user) => user.userId),
			SANDBOX_GROUP.id,
			SANDBOX_ROOM.id,
		]);
		for (const chat of chats) expect(chat.id).toMatch(/^[UCR][0-9a-f]{32}$/);
		expect(chats[0]).toMatchObject({ type: 'user', name: 'Aiko Tanaka', preview: '' });
		expect(chats[3]).toMatchObject({ type: 'group', name: 'Weekend hikers' });
		expect(chats[3].members).toHaveLength(3);
		expect(sandbox.botUserId).toMatch(/^U[0-9a-f]{32}$/);
	});

	it('shows what was sent to a chat; reset forgets it', async () => {
		await push(AIKO, 'First');
		const messages = (await get(`/sandbox/api/chats/${AIKO}/messages`)).data;
		expect(messages).toEqual([
			expect.objectContaining({
				from: 'bot',
				via: 'push',
				message: { type: 'text', text: 'First' },
			}),
		]);
		expect((await get('/sandbox/api/chats')).data[0].preview).toBe('First');
		expect((await get('/sandbox/api/requests')).data).toHaveLength(1);

		expect((await axios.post(`${sandbox.url}/sandbox/api/reset`)).status).toBe(200);
		expect((await get(`/sandbox/api/chats/${AIKO}/messages`)).data).toEqual([]);
		expect((await get('/sandbox/api/requests')).data).toEqual([]);
		// The sandbox's LINE API still works after a reset.
		expect((await push(AIKO, 'After')).status).toBe(200);
		expect(sandbox.conversation(AIKO)).toHaveLength(1);
	});

	it('answers 404 for unknown chats and routes', async () => {
		expect(
			(await get('/sandbox/api/chats/Uffffffffffffffffffffffffffffffff/messages')).status,
		).toBe(404);
		expect((await get('/sandbox/api/nothing')).data).toEqual({
			message: 'No sandbox API GET /sandbox/api/nothing',
		});
	});

	it('status tells the page the API base URL, credential and webhook', async () => {
		sandbox.setWebhookUrl('http://127.0.0.1:5678/webhook/x/webhook');
		expect((await get('/sandbox/api/status')).data).toMatchObject({
			apiBaseUrl: sandbox.url,
			channel: sandbox.channel,
			webhookUrl: 'http://127.0.0.1:5678/webhook/x/webhook',
			lastDelivery: null,
		});
		await axios.put(`${sandbox.url}/sandbox/api/webhook`, { url: '' });
		expect(sandbox.webhookUrl).toBeUndefined();
	});

	it('the event stream announces changes', async () => {
		const versions: number[] = [];
		const request = http.get(`${sandbox.url}/sandbox/api/events`);
		const announced = new Promise<void>((resolve) => {
			request.on('response', (response) => {
				response.setEncoding('utf8');
				response.on('data', (chunk: string) => {
					for (const match of chunk.matchAll(/data: (\d+)/g)) versions.push(Number(match[1]));
					if (versions.length === 1) void push(AIKO, 'ping');
					if (versions.length === 2) resolve();
				});
			});
		});
		await announced;
		request.destroy();
		expect(versions[1]).toBeGreaterThan(versions[0]);
	});
});

describe('the page’s modules', () => {
	it('are served, and like the page load nothing from elsewhere', async () => {
		const seen = new Set<string>();
		const pending = ['/sandbox/app.js'];
		while (pending.length > 0) {
			const path = pending.pop()!;
			if (seen.has(path)) continue;
			seen.add(path);
			const file = await get(path);
			expect([path, file.status, file.headers['content-type']]).toEqual([
				path,
				200,
				'text/javascript; charset=utf-8',
			]);
			expect([path, EXTERNAL.exec(file.data)?.[0]]).toEqual([path, undefined]);
			for (const match of String(file.data).matchAll(/from '\.\/([\w-]+\.js)'/g)) {
				pending.push(`/sandbox/${match[1]}`);
			}
		}
		expect([...seen].sort()).toEqual([
			'/sandbox/app.js',
			'/sandbox/dom.js',
			'/sandbox/flex.js',
			'/sandbox/messages.js',
			'/sandbox/templates.js',
		]);
	});
});

describe('quote tokens', () => {
	const [, BEN] = SANDBOX_USERS.map((user) => user.userId);

	function pushMessages(to: string, messages: object[]) {
		return axios.post(
			`${sandbox.url}/v2/bot/message/push`,
			{ to, messages },
			{ headers: { Authorization: `Bearer ${sandbox.channel.accessToken}` } },
		);
	}
	const lastEntry = async (chatId: string) =>
		(await get(`/sandbox/api/chats/${chatId}/messages`)).data.at(-1);

	it('a user’s message keeps the quote token its event carried', async () => {
		const { event } = await sandbox.sendText(AIKO, 'Hello bot');
		const { quoteToken } = event.message as { quoteToken: string };
		expect(quoteToken).toMatch(/^[0-9a-f]{48}$/);
		expect(sandbox.conversation(AIKO)[0]).toMatchObject({ from: 'user', quoteToken });
	});

	it('a bot message quoting a user’s or the bot’s message says what it quotes', async () => {
		const { event } = await sandbox.sendText(AIKO, 'Can you quote me?');
		const { quoteToken } = event.message as { quoteToken: string };
		await pushMessages(AIKO, [{ type: 'text', text: 'Sure', quoteToken }]);
		expect(await lastEntry(AIKO)).toMatchObject({
			message: { type: 'text', text: 'Sure', quoteToken },
			quoted: { from: 'user', userId: AIKO, text: 'Can you quote me?' },
		});

		// The bot's own messages: the quote token from the push's answer.
		const sent = await pushMessages(AIKO, [{ type: 'text', text: 'Trail is open' }]);
		const [{ quoteToken: botToken }] = sent.data.sentMessages;
		await pushMessages(AIKO, [
			{ type: 'sticker', packageId: '446', stickerId: '1988', quoteToken: botToken },
		]);
		expect((await lastEntry(AIKO)).quoted).toEqual({ from: 'bot', text: 'Trail is open' });
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('a quote token quotes nothing outside its chat', async () => {
		const { event } = await sandbox.sendText(AIKO, 'Only for Aiko');
		const { quoteToken } = event.message as { quoteToken: string };
		await pushMessages(BEN, [{ type: 'text', text: 'Hi Ben', quoteToken }]);
		expect((await lastEntry(BEN)).quoted).toBeNull();
		await pushMessages(AIKO, [{ type: 'text', text: 'Unknown', quoteToken: 'no-such-token' }]);
		expect((await lastEntry(AIKO)).quoted).toBeNull();
		// Messages without a quote token quote nothing.
		await push(AIKO, 'Plain');
		expect(await lastEntry(AIKO)).not.toHaveProperty('quoted');
	});
});
