import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RunNodeResult } from '../support/engine';
import {
	DEFAULT_CHANNEL_ACCESS_TOKEN,
	DEFAULT_CHANNEL_ID,
	DEFAULT_CHANNEL_SECRET,
	startMockLine,
	testAssertionKey,
	type MockLine,
	type MockRequest,
} from '../support/mockLine';
import { jwtCredential, userAssertion } from './contracts/channelToken';
import {
	apiRequests,
	header,
	hello,
	idSecretCredential,
	runLine,
	runLineOk,
	tokenCredential,
	USER,
	useMockLine,
	userIds,
} from './fixtures';

/**
 * The LINE Channel (JWT Assertion) credential (tokens v2.1 for an assertion it signs itself), and
 * the Channel Access Token resource (issue, verify, list key IDs, revoke) against a mock LINE that
 * checks assertions like LINE: RS256 signed by a registered key, for the channel, not expired.
 */

const line = useMockLine();

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const push: INodeParameters = {
	authentication: 'channelJwt',
	resource: 'message',
	operation: 'sendPush',
	to: USER,
	...hello,
};
const bearer = (token: string) => `Bearer ${token}`;
const tokenRequests = (mock: MockLine = line.mock) => mock.requestsTo('POST', '/oauth2/v2.1/token');
const pushes = () => apiRequests(line.mock).filter((r) => r.path === '/v2/bot/message/push');

function decodePart(part: string): IDataObject {
	return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as IDataObject;
}

/** Everything a user can see of a run: output items, the error and the stored run data. */
function visible(result: RunNodeResult): string {
	return JSON.stringify([
		result.items,
		result.error?.message,
		result.error?.description,
		result.run.data.resultData,
	]);
}

function errorText(result: RunNodeResult): string {
	return `${result.error?.message}\n${result.error?.description ?? ''}`;
}

describe('LINE Channel (JWT Assertion) credential', () => {
	it("signs an RS256 assertion for the channel that verifies with the registered key's public half", async () => {
		const credentials = jwtCredential(line.mock, { lifetime: 86400 });
		const before = Math.floor(Date.now() / 1000);
		await runLineOk(line.mock, push, { credentials });
		const after = Math.ceil(Date.now() / 1000);

		const [request] = tokenRequests();
		expect(header(request, 'content-type')).toBe('application/x-www-form-urlencoded');
		expect(header(request, 'authorization')).toBeUndefined();
		const form = request.body as Record<string, string>;
		expect(Object.keys(form).sort()).toEqual([
			'client_assertion',
			'client_assertion_type',
			'grant_type',
		]);
		expect(form.grant_type).toBe('client_credentials');
		expect(form.client_assertion_type).toBe(JWT_BEARER);

		const [head, payload, signature] = form.client_assertion.split('.');
		const { publicJwk, kid } = testAssertionKey();
		const signed = verify(
			'sha256',
			Buffer.from(`${head}.${payload}`),
			createPublicKey({ key: publicJwk, format: 'jwk' }),
			Buffer.from(signature, 'base64url'),
		);
		expect(signed).toBe(true);
		expect(decodePart(head)).toEqual({ alg: 'RS256', typ: 'JWT', kid });
		const claims = decodePart(payload);
		expect(claims).toEqual({
			iss: DEFAULT_CHANNEL_ID,
			sub: DEFAULT_CHANNEL_ID,
			aud: 'https://api.line.me/',
			exp: expect.any(Number),
			token_exp: 86400,
		});
		// LINE takes assertions that expire within 30 minutes.
		expect(claims.exp as number).toBeGreaterThan(before);
		expect(claims.exp as number).toBeLessThanOrEqual(after + 30 * 60);
		// Only the public key's owner could have made it; the private key itself never leaves.
		expect(request.rawBody).not.toContain(testAssertionKey().privateJwk.d);
	});

	it('issues one token v2.1 for many pushes sent at once, uses it for all, and saves it in the credential', async () => {
		const credentials = jwtCredential(line.mock);
		const users = userIds(20);
		const result = await runLine(
			line.mock,
			{ ...push, to: '={{ $json.to }}', options: { parallelRequests: 10 } },
			{ credentials, input: users.map((to) => ({ to })) },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(users.length);
		expect(tokenRequests()).toHaveLength(1);
		expect(line.mock.tokensIssued).toBe(1);
		const [token] = line.mock.issuedTokens;
		expect(token).toMatch(/^mock-v2\.1-/);
		expect(new Set(pushes().map((r) => (r.body as { to: string }).to))).toEqual(new Set(users));
		expect(pushes().every((r) => header(r, 'authorization') === bearer(token))).toBe(true);
		expect(credentials.data.accessToken).toBe(token);
		expect(result.savedCredentials).toEqual([
			expect.objectContaining({
				type: 'lineConnectorChannelJwtApi',
				data: expect.objectContaining({ accessToken: token }),
			}),
		]);
		expect(visible(result)).not.toContain(token);
	});

	it('a later run reuses the saved token; after it expires, the 401 gets a new one and the send goes through once', async () => {
		const credentials = jwtCredential(line.mock);
		await runLineOk(line.mock, push, { credentials });
		await runLineOk(line.mock, push, { credentials });
		expect(line.mock.tokensIssued).toBe(1);

		line.mock.expireTokens();
		const result = await runLine(line.mock, push, { credentials });
		expect(result.error).toBeUndefined();
		expect(line.mock.tokensIssued).toBe(2);
		const [expired, renewed] = line.mock.issuedTokens;
		const last = pushes().slice(2);
		expect(last.map((r) => [header(r, 'authorization'), r.response.status])).toEqual([
			[bearer(expired), 401],
			[bearer(renewed), 200],
		]);
		expect(header(last[1], 'x-line-retry-key')).toBe(header(last[0], 'x-line-retry-key'));
		expect(line.mock.deliveries()).toHaveLength(3);
		expect(credentials.data.accessToken).toBe(renewed);
	});

	it('a token revoked with the channelToken resource is replaced on the next 401', async () => {
		const credentials = jwtCredential(line.mock);
		await runLineOk(line.mock, push, { credentials });
		const [first] = line.mock.issuedTokens;
		await runLineOk(
			line.mock,
			{
				authentication: 'channelIdSecret',
				resource: 'channelToken',
				operation: 'revoke',
				tokenVersion: 'v2.1',
				accessToken: first,
			},
			{ credentials: idSecretCredential(line.mock) },
		);
		await runLineOk(line.mock, push, { credentials });
		expect(line.mock.tokensIssued).toBe(2);
		expect(pushes().map((r) => r.response.status)).toEqual([200, 401, 200]);
	});

	describe('a private key that is not an RSA private key JWK: a clear error, nothing sent', () => {
		const { privateKey: ecKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
		const cases: Array<[string, string, RegExp]> = [
			[
				'the public key',
				JSON.stringify(testAssertionKey().publicJwk),
				/Private Key: is a public key \(it has no "d"\)/,
			],
			[
				'an EC key',
				JSON.stringify(ecKey.export({ format: 'jwk' })),
				/Private Key: is not an RSA key \("kty" is "EC"\)/,
			],
			['text that is not JSON', 'my-private-key', /Private Key: is not valid JSON/],
			[
				'a PEM key',
				'-----BEGIN PRIVATE KEY-----\nMIIEv...\n-----END PRIVATE KEY-----',
				/Private Key: is a PEM key; LINE assertion keys are JWKs \(JSON\)/,
			],
			[
				'an RSA key with parts missing',
				JSON.stringify({ kty: 'RSA', n: 'abc', e: 'AQAB', d: 'secret-exponent' }),
				/Private Key: is not a complete RSA private key \(missing p, q, dp, dq, qi\)/,
			],
		];
		it.each(cases)('%s', async (_what, privateKey, message) => {
			const result = await runLine(line.mock, push, {
				credentials: jwtCredential(line.mock, { privateKey }),
			});
			expect(result.status).toBe('error');
			expect(result.error?.message).toMatch(
				/^The LINE Channel \(JWT Assertion\) credential cannot sign assertions: /,
			);
			expect(result.error?.message).toMatch(message);
			expect(line.mock.requests).toHaveLength(0);
			expect(visible(result)).not.toContain('secret-exponent');
		});
	});

	it('a key ID LINE does not know: the error points at the credential, and no message is sent', async () => {
		const result = await runLine(line.mock, push, {
			credentials: jwtCredential(line.mock, { keyId: 'another-kid' }),
		});
		expect(result.error?.httpCode).toBe('400');
		expect(errorText(result)).toMatch(
			/LINE refused the credential's JWT assertion \(invalid_client\)/,
		);
		expect(errorText(result)).toMatch(/unknown kid "another-kid"/);
		expect(errorText(result)).toMatch(/Key ID/);
		expect(pushes()).toHaveLength(0);
	});

	it("a key that is not the registered one: LINE's signature check refuses it", async () => {
		const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
		const result = await runLine(line.mock, push, {
			credentials: jwtCredential(line.mock, {
				privateKey: JSON.stringify(other.export({ format: 'jwk' })),
			}),
		});
		expect(errorText(result)).toMatch(/the JWT signature does not verify/);
		expect(line.mock.tokensIssued).toBe(0);
		expect(pushes()).toHaveLength(0);
	});

	it('a token lifetime above 30 days is refused before anything is sent', async () => {
		const result = await runLine(line.mock, push, {
			credentials: jwtCredential(line.mock, { lifetime: 2592001 }),
		});
		expect(result.error?.message).toMatch(/Token Lifetime: is 2592001 seconds/);
		expect(line.mock.requests).toHaveLength(0);
	});

	it('the mock takes assertions signed with the keys it was given, by their kid', async () => {
		const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const own = await startMockLine({
			assertionKeys: { 'own-kid': publicKey.export({ format: 'jwk' }) },
		});
		try {
			const credentials = jwtCredential(own, {
				keyId: 'own-kid',
				privateKey: JSON.stringify(privateKey.export({ format: 'jwk' })),
			});
			await runLineOk(own, push, { credentials });
			expect(tokenRequests(own).map((r) => r.response.status)).toEqual([200]);
			const refused = await runLine(own, push, { credentials: jwtCredential(own) });
			expect(errorText(refused)).toMatch(/unknown kid "mock-assertion-key-1"/);
		} finally {
			await own.close();
		}
	});
});

const tokens = (parameters: INodeParameters): INodeParameters => ({
	resource: 'channelToken',
	...parameters,
});

describe('channel access tokens: issue, verify, list, revoke', () => {
	it('a token v2.1 from the JWT credential works, verifies, is listed by its key ID, and stops working once revoked', async () => {
		const credentials = jwtCredential(line.mock);
		const viaJwt = { authentication: 'channelJwt' };
		const [issued] = await runLineOk(
			line.mock,
			tokens({ ...viaJwt, operation: 'issue', tokenType: 'jwt', tokenExp: 3600 }),
			{ credentials },
		);
		expect(issued.json).toEqual({
			tokenType: 'jwt',
			access_token: expect.stringMatching(/^mock-v2\.1-/),
			token_type: 'Bearer',
			expires_in: 3600,
			key_id: expect.any(String),
			expiresAt: expect.any(String),
		});
		const expiresIn = Date.parse(issued.json.expiresAt as string) - Date.now();
		expect(expiresIn).toBeGreaterThan(3500_000);
		expect(expiresIn).toBeLessThanOrEqual(3600_000);
		// The credential did not get a token of its own for that: the request went without one.
		expect(line.mock.tokensIssued).toBe(1);
		expect(credentials.data.accessToken ?? '').toBe('');

		const token = issued.json.access_token as string;
		const [verified] = await runLineOk(
			line.mock,
			tokens({ operation: 'verify', tokenVersion: 'v2.1' }),
			{ input: [issued.json] },
		);
		expect(verified.json).toMatchObject({
			valid: true,
			client_id: DEFAULT_CHANNEL_ID,
			expires_in: expect.any(Number),
		});
		expect(JSON.stringify(verified.json)).not.toContain(token);

		const keyIds = await runLineOk(line.mock, tokens({ ...viaJwt, operation: 'getValidKeyIds' }), {
			credentials,
		});
		expect(keyIds.map((item) => item.json)).toEqual([{ key_id: issued.json.key_id }]);

		const botInfo = async () =>
			await runLine(
				line.mock,
				{ resource: 'bot', operation: 'getBotInfo' },
				{ credentials: tokenCredential(line.mock, token) },
			);
		expect((await botInfo()).error).toBeUndefined();

		const [revoked] = await runLineOk(
			line.mock,
			tokens({ ...viaJwt, operation: 'revoke', tokenVersion: 'v2.1' }),
			{ credentials, input: [issued.json] },
		);
		expect(revoked.json).toEqual({ revoked: true, tokenVersion: 'v2.1' });
		expect(line.mock.requestsTo('POST', '/oauth2/v2.1/revoke')[0].body).toEqual({
			client_id: DEFAULT_CHANNEL_ID,
			client_secret: DEFAULT_CHANNEL_SECRET,
			access_token: token,
		});

		expect((await botInfo()).error?.httpCode).toBe('401');
		const [again] = await runLineOk(
			line.mock,
			tokens({ operation: 'verify', tokenVersion: 'v2.1' }),
			{ input: [issued.json] },
		);
		expect(again.json).toEqual({
			valid: false,
			error: 'invalid_request',
			error_description: 'access token expired',
		});
		const listed = await runLineOk(line.mock, tokens({ ...viaJwt, operation: 'getValidKeyIds' }), {
			credentials,
		});
		expect(listed).toEqual([]);
	});

	it('a short-lived token for the ID and secret of the credential: no other token fetched, no secret in the output', async () => {
		const result = await runLine(
			line.mock,
			tokens({ authentication: 'channelIdSecret', operation: 'issue', tokenType: 'shortLived' }),
			{ credentials: idSecretCredential(line.mock), input: [{}, {}] },
		);
		expect(result.error).toBeUndefined();
		expect(line.mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /v2/oauth/accessToken',
			'POST /v2/oauth/accessToken',
		]);
		expect(line.mock.requests.every((r) => header(r, 'authorization') === undefined)).toBe(true);
		expect(result.items.map((item) => item.json.access_token)).toEqual(line.mock.issuedTokens);
		expect(result.items.map((item) => item.json.expires_in)).toEqual([2592000, 2592000]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(visible(result)).not.toContain(DEFAULT_CHANNEL_SECRET);
	});

	it('a stateless token for an assertion of the JWT credential works for 15 minutes and cannot be revoked', async () => {
		const credentials = jwtCredential(line.mock);
		const [issued] = await runLineOk(
			line.mock,
			tokens({ authentication: 'channelJwt', operation: 'issue', tokenType: 'statelessJwt' }),
			{ credentials },
		);
		expect(issued.json).toMatchObject({
			tokenType: 'statelessJwt',
			access_token: expect.stringMatching(/^mock-stateless-/),
			expires_in: 900,
		});
		expect(JSON.stringify(issued.json)).not.toContain(testAssertionKey().privateJwk.d);
		const assertion = (line.mock.requests[0].body as Record<string, string>).client_assertion;
		expect(decodePart(assertion.split('.')[1])).not.toHaveProperty('token_exp');

		await runLineOk(line.mock, tokens({ operation: 'revoke', tokenVersion: 'v2' }), {
			input: [issued.json],
		});
		const [verified] = await runLineOk(line.mock, tokens({ operation: 'verify' }), {
			input: [issued.json],
		});
		expect(verified.json).toMatchObject({ valid: true, expires_in: expect.any(Number) });
		expect(verified.json.expires_in as number).toBeLessThanOrEqual(900);
	});

	it('revoking a long-lived token (v2) makes it fail with 401 afterwards', async () => {
		await runLineOk(line.mock, tokens({ operation: 'revoke', tokenVersion: 'v2' }), {
			input: [{ access_token: DEFAULT_CHANNEL_ACCESS_TOKEN }],
		});
		const after = await runLine(line.mock, { resource: 'bot', operation: 'getBotInfo' });
		expect(after.error?.httpCode).toBe('401');
	});

	it('verify reports an unknown token as not valid instead of failing, per item', async () => {
		const items = await runLineOk(line.mock, tokens({ operation: 'verify', tokenVersion: 'v2' }), {
			input: [{ access_token: 'not-a-token' }, { access_token: DEFAULT_CHANNEL_ACCESS_TOKEN }],
		});
		expect(items.map((item) => [item.json.valid, item.pairedItem])).toEqual([
			[false, { item: 0 }],
			[true, { item: 1 }],
		]);
		expect(items[0].json).toEqual({
			valid: false,
			error: 'invalid_request',
			error_description: 'access token expired',
		});
	});

	it('a wrong channel secret given as a field: LINE refuses the token request, the secret is not shown', async () => {
		const result = await runLine(
			line.mock,
			tokens({
				operation: 'issue',
				tokenType: 'stateless',
				authenticateWith: 'fields',
				channelId: DEFAULT_CHANNEL_ID,
				channelSecret: 'wrong-channel-secret',
			}),
		);
		expect(result.error?.httpCode).toBe('400');
		expect(errorText(result)).toMatch(/LINE refused the token request \(400\): invalid_client/);
		expect(errorText(result)).toMatch(/invalid client_id or client_secret/);
		expect(errorText(result)).toMatch(/POST \/oauth2\/v3\/token/);
		// Typed into the node, it is part of the workflow; it is not repeated in the error or items.
		expect(JSON.stringify([result.items, errorText(result)])).not.toContain('wrong-channel-secret');
	});

	it('an assertion given as a field is sent as given; the key IDs are one item each', async () => {
		const assertion = userAssertion({ token_exp: undefined });
		line.mock.once('GET', '/oauth2/v2.1/tokens/kid', () => ({
			status: 200,
			body: { kids: ['kid-a', 'kid-b'] },
		}));
		const items = await runLineOk(
			line.mock,
			tokens({
				operation: 'getValidKeyIds',
				authenticateWith: 'fields',
				clientAssertion: assertion,
			}),
		);
		expect(line.mock.requests[0].query).toEqual({
			client_assertion_type: JWT_BEARER,
			client_assertion: assertion,
		});
		expect(items.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ key_id: 'kid-a' }, { item: 0 }],
			[{ key_id: 'kid-b' }, { item: 0 }],
		]);
	});
});

describe('checks before sending: the item and the field named, nothing sent', () => {
	const now = Math.floor(Date.now() / 1000);
	const cases: Array<[string, INodeParameters, IDataObject | undefined, RegExp]> = [
		[
			'an expired assertion',
			{
				operation: 'issue',
				tokenType: 'jwt',
				authenticateWith: 'fields',
				clientAssertion: '={{ $json.a }}',
			},
			{ a: userAssertion({ exp: now - 60 }) },
			/^clientAssertion: expired at .* \[item 0\]$/,
		],
		[
			'an assertion that expires more than 30 minutes ahead',
			{
				operation: 'issue',
				tokenType: 'jwt',
				authenticateWith: 'fields',
				clientAssertion: '={{ $json.a }}',
			},
			{ a: userAssertion({ exp: now + 3600 }) },
			/^clientAssertion: expires more than 30 minutes from now/,
		],
		[
			'an assertion for a token v2.1 without token_exp',
			{
				operation: 'issue',
				tokenType: 'jwt',
				authenticateWith: 'fields',
				clientAssertion: '={{ $json.a }}',
			},
			{ a: userAssertion({ token_exp: undefined }) },
			/^clientAssertion: has no "token_exp"/,
		],
		[
			'an assertion with a token_exp above 30 days',
			{
				operation: 'issue',
				tokenType: 'jwt',
				authenticateWith: 'fields',
				clientAssertion: '={{ $json.a }}',
			},
			{ a: userAssertion({ token_exp: 2592001 }) },
			/^clientAssertion token_exp: is 2592001 seconds/,
		],
		[
			'an HS256 assertion',
			{
				operation: 'getValidKeyIds',
				authenticateWith: 'fields',
				clientAssertion: '={{ $json.a }}',
			},
			{ a: userAssertion({}, { alg: 'HS256' }) },
			/^clientAssertion: is signed with "HS256"; LINE takes RS256 only/,
		],
		[
			'text that is not a JWT',
			{ operation: 'getValidKeyIds', authenticateWith: 'fields', clientAssertion: 'abc' },
			undefined,
			/^clientAssertion: is not a JWT/,
		],
		[
			'a channel ID that is not a number',
			{
				operation: 'issue',
				tokenType: 'shortLived',
				authenticateWith: 'fields',
				channelId: '@mybot',
				channelSecret: 's',
			},
			undefined,
			/^channelId: must be the channel's numeric ID, got "@mybot"/,
		],
		[
			'an empty channel secret',
			{
				operation: 'revoke',
				tokenVersion: 'v2.1',
				authenticateWith: 'fields',
				channelId: DEFAULT_CHANNEL_ID,
				channelSecret: '={{ $json.secret }}',
				accessToken: 't',
			},
			{ secret: '' },
			/^channelSecret: is empty/,
		],
		[
			'a token given with "Bearer "',
			{ operation: 'verify', accessToken: 'Bearer abc' },
			undefined,
			/^accessToken: starts with "Bearer "/,
		],
		[
			'no token (the previous item has no access_token)',
			{ operation: 'revoke' },
			{ other: 1 },
			/^accessToken: must be a channel access token, got nothing/,
		],
		[
			'an assertion from a credential that has no key',
			{ operation: 'getValidKeyIds' },
			undefined,
			/^authenticateWith: the LINE Channel Access Token credential has no assertion signing key/,
		],
		[
			'a channel ID and secret from a credential that has none',
			{ operation: 'issue', tokenType: 'shortLived' },
			undefined,
			/^authenticateWith: the LINE Channel Access Token credential has no channel ID and channel secret/,
		],
	];
	it.each(cases)('%s', async (_what, parameters, input, message) => {
		const result = await runLine(line.mock, tokens(parameters), { input: input && [input] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.itemIndex).toBe(0);
		expect(line.mock.requests).toHaveLength(0);
	});

	it('a lifetime above 30 days for the token v2.1 to issue', async () => {
		const result = await runLine(
			line.mock,
			tokens({
				authentication: 'channelJwt',
				operation: 'issue',
				tokenType: 'jwt',
				tokenExp: 2592001,
			}),
			{ credentials: jwtCredential(line.mock) },
		);
		expect(result.error?.message).toBe(
			'tokenExp: is 2592001 seconds; LINE issues tokens for at most 2592000 seconds (30 days) [item 0]',
		);
		expect(line.mock.requests).toHaveLength(0);
	});

	it('the JWT credential without its channel secret cannot revoke a token v2.1', async () => {
		const result = await runLine(
			line.mock,
			tokens({
				authentication: 'channelJwt',
				operation: 'revoke',
				tokenVersion: 'v2.1',
				accessToken: 't',
			}),
			{ credentials: jwtCredential(line.mock, { channelSecret: '' }) },
		);
		expect(result.error?.message).toMatch(
			/^authenticateWith: the LINE Channel \(JWT Assertion\) credential has no channel ID and channel secret/,
		);
		expect(line.mock.requests).toHaveLength(0);
	});

	it('with continueOnFail, a bad item becomes an error item and the others are sent', async () => {
		const result = await runLine(line.mock, tokens({ operation: 'verify' }), {
			input: [{ access_token: DEFAULT_CHANNEL_ACCESS_TOKEN }, { access_token: 'two words' }],
			continueOnFail: true,
		});
		expect(
			result.items.map((item) => [item.json.valid ?? item.json.error, item.pairedItem]),
		).toEqual([
			[true, { item: 0 }],
			['accessToken: contains spaces or line breaks; a token has none [item 1]', { item: 1 }],
		]);
		expect(line.mock.requests).toHaveLength(1);
	});
});

/** The mock's own token answers, asked directly (what the node tests above rely on). */
describe('mock LINE token endpoints', () => {
	async function form(path: string, fields: Record<string, string>): Promise<MockRequest> {
		await fetch(`${line.mock.url}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(fields).toString(),
		});
		return line.mock.requests[line.mock.requests.length - 1];
	}

	it('an assertion for another channel, for another audience or without its kid is refused', async () => {
		const grant = { grant_type: 'client_credentials', client_assertion_type: JWT_BEARER };
		const answers = [
			await form('/oauth2/v2.1/token', {
				...grant,
				client_assertion: userAssertion({ iss: '1', sub: '1' }),
			}),
			await form('/oauth2/v2.1/token', {
				...grant,
				client_assertion: userAssertion({ aud: 'https://example.com/' }),
			}),
			await form('/oauth2/v2.1/token', {
				...grant,
				client_assertion: userAssertion({}, { kid: undefined }),
			}),
			await form('/oauth2/v3/token', { ...grant, client_assertion: userAssertion({ exp: 1 }) }),
		].map((request) => [request.response.status, (request.response.body as IDataObject).error]);
		expect(answers).toEqual([
			[400, 'invalid_client'],
			[400, 'invalid_request'],
			[400, 'invalid_client'],
			[400, 'invalid_request'],
		]);
		expect(line.mock.tokensIssued).toBe(0);
		expect(line.mock.invalidRequests()).toEqual([]);
	});

	it('revoke v2.1 needs the channel secret', async () => {
		const revoke = await form('/oauth2/v2.1/revoke', {
			client_id: DEFAULT_CHANNEL_ID,
			client_secret: 'nope',
			access_token: DEFAULT_CHANNEL_ACCESS_TOKEN,
		});
		expect(revoke.response).toMatchObject({ status: 400, body: { error: 'invalid_client' } });
		const verified = await form('/v2/oauth/verify', { access_token: DEFAULT_CHANNEL_ACCESS_TOKEN });
		expect(verified.response.status).toBe(200);
	});
});
