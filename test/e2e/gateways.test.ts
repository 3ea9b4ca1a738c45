import { createHmac } from 'node:crypto';
import path from 'node:path';

import {
	deliveryReport,
	startMockInfobip,
	API_KEY,
	type MockInfobip,
} from '../infobip/mockInfobip';
import {
	CONTACT_ID,
	KLINK_TOKEN,
	startMockKlink,
	type KlinkMockRequest,
	type MockKlink,
} from '../klink/mockKlink';
import {
	CLIENT_ID,
	PASSWORD,
	startMockKonnek,
	USERNAME,
	type MockKonnek,
} from '../konnek/mockKonnek';
import {
	declaredVersions,
	describeE2E,
	eventually,
	example,
	gatewayCredentials,
	INSTALL_TIMEOUT_MS,
	loadN8nLib,
	nodeOf,
	report,
	since,
	tempFolder,
	type ExecuteResult,
	type InstalledN8n,
	type N8nInstance,
	type N8nLib,
	type N8nServer,
} from './support';

/**
 * The gateway examples (Konnek, Infobip, klink.cloud) in a real n8n (each version of
 * N8N_VERSIONS, like the LINE examples), with this package installed as n8n's installer would,
 * their credentials pointed at the mock gateways of the unit tests. The manual workflows run
 * with `n8n execute`; the triggers get their requests through the started server's production
 * webhook URLs. The expectations are those of each provider's example.test.ts.
 */

const KONNEK = example('konnek-order-update.json');
const INFOBIP = example('infobip-line-notification.json');
const KLINK = example('klink-welcome-new-contact.json');

const KLINK_SECRET = 'whsec_e2e_example';

/** The production webhook URL of a workflow's trigger node (`path`: the trigger's webhook path). */
function webhookUrl(
	workflow: typeof KLINK,
	nodeName: string,
	webhookPath: string,
	baseUrl: string,
): string {
	return `${baseUrl}/webhook/${nodeOf(workflow, nodeName).webhookId}/${webhookPath}`;
}

function expectSuccess(result: ExecuteResult): void {
	if (!result.ok) {
		throw new Error(
			`execution failed (exit ${result.status}): ${result.error?.message ?? ''}\n${result.output.slice(-3000)}`,
		);
	}
}

const sent = (request: KlinkMockRequest) => ({
	method: request.method,
	path: request.path,
	body: request.body,
});

/**
 * The saved executions of a workflow, read from n8n's SQLite database with n8n's own Node,
 * sqlite3 and flatted (the run data is stored flatted-serialized). Read-only.
 */
async function savedExecutions(
	lib: N8nLib,
	installed: InstalledN8n,
	userFolder: string,
	workflowId: string,
): Promise<
	Array<{ id: string; status: string; mode: string; runData: Record<string, unknown[]> }>
> {
	const modules = path.join(installed.dir, 'node_modules');
	const script = `
		const sqlite3 = require(${JSON.stringify(path.join(modules, 'sqlite3'))});
		const { parse } = require(${JSON.stringify(path.join(modules, 'flatted'))});
		const db = new sqlite3.Database(${JSON.stringify(path.join(userFolder, '.n8n', 'database.sqlite'))}, sqlite3.OPEN_READONLY);
		db.all(
			'SELECT e.id, e.status, e.mode, d.data FROM execution_entity e JOIN execution_data d ON d.executionId = e.id WHERE e.workflowId = ? ORDER BY e.id',
			[${JSON.stringify(workflowId)}],
			(error, rows) => {
				if (error) { console.error(error.message); process.exit(1); }
				process.stdout.write(JSON.stringify(rows.map((row) => ({
					id: String(row.id), status: row.status, mode: row.mode,
					runData: parse(row.data).resultData?.runData ?? {},
				}))));
				db.close();
			},
		);`;
	const { runAsync } = lib as unknown as {
		runAsync(
			command: string,
			args: string[],
			options: { env: Record<string, string> },
		): Promise<{ status: number; stdout: string; stderr: string }>;
	};
	const result = await runAsync(installed.node, ['-e', script], { env: installed.env });
	if (result.status !== 0) throw new Error(`reading the executions failed: ${result.stderr}`);
	return JSON.parse(result.stdout);
}

function outputOf(
	runData: Record<string, unknown[]>,
	nodeName: string,
): Array<Record<string, unknown>> {
	const task = runData[nodeName]?.[0] as
		| { data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }
		| undefined;
	return (task?.data?.main?.[0] ?? []).map((item) => item.json);
}

let tarball: string | undefined;

describeE2E('gateway example workflows in real n8n', () => {
	// Both versions, like the LINE examples: one install, import and server start per version.
	describe.each(declaredVersions())('n8n %s', (version) => {
		let lib: N8nLib;
		let installed: InstalledN8n;
		let userFolder: string;
		let n8n: N8nInstance;
		let konnek: MockKonnek;
		let infobip: MockInfobip;
		let klink: MockKlink;

		beforeAll(async () => {
			lib = await loadN8nLib();
			let start = Date.now();
			installed = await lib.ensureN8n(version);
			report(`n8n ${version} ready in ${since(start)} (${installed.node})`);
			start = Date.now();
			// Built and packed once for every version of this file.
			tarball ??= lib.packPackage({ build: process.env.E2E_BUILD !== '0' });
			[konnek, infobip, klink] = await Promise.all([
				startMockKonnek(),
				startMockInfobip(),
				startMockKlink(),
			]);
			const port = await lib.freePort();
			userFolder = tempFolder(`gateways-e2e-${version}-`);
			n8n = lib.n8nInstance(installed, { userFolder, port, brokerPort: port + 1 });
			lib.installInto(userFolder, tarball);
			await n8n.importCredentials(
				gatewayCredentials({
					konnek: { url: konnek.url, clientId: CLIENT_ID, username: USERNAME, password: PASSWORD },
					infobip: { url: infobip.url, apiKey: API_KEY },
					klink: { url: klink.url, apiToken: KLINK_TOKEN, webhookSigningSecret: KLINK_SECRET },
				}),
			);
			for (const workflow of [KONNEK, INFOBIP, KLINK]) await n8n.importWorkflow(workflow.file);
			report(`n8n ${version}: package installed, gateway examples imported in ${since(start)}`);
		}, INSTALL_TIMEOUT_MS);

		afterAll(async () => {
			await Promise.all([konnek?.close(), infobip?.close(), klink?.close()]);
		});

		beforeEach(() => {
			konnek?.reset();
			infobip?.reset();
			klink?.reset();
		});
		afterEach(() => {
			// Every request the nodes sent must have the documented shape.
			expect(konnek.invalidRequests().map((request) => request.problems)).toEqual([]);
			expect(infobip.invalidRequests().map((request) => request.problems)).toEqual([]);
			expect(klink.invalidRequests().map((request) => request.problems)).toEqual([]);
		});

		async function run(id: string): Promise<ExecuteResult> {
			const start = Date.now();
			const result = await n8n.execute(id);
			report(`n8n ${version}: ${id} ran in ${since(start)}`);
			expectSuccess(result);
			return result;
		}

		test('Konnek: the order update is sent as a button message', async () => {
			const result = await run(KONNEK.id);

			expect(konnek.requests).toHaveLength(1);
			const [request] = konnek.requests;
			expect(request.method).toBe('POST');
			expect(request.path).toBe(`/line/send/${CLIENT_ID}`);
			expect(request.headers['auth-username']).toBe(USERNAME);
			expect(request.body).toMatchObject({
				type: 'button',
				body: {
					text: 'Your order 1234 has shipped and arrives on Friday.',
					button: [
						{ key: 'track-1234', title: 'Track parcel' },
						{ key: 'help-1234', title: 'Talk to us' },
					],
				},
				header: { type: 'text', text: 'Order 1234' },
				footer: { title: 'Shop', text: 'Thank you for your order' },
			});
			const messageId = (request.body as { id: string }).id;
			expect(messageId).toMatch(/^order-1234-shipped-\d{14}$/);
			const items = lib.nodeItems(result.runData, 'Send Order Update') ?? [];
			expect(items).toEqual([expect.objectContaining({ statusName: 'Pending' })]);
			expect(JSON.stringify(items[0])).toContain(messageId);
		}, 120_000);

		test('Infobip: the notification is sent to both numbers with its bulk ID and report URL', async () => {
			const result = await run(INFOBIP.id);

			const sends = infobip.requests.filter((request) => request.path === '/line/1/messages');
			expect(sends.map((request) => request.method)).toEqual(['POST']);
			expect(sends[0].headers.authorization).toBe(`App ${API_KEY}`);
			const body = sends[0].body as {
				messages: Array<{
					sender: string;
					destinations: Array<{ to: string }>;
					webhooks: Record<string, unknown>;
				}>;
				options: { schedule: { bulkId: string } };
			};
			expect(body.options.schedule.bulkId).toMatch(/^order-1234-\d{14}$/);
			expect(body.messages).toHaveLength(1);
			expect(body.messages[0].sender).toBe('OFFICIAL-ACCOUNT-ID-123');
			expect(body.messages[0].destinations.map((destination) => destination.to)).toEqual([
				'66855538125',
				'66855538126',
			]);
			expect(body.messages[0].webhooks).toMatchObject({
				delivery: { url: expect.stringContaining('/delivery-reports?token=') },
				callbackData: 'order=1234',
			});
			const items = lib.nodeItems(result.runData, 'Send LINE Notification') ?? [];
			expect(items.map((item) => item.destination)).toEqual(['66855538125', '66855538126']);
			expect(items.every((item) => item.bulkId === body.options.schedule.bulkId)).toBe(true);
		}, 120_000);

		describe('with the n8n server running', () => {
			let server: N8nServer | undefined;

			beforeAll(async () => {
				const start = Date.now();
				await n8n.publish(KLINK.id);
				await n8n.publish(INFOBIP.id);
				server = await n8n.startServer();
				report(`n8n ${version}: server ready in ${since(start)}`);
			}, 300_000);

			afterAll(async () => {
				await server?.stop();
				await n8n?.unpublish(KLINK.id);
				await n8n?.unpublish(INFOBIP.id);
			}, 120_000);

			/** POSTs until n8n serves the webhook (404 while it registers it). */
			async function post(url: string, body: string, headers: Record<string, string> = {}) {
				return await eventually(
					async () => {
						const response = await fetch(url, {
							method: 'POST',
							headers: { 'content-type': 'application/json', ...headers },
							body,
						});
						await response.arrayBuffer();
						return response.status === 404 ? undefined : response.status;
					},
					{ timeoutMs: 90_000, intervalMs: 500, what: `${url} to be registered` },
				);
			}

			test('klink.cloud: a signed contact.create gets the contact tagged and welcomed', async () => {
				const url = webhookUrl(KLINK, 'klink.cloud Trigger', 'webhook', n8n.baseUrl);
				const body = JSON.stringify({
					event: 'contact.create',
					timestamp: '2025-06-01T08:30:00.000Z',
					data: { id: CONTACT_ID, name: 'Somchai Jaidee', platformContacts: [] },
				});

				// Unsigned or wrongly signed: refused, nothing reaches klink.cloud.
				expect(await post(url, body)).toBe(401);
				expect(await post(url, body, { 'x-signature': 'ab'.repeat(32) })).toBe(401);

				const start = Date.now();
				const signature = createHmac('sha256', KLINK_SECRET).update(body).digest('hex');
				expect(await post(url, body, { 'x-signature': signature })).toBe(200);
				await eventually(() => (klink.requests.length >= 2 ? true : undefined), {
					what: 'the tag and welcome requests at the klink.cloud mock',
				});
				report(`n8n ${version}: klink.cloud follow-ups after ${since(start)}`);
				expect(klink.requests.map(sent)).toMatchObject([
					{
						method: 'PATCH',
						path: `/api/v1/contacts/${CONTACT_ID}/tags`,
						body: { actionType: 'MERGE', tags: ['welcome'] },
					},
					{
						method: 'POST',
						path: '/api/v1/messages/send',
						body: {
							contactId: CONTACT_ID,
							messageType: 'text',
							message: 'Welcome, Somchai Jaidee! Reply here any time and our team will answer.',
						},
					},
				]);
				expect(klink.requests.map((request) => request.headers.authorization)).toEqual([
					`Bearer ${KLINK_TOKEN}`,
					`Bearer ${KLINK_TOKEN}`,
				]);
			}, 180_000);

			test('Infobip: failed delivery reports reach the follow-up, only with the token', async () => {
				const trigger = nodeOf(INFOBIP, 'Infobip LINE Trigger');
				const secret = String(trigger.parameters.secret);
				const url = webhookUrl(INFOBIP, 'Infobip LINE Trigger', 'delivery-reports', n8n.baseUrl);
				const body = JSON.stringify({
					results: [
						deliveryReport({ messageId: 'e2e-delivered' }),
						deliveryReport({
							messageId: 'e2e-expired',
							status: { groupId: 4, groupName: 'EXPIRED', id: 15, name: 'EXPIRED_EXPIRED' },
						}),
					],
				});

				// The example protects its URL with ?token=<secret>.
				expect(await post(url, body)).toBe(401);
				expect(await post(`${url}?token=wrong`, body)).toBe(401);

				const start = Date.now();
				expect(await post(`${url}?token=${encodeURIComponent(secret)}`, body)).toBe(200);
				// The follow-up is a No Op: what it got is in the execution n8n saved.
				const execution = await eventually(
					async () =>
						(await savedExecutions(lib, installed, userFolder, INFOBIP.id)).find(
							(entry) => entry.mode === 'webhook' && entry.status === 'success',
						),
					{ what: 'the saved webhook execution of the Infobip example' },
				);
				report(`n8n ${version}: Infobip follow-up after ${since(start)}`);
				const followUp = outputOf(execution.runData, 'Follow Up Failed Deliveries');
				expect(followUp.map((item) => item.messageId)).toEqual(['e2e-expired']);
				expect(followUp[0]).toMatchObject({ to: '66855538125' });
				// Reports are only received: nothing is sent to Infobip.
				expect(infobip.requests).toEqual([]);
			}, 180_000);
		});
	});
});
