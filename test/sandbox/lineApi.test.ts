import axios, { type AxiosRequestConfig } from 'axios';

import {
	SANDBOX_GROUP,
	SANDBOX_ROOM,
	SANDBOX_USERS,
	startSandbox,
	type BotEntry,
	type Sandbox,
} from '../../sandbox';
import { validateSchema } from '../support/openapi';

/** The sandbox's LINE API, over HTTP: answers like LINE, and remembers what went to whom. */

const [AIKO, BEN, CHAI] = SANDBOX_USERS.map((user) => user.userId);
const NEW_USER = 'U0123456789abcdef0123456789abcdef';
const text = (value: string) => ({ type: 'text', text: value });

let sandbox: Sandbox;

// A new sandbox for every test: nothing one test sent can reach the next one's.
beforeEach(async () => {
	sandbox = await startSandbox();
});
afterEach(async () => {
	await sandbox.close();
});

async function call(method: string, path: string, data?: unknown, config: AxiosRequestConfig = {}) {
	return await axios.request({
		method,
		url: sandbox.url + path,
		data,
		validateStatus: () => true,
		...config,
		headers: { Authorization: `Bearer ${sandbox.channel.accessToken}`, ...config.headers },
	});
}

/** The messages the bot sent to a chat, as `[via, text]`. */
function botTexts(chatId: string): Array<[string, unknown]> {
	return sandbox
		.conversation(chatId)
		.filter((entry): entry is BotEntry => entry.from === 'bot')
		.map((entry) => [entry.via, entry.message.text]);
}

describe('sending', () => {
	it('push lands in the conversation of `to`, with the IDs LINE answered', async () => {
		const response = await call('POST', '/v2/bot/message/push', {
			to: AIKO,
			messages: [text('Hello'), text('Again')],
		});
		expect(response.status).toBe(200);
		expect(response.headers['x-line-request-id']).toEqual(expect.any(String));
		expect(validateSchema('messaging-api', 'PushMessageResponse', response.data)).toEqual([]);
		expect(botTexts(AIKO)).toEqual([
			['push', 'Hello'],
			['push', 'Again'],
		]);
		const ids = sandbox.conversation(AIKO).map((entry) => (entry as BotEntry).id);
		expect(response.data.sentMessages.map((sent: { id: string }) => sent.id)).toEqual(ids);
		expect(botTexts(BEN)).toEqual([]);
	});

	it('push to a group or an unknown user ID lands there (a new chat for a new ID)', async () => {
		await call('POST', '/v2/bot/message/push', {
			to: SANDBOX_GROUP.id,
			messages: [text('Hi all')],
		});
		await call('POST', '/v2/bot/message/push', { to: NEW_USER, messages: [text('Welcome')] });
		expect(botTexts(SANDBOX_GROUP.id)).toEqual([['push', 'Hi all']]);
		expect(botTexts(NEW_USER)).toEqual([['push', 'Welcome']]);
		expect(sandbox.chats().find((chat) => chat.id === NEW_USER)?.type).toBe('user');
	});

	it('push to an ID that is no user, group or room is refused like LINE', async () => {
		const response = await call('POST', '/v2/bot/message/push', {
			to: 'nobody',
			messages: [text('x')],
		});
		expect(response.status).toBe(400);
		expect(response.data.message).toBe(
			"The property, 'to', in the request body is invalid (line: -, column: -)",
		);
		expect(sandbox.chats().some((chat) => chat.id === 'nobody')).toBe(false);
	});

	it('multicast lands once in each recipient’s conversation, and nowhere else', async () => {
		const response = await call('POST', '/v2/bot/message/multicast', {
			to: [AIKO, CHAI, AIKO],
			messages: [text('News')],
		});
		expect(response.status).toBe(200);
		expect(botTexts(AIKO)).toEqual([['multicast', 'News']]);
		expect(botTexts(CHAI)).toEqual([['multicast', 'News']]);
		expect(botTexts(BEN)).toEqual([]);
	});

	it('broadcast and narrowcast reach every user (not groups or rooms)', async () => {
		await call('POST', '/v2/bot/message/push', { to: NEW_USER, messages: [text('Welcome')] });
		const broadcast = await call('POST', '/v2/bot/message/broadcast', { messages: [text('Sale')] });
		const narrowcast = await call('POST', '/v2/bot/message/narrowcast', {
			messages: [text('Promo')],
		});
		expect([broadcast.status, narrowcast.status]).toEqual([200, 202]);
		for (const user of [AIKO, BEN, CHAI]) {
			expect(botTexts(user)).toEqual([
				['broadcast', 'Sale'],
				['narrowcast', 'Promo'],
			]);
		}
		expect(botTexts(NEW_USER)).toEqual([
			['push', 'Welcome'],
			['broadcast', 'Sale'],
			['narrowcast', 'Promo'],
		]);
		expect(botTexts(SANDBOX_GROUP.id)).toEqual([]);
		expect(botTexts(SANDBOX_ROOM.id)).toEqual([]);

		const progress = await call(
			'GET',
			`/v2/bot/message/progress/narrowcast?requestId=${narrowcast.headers['x-line-request-id']}`,
		);
		expect(progress.status).toBe(200);
		expect(progress.data).toMatchObject({ phase: 'succeeded', targetCount: 4, successCount: 4 });
		expect(validateSchema('messaging-api', 'NarrowcastProgressResponse', progress.data)).toEqual(
			[],
		);
	});

	it('a retry key already accepted answers 409 and sends nothing twice', async () => {
		const retryKey = { 'X-Line-Retry-Key': '123e4567-e89b-12d3-a456-426614174000' };
		const body = { to: BEN, messages: [text('Once')] };
		const first = await call('POST', '/v2/bot/message/push', body, { headers: retryKey });
		const second = await call('POST', '/v2/bot/message/push', body, { headers: retryKey });
		expect([first.status, second.status]).toEqual([200, 409]);
		expect(second.headers['x-line-accepted-request-id']).toBe(first.headers['x-line-request-id']);
		expect(botTexts(BEN)).toEqual([['push', 'Once']]);
	});

	it('the loading animation shows in a one-to-one chat', async () => {
		const before = Date.now();
		const response = await call('POST', '/v2/bot/chat/loading/start', {
			chatId: AIKO,
			loadingSeconds: 10,
		});
		expect(response.status).toBe(202);
		const [note] = sandbox.conversation(AIKO);
		expect(note).toMatchObject({ from: 'system', text: 'Loading animation (10 s)' });
		const until = Date.parse((note as { loadingUntil: string }).loadingUntil);
		// 10 s from when the sandbox got the request.
		expect(until).toBeGreaterThanOrEqual(before + 10_000);
		expect(until).toBeLessThanOrEqual(Date.now() + 10_000);
	});
});

describe("LINE's checks", () => {
	it('an invalid request gets LINE’s 400 with details, is recorded with its problems, sends nothing', async () => {
		const response = await call('POST', '/v2/bot/message/push', {
			to: AIKO,
			messages: [{ type: 'text', text: '' }, { type: 'sticker' }],
		});
		expect(response.status).toBe(400);
		expect(response.data.message).toMatch(/^The request body has \d+ error\(s\)$/);
		expect(response.data.details).toEqual(
			expect.arrayContaining([{ property: 'messages[1].packageId', message: 'required' }]),
		);
		expect(validateSchema('messaging-api', 'ErrorResponse', response.data)).toEqual([]);
		expect(sandbox.conversation(AIKO)).toEqual([]);
		expect(sandbox.invalidRequests()).toHaveLength(1);

		const listed = await axios.get(`${sandbox.url}/sandbox/api/requests`);
		expect(listed.data).toEqual([
			expect.objectContaining({
				method: 'POST',
				url: '/v2/bot/message/push',
				operationId: 'pushMessage',
				status: 400,
				problems: expect.arrayContaining(['body.messages[1].packageId: required']),
			}),
		]);
		expect(JSON.stringify(listed.data)).not.toContain(sandbox.channel.accessToken);
	});

	it('a wrong token is refused; a client-credentials token from the channel ID and secret works', async () => {
		const refused = await call('GET', '/v2/bot/info', undefined, {
			headers: { Authorization: 'Bearer wrong' },
		});
		expect(refused.status).toBe(401);

		const form = new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: sandbox.channel.id,
			client_secret: sandbox.channel.secret,
		});
		const token = await axios.post(`${sandbox.url}/oauth2/v3/token`, form.toString(), {
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		expect(token.data).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
		const info = await call('GET', '/v2/bot/info', undefined, {
			headers: { Authorization: `Bearer ${token.data.access_token}` },
		});
		expect(info.status).toBe(200);
		expect(info.data).toMatchObject({ userId: sandbox.botUserId, chatMode: 'bot' });
	});

	it('every read-only endpoint the package uses answers, valid against the spec', async () => {
		const paths = [
			'/v2/bot/message/quota',
			'/v2/bot/message/quota/consumption',
			'/v2/bot/message/delivery/push?date=20240101',
			'/v2/bot/message/delivery/reply?date=20240101',
			'/v2/bot/message/delivery/multicast?date=20240101',
			'/v2/bot/message/delivery/broadcast?date=20240101',
			'/v2/bot/info',
			'/v2/bot/channel/webhook/endpoint',
		];
		for (const path of paths) {
			expect([path, (await call('GET', path)).status]).toEqual([path, 200]);
		}
		for (const kind of ['push', 'reply', 'multicast', 'broadcast', 'narrowcast']) {
			const response = await call('POST', `/v2/bot/message/validate/${kind}`, {
				messages: [text('x')],
			});
			expect([kind, response.status]).toEqual([kind, 200]);
		}
		expect(sandbox.invalidRequests()).toEqual([]);
		expect(sandbox.conversation(AIKO)).toEqual([]);
	});
});

describe('users, groups and rooms', () => {
	it('profiles of friends, 404 for anyone else', async () => {
		const profile = await call('GET', `/v2/bot/profile/${AIKO}`);
		expect(profile.data).toMatchObject({
			userId: AIKO,
			displayName: 'Aiko Tanaka',
			language: 'ja',
		});
		expect(validateSchema('messaging-api', 'UserProfileResponse', profile.data)).toEqual([]);
		expect((await call('GET', `/v2/bot/profile/${NEW_USER}`)).status).toBe(404);
	});

	it('followers are the users, page by page', async () => {
		const first = await call('GET', '/v2/bot/followers/ids?limit=2');
		expect(first.data).toEqual({ userIds: [AIKO, BEN], next: '2' });
		const second = await call('GET', '/v2/bot/followers/ids?limit=2&start=2');
		expect(second.data).toEqual({ userIds: [CHAI] });
	});

	it('group summary, members, member profiles; leaving shows in the chat', async () => {
		const group = `/v2/bot/group/${SANDBOX_GROUP.id}`;
		expect((await call('GET', `${group}/summary`)).data).toMatchObject({
			groupId: SANDBOX_GROUP.id,
			groupName: 'Weekend hikers',
		});
		expect((await call('GET', `${group}/members/count`)).data).toEqual({ count: 3 });
		expect((await call('GET', `${group}/members/ids`)).data).toEqual({
			memberIds: [AIKO, BEN, CHAI],
		});
		expect((await call('GET', `${group}/member/${CHAI}`)).data).toMatchObject({
			userId: CHAI,
			displayName: 'Chai Srisuk',
		});
		const room = `/v2/bot/room/${SANDBOX_ROOM.id}`;
		expect((await call('GET', `${room}/members/count`)).data).toEqual({ count: 2 });
		expect((await call('GET', `${room}/member/${CHAI}`)).status).toBe(404);

		expect((await call('POST', `${group}/leave`)).status).toBe(200);
		expect(sandbox.conversation(SANDBOX_GROUP.id).at(-1)).toMatchObject({
			from: 'system',
			text: 'The bot left the group',
		});
		expect((await call('GET', `${group}/summary`)).status).toBe(404);
	});
});

describe('message content', () => {
	it('serves a PNG for a picture a user sent (content and preview), 404 for other IDs', async () => {
		const { event } = await sandbox.sendImage(BEN);
		const { id } = event.message as { id: string };
		const config: AxiosRequestConfig = { responseType: 'arraybuffer' };
		const content = await call('GET', `/v2/bot/message/${id}/content`, undefined, config);
		const preview = await call('GET', `/v2/bot/message/${id}/content/preview`, undefined, config);
		for (const answer of [content, preview]) {
			expect(answer.status).toBe(200);
			expect(answer.headers['content-type']).toBe('image/png');
			expect(Buffer.from(answer.data).subarray(1, 4).toString()).toBe('PNG');
		}
		expect(Buffer.from(content.data).length).toBeGreaterThan(Buffer.from(preview.data).length);
		expect((await call('GET', `/v2/bot/message/${id}/content/transcoding`)).data).toEqual({
			status: 'succeeded',
		});
		expect((await call('GET', '/v2/bot/message/12345/content')).status).toBe(404);
	});
});
