import {
	NodeApiError,
	type IAuthenticateGeneric,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INodeExecutionData,
	type INodeType,
	type JsonObject,
} from 'n8n-workflow';
import { runNode, type TestCredential } from '../support/engine';
import {
	startMockLine,
	DEFAULT_CHANNEL_ID,
	DEFAULT_CHANNEL_SECRET,
	type MockLine,
} from '../support/mockLine';

const USER = 'U4af4980629b06f3b9d3f8a1b2c3d4e5f';
const TOKEN = 'test-channel-access-token';

// ---- test credential types ----------------------------------------------------------------

const bearerApi: ICredentialType = {
	name: 'testBearerApi',
	displayName: 'Test Bearer API',
	properties: [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
	],
	authenticate: {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.token}}' } },
	} as IAuthenticateGeneric,
};

const functionAuthApi: ICredentialType = {
	name: 'testFunctionAuthApi',
	displayName: 'Test Function Auth API',
	properties: bearerApi.properties,
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	) {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${credentials.token}` },
		};
	},
};

const clientCredentialsApi: ICredentialType = {
	name: 'testClientCredentialsApi',
	displayName: 'Test Client Credentials API',
	properties: [
		{ displayName: 'Channel ID', name: 'channelId', type: 'string', default: '' },
		{
			displayName: 'Channel Secret',
			name: 'channelSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
	],
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${credentials.baseUrl}/oauth2/v3/token`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: credentials.channelId as string,
				client_secret: credentials.channelSecret as string,
			}).toString(),
		})) as { access_token: string };
		return { accessToken: response.access_token };
	},
	authenticate: {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	} as IAuthenticateGeneric,
};

// ---- a tiny node that pushes one text per item ------------------------------------------

function pushNode(
	credentialType: string,
	options: { handleContinueOnFail?: boolean } = {},
): INodeType {
	const { handleContinueOnFail = true } = options;
	return {
		description: {
			displayName: 'Test Push',
			name: 'testPush',
			group: ['output'],
			version: 1,
			description: 'Pushes a text message per item',
			defaults: { name: 'Test Push' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType, required: true }],
			properties: [{ displayName: 'To', name: 'to', type: 'string', default: '' }],
		},
		async execute(this: IExecuteFunctions) {
			const credentials = await this.getCredentials<{ baseUrl: string }>(credentialType);
			const out: INodeExecutionData[] = [];
			const items = this.getInputData();
			for (let i = 0; i < items.length; i++) {
				try {
					const response = (await this.helpers.httpRequestWithAuthentication.call(
						this,
						credentialType,
						{
							method: 'POST',
							url: `${credentials.baseUrl}/v2/bot/message/push`,
							body: {
								to: this.getNodeParameter('to', i),
								messages: [{ type: 'text', text: items[i].json.text }],
							},
							json: true,
							returnFullResponse: true,
						},
					)) as { statusCode: number; headers: Record<string, string>; body: IDataObject };
					out.push({
						json: {
							statusCode: response.statusCode,
							requestId: response.headers['x-line-request-id'],
							...response.body,
						},
						pairedItem: { item: i },
					});
				} catch (error) {
					if (handleContinueOnFail && this.continueOnFail()) {
						out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
						continue;
					}
					const body = (error as { cause?: { response?: { data?: { message?: string } } } }).cause
						?.response?.data;
					throw new NodeApiError(this.getNode(), (body ?? {}) as JsonObject, {
						message: `LINE said: ${body?.message ?? 'nothing'}`,
						description: `push to item ${i}`,
						httpCode: String((error as NodeApiError).httpCode),
						itemIndex: i,
					});
				}
			}
			return [out];
		},
	};
}

let mock: MockLine;

// A new mock for every test: nothing one test sent can reach the next one's.
beforeEach(async () => {
	mock = await startMockLine();
});
afterEach(async () => {
	await mock.close();
});

function bearerCredential(type: ICredentialType = bearerApi): TestCredential {
	return { type: type.name, credentialType: type, data: { token: TOKEN, baseUrl: mock.url } };
}

function clientCredential(): TestCredential {
	return {
		type: clientCredentialsApi.name,
		credentialType: clientCredentialsApi,
		data: {
			channelId: DEFAULT_CHANNEL_ID,
			channelSecret: DEFAULT_CHANNEL_SECRET,
			baseUrl: mock.url,
		},
	};
}

describe('runNode with a generic bearer credential', () => {
	it('sends the requests over HTTP with the bearer header and returns paired items', async () => {
		const result = await runNode({
			nodeType: pushNode(bearerApi.name),
			parameters: { to: USER },
			credentials: bearerCredential(),
			input: [{ text: 'one' }, { text: 'two' }],
		});

		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(mock.requests).toHaveLength(2);
		expect(mock.invalidRequests()).toEqual([]);
		expect(mock.requests.map((r) => r.headers.authorization)).toEqual([
			`Bearer ${TOKEN}`,
			`Bearer ${TOKEN}`,
		]);
		expect(mock.requests.map((r) => r.body)).toEqual([
			{ to: USER, messages: [{ type: 'text', text: 'one' }] },
			{ to: USER, messages: [{ type: 'text', text: 'two' }] },
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items.map((item) => item.json.requestId)).toEqual(
			mock.requests.map((r) => r.requestId),
		);
		expect(result.items[0].json).toMatchObject({
			statusCode: 200,
			sentMessages: [{ id: expect.any(String) }],
		});
	});

	it('applies a function-form authenticate too', async () => {
		const result = await runNode({
			nodeType: pushNode(functionAuthApi.name),
			parameters: { to: USER },
			credentials: bearerCredential(functionAuthApi),
			input: [{ text: 'hi' }],
		});
		expect(result.error).toBeUndefined();
		expect(mock.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
	});

	it('a wrong token reaches the mock and comes back as the node error', async () => {
		const credential = bearerCredential();
		credential.data.token = 'wrong';
		const result = await runNode({
			nodeType: pushNode(bearerApi.name),
			parameters: { to: USER },
			credentials: credential,
		});
		// n8n-core answers any 401 by re-running preAuthentication and sending the request again.
		expect(mock.requests.map((r) => r.response.status)).toEqual([401, 401]);
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toMatch(/^LINE said: Authentication failed/);
	});
});

describe('runNode errors', () => {
	it('exposes message, description, httpCode and itemIndex, and the thrown instance', async () => {
		mock.on('POST', '/v2/bot/message/push', (request) =>
			(request.body as { messages: Array<{ text: string }> }).messages[0].text === 'bad'
				? { status: 400, body: { message: 'The request body has 1 error(s)', details: [] } }
				: undefined,
		);
		const result = await runNode({
			nodeType: pushNode(bearerApi.name),
			parameters: { to: USER },
			credentials: bearerCredential(),
			input: [{ text: 'good' }, { text: 'bad' }],
		});
		expect(result.status).toBe('error');
		expect(result.items).toEqual([]);
		expect(result.error).toMatchObject({
			message: 'LINE said: The request body has 1 error(s)',
			description: 'push to item 1',
			httpCode: '400',
			itemIndex: 1,
			name: 'NodeApiError',
		});
		expect(result.thrown).toBeInstanceOf(NodeApiError);
	});

	it('continueOnFail: the node puts the error on the item', async () => {
		mock.once('POST', '/v2/bot/message/push', () => ({ status: 500, body: { message: 'boom' } }));
		const result = await runNode({
			nodeType: pushNode(bearerApi.name),
			parameters: { to: USER },
			credentials: bearerCredential(),
			input: [{ text: 'a' }, { text: 'b' }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { error: expect.any(String) }, pairedItem: { item: 0 } },
			{ json: expect.objectContaining({ statusCode: 200 }), pairedItem: { item: 1 } },
		]);
	});

	it('continueOnFail when the node throws anyway: the engine passes the input on and keeps the error', async () => {
		mock.once('POST', '/v2/bot/message/push', () => ({ status: 500, body: { message: 'boom' } }));
		const result = await runNode({
			nodeType: pushNode(bearerApi.name, { handleContinueOnFail: false }),
			parameters: { to: USER },
			credentials: bearerCredential(),
			input: [{ text: 'a' }],
			continueOnFail: true,
		});
		// n8n-core still marks the run 'error' here: the node is the last one and its error stays set.
		expect(result.error?.httpCode).toBe('500');
		expect(result.items).toEqual([{ json: { text: 'a' }, pairedItem: { item: 0 } }]);
	});
});

describe('runNode with preAuthentication (client credentials)', () => {
	it('fetches a token once, saves it in the credential, reuses it, and renews it after a 401', async () => {
		const credential = clientCredential();
		const node = pushNode(clientCredentialsApi.name);

		const first = await runNode({
			nodeType: node,
			parameters: { to: USER },
			credentials: credential,
			input: [{ text: '1' }, { text: '2' }],
		});
		expect(first.error).toBeUndefined();
		expect(mock.tokensIssued).toBe(1);
		const [token] = mock.issuedTokens;
		const pushes = () => mock.requestsTo('POST', '/v2/bot/message/push');
		expect(pushes().map((r) => r.headers.authorization)).toEqual([
			`Bearer ${token}`,
			`Bearer ${token}`,
		]);
		expect(mock.requestsTo('POST', '/oauth2/v3/token')[0].body).toEqual({
			grant_type: 'client_credentials',
			client_id: DEFAULT_CHANNEL_ID,
			client_secret: DEFAULT_CHANNEL_SECRET,
		});
		expect(first.savedCredentials).toEqual([
			{
				type: clientCredentialsApi.name,
				id: expect.any(String),
				via: 'updateCredentials',
				data: expect.objectContaining({ accessToken: token }),
			},
		]);
		expect(credential.data.accessToken).toBe(token);

		const second = await runNode({
			nodeType: node,
			parameters: { to: USER },
			credentials: credential,
			input: [{ text: '3' }],
		});
		expect(second.error).toBeUndefined();
		expect(mock.tokensIssued).toBe(1);
		expect(second.savedCredentials).toEqual([]);
		expect(pushes()[2].headers.authorization).toBe(`Bearer ${token}`);

		mock.expireTokens();
		const third = await runNode({
			nodeType: node,
			parameters: { to: USER },
			credentials: credential,
			input: [{ text: '4' }],
		});
		expect(third.error).toBeUndefined();
		expect(mock.tokensIssued).toBe(2);
		const renewed = mock.issuedTokens[1];
		expect(
			pushes()
				.slice(3)
				.map((r) => [r.headers.authorization, r.response.status]),
		).toEqual([
			[`Bearer ${token}`, 401],
			[`Bearer ${renewed}`, 200],
		]);
		expect(third.items[0].json.statusCode).toBe(200);
		expect(credential.data.accessToken).toBe(renewed);
		expect(mock.invalidRequests()).toEqual([]);
	});

	it('a wrong secret fails the token exchange and the node reports it', async () => {
		const credential = clientCredential();
		credential.data.channelSecret = 'wrong';
		const result = await runNode({
			nodeType: pushNode(clientCredentialsApi.name),
			parameters: { to: USER },
			credentials: credential,
		});
		expect(result.status).toBe('error');
		expect(mock.tokensIssued).toBe(0);
		expect(mock.requestsTo('POST', '/v2/bot/message/push')).toEqual([]);
		expect(result.error?.httpCode).toBe('400');
	});
});
