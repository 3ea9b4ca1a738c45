import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import { validateSignature } from '@line/bot-sdk';
import axios from 'axios';

import { SANDBOX_GROUP, SANDBOX_USERS, startSandbox, type Sandbox } from '../../sandbox';
import { validateSchema } from '../support/openapi';

/** What the LINE users do in the sandbox reaches the webhook like LINE's events; replies come back. */

const [AIKO, BEN] = SANDBOX_USERS.map((user) => user.userId);
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

interface Received {
	headers: IncomingHttpHeaders;
	rawBody: string;
	body: { destination: string; events: Array<Record<string, any>> };
}

/** A webhook receiver on 127.0.0.1 that answers `status` and keeps what it got. */
async function startReceiver() {
	const received: Received[] = [];
	const receiver = { url: '', status: 200, received, close: async () => {} };
	const server = http.createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks).toString('utf8');
		received.push({ headers: req.headers, rawBody, body: JSON.parse(rawBody) });
		res.writeHead(receiver.status, { 'content-type': 'application/json' }).end('{}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
	receiver.close = () =>
		new Promise<void>((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections();
		});
	return receiver;
}

let sandbox: Sandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

// A new receiver and sandbox for every test: nothing one test sent can reach the next one's.
beforeEach(async () => {
	receiver = await startReceiver();
	sandbox = await startSandbox({ webhookUrl: receiver.url });
});
afterEach(async () => {
	await sandbox.close();
	await receiver.close();
});

const api = (path: string, data?: unknown) =>
	axios.post(`${sandbox.url}/sandbox/api${path}`, data, { validateStatus: () => true });

function line(method: string, path: string, data?: unknown) {
	return axios.request({
		method,
		url: sandbox.url + path,
		data,
		validateStatus: () => true,
		headers: { Authorization: `Bearer ${sandbox.channel.accessToken}` },
	});
}

const reply = (replyToken: string, text: string) =>
	line('POST', '/v2/bot/message/reply', { replyToken, messages: [{ type: 'text', text }] });

describe('what users say reaches the webhook', () => {
	it('text from the chat page API: a signed message event, valid against webhook.yml', async () => {
		const before = Date.now();
		const response = await api(`/chats/${AIKO}/send`, { text: 'Hello bot 👋' });
		const after = Date.now();
		expect(response.status).toBe(200);
		expect(response.data.delivery).toMatchObject({
			ok: true,
			statusCode: 200,
			summary: 'delivered 200',
			url: receiver.url,
		});

		expect(receiver.received).toHaveLength(1);
		const [{ headers, rawBody, body }] = receiver.received;
		expect(
			validateSignature(rawBody, sandbox.channel.secret, headers['x-line-signature'] as string),
		).toBe(true);
		expect(
			validateSignature(rawBody, 'another-secret', headers['x-line-signature'] as string),
		).toBe(false);
		expect(headers['content-type']).toBe('application/json; charset=utf-8');
		expect(headers['user-agent']).toBe('LineBotWebhook/2.0');
		expect(validateSchema('webhook', 'CallbackRequest', body)).toEqual([]);

		expect(body.destination).toBe(sandbox.botUserId);
		const [event] = body.events;
		expect(event).toEqual({
			type: 'message',
			mode: 'active',
			timestamp: expect.any(Number),
			webhookEventId: expect.stringMatching(ULID),
			deliveryContext: { isRedelivery: false },
			source: { type: 'user', userId: AIKO },
			replyToken: expect.stringMatching(/^[0-9a-f]{32}$/),
			message: {
				type: 'text',
				id: expect.stringMatching(/^\d+$/),
				text: 'Hello bot 👋',
				quoteToken: expect.any(String),
				markAsReadToken: expect.any(String),
			},
		});
		// The time the user sent it: while the request was under way, however long it took.
		expect(event.timestamp).toBeGreaterThanOrEqual(before);
		expect(event.timestamp).toBeLessThanOrEqual(after);
		expect(response.data.event).toEqual(event);
		expect(sandbox.conversation(AIKO)).toEqual([
			expect.objectContaining({
				from: 'user',
				userId: AIKO,
				message: { type: 'text', id: event.message.id, text: 'Hello bot 👋' },
				delivery: expect.objectContaining({ summary: 'delivered 200' }),
			}),
		]);
	});

	it('in a group the source names the group and who spoke', async () => {
		await sandbox.sendText(SANDBOX_GROUP.id, 'Who is coming?', { userId: BEN });
		const [event] = receiver.received[0].body.events;
		expect(event.source).toEqual({ type: 'group', groupId: SANDBOX_GROUP.id, userId: BEN });
		expect(validateSchema('webhook', 'CallbackRequest', receiver.received[0].body)).toEqual([]);
	});

	it('a picture is an image message event whose content LINE keeps', async () => {
		await api(`/chats/${AIKO}/image`);
		const [{ body }] = receiver.received;
		expect(validateSchema('webhook', 'CallbackRequest', body)).toEqual([]);
		expect(body.events[0].message).toMatchObject({
			type: 'image',
			contentProvider: { type: 'line' },
		});
	});

	it('a postback button sends a postback event; its displayText shows in the chat', async () => {
		const response = await api(`/chats/${AIKO}/postback`, {
			data: 'action=buy&item=1',
			displayText: 'Buy it',
			params: { date: '2024-05-01' },
		});
		expect(response.status).toBe(200);
		const [{ body }] = receiver.received;
		expect(validateSchema('webhook', 'CallbackRequest', body)).toEqual([]);
		expect(body.events[0]).toMatchObject({
			type: 'postback',
			postback: { data: 'action=buy&item=1', params: { date: '2024-05-01' } },
			replyToken: expect.any(String),
		});
		expect(sandbox.conversation(AIKO)[0]).toMatchObject({
			from: 'user',
			postback: { data: 'action=buy&item=1', displayText: 'Buy it' },
		});
	});

	it('says when the webhook refuses, cannot be reached, or is not set', async () => {
		receiver.status = 401;
		expect((await sandbox.sendText(AIKO, 'one')).delivery).toMatchObject({
			ok: false,
			statusCode: 401,
			summary: 'webhook refused 401',
		});
		sandbox.setWebhookUrl('http://127.0.0.1:1/nothing-here');
		expect((await sandbox.sendText(AIKO, 'two')).delivery).toMatchObject({
			ok: false,
			statusCode: 0,
			reason: 'COULD_NOT_CONNECT',
			summary: 'webhook unreachable (ECONNREFUSED)',
		});
		sandbox.setWebhookUrl(undefined);
		expect((await sandbox.sendText(AIKO, 'three')).delivery.summary).toBe('no webhook URL set');
		const status = await axios.get(`${sandbox.url}/sandbox/api/status`);
		expect(status.data.lastDelivery.summary).toBe('no webhook URL set');
	});

	it('the chat API refuses empty text and unknown chats', async () => {
		expect((await api(`/chats/${AIKO}/send`, { text: '' })).status).toBe(400);
		expect(
			(await api('/chats/Cffffffffffffffffffffffffffffffff/send', { text: 'hi' })).status,
		).toBe(404);
		expect(receiver.received).toEqual([]);
	});
});

describe('reply tokens', () => {
	it('a reply with the token of a delivered event lands in that chat; the token works once', async () => {
		await sandbox.sendText(SANDBOX_GROUP.id, 'Hi bot', { userId: BEN });
		const { replyToken } = receiver.received[0].body.events[0];

		const first = await reply(replyToken, 'Hi Ben');
		expect(first.status).toBe(200);
		expect(first.data.sentMessages).toHaveLength(1);
		expect(sandbox.conversation(SANDBOX_GROUP.id).at(-1)).toMatchObject({
			from: 'bot',
			via: 'reply',
			message: { type: 'text', text: 'Hi Ben' },
		});

		const again = await reply(replyToken, 'Hi again');
		expect(again.status).toBe(400);
		expect(again.data).toEqual({ message: 'Invalid reply token' });
		expect((await reply('0123456789abcdef0123456789abcdef', 'x')).data).toEqual({
			message: 'Invalid reply token',
		});
		expect(
			sandbox.conversation(SANDBOX_GROUP.id).filter((entry) => entry.from === 'bot'),
		).toHaveLength(1);
	});

	it('a reply token expires', async () => {
		const quick = await startSandbox({ webhookUrl: receiver.url, replyTokenTtlMs: 50 });
		try {
			const { replyToken } = await quick.sendText(AIKO, 'Hi');
			await new Promise((resolve) => setTimeout(resolve, 80));
			const response = await axios.post(
				`${quick.url}/v2/bot/message/reply`,
				{ replyToken, messages: [{ type: 'text', text: 'late' }] },
				{
					headers: { Authorization: `Bearer ${quick.channel.accessToken}` },
					validateStatus: () => true,
				},
			);
			expect(response.status).toBe(400);
			expect(response.data.message).toBe('Invalid reply token');
		} finally {
			await quick.close();
		}
	});

	it('the markAsReadToken of a message event marks it read', async () => {
		await sandbox.sendText(AIKO, 'Read me');
		const { markAsReadToken } = receiver.received[0].body.events[0].message;
		expect(sandbox.conversation(AIKO)[0]).toMatchObject({ read: false });
		expect((await line('POST', '/v2/bot/chat/markAsRead', { markAsReadToken })).status).toBe(200);
		expect(sandbox.conversation(AIKO)[0]).toMatchObject({ read: true });
	});
});

describe('the webhook endpoint API', () => {
	it('PUT sets where events go (as the LINE Trigger does); GET says so', async () => {
		sandbox.setWebhookUrl(undefined);
		expect((await line('GET', '/v2/bot/channel/webhook/endpoint')).data).toEqual({
			endpoint: '',
			active: false,
		});
		expect(
			(await line('PUT', '/v2/bot/channel/webhook/endpoint', { endpoint: receiver.url })).status,
		).toBe(200);
		expect((await line('GET', '/v2/bot/channel/webhook/endpoint')).data).toEqual({
			endpoint: receiver.url,
			active: true,
		});
		await sandbox.sendText(BEN, 'now it arrives');
		expect(receiver.received).toHaveLength(1);
		expect(sandbox.webhookUrl).toBe(receiver.url);
	});

	it('test really sends a signed request with no events, and reports what came back', async () => {
		const success = await line('POST', '/v2/bot/channel/webhook/test', {});
		expect(success.data).toEqual({
			success: true,
			timestamp: expect.any(String),
			statusCode: 200,
			reason: 'OK',
			detail: '200',
		});
		expect(validateSchema('messaging-api', 'TestWebhookEndpointResponse', success.data)).toEqual(
			[],
		);
		const [{ headers, rawBody, body }] = receiver.received;
		expect(body).toEqual({ destination: sandbox.botUserId, events: [] });
		expect(
			validateSignature(rawBody, sandbox.channel.secret, headers['x-line-signature'] as string),
		).toBe(true);

		receiver.status = 500;
		const failure = await line('POST', '/v2/bot/channel/webhook/test', { endpoint: receiver.url });
		expect(failure.data).toMatchObject({
			success: false,
			statusCode: 500,
			reason: 'ERROR_STATUS_CODE',
		});
		expect(receiver.received).toHaveLength(2);
	});
});
