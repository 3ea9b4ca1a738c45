import '../support/n8nEnvironment';

import { Workflow, type IDataObject, type INode } from 'n8n-workflow';

import { LineConnectorKlinkApi } from '../../credentials/LineConnectorKlinkApi.credentials';
import { baseUrlOf } from '../../nodes/Klink/transport';
import { nodeType, useMockKlink } from './fixtures';
import { KLINK_TOKEN } from './mockKlink';

/**
 * The klink.cloud API credential: a bearer token, a choice of host, and a test request n8n
 * sends when the credential is saved (GET /api/v1/channels?page=1&pageSize=1).
 */

const klink = useMockKlink();
const credentialType = new LineConnectorKlinkApi();

/** Resolves a credential expression as n8n does, with `$credentials`. */
function resolve(value: string, credentials: IDataObject): string {
	const node: INode = {
		id: 'n',
		name: 'n',
		type: nodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		},
	});
	return String(
		workflow.expression.getSimpleParameterValue(node, value, 'internal', {
			$credentials: credentials,
		}),
	);
}

describe('authenticate', () => {
	it('adds Authorization: Bearer with the trimmed token and keeps the other headers', async () => {
		const options = await credentialType.authenticate(
			{ apiToken: ` ${KLINK_TOKEN}\n` },
			{ url: '/api/v1/tags', headers: { 'x-client-timezone': 'Asia/Bangkok' } },
		);
		expect(options.headers).toEqual({
			'x-client-timezone': 'Asia/Bangkok',
			Authorization: `Bearer ${KLINK_TOKEN}`,
		});
	});

	it('keeps the token out of the visible fields: API Token and the signing secret are passwords', () => {
		const passwords = credentialType.properties
			.filter((property) => property.typeOptions?.password)
			.map((property) => property.name);
		expect(passwords).toEqual(['apiToken', 'webhookSigningSecret']);
	});
});

describe('base URL', () => {
	it.each<[IDataObject, string]>([
		[{}, 'https://apigw.klinkcx.com'],
		[{ baseUrl: 'https://apigw.klinkcx.com' }, 'https://apigw.klinkcx.com'],
		[{ baseUrl: 'https://api.klink.cloud' }, 'https://api.klink.cloud'],
		[
			{ baseUrl: 'custom', customBaseUrl: ' https://uat-api.klink.cloud/ ' },
			'https://uat-api.klink.cloud',
		],
	])('%j → %s', (credentials, expected) => {
		expect(baseUrlOf(credentials)).toBe(expected);
		const test = credentialType.test.request;
		if (credentials.baseUrl !== undefined) {
			// A trailing slash is harmless: axios joins baseURL and url with one slash.
			expect(resolve(String(test.baseURL), credentials).replace(/\/+$/, '')).toBe(expected);
		}
	});
});

describe('the credential test', () => {
	it('is a one-record channel list, which the mock accepts with the right token only', async () => {
		const { request } = credentialType.test;
		const baseURL = resolve(String(request.baseURL), {
			baseUrl: 'custom',
			customBaseUrl: klink.mock.url,
		});
		const url = new URL(`${baseURL}${request.url}`);
		for (const [key, value] of Object.entries(request.qs ?? {})) {
			url.searchParams.set(key, String(value));
		}
		const statuses: number[] = [];
		for (const token of [KLINK_TOKEN, 'kpt_wrong']) {
			const { headers } = await credentialType.authenticate({ apiToken: token }, { url: url.href });
			const response = await fetch(url, { headers: headers as Record<string, string> });
			statuses.push(response.status);
		}
		expect(statuses).toEqual([200, 401]);
		expect(klink.mock.requests.map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', '/api/v1/channels', { page: '1', pageSize: '1' }],
			['GET', '/api/v1/channels', { page: '1', pageSize: '1' }],
		]);
		expect(klink.mock.invalidRequests()).toEqual([]);
	});
});
