import axios, { type AxiosRequestConfig } from 'axios';
import {
	startMockLine,
	DEFAULT_CHANNEL_ID,
	DEFAULT_CHANNEL_SECRET,
	type MockLine,
} from '../support/mockLine';
import { validateSchema } from '../support/openapi';

const TOKEN = 'test-channel-access-token';
const USER = 'U4af4980629b06f3b9d3f8a1b2c3d4e5f';
const RETRY_KEY = '123e4567-e89b-12d3-a456-426614174000';
const text = { type: 'text', text: 'Hello' };

let mock: MockLine;

beforeAll(async () => {
	mock = await startMockLine();
});
afterAll(async () => {
	await mock.close();
});
beforeEach(() => mock.reset());

async function call(method: string, path: string, data?: unknown, config: AxiosRequestConfig = {}) {
	return await axios.request({
		method,
		url: mock.url + path,
		data,
		validateStatus: () => true,
		...config,
		headers: { Authorization: `Bearer ${TOKEN}`, ...config.headers },
	});
}

function tokenForm(secret = DEFAULT_CHANNEL_SECRET): string {
	return new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: DEFAULT_CHANNEL_ID,
		client_secret: secret,
	}).toString();
}

async function issueToken(secret?: string) {
	return await axios.post(mock.url + '/oauth2/v3/token', tokenForm(secret), {
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		validateStatus: () => true,
	});
}

describe('default answers', () => {
	it('push answers sentMessages shaped like LINE, and records the request', async () => {
		const response = await call('POST', '/v2/bot/message/push', {
			to: USER,
			messages: [text, text],
		});
		expect(response.status).toBe(200);
		expect(response.data.sentMessages).toHaveLength(2);
		expect(validateSchema('messaging-api', 'PushMessageResponse', response.data)).toEqual([]);
		expect(response.headers['x-line-request-id']).toEqual(expect.any(String));

		expect(mock.requests).toHaveLength(1);
		const [request] = mock.requests;
		expect(request).toMatchObject({
			method: 'POST',
			path: '/v2/bot/message/push',
			operationId: 'pushMessage',
			body: { to: USER, messages: [text, text] },
			problems: [],
			requestId: response.headers['x-line-request-id'],
		});
		expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(JSON.parse(request.rawBody)).toEqual(request.body);
		expect(mock.invalidRequests()).toEqual([]);
	});

	it('every response has its own x-line-request-id', async () => {
		const a = await call('GET', '/v2/bot/message/quota');
		const b = await call('GET', '/v2/bot/message/quota');
		const c = await call('GET', '/v2/bot/message/quota', undefined, {
			headers: { Authorization: 'Bearer wrong' },
		});
		const ids = [a, b, c].map((r) => r.headers['x-line-request-id']);
		expect(new Set(ids).size).toBe(3);
	});

	it('multicast and broadcast answer {}, narrowcast 202 {}, loading 202 {}, validate 200 {}', async () => {
		expect(
			(await call('POST', '/v2/bot/message/multicast', { to: [USER], messages: [text] })).status,
		).toBe(200);
		const broadcast = await call('POST', '/v2/bot/message/broadcast', { messages: [text] });
		expect([broadcast.status, broadcast.data]).toEqual([200, {}]);
		const narrowcast = await call('POST', '/v2/bot/message/narrowcast', { messages: [text] });
		expect([narrowcast.status, narrowcast.data]).toEqual([202, {}]);
		const loading = await call('POST', '/v2/bot/chat/loading/start', {
			chatId: USER,
			loadingSeconds: 5,
		});
		expect([loading.status, loading.data]).toEqual([202, {}]);
		const validate = await call('POST', '/v2/bot/message/validate/push', { messages: [text] });
		expect([validate.status, validate.data]).toEqual([200, {}]);
		expect(mock.invalidRequests()).toEqual([]);
	});

	it('quota, consumption, delivery and bot info match the response schemas', async () => {
		await call('POST', '/v2/bot/message/push', { to: USER, messages: [text] });
		await call('POST', '/v2/bot/message/multicast', { to: [USER, USER], messages: [text, text] });

		const quota = await call('GET', '/v2/bot/message/quota');
		expect(quota.data).toEqual({ type: 'limited', value: 1000 });
		const consumption = await call('GET', '/v2/bot/message/quota/consumption');
		expect(consumption.data).toEqual({ totalUsage: 5 });
		const delivery = await call('GET', '/v2/bot/message/delivery/push?date=20260101');
		expect(delivery.data).toEqual({ status: 'ready', success: 1 });
		const info = await call('GET', '/v2/bot/info');

		expect(validateSchema('messaging-api', 'MessageQuotaResponse', quota.data)).toEqual([]);
		expect(validateSchema('messaging-api', 'QuotaConsumptionResponse', consumption.data)).toEqual(
			[],
		);
		expect(validateSchema('messaging-api', 'NumberOfMessagesResponse', delivery.data)).toEqual([]);
		expect(validateSchema('messaging-api', 'BotInfoResponse', info.data)).toEqual([]);
		expect(mock.invalidRequests()).toEqual([]);
	});

	it('narrowcast progress knows the narrowcasts it accepted', async () => {
		const narrowcast = await call('POST', '/v2/bot/message/narrowcast', { messages: [text] });
		const requestId = narrowcast.headers['x-line-request-id'];
		const progress = await call(
			'GET',
			`/v2/bot/message/progress/narrowcast?requestId=${requestId}`,
		);
		expect(progress.status).toBe(200);
		expect(progress.data).toMatchObject({
			phase: 'succeeded',
			successCount: 1,
			acceptedTime: expect.any(String),
		});
		expect(validateSchema('messaging-api', 'NarrowcastProgressResponse', progress.data)).toEqual(
			[],
		);

		expect(
			(await call('GET', '/v2/bot/message/progress/narrowcast?requestId=unknown')).status,
		).toBe(404);
	});
});

describe('validation', () => {
	it('answers 400 in LINE format and records the problems', async () => {
		const response = await call('POST', '/v2/bot/message/push', {
			to: USER,
			messages: [{ type: 'text' }],
		});
		expect(response.status).toBe(400);
		expect(response.data).toEqual({
			message: 'The request body has 1 error(s)',
			details: [{ message: 'required', property: 'messages[0].text' }],
		});
		expect(mock.invalidRequests()).toHaveLength(1);
		expect(mock.invalidRequests()[0].problems).toEqual(['body.messages[0].text: required']);
	});

	it('rejects a missing required query parameter and a bad retry key', async () => {
		const progress = await call('GET', '/v2/bot/message/progress/narrowcast');
		expect(progress.status).toBe(400);
		expect(progress.data.details).toEqual([{ message: 'required', property: 'query.requestId' }]);
		const push = await call(
			'POST',
			'/v2/bot/message/push',
			{ to: USER, messages: [text] },
			{ headers: { 'X-Line-Retry-Key': 'nope' } },
		);
		expect(push.status).toBe(400);
		expect(mock.invalidRequests().map((r) => r.problems)).toEqual([
			['query.requestId: required'],
			['header.X-Line-Retry-Key: must be a UUID (got "nope")'],
		]);
	});

	it('rejects malformed JSON and unknown endpoints', async () => {
		const malformed = await call('POST', '/v2/bot/message/push', '{"to":', {
			headers: { 'content-type': 'application/json' },
		});
		expect(malformed.status).toBe(400);
		const unknown = await call('POST', '/v2/bot/message/pushh', { to: USER, messages: [text] });
		expect(unknown.status).toBe(404);
		expect(mock.invalidRequests()).toHaveLength(2);
	});
});

describe('auth', () => {
	it('answers 401 without a valid bearer token', async () => {
		const none = await axios.get(mock.url + '/v2/bot/info', { validateStatus: () => true });
		expect(none.status).toBe(401);
		expect(none.data.message).toMatch(/^Authentication failed/);
		const wrong = await call('GET', '/v2/bot/info', undefined, {
			headers: { Authorization: 'Bearer nope' },
		});
		expect(wrong.status).toBe(401);
	});

	it('accepts configured tokens', async () => {
		const other = await startMockLine({ channelAccessToken: ['a', 'b'] });
		try {
			const ok = await axios.get(other.url + '/v2/bot/info', {
				headers: { Authorization: 'Bearer b' },
			});
			expect(ok.status).toBe(200);
			const refused = await axios.get(other.url + '/v2/bot/info', {
				headers: { Authorization: `Bearer ${TOKEN}` },
				validateStatus: () => true,
			});
			expect(refused.status).toBe(401);
		} finally {
			await other.close();
		}
	});
});

describe('client credentials', () => {
	it('issues fresh tokens that work until expireTokens()', async () => {
		const first = await issueToken();
		const second = await issueToken();
		expect(first.status).toBe(200);
		expect(first.data).toEqual({
			access_token: expect.any(String),
			expires_in: 900,
			token_type: 'Bearer',
		});
		expect(second.data.access_token).not.toBe(first.data.access_token);
		expect(mock.tokensIssued).toBe(2);
		expect(mock.issuedTokens).toEqual([first.data.access_token, second.data.access_token]);

		const withToken = { headers: { Authorization: `Bearer ${first.data.access_token}` } };
		expect((await call('GET', '/v2/bot/info', undefined, withToken)).status).toBe(200);
		mock.expireTokens();
		expect((await call('GET', '/v2/bot/info', undefined, withToken)).status).toBe(401);
		expect((await call('GET', '/v2/bot/info')).status).toBe(200);
		expect(mock.invalidRequests()).toEqual([]);
	});

	it('with tokenTtlMs, a token says how long it lives and stops working after that', async () => {
		const shortLived = await startMockLine({ tokenTtlMs: 1500 });
		try {
			const issued = await axios.post(shortLived.url + '/oauth2/v3/token', tokenForm(), {
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
			});
			expect(issued.data.expires_in).toBe(2);
			const info = () =>
				axios.get(shortLived.url + '/v2/bot/info', {
					headers: { Authorization: `Bearer ${issued.data.access_token}` },
					validateStatus: () => true,
				});
			expect((await info()).status).toBe(200);
			await new Promise((resolve) => setTimeout(resolve, 1600));
			expect((await info()).status).toBe(401);
		} finally {
			await shortLived.close();
		}
	});

	it('refuses a wrong secret and a JSON body', async () => {
		const wrong = await issueToken('nope');
		expect(wrong.status).toBe(400);
		expect(wrong.data).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
		const asJson = await axios.post(
			mock.url + '/oauth2/v3/token',
			{
				grant_type: 'client_credentials',
				client_id: DEFAULT_CHANNEL_ID,
				client_secret: DEFAULT_CHANNEL_SECRET,
			},
			{ validateStatus: () => true },
		);
		expect(asJson.status).toBe(400);
		expect(asJson.data.error).toBe('invalid_request');
		expect(mock.tokensIssued).toBe(0);
		expect(mock.invalidRequests()).toHaveLength(1);
	});
});

describe('retry keys', () => {
	it('answers 409 with the accepted request ID for a key seen before', async () => {
		const headers = { 'X-Line-Retry-Key': RETRY_KEY };
		const first = await call(
			'POST',
			'/v2/bot/message/push',
			{ to: USER, messages: [text] },
			{ headers },
		);
		const second = await call(
			'POST',
			'/v2/bot/message/push',
			{ to: USER, messages: [text] },
			{ headers },
		);
		expect(first.status).toBe(200);
		expect(second.status).toBe(409);
		expect(second.data).toEqual({
			message: 'The retry key is already accepted',
			sentMessages: first.data.sentMessages,
		});
		expect(second.headers['x-line-accepted-request-id']).toBe(first.headers['x-line-request-id']);
		expect(second.headers['x-line-request-id']).not.toBe(first.headers['x-line-request-id']);
	});

	it('does not remember a key whose request failed', async () => {
		mock.once('POST', '/v2/bot/message/push', () => ({ status: 500, body: { message: 'boom' } }));
		const headers = { 'X-Line-Retry-Key': RETRY_KEY };
		expect(
			(await call('POST', '/v2/bot/message/push', { to: USER, messages: [text] }, { headers }))
				.status,
		).toBe(500);
		expect(
			(await call('POST', '/v2/bot/message/push', { to: USER, messages: [text] }, { headers }))
				.status,
		).toBe(200);
	});
});

describe('programmed answers', () => {
	it('once answers one request, then the default takes over', async () => {
		mock.once('POST', '/v2/bot/message/push', () => ({
			status: 429,
			body: { message: 'Too many' },
			headers: { 'retry-after': '1' },
		}));
		const limited = await call('POST', '/v2/bot/message/push', { to: USER, messages: [text] });
		expect([limited.status, limited.data, limited.headers['retry-after']]).toEqual([
			429,
			{ message: 'Too many' },
			'1',
		]);
		expect(limited.headers['x-line-request-id']).toEqual(expect.any(String));
		expect(
			(await call('POST', '/v2/bot/message/push', { to: USER, messages: [text] })).status,
		).toBe(200);
	});

	it('on answers every matching request (RegExp paths too) and sees the parsed request', async () => {
		const seen: unknown[] = [];
		mock.on('GET', /^\/v2\/bot\/profile\//, (request) => {
			seen.push(request.path);
			return { status: 200, body: { userId: USER, displayName: 'Alice' } };
		});
		for (let i = 0; i < 2; i++) {
			expect((await call('GET', `/v2/bot/profile/${USER}`)).data.displayName).toBe('Alice');
		}
		expect(seen).toEqual([`/v2/bot/profile/${USER}`, `/v2/bot/profile/${USER}`]);
		expect(mock.requestsTo('GET', /profile/)).toHaveLength(2);
	});

	it('a handler returning undefined falls through to the default', async () => {
		mock.on('POST', '/v2/bot/message/push', (request) =>
			(request.body as { to: string }).to === 'Ublocked'
				? { status: 400, body: { message: 'blocked' } }
				: undefined,
		);
		expect(
			(await call('POST', '/v2/bot/message/push', { to: 'Ublocked', messages: [text] })).status,
		).toBe(400);
		expect(
			(await call('POST', '/v2/bot/message/push', { to: USER, messages: [text] })).status,
		).toBe(200);
	});

	it('invalid requests are answered 400 before any programmed handler runs', async () => {
		const handler = jest.fn(() => ({ status: 200, body: {} }));
		mock.on('POST', '/v2/bot/message/push', handler);
		expect((await call('POST', '/v2/bot/message/push', { to: USER, messages: [] })).status).toBe(
			400,
		);
		expect(handler).not.toHaveBeenCalled();
	});
});

describe('reset', () => {
	it('drops a request still open from before the reset: it is not in the new log and its retry key is not accepted', async () => {
		let arrived!: () => void;
		const arrival = new Promise<void>((resolve) => (arrived = resolve));
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		mock.once('POST', '/v2/bot/message/push', async () => {
			arrived();
			await released;
			return undefined;
		});
		const headers = { 'X-Line-Retry-Key': RETRY_KEY };
		const late = call(
			'POST',
			'/v2/bot/message/push',
			{ to: USER, messages: [text] },
			{ headers },
		).catch((error: Error) => error);
		await arrival;
		mock.reset();
		release();
		expect(await late).toBeInstanceOf(Error);
		expect(mock.requests).toEqual([]);

		const fresh = await call(
			'POST',
			'/v2/bot/message/push',
			{ to: USER, messages: [text] },
			{ headers },
		);
		expect(fresh.status).toBe(200);
		expect(mock.requests).toHaveLength(1);
	});
});
