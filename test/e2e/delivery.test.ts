import { createHash } from 'node:crypto';
import path from 'node:path';

import { startMockLine, type MockLine, type MockRequest } from '../support/mockLine';
import {
	describeE2E,
	INSTALL_TIMEOUT_MS,
	loadN8nLib,
	N8nRest,
	report,
	since,
	tempFolder,
	type ExecuteResult,
	type InstalledN8n,
	type N8nInstance,
	type N8nLib,
	type N8nServer,
	type SavedExecution,
} from './support';

/**
 * The delivery engine's promise, in a real n8n (the pinned version only): the retry keys a push
 * carries are derived from the execution, node, run and item, and their seed is kept in the
 * node's context, so that n8n repeating the same work sends the same keys and LINE (the mock,
 * which honours X-Line-Retry-Key with 409) delivers nothing twice:
 * - n8n's node setting Retry On Fail re-runs the node within the same execution;
 * - n8n's Retry of a failed execution (REST: POST /rest/executions/:id/retry) continues the
 *   failed execution's saved data under a new execution ID;
 * - while running the workflow again (a new execution) is a new send, with new keys.
 * The mock LINE (test/support/mockLine.ts) runs in this jest process on 127.0.0.1 and checks
 * every request against LINE's OpenAPI documents.
 */

const PUSH = '/v2/bot/message/push';
const NODE = 'Send Push';
/** The item whose first push LINE answers 500. */
const FAILING = 3;
const USERS = Array.from(
	{ length: 6 },
	(_, index) => `U${createHash('md5').update(`delivery-e2e-user-${index}`).digest('hex')}`,
);
const TEXTS = USERS.map((_, index) => `Message ${index}`);
const TOKEN_CREDENTIAL = { id: 'lineSandboxToken', name: 'LINE Sandbox (token)' };
const OWNER = {
	email: 'delivery-e2e@example.com',
	firstName: 'Delivery',
	lastName: 'Test',
	password: 'Delivery-e2e-1',
};
const LONG = 10 * 60_000;

/**
 * Manual Trigger → Code (one item `{ userId, text }` per user) → LINE Messaging Send Push with
 * expressions, one attempt per request (the node's own retries would hide n8n's). `settings`
 * are the Send Push node's n8n settings (e.g. Retry On Fail).
 */
function campaignWorkflow(id: string, name: string, settings: Record<string, unknown> = {}) {
	return {
		id,
		name,
		active: false,
		nodes: [
			{
				id: `${id}-trigger`,
				name: 'Run',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: `${id}-items`,
				name: 'Recipients',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: {
					jsCode: `return ${JSON.stringify(USERS)}.map((userId, index) => ({ json: { userId, text: 'Message ' + index } }));`,
				},
			},
			{
				id: `${id}-push`,
				name: NODE,
				type: 'n8n-nodes-line-connector.lineMessaging',
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					resource: 'message',
					operation: 'sendPush',
					to: '={{ $json.userId }}',
					messages: { message: [{ type: 'text', text: '={{ $json.text }}' }] },
					options: {},
					delivery: { maxAttempts: 1 },
				},
				credentials: { lineConnectorChannelAccessTokenApi: TOKEN_CREDENTIAL },
				...settings,
			},
		],
		connections: {
			Run: { main: [[{ node: 'Recipients', type: 'main', index: 0 }]] },
			Recipients: { main: [[{ node: NODE, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

// n8n reads `waitBetweenTries || 1000`: 0 would mean a second, so 1 ms is the shortest real wait.
const RETRY_ON_FAIL = campaignWorkflow('deliveryRetryOnFail', 'Delivery: Retry On Fail', {
	retryOnFail: true,
	maxTries: 2,
	waitBetweenTries: 1,
});
const PLAIN = campaignWorkflow('deliveryPlain', 'Delivery: no Retry On Fail');

const textOf = (request: MockRequest) =>
	(request.body as { messages: Array<{ text: string }> }).messages[0].text;
const keyOf = (request: MockRequest) => request.headers['x-line-retry-key'] as string | undefined;

/** How often LINE delivered each text. */
function deliveredTexts(mock: MockLine): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const request of mock.deliveries()) {
		counts[textOf(request)] = (counts[textOf(request)] ?? 0) + 1;
	}
	return counts;
}

const everyTextTimes = (times: number) =>
	Object.fromEntries(TEXTS.map((text) => [text, times] as const));

/** The pushes LINE received for each item (by its text), in the order they arrived. */
function pushesByItem(requests: MockRequest[]): MockRequest[][] {
	return TEXTS.map((text) =>
		requests.filter((request) => request.path === PUSH && textOf(request) === text),
	);
}

/** LINE answers item 3's first push with 500 (a server error: the push may or may not have gone out). */
function failFirstPushOfItem3(mock: MockLine): void {
	mock.once('POST', PUSH, (request) =>
		(request.body as { to?: string }).to === USERS[FAILING]
			? { status: 500, body: { message: 'An error occurred in the internal server' } }
			: undefined,
	);
}

function expectSuccess(result: ExecuteResult): void {
	if (!result.ok) {
		throw new Error(
			`execution failed (exit ${result.status}): ${result.error?.message ?? ''}\n${result.output.slice(-3000)}`,
		);
	}
}

const SEED = 'lineConnectorDeliverySeed';
const seedOf = (execution: SavedExecution) =>
	execution.data.executionData?.contextData?.[`node:${NODE}`]?.[SEED];

function outputOf(execution: SavedExecution): Array<Record<string, unknown>> {
	const runs = execution.data.resultData.runData[NODE] ?? [];
	return (runs[runs.length - 1]?.data?.main?.[0] ?? []).map((item) => item.json);
}

describeE2E('delivery: n8n repeating a send does not deliver twice (real n8n)', () => {
	let lib: N8nLib;
	let installed: InstalledN8n;
	let mock: MockLine;
	let n8n: N8nInstance;
	let server: N8nServer | undefined;

	beforeAll(async () => {
		lib = await loadN8nLib();
		const version = lib.PINNED_N8N_VERSION;
		let start = Date.now();
		installed = await lib.ensureN8n(version);
		report(`n8n ${version} ready in ${since(start)} (${installed.node})`);
		start = Date.now();
		const tarball = lib.packPackage({ build: process.env.E2E_BUILD !== '0' });
		mock = await startMockLine();
		const port = await lib.freePort();
		const userFolder = tempFolder(`line-e2e-delivery-${version}-`);
		n8n = lib.n8nInstance(installed, { userFolder, port, brokerPort: port + 1 });
		lib.installInto(userFolder, tarball);
		// The mock's default channel: token `test-channel-access-token`.
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
		await n8n.importWorkflow(RETRY_ON_FAIL);
		await n8n.importWorkflow(PLAIN);
		report(`n8n ${version}: package installed, workflows imported in ${since(start)}`);
	}, INSTALL_TIMEOUT_MS);

	afterAll(async () => {
		await server?.stop();
		await mock?.close();
	});

	beforeEach(() => mock?.reset());
	afterEach(() => {
		expect(mock.invalidRequests().map((request) => [request.url, request.problems])).toEqual([]);
	});

	async function execute(id: string): Promise<ExecuteResult> {
		const start = Date.now();
		const result = await n8n.execute(id, { timeoutMs: 5 * 60_000 });
		report(`${id}: n8n execute took ${since(start)} (exit ${result.status})`);
		return result;
	}

	test(
		'Retry On Fail: the node runs again with the same keys; pushes that had gone out get 409 and are reported alreadyAccepted',
		async () => {
			failFirstPushOfItem3(mock);
			const result = await execute(RETRY_ON_FAIL.id);
			expectSuccess(result);

			expect(deliveredTexts(mock)).toEqual(everyTextTimes(1));
			const pushes = pushesByItem(mock.requests);
			pushes.forEach((item, index) => {
				// Two tries of the node, each sending every item's push once, with one key per item.
				expect(item.map((request) => request.response.status)).toEqual(
					index === FAILING ? [500, 200] : [200, 409],
				);
				expect(keyOf(item[0])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-/);
				expect(keyOf(item[1])).toBe(keyOf(item[0]));
			});
			expect(new Set(pushes.map((item) => keyOf(item[0]))).size).toBe(USERS.length);

			// One run of the node (Retry On Fail repeats it within the run), one output item per input.
			expect(result.runData?.[NODE]).toHaveLength(1);
			const items = lib.nodeItems(result.runData, NODE) ?? [];
			expect(items.map((item) => item.to)).toEqual(USERS);
			expect(items.map((item) => item.alreadyAccepted === true)).toEqual(
				USERS.map((_, index) => index !== FAILING),
			);
			items.forEach((item, index) => expect(item.retryKey).toBe(keyOf(pushes[index][0])));
		},
		LONG,
	);

	test(
		'running the workflow again (a new execution, not a retry) is a new send: new keys, every message delivered again',
		async () => {
			const first = await execute(PLAIN.id);
			expectSuccess(first);
			const firstKeys = mock.requests.map(keyOf);
			const second = await execute(PLAIN.id);
			expectSuccess(second);

			expect(deliveredTexts(mock)).toEqual(everyTextTimes(2));
			expect(mock.requests.map((request) => request.response.status)).toEqual(
				Array(2 * USERS.length).fill(200),
			);
			const secondKeys = mock.requests.slice(USERS.length).map(keyOf);
			expect(new Set([...firstKeys, ...secondKeys]).size).toBe(2 * USERS.length);
			for (const result of [first, second]) {
				const items = lib.nodeItems(result.runData, NODE) ?? [];
				expect(items.map((item) => item.alreadyAccepted ?? false)).toEqual(
					Array(USERS.length).fill(false),
				);
			}
			expect((lib.nodeItems(second.runData, NODE) ?? []).map((item) => item.retryKey)).toEqual(
				secondKeys,
			);
		},
		LONG,
	);

	test(
		"n8n's Retry of the failed execution sends the same keys: LINE answers 409 to what had gone out, each message is delivered once",
		async () => {
			// The failed execution comes from `n8n execute` (mode "cli"), before the server starts:
			// n8n saves it (with its run data and context) in the database the server then reads.
			failFirstPushOfItem3(mock);
			const failedRun = await execute(PLAIN.id);
			expect(failedRun.ok).toBe(false);
			expect(failedRun.status).not.toBe(0);
			const error = failedRun.error as { message?: string; description?: string };
			expect(error.message).toContain('LINE API error 500');
			expect(error.description).toContain(
				'This run stopped: 5 of 6 item(s) were sent (items 0–2, 4–5).',
			);
			expect(error.description).toContain('Failed: items 3 (see above).');
			const firstPushes = pushesByItem(mock.requests);
			expect(firstPushes.map((item) => item.map((request) => request.response.status))).toEqual(
				USERS.map((_, index) => [index === FAILING ? 500 : 200]),
			);
			const sentBefore = mock.requests.length;

			const start = Date.now();
			server = await n8n.startServer({ timeoutMs: 5 * 60_000 });
			const { setupOwner } = lib as unknown as {
				setupOwner(baseUrl: string, owner: typeof OWNER): Promise<boolean>;
			};
			await setupOwner(server.url, OWNER);
			const { parse } = require(path.join(installed.dir, 'node_modules', 'flatted')) as {
				parse(text: string): unknown;
			};
			const rest = new N8nRest(server.url, parse);
			await rest.login(OWNER.email, OWNER.password);
			report(`n8n server ready, owner logged in after ${since(start)}`);

			try {
				const saved = (await rest.executions(PLAIN.id)).filter(
					(execution) => execution.status === 'error',
				);
				expect(saved).toHaveLength(1);
				const failed = await rest.execution(saved[0].id);
				expect(failed).toMatchObject({ mode: 'cli', status: 'error', finished: false });
				// What the retry continues from: the failed run's data, with the node's context. The
				// seed names the failed execution (instance/workflow/execution/node).
				const seed = seedOf(failed);
				report(
					`saved failed execution ${failed.id}: contextData ${JSON.stringify(failed.data.executionData?.contextData)}`,
				);
				expect(seed).toEqual(
					expect.stringContaining(`/${PLAIN.id}/${failed.id}/${PLAIN.nodes[2].id}`),
				);
				expect(failed.data.resultData.error?.description).toContain('This run stopped');

				const retryStart = Date.now();
				const answer = await rest.request<{ id: string; status: string; retryOf: string }>(
					'POST',
					`/executions/${failed.id}/retry`,
					{ loadWorkflow: false },
				);
				report(
					`retry of execution ${failed.id} → ${answer.id}: ${answer.status} after ${since(retryStart)}`,
				);
				const retried = await rest.execution(answer.id);
				expect(retried).toMatchObject({
					mode: 'retry',
					status: 'success',
					finished: true,
					retryOf: failed.id,
				});
				expect(retried.id).not.toBe(failed.id);
				expect(seedOf(retried)).toBe(seed);
				expect((await rest.execution(failed.id)).retrySuccessId).toBe(retried.id);

				// At LINE: everything delivered exactly once over both executions; the retry sent every
				// item's push again with its first key, and what had gone out got 409.
				expect(deliveredTexts(mock)).toEqual(everyTextTimes(1));
				const retryPushes = pushesByItem(mock.requests.slice(sentBefore));
				retryPushes.forEach((item, index) => {
					expect(item.map((request) => request.response.status)).toEqual([
						index === FAILING ? 200 : 409,
					]);
					expect(keyOf(item[0])).toBe(keyOf(firstPushes[index][0]));
				});
				const items = outputOf(retried);
				expect(items.map((item) => item.to)).toEqual(USERS);
				expect(items.map((item) => item.alreadyAccepted === true)).toEqual(
					USERS.map((_, index) => index !== FAILING),
				);
			} finally {
				await server.stop();
				server = undefined;
			}
		},
		LONG,
	);
});
