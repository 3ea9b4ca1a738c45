import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { Sandbox } from '../../sandbox';
import { startSandbox } from '../../sandbox';
import {
	describeE2E,
	eventually,
	example,
	INSTALL_TIMEOUT_MS,
	loadN8nLib,
	REPO_ROOT,
	report,
	since,
	tempFolder,
	triggerUrl,
	type InstalledN8n,
	type N8nInstance,
	type N8nLib,
	type N8nServer,
} from './support';

/**
 * The package in n8n's queue mode (the pinned n8n): PostgreSQL and Redis of their own, n8n main,
 * two workers and a webhook processor, started by scripts/queue.mjs as `npm start -- --queue`
 * does, against the LINE sandbox.
 */

interface Queue {
	main: { port: number; server: N8nServer };
	mainInstance: N8nInstance;
	workers: Array<{ index: number; port: number; server: N8nServer & { logFile: string } }>;
	webhook: { port: number; url: string; server: N8nServer & { logFile: string } };
	postgres: { port: number; sql(statement: string): string };
	env: Record<string, string>;
	stop(): Promise<void>;
}

interface QueueLib {
	startQueue(options: {
		installed: InstalledN8n;
		n8nInstance: N8nLib['n8nInstance'];
		root: string;
		tarball: string;
		workers?: number;
		workerConcurrency?: number;
		env?: Record<string, string>;
		prepare?: (main: N8nInstance) => Promise<void>;
	}): Promise<Queue>;
}

const importModule = new Function('specifier', 'return import(specifier)') as (
	specifier: string,
) => Promise<unknown>;

const ECHO = example('echo-bot.json');
const CAMPAIGN_SIZE = 10_000;
const CAMPAIGN_PATH = 'queue-campaign';

/** Credentials of the examples (LINE Sandbox) pointed at another sandbox, under IDs of their own. */
const LIMITED_CREDENTIALS = {
	token: { id: 'lineLimitedToken', name: 'LINE Sandbox with limits (token)' },
	idSecret: { id: 'lineLimitedIdSec', name: 'LINE Sandbox with limits (channel ID and secret)' },
};

type CredentialRef = { type: string; id: string; name: string };
const SANDBOX_TOKEN: CredentialRef = {
	type: 'lineConnectorChannelAccessTokenApi',
	id: 'lineSandboxToken',
	name: 'LINE Sandbox (token)',
};

/**
 * Webhook at `path` → Code (`size` recipients) → Send Push with `credential`: a campaign that runs
 * on a worker. The body's `run` names the campaign: it is in every text and in the Retry Key.
 */
function campaignWorkflow(id: string, path: string, size: number, credential: CredentialRef) {
	return {
		id,
		name: `Queue: campaign of pushes (${path})`,
		active: false,
		nodes: [
			{
				id: `${id}-1`,
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${id}-webhook`,
				parameters: { httpMethod: 'POST', path, options: {} },
			},
			{
				id: `${id}-2`,
				name: 'Recipients',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: {
					jsCode: `const run = $input.first().json.body.run;\nconst items = [];\nfor (let i = 0; i < ${size}; i++) {\n\titems.push({ json: { userId: 'U' + (0x10000000 + i).toString(16).padStart(32, 'c'), n: i, run } });\n}\nreturn items;`,
				},
			},
			{
				id: `${id}-3`,
				name: 'Send Push',
				type: 'n8n-nodes-line-connector.lineMessaging',
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					resource: 'message',
					operation: 'sendPush',
					...(credential.type === 'lineConnectorChannelIdSecretApi'
						? { authentication: 'channelIdSecret' }
						: {}),
					to: '={{ $json.userId }}',
					messages: {
						message: [{ type: 'text', text: '=Campaign {{ $json.run }} #{{ $json.n }}' }],
					},
					// What names each send: running the campaign again sends only what LINE has not accepted.
					options: { retryKey: '=campaign-{{ $json.run }}/{{ $json.userId }}' },
				},
				credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Recipients', type: 'main', index: 0 }]] },
			Recipients: { main: [[{ node: 'Send Push', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

const CAMPAIGN = campaignWorkflow('queueCampaign', CAMPAIGN_PATH, CAMPAIGN_SIZE, SANDBOX_TOKEN);

/** Pushes per run of the campaigns against the sandbox with limits. */
const LIMITED_SIZE = 600;
const LIMITED_RATE = 100;
const LIMITED_TOKEN_TTL_MS = 3000;
const RATE_LIMITED_CAMPAIGN = campaignWorkflow(
	'queueRateLimited',
	'queue-rate-limited',
	LIMITED_SIZE,
	{ type: 'lineConnectorChannelAccessTokenApi', ...LIMITED_CREDENTIALS.token },
);
const RENEWING_CAMPAIGN = campaignWorkflow('queueRenewing', 'queue-renewing', LIMITED_SIZE, {
	type: 'lineConnectorChannelIdSecretApi',
	...LIMITED_CREDENTIALS.idSecret,
});

/**
 * LINE Trigger (Download Content, at the webhook processor) → hash of that file → Get Message
 * Content (on a worker) → hash of that file → reply with both hashes: files cross processes.
 */
const CONTENT = {
	id: 'queueContent',
	name: 'Queue: content downloads',
	active: false,
	nodes: [
		{
			id: 'content-1',
			name: 'LINE Trigger',
			type: 'n8n-nodes-line-connector.lineTrigger',
			typeVersion: 2,
			position: [0, 0],
			webhookId: '6f0b7d7e-3c1a-4b59-9a55-5d0f8c4e2b61',
			parameters: {
				authentication: 'channelAccessToken',
				registerWebhook: true,
				onDeactivation: 'leave',
				eventTypes: ['message'],
				messageTypes: ['image'],
				options: { downloadContent: true, binaryPropertyName: 'fromTrigger' },
			},
			credentials: {
				lineConnectorChannelAccessTokenApi: {
					id: LIMITED_CREDENTIALS.token.id,
					name: LIMITED_CREDENTIALS.token.name,
				},
			},
		},
		{
			id: 'content-2',
			name: 'Hash Trigger File',
			type: 'n8n-nodes-base.crypto',
			typeVersion: 2,
			position: [220, 0],
			parameters: {
				action: 'hash',
				binaryData: true,
				binaryPropertyName: 'fromTrigger',
				type: 'SHA256',
				encoding: 'hex',
				dataPropertyName: 'triggerSha256',
			},
		},
		{
			id: 'content-3',
			name: 'Get Message Content',
			type: 'n8n-nodes-line-connector.lineMessaging',
			typeVersion: 1,
			position: [440, 0],
			parameters: {
				resource: 'content',
				operation: 'getMessageContent',
				messageId: '={{ $json.messageId }}',
				waitForTranscoding: 0,
				binaryPropertyName: 'fromNode',
			},
			credentials: {
				lineConnectorChannelAccessTokenApi: {
					id: LIMITED_CREDENTIALS.token.id,
					name: LIMITED_CREDENTIALS.token.name,
				},
			},
		},
		{
			id: 'content-4',
			name: 'Hash Downloaded File',
			type: 'n8n-nodes-base.crypto',
			typeVersion: 2,
			position: [660, 0],
			parameters: {
				action: 'hash',
				binaryData: true,
				binaryPropertyName: 'fromNode',
				type: 'SHA256',
				encoding: 'hex',
				dataPropertyName: 'nodeSha256',
			},
		},
		{
			id: 'content-5',
			name: 'Reply',
			type: 'n8n-nodes-line-connector.lineMessaging',
			typeVersion: 1,
			position: [880, 0],
			parameters: {
				resource: 'message',
				operation: 'sendReply',
				replyToken: "={{ $('LINE Trigger').item.json.replyToken }}",
				messages: {
					message: [
						{
							type: 'text',
							text: "=trigger {{ $('Hash Trigger File').item.json.triggerSha256 }} node {{ $json.nodeSha256 }}",
						},
					],
				},
				options: {},
			},
			credentials: {
				lineConnectorChannelAccessTokenApi: {
					id: LIMITED_CREDENTIALS.token.id,
					name: LIMITED_CREDENTIALS.token.name,
				},
			},
		},
	],
	connections: {
		'LINE Trigger': { main: [[{ node: 'Hash Trigger File', type: 'main', index: 0 }]] },
		'Hash Trigger File': { main: [[{ node: 'Get Message Content', type: 'main', index: 0 }]] },
		'Get Message Content': { main: [[{ node: 'Hash Downloaded File', type: 'main', index: 0 }]] },
		'Hash Downloaded File': { main: [[{ node: 'Reply', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
};

/** A LINE user ID of the sandbox's kind for test user `n`. */
const userId = (n: number) => `U${(0xa0000000 + n).toString(16).padStart(32, 'e')}`;

/** Executions started by each worker, from its log ("Worker started execution N"). */
function executionsByWorker(queue: Queue): Map<number, Set<string>> {
	const result = new Map<number, Set<string>>();
	for (const worker of queue.workers) {
		const log = fs.readFileSync(worker.server.logFile, 'utf8');
		result.set(
			worker.index,
			new Set([...log.matchAll(/Worker started execution (\d+)/g)].map((match) => match[1])),
		);
	}
	return result;
}

const executionCount = (queue: Queue) =>
	Number(queue.postgres.sql('SELECT count(*) FROM execution_entity'));

describeE2E('queue mode: PostgreSQL, Redis, 2 workers and a webhook processor', () => {
	let lib: N8nLib;
	let sandbox: Sandbox;
	let queue: Queue;
	let echoUrl: string;
	let installed: InstalledN8n;
	let limited: Sandbox;

	beforeAll(async () => {
		lib = await loadN8nLib();
		const { startQueue } = (await importModule(
			path.join(REPO_ROOT, 'scripts', 'queue.mjs'),
		)) as QueueLib;
		const start = Date.now();
		installed = await lib.ensureN8n(lib.PINNED_N8N_VERSION);
		const tarball = lib.packPackage({ build: process.env.E2E_BUILD !== '0' });
		// 200 events at once wait their turn at the webhook processor, and their replies at the
		// workers: on a slow machine that may take longer than LINE's own limits, which are not
		// what these tests are about (exactly once is).
		sandbox = await startSandbox({ webhookTimeoutMs: 300_000, replyTokenTtlMs: 900_000 });
		// LINE with a rate limit two workers reach together, and channel tokens that expire within
		// a campaign.
		limited = await startSandbox({
			rateLimitPerSecond: LIMITED_RATE,
			tokenTtlMs: LIMITED_TOKEN_TTL_MS,
		});
		queue = await startQueue({
			installed,
			n8nInstance: lib.n8nInstance,
			root: tempFolder('line-e2e-queue-'),
			tarball,
			// One execution at a time per worker: two campaigns started one after the other run on
			// the two workers at once.
			workerConcurrency: 1,
			// A killed worker's job is given up after 10 s without its lock (n8n: 60 s), and main
			// looks for executions left running every minute (n8n: 3 hours), so the test need not
			// wait as long as n8n's defaults would.
			env: {
				QUEUE_WORKER_LOCK_DURATION: '10000',
				QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
				QUEUE_WORKER_STALLED_INTERVAL: '5000',
				N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1',
			},
			prepare: async (main) => {
				await main.importCredentials([
					...lib.lineCredentials(sandbox.channel, sandbox.url),
					...(lib.lineCredentials(limited.channel, limited.url) as Array<{ type: string }>).map(
						(credential) => ({
							...credential,
							...(credential.type === 'lineConnectorChannelIdSecretApi'
								? LIMITED_CREDENTIALS.idSecret
								: LIMITED_CREDENTIALS.token),
						}),
					),
				]);
				await main.importWorkflow(ECHO.file);
				for (const workflow of [CAMPAIGN, RATE_LIMITED_CAMPAIGN, RENEWING_CAMPAIGN, CONTENT]) {
					await main.importWorkflow(workflow);
					await main.publish(workflow.id);
				}
				await main.publish(ECHO.id);
			},
		});
		echoUrl = triggerUrl(ECHO, queue.webhook.url);
		report(
			`queue mode: n8n ${installed.version}, main + 2 workers + webhook processor up in ${since(start)}`,
		);
	}, INSTALL_TIMEOUT_MS);

	afterAll(async () => {
		await queue?.stop();
		await sandbox?.close();
		await limited?.close();
	});

	test("the LINE Trigger registers the webhook processor's URL with LINE once, and only the webhook processor serves it", async () => {
		await eventually(() => (sandbox.webhookUrl === echoUrl ? true : undefined), {
			what: `the sandbox's webhook URL to become ${echoUrl} (it is ${sandbox.webhookUrl})`,
		});
		expect(await lib.waitForWebhook(echoUrl)).toBe(401);
		const registrations = sandbox.requests.filter(
			(request) => request.method === 'PUT' && request.path === '/v2/bot/channel/webhook/endpoint',
		);
		expect(registrations).toHaveLength(1);
		// n8n main does not take production webhooks in this setup.
		const atMain = await fetch(triggerUrl(ECHO, queue.main.server.url), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{"destination":"x","events":[]}',
		});
		expect(atMain.status).toBe(404);
	}, 180_000);

	test('forged and unsigned requests are refused with 401 and start nothing; Verify answers 200', async () => {
		await lib.waitForWebhook(echoUrl);
		const before = executionCount(queue);
		const body = JSON.stringify({
			destination: sandbox.botUserId,
			events: [
				{
					type: 'message',
					mode: 'active',
					timestamp: Date.now(),
					webhookEventId: '01QUEUEFORGED0000000000000',
					deliveryContext: { isRedelivery: false },
					source: { type: 'user', userId: userId(0) },
					replyToken: crypto.randomBytes(16).toString('hex'),
					message: { id: '1', type: 'text', text: 'forged' },
				},
			],
		});
		const post = (payload: string, headers: Record<string, string>) =>
			fetch(echoUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body: payload,
			});
		const sign = (payload: string, secret: string) =>
			crypto.createHmac('sha256', secret).update(payload).digest('base64');
		expect((await post(body, {})).status).toBe(401);
		expect((await post(body, { 'x-line-signature': sign(body, 'not-the-secret') })).status).toBe(
			401,
		);
		const verify = JSON.stringify({ destination: sandbox.botUserId, events: [] });
		const verified = await post(verify, {
			'x-line-signature': sign(verify, sandbox.channel.secret),
		});
		expect(verified.status).toBe(200);

		// One real message afterwards: once its reply is there, every execution started by the
		// requests above would be in the database too.
		const said = await sandbox.sendText(userId(1), 'after the forged ones');
		expect(said.delivery.ok).toBe(true);
		await eventually(
			() =>
				sandbox.conversation(userId(1)).some((entry) => entry.from === 'bot') ? true : undefined,
			{ what: 'the echo reply' },
		);
		await eventually(() => (executionCount(queue) >= before + 1 ? true : undefined), {
			what: 'the execution of the real message in the database',
		});
		expect(executionCount(queue)).toBe(before + 1);
		expect(sandbox.requests.filter((r) => r.operationId === 'replyMessage')).toHaveLength(1);
	}, 180_000);

	test('200 user messages at once: 200 echo replies, each exactly once, run by both workers', async () => {
		await lib.waitForWebhook(echoUrl);
		sandbox.reset();
		const startedBefore = executionsByWorker(queue);
		const users = Array.from({ length: 200 }, (_, i) => userId(1000 + i));
		const start = Date.now();
		const said = await Promise.all(
			users.map((user, i) => sandbox.sendText(user, `message ${i} from ${user.slice(-6)}`)),
		);
		expect(said.filter((result) => !result.delivery.ok)).toEqual([]);
		await eventually(
			() =>
				sandbox.requests.filter((r) => r.operationId === 'replyMessage').length >= users.length
					? true
					: undefined,
			{ timeoutMs: 300_000, what: '200 echo replies' },
		);
		report(`queue mode: 200 messages answered in ${since(start)}`);
		for (const [i, user] of users.entries()) {
			const replies = sandbox
				.conversation(user)
				.filter((entry) => entry.from === 'bot' && entry.via === 'reply');
			expect(replies.map((entry) => entry.from === 'bot' && entry.message.text)).toEqual([
				`message ${i} from ${user.slice(-6)}`,
			]);
		}
		const replies = sandbox.requests.filter((r) => r.operationId === 'replyMessage');
		expect(replies).toHaveLength(users.length);
		expect(replies.every((r) => r.response.status === 200)).toBe(true);

		const startedAfter = executionsByWorker(queue);
		const newOn = (index: number) =>
			[...startedAfter.get(index)!].filter((id) => !startedBefore.get(index)!.has(id)).length;
		report(`queue mode: worker 1 ran ${newOn(1)}, worker 2 ran ${newOn(2)} of the 200`);
		expect(newOn(1)).toBeGreaterThan(0);
		expect(newOn(2)).toBeGreaterThan(0);
		expect(newOn(1) + newOn(2)).toBe(users.length);
	}, 420_000);

	test('a picture a user sends: the trigger at the webhook processor and Get Message Content on a worker both hand the workflow its exact bytes', async () => {
		const contentUrl = `${queue.webhook.url}/webhook/${CONTENT.nodes[0].webhookId}/webhook`;
		await eventually(() => (limited.webhookUrl === contentUrl ? true : undefined), {
			what: `the webhook URL of the sandbox with limits to become ${contentUrl} (it is ${limited.webhookUrl})`,
		});
		limited.reset();
		const user = userId(5000);
		const sent = await limited.sendImage(user);
		expect(sent.delivery.ok).toBe(true);
		const reply = await eventually(
			() => {
				const entry = limited.conversation(user).find((e) => e.from === 'bot');
				return entry && entry.from === 'bot' ? entry : undefined;
			},
			{ what: 'the reply with the hashes' },
		);
		const downloads = limited.requests.filter((r) => r.operationId === 'getMessageContent');
		// One download by the trigger at the webhook processor, one by the node on a worker.
		expect(downloads).toHaveLength(2);
		const bytes = downloads[0].response.body as Buffer;
		expect(Buffer.isBuffer(bytes)).toBe(true);
		expect((downloads[1].response.body as Buffer).equals(bytes)).toBe(true);
		const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
		expect(reply.message.text).toBe(`trigger ${sha256} node ${sha256}`);
		const [execution] = queue.postgres
			.sql(`SELECT id FROM execution_entity WHERE "workflowId" = '${CONTENT.id}'`)
			.split('\n')
			.filter(Boolean);
		expect([...executionsByWorker(queue)].some(([, ids]) => ids.has(execution))).toBe(true);
		report(
			`queue mode: a ${bytes.length}-byte picture reached the workflow intact through the webhook processor and a worker`,
		);
	}, 180_000);

	test(`a campaign of ${CAMPAIGN_SIZE.toLocaleString('en-US')} pushes in one execution on a worker: each message arrives once`, async () => {
		sandbox.reset();
		const start = Date.now();
		const started = await fetch(`${queue.webhook.url}/webhook/${CAMPAIGN_PATH}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ run: 'A' }),
		});
		expect(started.status).toBe(200);
		const pushes = () => sandbox.requests.filter((r) => r.operationId === 'pushMessage');
		const accepted = () => pushes().filter((r) => r.response.status === 200);
		await eventually(() => (accepted().length >= CAMPAIGN_SIZE ? true : undefined), {
			timeoutMs: 900_000,
			intervalMs: 1000,
			what: `${CAMPAIGN_SIZE} accepted pushes (so far ${accepted().length})`,
		});
		report(`queue mode: ${CAMPAIGN_SIZE} pushes accepted in ${since(start)}`);
		const texts = accepted().map(
			(r) => ((r.body as { messages: Array<{ text: string }> }).messages[0] ?? {}).text,
		);
		expect(new Set(texts).size).toBe(CAMPAIGN_SIZE);
		expect(texts.filter((text) => !/^Campaign A #\d+$/.test(text))).toEqual([]);
		expect(sandbox.invalidRequests()).toEqual([]);
		// Each push in its own chat, once.
		const chats = new Set(accepted().map((r) => (r.body as { to: string }).to));
		expect(chats.size).toBe(CAMPAIGN_SIZE);

		// One execution of the campaign, run by one worker, finished with success.
		const executions = queue.postgres
			.sql(`SELECT id FROM execution_entity WHERE "workflowId" = '${CAMPAIGN.id}'`)
			.split('\n')
			.filter(Boolean);
		expect(executions).toHaveLength(1);
		const ranOn = [...executionsByWorker(queue)].filter(([, ids]) => ids.has(executions[0]));
		expect(ranOn).toHaveLength(1);
		report(`queue mode: the campaign ran on worker ${ranOn[0][0]}`);
		await eventually(
			() =>
				queue.postgres.sql(`SELECT status FROM execution_entity WHERE id = ${executions[0]}`) ===
				'success'
					? true
					: undefined,
			{ timeoutMs: 120_000, what: `execution ${executions[0]} to finish with success` },
		);
	}, 1_200_000);

	/** The newest execution of `workflowId` after `afterId`, once a worker has started it. */
	const startedExecution = async (workflowId: string, afterId: number) => {
		const id = await eventually(
			() =>
				queue.postgres.sql(
					`SELECT id FROM execution_entity WHERE "workflowId" = '${workflowId}' AND id > ${afterId} ORDER BY id DESC LIMIT 1`,
				) || undefined,
			{ what: `an execution of ${workflowId}` },
		);
		const worker = await eventually(
			() => [...executionsByWorker(queue)].find(([, started]) => started.has(id))?.[0] ?? undefined,
			{ what: `a worker to start execution ${id}` },
		);
		return { id, worker };
	};

	/**
	 * Starts `workflow` (a campaign) once per run, each run after the previous one is running on a
	 * worker (a worker runs one execution at a time here, so the next goes to the other), and
	 * waits until all finished with success. The executions, with the worker each ran on.
	 */
	const runCampaignsTogether = async (
		workflow: { id: string; nodes: Array<{ parameters: { path?: string } }> },
		runs: string[],
	) => {
		const path = workflow.nodes[0].parameters.path;
		const executions: Array<{ run: string; id: string; worker: number }> = [];
		let after = Number(queue.postgres.sql('SELECT coalesce(max(id), 0) FROM execution_entity'));
		for (const run of runs) {
			const started = await fetch(`${queue.webhook.url}/webhook/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ run }),
			});
			expect(started.status).toBe(200);
			const execution = await startedExecution(workflow.id, after);
			executions.push({ run, ...execution });
			after = Number(execution.id);
		}
		for (const { id } of executions) {
			const status = await eventually(
				() => {
					const now = queue.postgres.sql(`SELECT status FROM execution_entity WHERE id = ${id}`);
					return now === 'running' || now === 'new' ? undefined : now;
				},
				{ timeoutMs: 600_000, intervalMs: 1000, what: `execution ${id} to finish` },
			);
			expect({ id, status }).toEqual({ id, status: 'success' });
		}
		return executions;
	};

	/** The sandbox with limits' push requests of campaign `run`, in the order they arrived. */
	const limitedPushes = (run: string) =>
		limited.requests.filter(
			(r) =>
				r.operationId === 'pushMessage' &&
				(r.body as { messages?: Array<{ text?: string }> }).messages?.[0]?.text?.startsWith(
					`Campaign ${run} #`,
				),
		);
	const textOf = (r: { body: unknown }) =>
		(r.body as { messages: Array<{ text: string }> }).messages[0].text;

	/** Each of `runs` delivered every message exactly once, and both ran at the same time. */
	const expectDeliveredOnceTogether = (runs: string[]) => {
		for (const run of runs) {
			const accepted = limitedPushes(run)
				.filter((r) => r.response.status === 200)
				.map(textOf);
			expect({ run, accepted: accepted.length, distinct: new Set(accepted).size }).toEqual({
				run,
				accepted: LIMITED_SIZE,
				distinct: LIMITED_SIZE,
			});
		}
		// The second run sent before the first one was through: the two workers sent together.
		const [first, second] = runs.map(limitedPushes);
		expect(second[0].receivedAt).toBeLessThan(first[first.length - 1].receivedAt);
		expect(limited.invalidRequests()).toEqual([]);
	};

	test(`LINE's rate limit (429) reached by two workers at once: every push delivered once`, async () => {
		limited.reset();
		const runs = ['R1', 'R2'];
		const start = Date.now();
		const executions = await runCampaignsTogether(RATE_LIMITED_CAMPAIGN, runs);
		expect(new Set(executions.map((execution) => execution.worker)).size).toBe(2);
		expectDeliveredOnceTogether(runs);
		const refused = runs.map(
			(run) => limitedPushes(run).filter((r) => r.response.status === 429).length,
		);
		report(
			`queue mode: 2 × ${LIMITED_SIZE} pushes at ${LIMITED_RATE}/s from workers ${executions.map((e) => e.worker).join(' and ')} in ${since(start)}; 429 answers: ${refused.join(' and ')}`,
		);
		// Both workers met the limit, and went on until LINE took every push.
		expect(refused[0]).toBeGreaterThan(0);
		expect(refused[1]).toBeGreaterThan(0);
	}, 1_200_000);

	test('channel ID and secret: tokens that expire while two workers send are renewed by each, nothing lost or sent twice', async () => {
		limited.reset();
		const runs = ['T1', 'T2'];
		const start = Date.now();
		const executions = await runCampaignsTogether(RENEWING_CAMPAIGN, runs);
		expect(new Set(executions.map((execution) => execution.worker)).size).toBe(2);
		expectDeliveredOnceTogether(runs);
		const issued = limited.requests.filter((r) => r.path === '/oauth2/v3/token');
		const unauthorized = runs.map(
			(run) => limitedPushes(run).filter((r) => r.response.status === 401).length,
		);
		report(
			`queue mode: 2 × ${LIMITED_SIZE} pushes with ${LIMITED_TOKEN_TTL_MS / 1000} s tokens in ${since(start)}: ${issued.length} tokens issued, 401 answers ${unauthorized.join(' and ')}`,
		);
		// Each worker saw its token expire and went on with a new one.
		expect(unauthorized[0]).toBeGreaterThan(0);
		expect(unauthorized[1]).toBeGreaterThan(0);
		expect(issued.every((r) => r.response.status === 200)).toBe(true);
		// A new token only when one was needed: the first, then one per refused push at most.
		expect(issued.length).toBeGreaterThan(2);
		expect(issued.length).toBeLessThanOrEqual(unauthorized[0] + unauthorized[1] + runs.length);
	}, 1_200_000);

	/** Pushes of campaign `run` the sandbox accepted (200), and those it answered 409. */
	const campaignPushes = (run: string) => {
		const ofRun = sandbox.requests.filter(
			(r) =>
				r.operationId === 'pushMessage' &&
				(r.body as { messages?: Array<{ text?: string }> }).messages?.[0]?.text?.startsWith(
					`Campaign ${run} #`,
				),
		);
		const textOf = (r: (typeof ofRun)[number]) =>
			(r.body as { messages: Array<{ text: string }> }).messages[0].text;
		return {
			accepted: ofRun.filter((r) => r.response.status === 200).map(textOf),
			conflicts: ofRun.filter((r) => r.response.status === 409).map(textOf),
		};
	};

	// Last: the killed worker is not started again.
	test(`a worker killed (SIGKILL) in the middle of a campaign: running it again sends the rest, nothing twice`, async () => {
		sandbox.reset();
		const started = await fetch(`${queue.webhook.url}/webhook/${CAMPAIGN_PATH}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ run: 'K' }),
		});
		expect(started.status).toBe(200);
		const execution = await eventually(
			() =>
				queue.postgres.sql(
					`SELECT id FROM execution_entity WHERE "workflowId" = '${CAMPAIGN.id}' AND status = 'running' ORDER BY id DESC LIMIT 1`,
				) || undefined,
			{ what: 'the campaign execution to run' },
		);
		const worker = await eventually(
			() =>
				queue.workers.find((candidate) =>
					executionsByWorker(queue).get(candidate.index)!.has(execution),
				),
			{ what: `a worker to start execution ${execution}` },
		);
		await eventually(() => (campaignPushes('K').accepted.length >= 2000 ? true : undefined), {
			timeoutMs: 300_000,
			what: '2,000 pushes of the campaign before the kill',
		});
		process.kill(-worker.server.pid, 'SIGKILL');
		const acceptedBeforeKill = campaignPushes('K').accepted.length;
		report(
			`queue mode: worker ${worker.index} (pid ${worker.server.pid}) killed after ${acceptedBeforeKill} of ${CAMPAIGN_SIZE} pushes of execution ${execution}`,
		);
		expect(acceptedBeforeKill).toBeLessThan(CAMPAIGN_SIZE);

		// n8n gives the job up and marks the execution as failed.
		const start = Date.now();
		const status = await eventually(
			() => {
				const now = queue.postgres.sql(
					`SELECT status FROM execution_entity WHERE id = ${execution}`,
				);
				return now === 'running' || now === 'new' ? undefined : now;
			},
			{
				timeoutMs: 600_000,
				intervalMs: 2000,
				what: `execution ${execution} to be marked as stopped`,
			},
		);
		report(`queue mode: execution ${execution} marked ${status} after ${since(start)}`);
		expect(['crashed', 'error']).toContain(status);
		const acceptedBeforeRerun = campaignPushes('K').accepted.length;

		// n8n 2.41.1 gives the job up ("failed to be processed too many times") and keeps nothing
		// of the run to resume, so the way on is to run the campaign again: a new execution whose
		// Retry Keys name the same sends.
		const again = await fetch(`${queue.webhook.url}/webhook/${CAMPAIGN_PATH}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ run: 'K' }),
		});
		expect(again.status).toBe(200);
		const rerun = await eventually(
			() =>
				queue.postgres.sql(
					`SELECT id FROM execution_entity WHERE "workflowId" = '${CAMPAIGN.id}' AND id > ${execution} ORDER BY id DESC LIMIT 1`,
				) || undefined,
			{ what: 'the second run of the campaign' },
		);
		await eventually(
			() =>
				queue.postgres.sql(`SELECT status FROM execution_entity WHERE id = ${rerun}`) === 'success'
					? true
					: undefined,
			{ timeoutMs: 600_000, intervalMs: 1000, what: `execution ${rerun} to finish with success` },
		);

		const { accepted, conflicts } = campaignPushes('K');
		report(
			`queue mode: after the second run ${accepted.length} pushes accepted, ${conflicts.length} recognised by their retry keys (409)`,
		);
		// Every message delivered, none twice: what had been accepted before the second run came
		// back with the same retry key and LINE answered 409.
		expect(accepted).toHaveLength(CAMPAIGN_SIZE);
		expect(new Set(accepted).size).toBe(CAMPAIGN_SIZE);
		expect(conflicts).toHaveLength(acceptedBeforeRerun);
		expect(new Set(conflicts).size).toBe(conflicts.length);
		expect(sandbox.invalidRequests()).toEqual([]);
	}, 1_800_000);
});
