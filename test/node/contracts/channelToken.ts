import { createPrivateKey, sign } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { LineConnectorChannelJwtApi } from '../../../credentials/LineConnectorChannelJwtApi.credentials';
import type { TestCredential } from '../../support/engine';
import {
	DEFAULT_CHANNEL_ACCESS_TOKEN,
	DEFAULT_CHANNEL_ID,
	DEFAULT_CHANNEL_SECRET,
	testAssertionKey,
	type MockLine,
	type MockRequest,
} from '../../support/mockLine';
import { idSecretCredential } from '../fixtures';
import type { ContractCase } from './types';

/** LINE's Channel Access Token API: issue, verify, list key IDs, revoke; no bearer token sent. */

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const FORM = 'application/x-www-form-urlencoded';
const ISO_DATE = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

/** The LINE Channel (JWT Assertion) credential for the mock's test key (its data overridable). */
export function jwtCredential(mock: MockLine, data: IDataObject = {}): TestCredential {
	const key = testAssertionKey();
	return {
		type: 'lineConnectorChannelJwtApi',
		credentialType: new LineConnectorChannelJwtApi(),
		data: {
			channelId: DEFAULT_CHANNEL_ID,
			keyId: key.kid,
			privateKey: JSON.stringify(key.privateJwk),
			lifetime: 2592000,
			channelSecret: DEFAULT_CHANNEL_SECRET,
			baseUrl: mock.url,
			dataBaseUrl: mock.url,
			...data,
		},
	};
}

/**
 * An assertion as a user signs it outside n8n (written here with node:crypto, independently of
 * the node's own signer): RS256 with the mock's test key, for the mock's channel.
 */
export function userAssertion(payload: IDataObject = {}, header: IDataObject = {}): string {
	const key = testAssertionKey();
	const now = Math.floor(Date.now() / 1000);
	const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	const input = `${encode({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header })}.${encode({
		iss: DEFAULT_CHANNEL_ID,
		sub: DEFAULT_CHANNEL_ID,
		aud: 'https://api.line.me/',
		exp: now + 600,
		token_exp: 86400,
		...payload,
	})}`;
	const privateKey = createPrivateKey({ key: key.privateJwk, format: 'jwk' });
	return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

const answer = (request: MockRequest) => request.response.body as IDataObject;

const viaJwt = { authentication: 'channelJwt', resource: 'channelToken' };
const viaIdSecret = { authentication: 'channelIdSecret', resource: 'channelToken' };
const viaToken = { resource: 'channelToken' };

const secretForm = {
	grant_type: 'client_credentials',
	client_id: DEFAULT_CHANNEL_ID,
	client_secret: DEFAULT_CHANNEL_SECRET,
};
const signedForm = {
	grant_type: 'client_credentials',
	client_assertion_type: JWT_BEARER,
	client_assertion: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
};

function issueCase(
	name: string,
	tokenType: string,
	path: string,
	parameters: INodeParameters,
	body: IDataObject,
	credentials?: (mock: MockLine) => TestCredential,
): ContractCase {
	return {
		name,
		parameters: { operation: 'issue', tokenType, ...parameters },
		credentials,
		authorization: null,
		request: { method: 'POST', path, body, contentType: FORM, retryKey: false },
		output: (request) => ({ tokenType, ...answer(request), expiresAt: ISO_DATE }),
	};
}

let given: string | undefined;
const givenAssertion = () => (given ??= userAssertion());

const KEY_IDS = ['U_gdnFYKTWRxxxxDVZexGg', 'sDTOzw5wIfWxxxxzcmeQA', '73hDyp3PxGfxxxxD6U5qYA'];

export const contracts: Record<string, ContractCase[]> = {
	'channelToken/issue': [
		issueCase(
			'short-lived token for the ID and secret of the credential',
			'shortLived',
			'/v2/oauth/accessToken',
			viaIdSecret,
			secretForm,
			(mock) => idSecretCredential(mock),
		),
		issueCase(
			'short-lived token for a channel ID and secret given as fields',
			'shortLived',
			'/v2/oauth/accessToken',
			{
				...viaToken,
				authenticateWith: 'fields',
				channelId: DEFAULT_CHANNEL_ID,
				channelSecret: DEFAULT_CHANNEL_SECRET,
			},
			secretForm,
		),
		issueCase(
			'stateless token for the ID and secret of the credential',
			'stateless',
			'/oauth2/v3/token',
			viaIdSecret,
			secretForm,
			(mock) => idSecretCredential(mock),
		),
		issueCase(
			'stateless token for an assertion signed with the key of the JWT credential',
			'statelessJwt',
			'/oauth2/v3/token',
			viaJwt,
			signedForm,
			(mock) => jwtCredential(mock),
		),
		{
			...issueCase(
				'token v2.1 of one day for an assertion signed with the key of the JWT credential',
				'jwt',
				'/oauth2/v2.1/token',
				{ ...viaJwt, tokenExp: 86400 },
				signedForm,
				(mock) => jwtCredential(mock),
			),
			output: (request) => {
				expect(answer(request)).toMatchObject({ expires_in: 86400, key_id: expect.any(String) });
				return { tokenType: 'jwt', ...answer(request), expiresAt: ISO_DATE };
			},
		},
		{
			...issueCase(
				'token v2.1 for an assertion given as a field (of the previous item)',
				'jwt',
				'/oauth2/v2.1/token',
				{ ...viaToken, authenticateWith: 'fields', clientAssertion: '={{ $json.assertion }}' },
				{},
			),
			// Signed when the case runs (an assertion lives minutes), then the same for the request.
			get input(): IDataObject[] {
				return [{ assertion: givenAssertion() }];
			},
			get request() {
				return {
					method: 'POST' as const,
					path: '/oauth2/v2.1/token',
					body: { ...signedForm, client_assertion: givenAssertion() },
					contentType: FORM,
					retryKey: false,
				};
			},
		},
	],
	'channelToken/verify': [
		{
			name: 'a long-lived token, v2 (the access token of the previous item)',
			parameters: { ...viaToken, operation: 'verify', tokenVersion: 'v2' },
			input: [{ access_token: DEFAULT_CHANNEL_ACCESS_TOKEN }],
			authorization: null,
			request: {
				method: 'POST',
				path: '/v2/oauth/verify',
				body: { access_token: DEFAULT_CHANNEL_ACCESS_TOKEN },
				contentType: FORM,
				retryKey: false,
			},
			output: (request) => ({
				valid: true,
				client_id: DEFAULT_CHANNEL_ID,
				expires_in: answer(request).expires_in,
				scope: answer(request).scope,
				expiresAt: ISO_DATE,
			}),
		},
		{
			name: 'a token v2.1',
			parameters: {
				...viaToken,
				operation: 'verify',
				tokenVersion: 'v2.1',
				accessToken: 'eyJhbGciOiJIUz.v21-token',
			},
			authorization: null,
			arrange: (mock) =>
				mock.once('GET', '/oauth2/v2.1/verify', () => ({
					status: 200,
					body: {
						client_id: '1573163733',
						expires_in: 2591659,
						scope: 'profile chat_message.write',
					},
				})),
			request: {
				method: 'GET',
				path: '/oauth2/v2.1/verify',
				query: { access_token: 'eyJhbGciOiJIUz.v21-token' },
				retryKey: false,
			},
			output: () => ({
				valid: true,
				client_id: '1573163733',
				expires_in: 2591659,
				scope: 'profile chat_message.write',
				expiresAt: ISO_DATE,
			}),
		},
	],
	'channelToken/getValidKeyIds': [
		{
			name: 'key IDs for an assertion signed with the key of the JWT credential, one item each',
			parameters: { ...viaJwt, operation: 'getValidKeyIds' },
			credentials: (mock) => jwtCredential(mock),
			authorization: null,
			arrange: (mock) =>
				mock.once('GET', '/oauth2/v2.1/tokens/kid', () => ({
					status: 200,
					body: { kids: KEY_IDS },
				})),
			request: {
				method: 'GET',
				path: '/oauth2/v2.1/tokens/kid',
				query: {
					client_assertion_type: JWT_BEARER,
					client_assertion: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
				},
				retryKey: false,
			},
			output: () => KEY_IDS.map((keyId) => ({ key_id: keyId })),
		},
	],
	'channelToken/revoke': [
		{
			name: 'a short-lived or long-lived token, v2',
			parameters: { ...viaToken, operation: 'revoke', tokenVersion: 'v2' },
			input: [{ access_token: 'W1TeHCgfH2Liwa-short-lived' }],
			authorization: null,
			request: {
				method: 'POST',
				path: '/v2/oauth/revoke',
				body: { access_token: 'W1TeHCgfH2Liwa-short-lived' },
				contentType: FORM,
				retryKey: false,
			},
			output: () => ({ revoked: true, tokenVersion: 'v2' }),
		},
		{
			name: 'a token v2.1 with the channel ID and secret of the credential',
			parameters: { ...viaIdSecret, operation: 'revoke', tokenVersion: 'v2.1' },
			input: [{ access_token: 'eyJhbGciOiJIUz.v21-token' }],
			credentials: (mock) => idSecretCredential(mock),
			authorization: null,
			request: {
				method: 'POST',
				path: '/oauth2/v2.1/revoke',
				body: {
					client_id: DEFAULT_CHANNEL_ID,
					client_secret: DEFAULT_CHANNEL_SECRET,
					access_token: 'eyJhbGciOiJIUz.v21-token',
				},
				contentType: FORM,
				retryKey: false,
			},
			output: () => ({ revoked: true, tokenVersion: 'v2.1' }),
		},
		{
			name: 'a token v2.1 with a channel ID and secret given as fields',
			parameters: {
				...viaToken,
				operation: 'revoke',
				tokenVersion: 'v2.1',
				authenticateWith: 'fields',
				channelId: DEFAULT_CHANNEL_ID,
				channelSecret: DEFAULT_CHANNEL_SECRET,
			},
			input: [{ access_token: 'eyJhbGciOiJIUz.v21-token' }],
			authorization: null,
			request: {
				method: 'POST',
				path: '/oauth2/v2.1/revoke',
				body: {
					client_id: DEFAULT_CHANNEL_ID,
					client_secret: DEFAULT_CHANNEL_SECRET,
					access_token: 'eyJhbGciOiJIUz.v21-token',
				},
				contentType: FORM,
				retryKey: false,
			},
			output: () => ({ revoked: true, tokenVersion: 'v2.1' }),
		},
	],
};
