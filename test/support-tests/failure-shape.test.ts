import {
	NodeApiError,
	type IAuthenticateGeneric,
	type ICredentialType,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INodeType,
} from 'n8n-workflow';
import { describeFailure } from '../../nodes/Line/transport';
import { runNode } from '../support/engine';
import { startMockLine, type MockLine } from '../support/mockLine';

/**
 * What a node receives from n8n-core's httpRequestWithAuthentication when LINE answers with an
 * error, and whether the transport's describeFailure finds status, body and headers on it.
 */

const USER = 'U4af4980629b06f3b9d3f8a1b2c3d4e5f';
const RETRY_KEY = '123e4567-e89b-12d3-a456-426614174000';

const bearerApi: ICredentialType = {
	name: 'failureShapeBearerApi',
	displayName: 'Failure Shape Bearer API',
	properties: [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
	],
	authenticate: {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.token}}' } },
	} as IAuthenticateGeneric,
};

/** Sends the given requests in order and keeps what each threw. */
function catchingNode(requests: IHttpRequestOptions[], caught: unknown[]): INodeType {
	return {
		description: {
			displayName: 'Failure Shape',
			name: 'failureShape',
			group: ['output'],
			version: 1,
			description: 'Sends requests and keeps the errors',
			defaults: { name: 'Failure Shape' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: bearerApi.name, required: true }],
			properties: [],
		},
		async execute(this: IExecuteFunctions) {
			for (const request of requests) {
				try {
					await this.helpers.httpRequestWithAuthentication.call(this, bearerApi.name, {
						...request,
					});
				} catch (error) {
					caught.push(error);
				}
			}
			return [[{ json: {}, pairedItem: { item: 0 } }]];
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

async function failuresOf(
	requests: IHttpRequestOptions[],
	token = 'test-channel-access-token',
): Promise<unknown[]> {
	const caught: unknown[] = [];
	const result = await runNode({
		nodeType: catchingNode(requests, caught),
		credentials: { type: bearerApi.name, credentialType: bearerApi, data: { token } },
	});
	expect(result.error).toBeUndefined();
	return caught;
}

function push(body: object, headers: Record<string, string> = {}): IHttpRequestOptions {
	return {
		method: 'POST',
		url: `${mock.url}/v2/bot/message/push`,
		body,
		headers,
		json: true,
		returnFullResponse: true,
	};
}

type Caught = NodeApiError & {
	cause: { response: { status: number; data: unknown; headers: Record<string, string> } };
};

describe('the error httpRequestWithAuthentication throws', () => {
	it('400 with a JSON body: a NodeApiError whose cause is the AxiosError with the response', async () => {
		const [error] = (await failuresOf([
			push({ to: USER, messages: [{ type: 'text' }] }),
		])) as Caught[];
		const lineBody = {
			message: 'The request body has 1 error(s)',
			details: [{ message: 'required', property: 'messages[0].text' }],
		};
		const requestId = mock.requests[0].requestId;

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('400');
		expect(error.message).toBe('Bad request - please check your parameters');
		expect(error.description).toBe('The request body has 1 error(s)');
		expect(error.context.data).toEqual(lineBody);
		expect((error.cause as unknown as Error).name).toBe('AxiosError');
		expect(error.cause.response.status).toBe(400);
		expect(error.cause.response.data).toEqual(lineBody);
		expect(error.cause.response.headers['x-line-request-id']).toBe(requestId);

		const failure = describeFailure(error);
		expect(failure.statusCode).toBe(400);
		expect(failure.body).toEqual(lineBody);
		expect(failure.headers['x-line-request-id']).toBe(requestId);
	});

	it('409 for a retry key already accepted: same shape, with x-line-accepted-request-id', async () => {
		const body = { to: USER, messages: [{ type: 'text', text: 'once' }] };
		const headers = { 'X-Line-Retry-Key': RETRY_KEY };
		const caught = (await failuresOf([push(body, headers), push(body, headers)])) as Caught[];
		expect(caught).toHaveLength(1);
		const [error] = caught;
		const [accepted, conflict] = mock.requests;

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('409');
		expect(error.cause.response.status).toBe(409);
		expect(error.cause.response.headers['x-line-accepted-request-id']).toBe(accepted.requestId);

		const failure = describeFailure(error);
		expect(failure.statusCode).toBe(409);
		expect(failure.body).toMatchObject({ message: 'The retry key is already accepted' });
		expect(failure.headers['x-line-request-id']).toBe(conflict.requestId);
		expect(failure.headers['x-line-accepted-request-id']).toBe(accepted.requestId);
	});

	it('429 with retry-after: the header is on the response too', async () => {
		mock.once('POST', '/v2/bot/message/push', () => ({
			status: 429,
			body: { message: 'You have reached your monthly limit.' },
			headers: { 'retry-after': '3' },
		}));
		const [error] = await failuresOf([push({ to: USER, messages: [{ type: 'text', text: 'x' }] })]);
		const failure = describeFailure(error);
		expect(failure).toMatchObject({
			statusCode: 429,
			body: { message: 'You have reached your monthly limit.' },
		});
		expect(failure.headers['retry-after']).toBe('3');
		expect(failure.headers['x-line-request-id']).toBe(mock.requests[0].requestId);
	});

	it('401: n8n-core sends the request a second time, and the error is from that second attempt', async () => {
		const [error] = await failuresOf(
			[push({ to: USER, messages: [{ type: 'text', text: 'x' }] })],
			'wrong',
		);
		expect(mock.requests).toHaveLength(2);
		const failure = describeFailure(error);
		expect(failure.statusCode).toBe(401);
		expect(failure.body).toMatchObject({
			message: expect.stringMatching(/^Authentication failed/),
		});
		expect(failure.headers['x-line-request-id']).toBe(mock.requests[1].requestId);
	});

	it('no server: no status, the network code', async () => {
		const closed = await startMockLine();
		const url = closed.url;
		await closed.close();
		const [error] = await failuresOf([{ ...push({}), url: `${url}/v2/bot/message/push` }]);
		expect(error).toBeInstanceOf(NodeApiError);
		const failure = describeFailure(error);
		expect(failure.statusCode).toBeUndefined();
		expect(failure.code).toBe('ECONNREFUSED');
	});
});
