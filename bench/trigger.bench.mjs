// Benchmark: how many signed LINE webhooks per second the LINE Trigger accepts inside a real n8n
// (`n8n start`, the pinned version), next to n8n's own Webhook node in the same n8n, each followed
// by a NoOp. Rounds alternate between the two; every event must have made an execution (counted
// in n8n's database), so speed never comes from dropping events. A benchmark, not a test.
//
//   node bench/trigger.bench.mjs [--events 2000] [--concurrency 20] [--runs 3] [--no-build]
//                                [--env NAME=value]... [--cases line,line1,floor,webhookAuth,webhook] [--profile]
//
// --env passes a setting to n8n (e.g. N8N_EXPRESSION_ENGINE=legacy); --profile records a V8 CPU
// profile of n8n over the whole bench and logs where its time went.
//
// Also run by `npm run bench` (bench/speed.bench.mjs), which puts its table under its own.

import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import {
	BENCH_DIR,
	cleanUp,
	count,
	lib,
	machine,
	markdownRow,
	median,
	packageCommit,
	scratchFolder,
	seconds,
	TOKEN,
	TOKEN_CREDENTIAL,
} from './realN8n.mjs';
import * as realN8n from './realN8n.mjs';

const SECRET = 'bench-channel-secret';
/** The Webhook node's Header Auth credential: every request carries its header. */
const HEADER_AUTH = {
	id: 'benchHeaderAuth',
	name: 'Bench header auth',
	type: 'httpHeaderAuth',
	data: { name: 'x-bench-key', value: 'bench-header-value' },
};

/** A LINE Trigger of `version` (the signature is checked on every event). */
const lineTrigger = (version, label) => ({
	label,
	id: `benchLineTriggerV${version}`,
	path: `webhook/bench-line-trigger-v${version}/webhook`,
	node: {
		name: 'LINE Trigger',
		type: 'n8n-nodes-line-connector.lineTrigger',
		typeVersion: version,
		webhookId: `bench-line-trigger-v${version}`,
		parameters: {},
		credentials: { lineConnectorChannelAccessTokenApi: TOKEN_CREDENTIAL },
	},
});

const CASES = {
	line: lineTrigger(2, 'LINE Trigger (signature checked)'),
	line1: lineTrigger(1, 'LINE Trigger version 1 (workflows made before version 2)'),
	floor: {
		label: "n8n's floor for a community trigger: reads its credential, nothing else",
		id: 'benchTriggerFloor',
		path: 'webhook/bench-trigger-floor/webhook',
		node: {
			name: 'Trigger Floor',
			type: 'CUSTOM.triggerFloor',
			typeVersion: 2,
			webhookId: 'bench-trigger-floor',
			parameters: {},
			credentials: { lineConnectorChannelAccessTokenApi: TOKEN_CREDENTIAL },
		},
	},
	webhookAuth: {
		label: "n8n's Webhook node with Header Auth (a credential read per request)",
		id: 'benchWebhookAuth',
		path: 'webhook/bench-webhook-auth',
		node: {
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: 'bench-webhook-auth',
			parameters: {
				httpMethod: 'POST',
				path: 'bench-webhook-auth',
				authentication: 'headerAuth',
				options: {},
			},
			credentials: { httpHeaderAuth: { id: HEADER_AUTH.id, name: HEADER_AUTH.name } },
		},
	},
	webhook: {
		label: "n8n's Webhook node (no check)",
		id: 'benchWebhookNode',
		path: 'webhook/bench-webhook-node',
		node: {
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: 'bench-webhook-node',
			parameters: { httpMethod: 'POST', path: 'bench-webhook-node', options: {} },
		},
	},
};

function workflowOf({ id, label, node }) {
	return {
		id,
		name: `Bench: ${label}`,
		nodes: [
			{ ...node, id: `${id}-trigger`, position: [0, 0] },
			{
				id: `${id}-noop`,
				name: 'Done',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
			},
		],
		connections: { [node.name]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** A LINE webhook body with one text message event, and its signature. */
function signedEvent(index) {
	const body = JSON.stringify({
		destination: 'U' + 'f'.repeat(32),
		events: [
			{
				type: 'message',
				mode: 'active',
				timestamp: Date.now(),
				webhookEventId: `01BENCH${String(index).padStart(19, '0')}`,
				deliveryContext: { isRedelivery: false },
				source: { type: 'user', userId: 'U' + index.toString(16).padStart(32, '0') },
				replyToken: crypto.randomBytes(16).toString('hex'),
				message: { id: String(100000 + index), type: 'text', text: `Hello ${index}` },
			},
		],
	});
	const signature = crypto.createHmac('sha256', SECRET).update(body).digest('base64');
	return { body, signature };
}

/** Sends `events` webhooks, `concurrency` at a time; their acknowledgement times and statuses. */
async function sendAll(url, events, concurrency) {
	const bodies = Array.from({ length: events }, (_, index) => signedEvent(index));
	const latencies = [];
	const statuses = new Map();
	let next = 0;
	const started = process.hrtime.bigint();
	const worker = async () => {
		while (next < events) {
			const { body, signature } = bodies[next++];
			const sent = process.hrtime.bigint();
			const response = await fetch(url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'x-line-signature': signature,
					[HEADER_AUTH.data.name]: HEADER_AUTH.data.value,
				},
				body,
			});
			await response.arrayBuffer();
			latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
			statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	const sorted = latencies.sort((a, b) => a - b);
	const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	return { wallMs, p50: at(0.5), p95: at(0.95), statuses: Object.fromEntries(statuses) };
}

/**
 * Executions per workflow in n8n's SQLite database, read by one long-lived Node 24 process
 * (node:sqlite) so that polling costs n8n next to nothing: `{ [workflowId]: { n, done } }`,
 * n = executions created, done = finished with success.
 */
function executionCounter(installed, userFolder) {
	const database = path.join(userFolder, '.n8n', 'database.sqlite');
	const script = `
		const { DatabaseSync } = require('node:sqlite');
		const db = new DatabaseSync(${JSON.stringify(database)}, { readOnly: true });
		const query = db.prepare("SELECT workflowId AS id, COUNT(*) AS n, SUM(CASE WHEN status = 'success' THEN 1 ELSE 0 END) AS done FROM execution_entity GROUP BY workflowId");
		require('node:readline').createInterface({ input: process.stdin }).on('line', () => {
			let rows = [];
			try { rows = query.all(); } catch {}
			process.stdout.write(JSON.stringify(rows) + '\\n');
		});`;
	const child = spawn(installed.node, ['--no-warnings', '-e', script], {
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	const answers = createInterface({ input: child.stdout });
	const waiting = [];
	answers.on('line', (line) => waiting.shift()?.(line));
	return {
		async counts() {
			const line = await new Promise((resolve) => {
				waiting.push(resolve);
				child.stdin.write('\n');
			});
			return Object.fromEntries(JSON.parse(line).map(({ id, n, done }) => [id, { n, done }]));
		},
		close: () => child.kill(),
	};
}

/**
 * Waits until n8n has finished `want` executions of the workflow (or finished none more for
 * `quietMs`); the counts then, and when the last one was seen.
 */
async function executionsOf(counter, id, want, quietMs = 30_000) {
	let last = -1;
	let stableSince = Date.now();
	for (;;) {
		const now = (await counter.counts())[id] ?? { n: 0, done: 0 };
		if (now.done >= want) return { ...now, at: process.hrtime.bigint() };
		if (now.done !== last) {
			last = now.done;
			stableSince = Date.now();
		} else if (Date.now() - stableSince > quietMs) return { ...now, at: process.hrtime.bigint() };
		await lib.sleep(100);
	}
}

/**
 * Options: `build` (npm run build first, default true), `events` per round (2000), `concurrency`
 * (20), `runs` (3), `env` (extra variables for n8n, e.g. `{ N8N_EXPRESSION_ENGINE: 'legacy' }`),
 * `profile` (a V8 CPU profile of n8n over the whole bench; where its time went is logged),
 * `cases` (which of line (version 2), line1 (version 1), floor, webhookAuth, webhook; all by default), `patchPackage` (called with the installed
 * package's folder before n8n starts, for experiments).
 */
export async function runTriggerBench({
	build = true,
	events = 2000,
	concurrency = 20,
	runs = 3,
	env = {},
	profile = false,
	cases = Object.keys(CASES),
	patchPackage,
	log = (line) => process.stderr.write(`${line}\n`),
} = {}) {
	const started = Date.now();
	const loadAtStart = os.loadavg();
	const installed = await lib.ensureN8n(lib.PINNED_N8N_VERSION);
	const n8nNode = lib.run(installed.node, ['--version']).stdout.trim();
	const tarball = lib.packPackage({ build });
	const userFolder = scratchFolder('line-bench-trigger-');
	const packageDir = lib.installInto(userFolder, tarball);
	// For experiments only: change the installed package (e.g. to see what one step costs).
	patchPackage?.(packageDir);
	const port = await lib.freePort();
	const serverEnv = { N8N_CUSTOM_EXTENSIONS: path.join(BENCH_DIR, 'floor'), ...env };
	const profileDir = profile ? fs.mkdtempSync(path.join(os.tmpdir(), 'line-trigger-profile-')) : '';
	if (profile) serverEnv.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${profileDir}`;
	const instance = lib.n8nInstance(installed, { userFolder, port, brokerPort: port + 1 });
	await instance.importCredentials([
		...lib.lineCredentials(
			{ id: '1234567890', secret: SECRET, accessToken: TOKEN },
			'http://127.0.0.1:9',
		),
		HEADER_AUTH,
	]);
	const chosen = Object.entries(CASES).filter(([kind]) => cases.includes(kind));
	for (const [, entry] of chosen) {
		await instance.importWorkflow(workflowOf(entry));
		await instance.publish(entry.id);
	}
	const server = await instance.startServer({ env: serverEnv });
	const counter = executionCounter(installed, userFolder);
	const rows = [];
	try {
		for (const [, entry] of chosen) await lib.waitForWebhook(`${server.url}/${entry.path}`);
		// A warm-up round each, not counted.
		for (const [, entry] of chosen) await sendAll(`${server.url}/${entry.path}`, 100, concurrency);
		for (let run = 1; run <= runs; run++) {
			for (const [kind, entry] of chosen) {
				// What earlier rounds (and the probes above) left still running is waited for first.
				const before = await executionsOf(counter, entry.id, Infinity, 3_000);
				const sent = process.hrtime.bigint();
				const result = await sendAll(`${server.url}/${entry.path}`, events, concurrency);
				const after = await executionsOf(counter, entry.id, before.done + events);
				const doneMs = Number(after.at - sent) / 1e6;
				const row = {
					kind,
					run,
					...result,
					rate: events / (result.wallMs / 1000),
					doneRate: events / (doneMs / 1000),
					created: after.n - before.n,
					succeeded: after.done - before.done,
					loadAfter: os.loadavg()[0],
				};
				row.executionsOk = row.created === events && row.succeeded === events;
				rows.push(row);
				log(
					`[bench] trigger run ${run} ${kind}: ${row.rate.toFixed(1)} events/s answered, ${row.doneRate.toFixed(1)}/s executions finished, p50 ${row.p50.toFixed(0)} ms, p95 ${row.p95.toFixed(0)} ms, answers ${JSON.stringify(row.statuses)}, executions created ${row.created}, succeeded ${row.succeeded} of ${events}, load ${row.loadAfter.toFixed(2)}`,
				);
			}
		}
	} finally {
		counter.close();
		await server.stop({ graceMs: 60_000 });
	}
	if (profile) {
		const summary = realN8n.summarizeProfiles?.(profileDir) ?? '';
		log(`[bench] CPU profile of n8n in ${profileDir}${summary}`);
	}
	const run = { rows, chosen, events, concurrency, runs, installed, n8nNode, loadAtStart, started };
	return { rows, markdown: report({ ...run, env }) };
}

/** The markdown of a bench run: its tables, machine, load and settings. */
function report({
	rows,
	chosen,
	events,
	concurrency,
	runs,
	installed,
	n8nNode,
	loadAtStart,
	started,
	env,
}) {
	const of = (kind) => rows.filter((row) => row.kind === kind);
	const med = (kind, key) => median(of(kind).map((row) => row[key]));
	// The rate of `kind` as a multiple of that of `reference` (when both ran and they differ).
	const versus = (kind, reference) =>
		kind === reference || of(reference).length === 0
			? null
			: `${(med(kind, 'rate') / med(reference, 'rate')).toFixed(2)}×`;
	const lines = [
		markdownRow([
			'Trigger → NoOp',
			'Answered, events/s',
			'vs Webhook node',
			'vs community floor',
			'Executions finished, /s',
			'Answered in, p50 ms',
			'p95 ms',
			'Answers',
			'Executions created / succeeded / sent',
		]),
		markdownRow(['---', '--:', '--:', '--:', '--:', '--:', '--:', '---', '---']),
	];
	for (const [kind, entry] of chosen) {
		const own = of(kind);
		const statuses = new Map();
		for (const row of own)
			for (const [status, n] of Object.entries(row.statuses))
				statuses.set(status, (statuses.get(status) ?? 0) + n);
		const sum = (key) => count(own.reduce((total, row) => total + row[key], 0));
		const community = kind === 'line' || kind === 'line1';
		lines.push(
			markdownRow([
				entry.label,
				`**${med(kind, 'rate').toFixed(1)}**`,
				versus(kind, 'webhook'),
				community ? versus(kind, 'floor') : null,
				med(kind, 'doneRate').toFixed(1),
				med(kind, 'p50').toFixed(0),
				med(kind, 'p95').toFixed(0),
				[...statuses].map(([status, n]) => `${count(n)} × ${status}`).join(', '),
				`${sum('created')} / ${sum('succeeded')} / ${count(own.length * events)}`,
			]),
		);
	}
	const info = machine(n8nNode, loadAtStart);
	const loads = rows.map((row) => row.loadAfter);
	const settings = Object.entries(env)
		.map(([name, value]) => `\`${name}=${value}\``)
		.join(', ');
	return [
		`## LINE Trigger next to n8n's Webhook node in real n8n, ${settings || "n8n's default settings"}`,
		'',
		`Machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGb} GB; n8n ${installed.version} on Node ${info.n8nNode} (\`n8n start\`, SQLite, ${settings || 'default settings'}); load average at start ${info.load}, 1-minute load after each round: median ${median(loads).toFixed(2)}, max ${Math.max(...loads).toFixed(2)}. ${new Date().toISOString().slice(0, 10)}, took ${seconds(Date.now() - started)} s.`,
		'',
		`${count(events)} webhooks per round, ${concurrency} at a time, each one LINE message event signed with the channel secret (the Webhook node gets the same requests), into trigger → NoOp in the same n8n. The community floor is a bench-only trigger node (\`bench/floor/TriggerFloor.node.js\`) that reads its credential and starts the workflow, nothing else: what n8n costs any community package's trigger that checks requests with a secret from its credential. Rounds alternated, ${runs} each after a warm-up, medians. Answered = events / time until the last answer arrived; answered in = from sending a request to its answer. Executions finished = events / time from the first request until n8n's database held a successful execution for every event. Executions are counted in n8n's database, so speed never comes from dropping events.`,
		'',
		lines.join('\n'),
		'',
	].join('\n');
}

// Run on its own: node bench/trigger.bench.mjs
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const options = { build: true };
	const argv = process.argv.slice(2);
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--no-build') options.build = false;
		else if (argv[i] === '--events') options.events = Number(argv[++i]);
		else if (argv[i] === '--concurrency') options.concurrency = Number(argv[++i]);
		else if (argv[i] === '--runs') options.runs = Number(argv[++i]);
		else if (argv[i] === '--profile') options.profile = true;
		else if (argv[i] === '--cases') options.cases = argv[++i].split(',');
		else if (argv[i] === '--env') {
			const [name, ...value] = argv[++i].split('=');
			options.env = { ...options.env, [name]: value.join('=') };
		} else throw new Error(`Unknown option ${argv[i]}`);
	}
	const { commit, dirty } = packageCommit();
	const { markdown } = await runTriggerBench(options);
	process.stdout.write(
		`\n${markdown}\nPackage: commit ${commit}${dirty ? ' with uncommitted changes' : ''}.\n`,
	);
	cleanUp();
}
