import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeParameters,
} from 'n8n-workflow';

import { LineConnectorChannelAccessTokenApi } from '../../credentials/LineConnectorChannelAccessTokenApi.credentials';
import type { TestCredential } from '../support/engine';
import type { MockLine } from '../support/mockLine';
import { validateSchema } from '../support/openapi';
import { apiRequests, runLine, runLineOk, TOKEN, useMockLine } from './fixtures';

/** Webhook → Get, Set and Test Endpoint, and the HTTPS rule LINE applies to webhook URLs. */

const line = useMockLine();

const ENDPOINT_PATH = '/v2/bot/channel/webhook/endpoint';
const TEST_PATH = '/v2/bot/channel/webhook/test';

/**
 * A credential left on LINE's own API Base URL (https://api.line.me), as users have it. Its
 * requests are rerouted to the mock when they are signed, so a request the node should not
 * make shows up in the mock instead of reaching LINE.
 */
function lineItselfCredential(mock: MockLine): TestCredential {
	const base = new LineConnectorChannelAccessTokenApi();
	const credentialType = Object.assign(Object.create(base) as ICredentialType, {
		authenticate: async (
			credentials: ICredentialDataDecryptedObject,
			options: IHttpRequestOptions,
		): Promise<IHttpRequestOptions> => ({
			...options,
			url: String(options.url).replace(/^https:\/\/api\.line\.me/, mock.url),
			headers: { ...options.headers, Authorization: `Bearer ${String(credentials.accessToken)}` },
		}),
	});
	return {
		type: 'lineConnectorChannelAccessTokenApi',
		credentialType,
		data: { accessToken: TOKEN },
	};
}

const setEndpoint = (endpoint: string): INodeParameters => ({
	resource: 'webhook',
	operation: 'setEndpoint',
	endpoint,
});

describe('Set Endpoint', () => {
	it('talking to LINE itself, an http:// URL is refused before sending, naming the field and item', async () => {
		const result = await runLine(line.mock, setEndpoint('http://n8n.example.com/webhook/line'), {
			credentials: lineItselfCredential(line.mock),
		});
		expect(result.error?.message).toBe(
			'endpoint: "http://n8n.example.com/webhook/line" is not an HTTPS URL; LINE accepts only HTTPS webhook URLs [item 0]',
		);
		expect(result.error?.description).toContain('sandbox');
		expect(line.mock.requests).toEqual([]);
	});

	it('talking to LINE itself, an https:// URL is set', async () => {
		const items = await runLineOk(line.mock, setEndpoint('https://n8n.example.com/webhook/line'), {
			credentials: lineItselfCredential(line.mock),
		});
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['PUT', ENDPOINT_PATH, { endpoint: 'https://n8n.example.com/webhook/line' }],
		]);
		expect(items[0].json).toEqual({
			endpoint: 'https://n8n.example.com/webhook/line',
			requestId: requests[0].requestId,
		});
	});

	it('a credential with another API Base URL (a local sandbox) may set an http:// URL', async () => {
		// The test credential's base URL is the mock's, http://127.0.0.1:<port>.
		await runLineOk(line.mock, setEndpoint('http://localhost:5678/webhook/line'));
		expect(apiRequests(line.mock).map((r) => r.body)).toEqual([
			{ endpoint: 'http://localhost:5678/webhook/line' },
		]);
	});

	it('the URL it set is what Get Endpoint reads back', async () => {
		await runLineOk(line.mock, setEndpoint('https://n8n.example.com/webhook/abc'));
		const items = await runLineOk(line.mock, { resource: 'webhook', operation: 'getEndpoint' });
		expect(items[0].json).toEqual({
			endpoint: 'https://n8n.example.com/webhook/abc',
			active: true,
		});
	});

	it.each([
		['an empty URL', '', /^endpoint: is empty \[item 1\]$/],
		[
			'a URL without a scheme',
			'n8n.example.com/webhook',
			/^endpoint: "n8n\.example\.com\/webhook" is not an absolute URL \[item 1\]$/,
		],
		[
			'a URL of 504 characters',
			`https://n8n.example.com/${'a'.repeat(480)}`,
			/^endpoint: is too long: 504 characters, LINE allows at most 500 \[item 1\]$/,
		],
	])('%s is refused before anything is sent', async (_label, endpoint, message) => {
		const result = await runLine(
			line.mock,
			{ resource: 'webhook', operation: 'setEndpoint', endpoint: '={{ $json.url }}' },
			{ input: [{ url: 'https://n8n.example.com/webhook/ok' }, { url: endpoint }] },
		);
		expect(result.error?.message).toMatch(message);
		expect(line.mock.requests).toEqual([]);
	});
});

describe('Test Endpoint', () => {
	it("without a URL tests the channel's own (no body), and outputs LINE's answer as is", async () => {
		const items = await runLineOk(line.mock, { resource: 'webhook', operation: 'testEndpoint' });
		const [request] = apiRequests(line.mock);
		expect([request.method, request.path, request.rawBody]).toEqual(['POST', TEST_PATH, '']);
		expect(items.map((item) => item.json)).toEqual([request.response.body]);
		expect(validateSchema('messaging-api', 'TestWebhookEndpointResponse', items[0].json)).toEqual(
			[],
		);
	});

	it("outputs LINE's answer when the URL did not answer 200: success false is a result, not an error", async () => {
		const answer = {
			success: false,
			timestamp: '2026-11-22T10:00:00.000Z',
			statusCode: 404,
			reason: 'ERROR_STATUS_CODE',
			detail: '404 Not Found',
		};
		line.mock.once('POST', TEST_PATH, () => ({ status: 200, body: answer }));
		const result = await runLine(line.mock, {
			resource: 'webhook',
			operation: 'testEndpoint',
			endpoint: 'https://n8n.example.com/webhook/missing',
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([answer]);
		expect(apiRequests(line.mock)[0].body).toEqual({
			endpoint: 'https://n8n.example.com/webhook/missing',
		});
	});

	it('an endpoint that is not a URL is refused before sending', async () => {
		const result = await runLine(line.mock, {
			resource: 'webhook',
			operation: 'testEndpoint',
			endpoint: 'not a url',
		});
		expect(result.error?.message).toBe('endpoint: "not a url" is not an absolute URL [item 0]');
		expect(line.mock.requests).toEqual([]);
	});
});
