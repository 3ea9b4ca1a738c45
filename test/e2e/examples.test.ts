import type { BotEntry, ChatEntry, NoteEntry, Sandbox } from '../../sandbox';
import { SANDBOX_GROUP, SANDBOX_USERS, startSandbox } from '../../sandbox';
import {
	declaredVersions,
	describeE2E,
	eventually,
	EXAMPLES_DIR,
	example,
	INSTALL_TIMEOUT_MS,
	loadN8nLib,
	nodeOf,
	report,
	since,
	tempFolder,
	triggerUrl,
	type ExecuteResult,
	type N8nInstance,
	type N8nLib,
	type N8nServer,
} from './support';

/**
 * Every example workflow, imported into a real n8n (each version of N8N_VERSIONS) with this
 * package installed as n8n's installer would, run against the LINE sandbox; the tests check
 * what reached the sandbox's chats.
 */

const [AIKO, BEN, CHAI] = SANDBOX_USERS.map((user) => user.userId);

const ECHO = example('echo-bot.json');
const ALERT = example('group-alert.json');
const CAMPAIGN = example('campaign-multicast.json');
const BROADCAST = example('broadcast.json');
const NARROWCAST = example('narrowcast.json');
const QUOTA = example('quota-report.json');
const LOADING = example('loading-animation.json');
const CAROUSEL = example('product-carousel.json');
const REMINDER = example('appointment-reminder.json');
const ON_CALL = example('on-call-alert.json');

const botEntries = (entries: ChatEntry[]): BotEntry[] =>
	entries.filter((entry): entry is BotEntry => entry.from === 'bot');
const texts = (entries: ChatEntry[]): string[] =>
	botEntries(entries).map((entry) => String(entry.message.text ?? `[${entry.message.type}]`));

function expectSuccess(result: ExecuteResult): void {
	if (!result.ok) {
		throw new Error(
			`execution failed (exit ${result.status}): ${result.error?.message ?? ''}\n${result.output.slice(-3000)}`,
		);
	}
}

describeE2E('example workflows in real n8n', () => {
	describe.each(declaredVersions())('n8n %s', (version) => {
		let lib: N8nLib;
		let sandbox: Sandbox;
		let n8n: N8nInstance;
		let server: N8nServer | undefined;

		beforeAll(async () => {
			lib = await loadN8nLib();
			let start = Date.now();
			const installed = await lib.ensureN8n(version);
			report(`n8n ${version} ready in ${since(start)} (${installed.node})`);
			start = Date.now();
			const tarball = lib.packPackage({ build: process.env.E2E_BUILD !== '0' });
			sandbox = await startSandbox();
			const port = await lib.freePort();
			const userFolder = tempFolder(`line-e2e-${version}-`);
			n8n = lib.n8nInstance(installed, { userFolder, port, brokerPort: port + 1 });
			lib.installInto(userFolder, tarball);
			await n8n.importCredentials(lib.lineCredentials(sandbox.channel, sandbox.url));
			const ids = await n8n.importWorkflows(EXAMPLES_DIR);
			report(
				`n8n ${version}: package installed, ${ids.length} examples imported in ${since(start)}`,
			);
		}, INSTALL_TIMEOUT_MS);

		afterAll(async () => {
			await server?.stop();
			await sandbox?.close();
		});

		beforeEach(() => sandbox?.reset());
		afterEach(() => {
			// Every request the nodes sent must follow LINE's OpenAPI documents.
			expect(sandbox.invalidRequests().map((request) => [request.url, request.problems])).toEqual(
				[],
			);
		});

		async function run(id: string): Promise<ExecuteResult> {
			const start = Date.now();
			const result = await n8n.execute(id);
			report(`n8n ${version}: ${id} ran in ${since(start)}`);
			expectSuccess(result);
			return result;
		}

		test('group alert: the alert is pushed into the group chat', async () => {
			const result = await run(ALERT.id);

			const pushed = botEntries(sandbox.conversation(SANDBOX_GROUP.id));
			expect(pushed).toHaveLength(1);
			expect(pushed[0].via).toBe('push');
			expect(pushed[0].message).toEqual({
				type: 'text',
				text: '🚨 CRITICAL — checkout-api\nError rate above 5% for 10 minutes',
			});
			expect(nodeOf(ALERT, 'Push to Group').parameters.to).toBe(SANDBOX_GROUP.id);
			const [output] = lib.nodeItems(result.runData, 'Push to Group') ?? [];
			expect(output).toMatchObject({ to: SANDBOX_GROUP.id, sentMessages: [expect.any(Object)] });
		}, 120_000);

		test('campaign: one multicast reaches every listed user once', async () => {
			const result = await run(CAMPAIGN.id);

			const multicasts = sandbox.requests.filter((request) => request.operationId === 'multicast');
			expect(multicasts).toHaveLength(1);
			expect((multicasts[0].body as { to: string[] }).to.sort()).toEqual([AIKO, BEN, CHAI].sort());
			expect(multicasts[0].headers['x-line-retry-key']).toMatch(/^[0-9a-f-]{36}$/);
			for (const user of [AIKO, BEN, CHAI]) {
				expect(texts(sandbox.conversation(user))).toEqual([
					'Spring sale: 20% off everything until Sunday 🌸',
					'[sticker]',
				]);
			}
			// One output item per input item (Aiko is listed twice), each with its own recipient and
			// the request that covered it.
			const outputs = lib.nodeItems(result.runData, 'Send Multicast') ?? [];
			expect(outputs.map((output) => output.recipients)).toEqual([[AIKO], [BEN], [CHAI], [AIKO]]);
			for (const output of outputs) {
				expect(output).toMatchObject({
					recipientCount: 1,
					retryKey: multicasts[0].headers['x-line-retry-key'],
				});
			}
		}, 120_000);

		test('broadcast: every friend gets the message, without notification', async () => {
			await run(BROADCAST.id);

			const [request] = sandbox.requests.filter((entry) => entry.operationId === 'broadcast');
			expect(request.body).toMatchObject({ notificationDisabled: true });
			for (const user of [AIKO, BEN, CHAI]) {
				const entries = botEntries(sandbox.conversation(user));
				expect(entries.map((entry) => [entry.via, entry.message.text])).toEqual([
					['broadcast', '📣 We are open on Sunday this week, 10:00–16:00.'],
				]);
			}
			expect(botEntries(sandbox.conversation(SANDBOX_GROUP.id))).toEqual([]);
		}, 120_000);

		test('narrowcast: sent with its filter and limit, then its progress is read', async () => {
			const result = await run(NARROWCAST.id);

			const [request] = sandbox.requests.filter((entry) => entry.operationId === 'narrowcast');
			expect(request.body).toMatchObject({
				filter: { demographic: { type: 'age', gte: 'age_20', lt: 'age_40' } },
				limit: { max: 100 },
			});
			const [sent] = lib.nodeItems(result.runData, 'Send Narrowcast') ?? [];
			const [progress] = lib.nodeItems(result.runData, 'Get Narrowcast Progress') ?? [];
			expect(sent.requestId).toBe(request.requestId);
			expect(progress).toMatchObject({ phase: 'succeeded', targetCount: SANDBOX_USERS.length });
			const progressRequest = sandbox.requests.find(
				(entry) => entry.operationId === 'getNarrowcastProgress',
			);
			expect(progressRequest?.query.requestId).toBe(request.requestId);
		}, 120_000);

		test('quota report: quota, consumption and sent counts pushed to the admin', async () => {
			const result = await run(QUOTA.id);

			// The channel ID and secret credential: a token first, then the calls with it.
			const tokenRequests = sandbox.requests.filter((entry) => entry.path === '/oauth2/v3/token');
			expect(tokenRequests.length).toBeGreaterThanOrEqual(1);
			const delivery = sandbox.requests.filter((entry) =>
				entry.path.startsWith('/v2/bot/message/delivery/'),
			);
			expect(delivery.map((entry) => entry.path).sort()).toEqual(
				['broadcast', 'multicast', 'push', 'reply'].map(
					(kind) => `/v2/bot/message/delivery/${kind}`,
				),
			);
			const [report] = lib.nodeItems(result.runData, 'Report') ?? [];
			expect(report).toMatchObject({ limit: expect.any(Number), used: expect.any(Number) });
			const pushed = botEntries(sandbox.conversation(AIKO));
			expect(pushed).toHaveLength(1);
			expect(pushed[0].message.text).toMatch(/^LINE quota report\nUsed this month: \d+ of \d+/);
			expect(pushed[0].message.text).toContain('push');
		}, 120_000);

		test('product carousel: 12 rows become one push of two carousels, 10 and 2 columns', async () => {
			const result = await run(CAROUSEL.id);

			const pushes = sandbox.requests.filter((entry) => entry.operationId === 'pushMessage');
			expect(pushes).toHaveLength(1);
			const pushed = botEntries(sandbox.conversation(AIKO));
			expect(pushed.map((entry) => entry.message.type)).toEqual(['template', 'template']);
			const columns = pushed.map(
				(entry) => (entry.message.template as { columns: Array<Record<string, unknown>> }).columns,
			);
			expect(columns.map((list) => list.length)).toEqual([10, 2]);
			expect(columns[0][0]).toEqual({
				thumbnailImageUrl: 'https://shop.example.com/img/jasmine-tea.jpg',
				title: 'Jasmine tea',
				text: '฿240',
				actions: [
					{ type: 'uri', label: 'View', uri: 'https://shop.example.com/p/jasmine-tea' },
					{
						type: 'postback',
						label: 'Buy',
						data: 'buy=Jasmine tea',
						displayText: "I'd like Jasmine tea",
					},
				],
			});
			expect(columns[1].map((column) => column.title)).toEqual(['Chamomile', 'Hojicha']);
			// One output item per product, each paired with its row and the push that carried it.
			const outputs = lib.nodeItems(result.runData, 'Send Carousel') ?? [];
			expect(outputs).toHaveLength(12);
			expect(new Set(outputs.map((output) => output.requestId)).size).toBe(1);
		}, 120_000);

		test('appointment reminder: a confirm template whose buttons post back the answer', async () => {
			await run(REMINDER.id);

			const [pushed] = botEntries(sandbox.conversation(BEN));
			expect(pushed.message).toEqual({
				type: 'template',
				altText: 'Reminder: your appointment on Tuesday 14:00',
				template: {
					type: 'confirm',
					text: 'Hi Ben, see you on Tuesday 14:00. Can you come?',
					actions: [
						{
							type: 'postback',
							label: 'Confirm',
							data: 'appointment=A-1042&answer=confirm',
							displayText: "I'll be there",
						},
						{
							type: 'postback',
							label: 'Reschedule',
							data: 'appointment=A-1042&answer=reschedule',
							displayText: 'I need another time',
						},
					],
				},
			});
		}, 120_000);

		test('on-call alert: the group gets the alert with an @mention of the on-call person', async () => {
			await run(ON_CALL.id);

			const [pushed] = botEntries(sandbox.conversation(SANDBOX_GROUP.id));
			expect(pushed.message).toEqual({
				type: 'textV2',
				text: '{oncall} 🚨 CRITICAL — payments-api\nCard payments failing for 5 minutes\nPlease acknowledge.',
				substitution: { oncall: { type: 'mention', mentionee: { type: 'user', userId: AIKO } } },
			});
		}, 120_000);

		describe('with the n8n server running', () => {
			let published: string | undefined;

			afterEach(async () => {
				await server?.stop();
				server = undefined;
				// One webhook URL per channel: only one trigger workflow may be active at a time.
				if (published) await n8n.unpublish(published);
				published = undefined;
			});

			async function serve(id: string): Promise<void> {
				const start = Date.now();
				await n8n.publish(id);
				published = id;
				server = await n8n.startServer();
				report(`n8n ${version}: server ready in ${since(start)}`);
			}

			/** The trigger registered its URL with the sandbox on activation, and n8n serves it. */
			async function expectRegistered(url: string): Promise<void> {
				await eventually(() => (sandbox.webhookUrl === url ? true : undefined), {
					what: `the sandbox's webhook URL to become ${url} (it is ${sandbox.webhookUrl})`,
				});
				expect(await lib.waitForWebhook(url)).toBe(401);
			}

			test('echo bot: a user message gets the same text as a reply', async () => {
				await serve(ECHO.id);
				const url = triggerUrl(ECHO, n8n.baseUrl);
				await expectRegistered(url);

				const start = Date.now();
				const text = 'Hello 👋 สวัสดี こんにちは';
				const said = await sandbox.sendText(BEN, text);
				expect(said.delivery.ok).toBe(true);
				const reply = await eventually(
					() => botEntries(sandbox.conversation(BEN)).find((entry) => entry.via === 'reply'),
					{ what: 'the echo reply in the chat' },
				);
				report(`n8n ${version}: echo reply after ${since(start)}`);
				expect(reply.message).toEqual({ type: 'text', text });
				const [replyRequest] = sandbox.requests.filter(
					(entry) => entry.operationId === 'replyMessage',
				);
				expect((replyRequest.body as { replyToken: string }).replyToken).toBe(said.replyToken);
			}, 180_000);

			test('loading animation: shown while the slow step runs, then the reply', async () => {
				await serve(LOADING.id);
				await expectRegistered(triggerUrl(LOADING, n8n.baseUrl));

				const start = Date.now();
				await sandbox.sendText(AIKO, 'plan my weekend');
				const reply = await eventually(
					() => botEntries(sandbox.conversation(AIKO)).find((entry) => entry.via === 'reply'),
					{ what: 'the reply after the slow step' },
				);
				report(`n8n ${version}: reply after the slow step after ${since(start)}`);
				expect(reply.message.text).toBe('Done thinking about "plan my weekend" ✅');
				const entries = sandbox.conversation(AIKO);
				const loading = entries.find(
					(entry): entry is NoteEntry => entry.from === 'system' && Boolean(entry.loadingUntil),
				);
				expect(loading?.text).toBe('Loading animation (20 s)');
				// Shown before the reply, which came at least the slow step's 3 s later.
				expect(loading!.seq).toBeLessThan(reply.seq);
				expect(Date.parse(reply.at) - Date.parse(loading!.at)).toBeGreaterThanOrEqual(2900);
			}, 180_000);
		});
	});
});
