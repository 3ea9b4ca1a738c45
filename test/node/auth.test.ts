import type { INodeParameters } from 'n8n-workflow';

import type { RunNodeResult } from '../support/engine';
import { DEFAULT_CHANNEL_ID, DEFAULT_CHANNEL_SECRET } from '../support/mockLine';
import {
	apiRequests,
	header,
	hello,
	idSecretCredential,
	runLine,
	runLineOk,
	TOKEN,
	tokenCredential,
	USER,
	useMockLine,
	userIds,
} from './fixtures';

/**
 * The channel ID and secret credential: a stateless token is issued once per credential, kept in
 * the credential (not in the node), renewed after a 401; secrets never reach items or errors.
 */

const line = useMockLine();

const withIdSecret = (parameters: INodeParameters): INodeParameters => ({
	authentication: 'channelIdSecret',
	...parameters,
});
const push = withIdSecret({ resource: 'message', operation: 'sendPush', to: USER, ...hello });

const tokenRequests = () => line.mock.requestsTo('POST', '/oauth2/v3/token');
const bearer = (token: string) => `Bearer ${token}`;

/** Everything a user can see of a run: output items, the error and the stored run data. */
function visible(result: RunNodeResult): string {
	return JSON.stringify([
		result.items,
		result.error?.message,
		result.error?.description,
		result.run.data.resultData,
	]);
}

describe('channel ID and secret', () => {
	it('issues one token for a run of several items, uses it for every request, and saves it in the credential', async () => {
		const credentials = idSecretCredential(line.mock);
		const result = await runLine(line.mock, push, { credentials, input: [{}, {}, {}] });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);

		expect(line.mock.tokensIssued).toBe(1);
		const [token] = line.mock.issuedTokens;
		expect(tokenRequests().map((r) => [r.body, header(r, 'content-type')])).toEqual([
			[
				{
					grant_type: 'client_credentials',
					client_id: DEFAULT_CHANNEL_ID,
					client_secret: DEFAULT_CHANNEL_SECRET,
				},
				'application/x-www-form-urlencoded',
			],
		]);
		expect(apiRequests(line.mock).map((r) => header(r, 'authorization'))).toEqual([
			bearer(token),
			bearer(token),
			bearer(token),
		]);
		expect(line.mock.invalidRequests()).toEqual([]);

		expect(result.savedCredentials).toEqual([
			expect.objectContaining({
				type: 'lineConnectorChannelIdSecretApi',
				data: expect.objectContaining({ accessToken: token }),
			}),
		]);
		expect(credentials.data.accessToken).toBe(token);
	});

	it('a later run with the saved credential reuses the token; a fresh credential gets its own (no module state)', async () => {
		const credentials = idSecretCredential(line.mock);
		await runLineOk(line.mock, push, { credentials });
		await runLineOk(line.mock, withIdSecret({ resource: 'quota', operation: 'getMessageQuota' }), {
			credentials,
		});
		expect(line.mock.tokensIssued).toBe(1);

		const fresh = idSecretCredential(line.mock);
		await runLineOk(line.mock, push, { credentials: fresh });
		expect(line.mock.tokensIssued).toBe(2);
		const [first, second] = line.mock.issuedTokens;
		expect(apiRequests(line.mock).map((r) => header(r, 'authorization'))).toEqual([
			bearer(first),
			bearer(first),
			bearer(second),
		]);
		expect(fresh.data.accessToken).toBe(second);
		expect(credentials.data.accessToken).toBe(first);
	});

	it('pushes to many chats at once wait for the first one to get the token: one token for the run', async () => {
		const credentials = idSecretCredential(line.mock);
		const users = userIds(20);
		const result = await runLine(
			line.mock,
			withIdSecret({
				resource: 'message',
				operation: 'sendPush',
				to: '={{ $json.to }}',
				...hello,
				options: { parallelRequests: 10 },
			}),
			{ credentials, input: users.map((to) => ({ to })) },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(users.length);
		expect(line.mock.tokensIssued).toBe(1);
		const [token] = line.mock.issuedTokens;
		const pushes = apiRequests(line.mock).filter((r) => r.path === '/v2/bot/message/push');
		expect(new Set(pushes.map((r) => (r.body as { to: string }).to))).toEqual(new Set(users));
		expect(pushes.every((r) => header(r, 'authorization') === bearer(token))).toBe(true);
	});

	it('after the token expires, the 401 leads to a new token and the run succeeds', async () => {
		const credentials = idSecretCredential(line.mock);
		await runLineOk(line.mock, push, { credentials });
		line.mock.expireTokens();

		const result = await runLine(line.mock, push, { credentials });
		expect(result.error).toBeUndefined();
		expect(line.mock.tokensIssued).toBe(2);
		const [expired, renewed] = line.mock.issuedTokens;
		const pushes = apiRequests(line.mock).slice(1);
		expect(pushes.map((r) => [header(r, 'authorization'), r.response.status])).toEqual([
			[bearer(expired), 401],
			[bearer(renewed), 200],
		]);
		// The same send, so the same retry key.
		expect(header(pushes[1], 'x-line-retry-key')).toBe(header(pushes[0], 'x-line-retry-key'));
		expect(result.items[0].json).toMatchObject({ to: USER, requestId: pushes[1].requestId });
		expect(credentials.data.accessToken).toBe(renewed);
		expect(result.savedCredentials.map((s) => s.data.accessToken)).toEqual([renewed]);
	});

	it('a token expiring in the middle of a run is renewed once and the remaining items go through', async () => {
		const credentials = idSecretCredential(line.mock);
		let pushes = 0;
		line.mock.on('POST', '/v2/bot/message/push', () => {
			if (++pushes === 1) line.mock.expireTokens();
			return undefined;
		});
		const result = await runLine(line.mock, push, { credentials, input: [{}, {}, {}] });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(line.mock.tokensIssued).toBe(2);
		expect(apiRequests(line.mock).map((r) => r.response.status)).toEqual([200, 401, 200, 200]);
	});

	it('a wrong secret fails before any message is sent, and the secret is not shown', async () => {
		const credentials = idSecretCredential(line.mock, 'wrong-channel-secret');
		const result = await runLine(line.mock, push, { credentials });
		expect(result.status).toBe('error');
		expect(line.mock.tokensIssued).toBe(0);
		expect(apiRequests(line.mock)).toHaveLength(0);
		expect(result.error?.httpCode).toBe('400');
		expect(visible(result)).not.toContain('wrong-channel-secret');
	});

	// LINE answers a wrong channel ID or secret with the OAuth error body
	// { error: 'invalid_client', error_description: '...' }; the node's error reads only
	// `message`, so the user sees "LINE API error 400: HTTP 400" with "POST /v2/bot/message/push"
	// and nothing pointing at the credential.
	it('a wrong secret gives an error that points at the channel ID and secret', async () => {
		const credentials = idSecretCredential(line.mock, 'wrong-channel-secret');
		const result = await runLine(line.mock, push, { credentials });
		expect(`${result.error?.message}\n${result.error?.description}`).toMatch(
			/invalid_client|client_secret|channel (ID|secret)/i,
		);
	});
});

describe('secrets stay out of items and errors', () => {
	it('channel secret and issued token: not in the output items or run data', async () => {
		const credentials = idSecretCredential(line.mock);
		const result = await runLine(line.mock, push, { credentials, input: [{}, {}] });
		expect(result.error).toBeUndefined();
		const shown = visible(result);
		expect(shown).not.toContain(DEFAULT_CHANNEL_SECRET);
		expect(shown).not.toContain(line.mock.issuedTokens[0]);
	});

	it('channel secret and issued token: not in an error from LINE', async () => {
		line.mock.once('POST', '/v2/bot/message/push', () => ({
			status: 400,
			body: {
				message: 'The request body has 1 error(s)',
				details: [{ message: 'invalid', property: 'to' }],
			},
		}));
		const result = await runLine(line.mock, push, { credentials: idSecretCredential(line.mock) });
		expect(result.error?.httpCode).toBe('400');
		const shown = visible(result);
		expect(shown).not.toContain(DEFAULT_CHANNEL_SECRET);
		expect(shown).not.toContain(line.mock.issuedTokens[0]);
	});

	it('channel access token: not in the items, nor in the error of a refused token', async () => {
		const ok = await runLine(line.mock, { resource: 'bot', operation: 'getBotInfo' });
		expect(visible(ok)).not.toContain(TOKEN);

		const refused = await runLine(
			line.mock,
			{ resource: 'bot', operation: 'getBotInfo' },
			{
				credentials: tokenCredential(line.mock, 'revoked-secret-token'),
			},
		);
		expect(refused.error).toMatchObject({
			httpCode: '401',
			message: expect.stringContaining('Authentication failed'),
		});
		expect(visible(refused)).not.toContain('revoked-secret-token');
	});

	it('with continueOnFail the error item carries no secret', async () => {
		line.mock.once('POST', '/v2/bot/message/push', () => ({
			status: 500,
			body: { message: 'boom' },
		}));
		line.mock.on(
			'POST',
			'/v2/bot/message/push',
			() => ({ status: 400, body: { message: 'bad' } }),
			{ times: 1 },
		);
		const result = await runLine(line.mock, push, {
			credentials: idSecretCredential(line.mock),
			continueOnFail: true,
		});
		expect(result.items[0].json.error).toEqual(expect.any(String));
		const shown = visible(result);
		expect(shown).not.toContain(DEFAULT_CHANNEL_SECRET);
		expect(shown).not.toContain(line.mock.issuedTokens[0]);
	});
});
