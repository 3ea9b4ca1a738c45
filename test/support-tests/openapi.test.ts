import {
	findOperation,
	validateLineRequest,
	validateRequest,
	validateSchema,
	type HttpRequestLike,
} from '../support/openapi';

const USER = 'U4af4980629b06f3b9d3f8a1b2c3d4e5f';
const RETRY_KEY = '123e4567-e89b-12d3-a456-426614174000';
const json = { 'content-type': 'application/json' };

function post(path: string, body: unknown, headers: Record<string, string> = {}): HttpRequestLike {
	return { method: 'POST', path, headers: { ...json, ...headers }, body };
}

const text = { type: 'text', text: 'Hello' };

const flexBubble = {
	type: 'flex',
	altText: 'Order confirmed',
	contents: {
		type: 'bubble',
		body: {
			type: 'box',
			layout: 'vertical',
			contents: [
				{ type: 'text', text: 'Order #42', weight: 'bold' },
				{ type: 'button', action: { type: 'uri', label: 'Track', uri: 'https://example.com/42' } },
			],
		},
	},
};

describe('findOperation', () => {
	it('matches path templates and lets literal segments win', () => {
		expect(findOperation('messaging-api', 'GET', `/v2/bot/profile/${USER}`)?.operationId).toBe(
			'getProfile',
		);
		expect(findOperation('messaging-api', 'GET', '/v2/bot/richmenu/list')?.operationId).toBe(
			'getRichMenuList',
		);
		expect(findOperation('messaging-api', 'GET', '/v2/bot/richmenu/richmenu-1')?.operationId).toBe(
			'getRichMenu',
		);
		expect(findOperation('messaging-api', 'GET', '/v2/bot/message/quota')?.operationId).toBe(
			'getMessageQuota',
		);
		expect(
			findOperation('messaging-api', 'GET', '/v2/bot/message/quota/consumption')?.operationId,
		).toBe('getMessageQuotaConsumption');
	});

	it('ignores the query string and reports path parameters', () => {
		const match = findOperation('messaging-api', 'GET', `/v2/bot/profile/${USER}?x=1`);
		expect(match?.pathTemplate).toBe('/v2/bot/profile/{userId}');
		expect(match?.pathParams).toEqual({ userId: USER });
	});

	it('returns undefined for an unknown path or method', () => {
		expect(findOperation('messaging-api', 'GET', '/v2/bot/message/push')).toBeUndefined();
		expect(findOperation('messaging-api', 'POST', '/v2/bot/nothing')).toBeUndefined();
	});
});

describe('validateRequest: valid requests pass', () => {
	it.each([
		[
			'push',
			post(
				'/v2/bot/message/push',
				{ to: USER, messages: [text] },
				{ 'X-Line-Retry-Key': RETRY_KEY },
			),
		],
		['push with flex', post('/v2/bot/message/push', { to: USER, messages: [text, flexBubble] })],
		[
			'multicast',
			post('/v2/bot/message/multicast', { to: [USER, USER.replace('4', '5')], messages: [text] }),
		],
		[
			'reply',
			post('/v2/bot/message/reply', {
				replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA',
				messages: [text],
			}),
		],
		[
			'broadcast',
			post('/v2/bot/message/broadcast', { messages: [text], notificationDisabled: true }),
		],
		[
			'narrowcast',
			post('/v2/bot/message/narrowcast', {
				messages: [{ type: 'sticker', packageId: '446', stickerId: '1988' }],
				recipient: {
					type: 'operator',
					and: [
						{ type: 'audience', audienceGroupId: 5614991017776 },
						{
							type: 'operator',
							not: { type: 'redelivery', requestId: '5b59509c-c57b-11e9-aa8c-2a2ae2dbcce4' },
						},
					],
				},
				filter: {
					demographic: {
						type: 'operator',
						or: [
							{ type: 'gender', oneOf: ['male', 'female'] },
							{ type: 'age', gte: 'age_20', lt: 'age_25' },
						],
					},
				},
				limit: { max: 100, upToRemainingQuota: true },
			}),
		],
	])('%s', (_name, request) => {
		expect(validateRequest('messaging-api', request)).toEqual([]);
	});

	it('narrowcast progress with its requestId', () => {
		const request = {
			method: 'GET',
			path: '/v2/bot/message/progress/narrowcast?requestId=abc',
			headers: {},
			body: undefined,
		};
		expect(validateRequest('messaging-api', request)).toEqual([]);
	});

	it('the stateless token request (form-urlencoded)', () => {
		const request = {
			method: 'POST',
			path: '/oauth2/v3/token',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=client_credentials&client_id=1234567890&client_secret=secret',
		};
		expect(validateRequest('channel-access-token', request)).toEqual([]);
	});
});

describe('validateRequest: invalid requests fail with the right path', () => {
	it('a text message without text', () => {
		const problems = validateRequest(
			'messaging-api',
			post('/v2/bot/message/push', { to: USER, messages: [text, { type: 'text' }] }),
		);
		expect(problems).toEqual(['body.messages[1].text: required']);
	});

	it('a message with an unknown type names the allowed types', () => {
		const problems = validateRequest(
			'messaging-api',
			post('/v2/bot/message/push', { to: USER, messages: [{ type: 'txt', text: 'x' }] }),
		);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(
			/^body\.messages\[0\]\.type: unknown value "txt" \(allowed: text, textV2, sticker/,
		);
	});

	it('an unknown property on a concrete message', () => {
		const problems = validateRequest(
			'messaging-api',
			post('/v2/bot/message/push', { to: USER, messages: [{ ...text, txet: 'x' }] }),
		);
		expect(problems).toEqual(['body.messages[0].txet: unknown property']);
	});

	it('a property the base schema declares is known in the concrete schema', () => {
		const message = { ...text, quickReply: { items: [] }, sender: { name: 'Bot' } };
		expect(
			validateRequest(
				'messaging-api',
				post('/v2/bot/message/push', { to: USER, messages: [message] }),
			),
		).toEqual([]);
	});

	it('a bad retry key', () => {
		const problems = validateRequest(
			'messaging-api',
			post(
				'/v2/bot/message/push',
				{ to: USER, messages: [text] },
				{ 'X-Line-Retry-Key': 'not-a-uuid' },
			),
		);
		expect(problems).toEqual(['header.X-Line-Retry-Key: must be a UUID (got "not-a-uuid")']);
	});

	it('a missing required query parameter', () => {
		const request = {
			method: 'GET',
			path: '/v2/bot/message/progress/narrowcast',
			headers: {},
			body: undefined,
		};
		expect(validateRequest('messaging-api', request)).toEqual(['query.requestId: required']);
	});

	it('a wrong nested flex component', () => {
		const bad = structuredClone(flexBubble);
		bad.contents.body.contents[1] = {
			type: 'box',
			layout: 'sideways',
			contents: [{ type: 'texts', text: 'x' }],
		} as never;
		const problems = validateRequest(
			'messaging-api',
			post('/v2/bot/message/push', { to: USER, messages: [bad] }),
		);
		expect(problems).toContain(
			'body.messages[0].contents.body.contents[1].layout: must be one of ["horizontal","vertical","baseline"] (got "sideways")',
		);
		expect(
			problems.some((p) =>
				p.startsWith(
					'body.messages[0].contents.body.contents[1].contents[0].type: unknown value "texts"',
				),
			),
		).toBe(true);
		expect(problems).toHaveLength(2);
	});

	it('a component whose type does not fit a slot that references a concrete schema', () => {
		const bad = structuredClone(flexBubble);
		(bad.contents as Record<string, unknown>).header = {
			type: 'text',
			layout: 'vertical',
			contents: [],
		};
		const problems = validateRequest(
			'messaging-api',
			post('/v2/bot/message/push', { to: USER, messages: [bad] }),
		);
		expect(problems).toEqual([
			'body.messages[0].contents.header.type: must be "box" here (got "text")',
		]);
	});

	it('limits from the spec: 5 messages, 500 multicast recipients, types', () => {
		const tooMany = validateRequest(
			'messaging-api',
			post('/v2/bot/message/push', { to: USER, messages: Array(6).fill(text) }),
		);
		expect(tooMany).toEqual(['body.messages: must have at most 5 item(s) (got 6)']);
		const recipients = Array.from({ length: 501 }, (_, i) => `U${i}`);
		expect(
			validateRequest(
				'messaging-api',
				post('/v2/bot/message/multicast', { to: recipients, messages: [text] }),
			),
		).toEqual(['body.to: must have at most 500 item(s) (got 501)']);
		expect(
			validateRequest('messaging-api', post('/v2/bot/message/push', { to: 42, messages: [text] })),
		).toEqual(['body.to: must be a string (got an integer)']);
	});

	it('missing body, wrong Content-Type, missing required field', () => {
		expect(
			validateRequest('messaging-api', {
				method: 'POST',
				path: '/v2/bot/message/push',
				headers: json,
				body: undefined,
			}),
		).toEqual(['body: required']);
		expect(
			validateRequest('messaging-api', {
				method: 'POST',
				path: '/v2/bot/message/push',
				headers: { 'content-type': 'text/plain' },
				body: { to: USER, messages: [text] },
			}),
		).toEqual(['header.Content-Type: must be application/json (got text/plain)']);
		expect(
			validateRequest('messaging-api', post('/v2/bot/message/reply', { messages: [text] })),
		).toEqual(['body.replyToken: required']);
	});

	it('an unknown path or method', () => {
		expect(validateRequest('messaging-api', post('/v2/bot/message/pushh', {}))).toEqual([
			'request: no operation in messaging-api matches POST /v2/bot/message/pushh',
		]);
		expect(
			validateRequest('messaging-api', {
				method: 'GET',
				path: '/v2/bot/message/push',
				headers: {},
				body: undefined,
			}),
		).toEqual(['request: GET is not allowed on /v2/bot/message/push (allowed: POST)']);
	});

	it('an unknown query parameter and a query value of the wrong type', () => {
		const request = {
			method: 'GET',
			path: '/v2/bot/followers/ids?limit=abc&lmit=1',
			headers: {},
			body: undefined,
		};
		const problems = validateRequest('messaging-api', request);
		expect(problems).toEqual([
			'query.limit: must be an integer (got a string)',
			'query.lmit: unknown parameter',
		]);
	});

	it('the token endpoint wants form-urlencoded and the client secret fields', () => {
		const asJson = {
			method: 'POST',
			path: '/oauth2/v3/token',
			headers: json,
			body: { grant_type: 'client_credentials', client_id: '1', client_secret: 's' },
		};
		expect(validateRequest('channel-access-token', asJson)).toEqual([
			'header.Content-Type: must be application/x-www-form-urlencoded (got application/json)',
		]);
		const missingSecret = {
			method: 'POST',
			path: '/oauth2/v3/token',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=client_credentials&client_id=1',
		};
		expect(validateRequest('channel-access-token', missingSecret)[0]).toBe(
			'body: matches none of the oneOf alternatives',
		);
	});
});

describe('validateLineRequest and validateSchema', () => {
	it('finds the document by itself', () => {
		const { match, problems } = validateLineRequest({
			method: 'POST',
			path: '/oauth2/v3/token',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=client_credentials&client_id=1&client_secret=s',
		});
		expect(problems).toEqual([]);
		expect(match?.document).toBe('channel-access-token');
		expect(match?.operationId).toBe('issueStatelessChannelToken');
	});

	it('validates one schema', () => {
		expect(validateSchema('messaging-api', 'Message', text, 'message')).toEqual([]);
		expect(validateSchema('messaging-api', 'Message', { type: 'image' }, 'message')).toEqual([
			'message.originalContentUrl: required',
			'message.previewImageUrl: required',
		]);
		expect(
			validateSchema(
				'messaging-api',
				'Message',
				{
					type: 'image',
					originalContentUrl: 'not a url',
					previewImageUrl: 'https://x.example/a.png',
				},
				'm',
			),
		).toEqual(['m.originalContentUrl: must be an absolute URI (got "not a url")']);
	});
});
