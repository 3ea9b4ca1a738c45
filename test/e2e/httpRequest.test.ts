import { startMockLine, type MockLine } from '../support/mockLine';
import {
	describeE2E,
	INSTALL_TIMEOUT_MS,
	loadN8nLib,
	report,
	since,
	tempFolder,
	type ExecuteResult,
	type N8nInstance,
	type N8nLib,
} from './support';

/**
 * The LINE credentials in n8n's own HTTP Request node (Authentication: Predefined Credential
 * Type), so that any LINE endpoint the LINE node does not offer yet is one HTTP Request away:
 * the channel access token is sent as it is; channel ID and secret get a token from LINE first
 * (the credential's pre-authentication), as in the LINE node. In a real n8n, against the mock
 * LINE, which checks every request against LINE's OpenAPI documents.
 */

const TOKEN = { id: 'lineSandboxToken', name: 'LINE Sandbox (token)' };
const ID_SECRET = { id: 'lineSandboxIdSec', name: 'LINE Sandbox (channel ID and secret)' };
const USER = 'U4af4980629b06f3b9d3f8a1b2c3d4e5f';
const LONG = 10 * 60_000;

interface Call {
	name: string;
	credentialType: string;
	credential: { id: string; name: string };
	method: 'GET' | 'POST';
	path: string;
	body?: unknown;
	headers?: Record<string, string>;
}

/** Manual Trigger → one HTTP Request node per call, each with a LINE credential. */
function httpRequestWorkflow(id: string, baseUrl: string, calls: Call[]) {
	const nodes: unknown[] = [
		{
			id: `${id}-trigger`,
			name: 'Run',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	const connections: Record<string, unknown> = {};
	let previous = 'Run';
	calls.forEach((call, index) => {
		nodes.push({
			id: `${id}-${index}`,
			name: call.name,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [220 * (index + 1), 0],
			parameters: {
				method: call.method,
				url: `${baseUrl}${call.path}`,
				authentication: 'predefinedCredentialType',
				nodeCredentialType: call.credentialType,
				...(call.headers
					? {
							sendHeaders: true,
							headerParameters: {
								parameters: Object.entries(call.headers).map(([name, value]) => ({ name, value })),
							},
						}
					: {}),
				...(call.body !== undefined
					? { sendBody: true, specifyBody: 'json', jsonBody: JSON.stringify(call.body) }
					: {}),
				options: {},
			},
			credentials: { [call.credentialType]: call.credential },
		});
		connections[previous] = { main: [[{ node: call.name, type: 'main', index: 0 }]] };
		previous = call.name;
	});
	return {
		id,
		name: 'LINE credentials in the HTTP Request node',
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

describeE2E("the LINE credentials in n8n's HTTP Request node (real n8n)", () => {
	let lib: N8nLib;
	let mock: MockLine;
	let n8n: N8nInstance;
	const WORKFLOW = 'lineHttpRequest';

	beforeAll(async () => {
		lib = await loadN8nLib();
		const version = lib.PINNED_N8N_VERSION;
		const start = Date.now();
		const installed = await lib.ensureN8n(version);
		const tarball = lib.packPackage({ build: process.env.E2E_BUILD !== '0' });
		mock = await startMockLine();
		const port = await lib.freePort();
		const userFolder = tempFolder(`line-e2e-http-${version}-`);
		n8n = lib.n8nInstance(installed, { userFolder, port, brokerPort: port + 1 });
		lib.installInto(userFolder, tarball);
		await n8n.importCredentials(
			lib.lineCredentials(
				{
					id: '1234567890',
					secret: 'test-channel-secret',
					accessToken: 'test-channel-access-token',
				},
				mock.url,
			),
		);
		await n8n.importWorkflow(
			httpRequestWorkflow(WORKFLOW, mock.url, [
				{
					name: 'Bot Info',
					credentialType: 'lineConnectorChannelAccessTokenApi',
					credential: TOKEN,
					method: 'GET',
					path: '/v2/bot/info',
				},
				{
					name: 'Push',
					credentialType: 'lineConnectorChannelIdSecretApi',
					credential: ID_SECRET,
					method: 'POST',
					path: '/v2/bot/message/push',
					body: { to: USER, messages: [{ type: 'text', text: 'Sent by the HTTP Request node' }] },
					headers: { 'X-Line-Retry-Key': '2b8f7a66-7d0c-4d8e-9b1a-3c5e6f708192' },
				},
			]),
		);
		report(`n8n ${version}: package installed, workflow imported in ${since(start)}`);
	}, INSTALL_TIMEOUT_MS);

	afterAll(async () => {
		await mock?.close();
	});

	test(
		'a channel access token and a channel ID and secret both authenticate requests the LINE node does not make',
		async () => {
			const start = Date.now();
			const result: ExecuteResult = await n8n.execute(WORKFLOW, { timeoutMs: 5 * 60_000 });
			report(`HTTP Request workflow: n8n execute took ${since(start)} (exit ${result.status})`);
			if (!result.ok) {
				throw new Error(
					`execution failed: ${result.error?.message ?? ''}\n${result.output.slice(-3000)}`,
				);
			}

			expect(mock.invalidRequests().map((request) => [request.url, request.problems])).toEqual([]);
			const calls = mock.requests.map((request) => `${request.method} ${request.path}`);
			// The channel ID and secret credential gets its token first, then uses it.
			expect(calls).toEqual([
				'GET /v2/bot/info',
				expect.stringMatching(/^POST \/(v2\/oauth\/accessToken|oauth2\/v3\/token)$/),
				'POST /v2/bot/message/push',
			]);
			const [info, token, push] = mock.requests;
			expect(info.headers.authorization).toBe('Bearer test-channel-access-token');
			expect(token.response.status).toBe(200);
			const issued = (token.response.body as { access_token: string }).access_token;
			expect(push.headers.authorization).toBe(`Bearer ${issued}`);
			expect(push.headers['x-line-retry-key']).toBe('2b8f7a66-7d0c-4d8e-9b1a-3c5e6f708192');
			expect(mock.deliveries().map((request) => request.body)).toEqual([
				{ to: USER, messages: [{ type: 'text', text: 'Sent by the HTTP Request node' }] },
			]);

			expect(lib.nodeItems(result.runData, 'Bot Info')).toEqual([
				expect.objectContaining({ displayName: 'Mock LINE Bot', basicId: '@123abcde' }),
			]);
			expect(lib.nodeItems(result.runData, 'Push')).toEqual([
				{ sentMessages: [expect.objectContaining({ id: expect.any(String) })] },
			]);
		},
		LONG,
	);
});
