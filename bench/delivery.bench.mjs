// Benchmark: the LINE Messaging node's delivery engine in a real n8n (scripts/n8n.mjs's pinned
// version, installed in .n8n-local/), 10,000 pushes run with `n8n execute`, against a fast LINE
// stand-in on 127.0.0.1 in this process. A benchmark, not a test: nothing here asserts time.
//
//   npm run bench:delivery                       # 3 runs per case (≈ 14 min on 2 cores)
//   npm run bench:delivery -- --runs 5           # more runs
//   npm run bench:delivery -- --items 1000 --runs 1 --no-write   # a quick look
//
// Options: --runs N (default 3), --items N (default 10000), --rate R (share of pushes answered
// 429, default 0.05), --seed N (of the 429 draws, default 1; run r uses seed + r), --no-build
// (pack dist/ as it is), --no-write (print only; default writes bench/delivery-results.md).
//
// Cases, alternated within each run (baseline, no faults, 429s):
// - baseline: Manual Trigger → Code (N items) → NoOp: what n8n costs without the LINE node;
// - no faults: … → LINE Messaging Send Push with expressions (`to`, text), default settings;
// - 429s as LINE answers them (no Retry-After): the same, a share of pushes answered 429;
// - 429s with Retry-After: 1: the same share, each 429 asking the client to hold off a second.
// The stand-in honours X-Line-Retry-Key (409 to a key it accepted) and counts every request.
// Every n8n process runs in its own process group and is stopped with it.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const lib = await import(path.join(BENCH_DIR, '..', 'scripts', 'n8n.mjs'));

const TOKEN = 'bench-channel-access-token';
const NODE = 'Send Push';

function parseArgs(argv) {
	const options = { runs: 3, items: 10_000, rate: 0.05, seed: 1, build: true, write: true };
	for (let i = 0; i < argv.length; i++) {
		const next = () => {
			const value = Number(argv[++i]);
			if (!Number.isFinite(value)) throw new Error(`${argv[i - 1]} needs a number`);
			return value;
		};
		switch (argv[i]) {
			case '--runs':
				options.runs = next();
				break;
			case '--items':
				options.items = next();
				break;
			case '--rate':
				options.rate = next();
				break;
			case '--seed':
				options.seed = next();
				break;
			case '--no-build':
				options.build = false;
				break;
			case '--no-write':
				options.write = false;
				break;
			default:
				throw new Error(`Unknown option ${argv[i]}`);
		}
	}
	return options;
}

// ---------------------------------------------------------------------------------------------
// The LINE stand-in: POST /v2/bot/message/push only, as fast as a plain Node server can be.

/** A small seeded generator (mulberry32): the same seed, the same draws. */
function seeded(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = Math.imul(state ^ (state >>> 15), state | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const RECIPIENT = /^[UCR][0-9a-f]{32}$/;

function startStandIn() {
	let stats;
	let random = () => 1;
	let rate = 0;
	let retryAfter = false;
	let accepted = new Map();
	const reset = (plan = { rate: 0, seed: 0 }) => {
		rate = plan.rate;
		retryAfter = plan.retryAfter === true;
		random = seeded(plan.seed);
		accepted = new Map();
		stats = {
			requests: 0,
			rateLimited: 0,
			rateLimitedRetryAfter: 0,
			conflicts: 0,
			invalid: 0,
			delivered: 0,
			/** How often each text was delivered. */
			texts: new Map(),
		};
	};
	reset();
	let nextId = 1;
	const answer = (res, status, body, headers = {}) => {
		const text = JSON.stringify(body);
		res.writeHead(status, {
			'content-type': 'application/json',
			'content-length': Buffer.byteLength(text),
			'x-line-request-id': `bench-${nextId++}`,
			...headers,
		});
		res.end(text);
	};
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			stats.requests++;
			if (req.method !== 'POST' || req.url !== '/v2/bot/message/push') {
				stats.invalid++;
				return answer(res, 404, { message: 'Not found' });
			}
			if (req.headers.authorization !== `Bearer ${TOKEN}`) {
				stats.invalid++;
				return answer(res, 401, { message: 'Authentication failed.' });
			}
			let body;
			try {
				body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
			} catch {
				body = undefined;
			}
			const text = body?.messages?.[0]?.text;
			if (!RECIPIENT.test(body?.to ?? '') || typeof text !== 'string') {
				stats.invalid++;
				return answer(res, 400, { message: 'The request body has 1 error(s)' });
			}
			const key = req.headers['x-line-retry-key'];
			const previous = key && accepted.get(key);
			if (previous) {
				stats.conflicts++;
				return answer(
					res,
					409,
					{ message: 'The retry key is already accepted' },
					{ 'x-line-accepted-request-id': previous },
				);
			}
			if (rate > 0 && random() < rate) {
				stats.rateLimited++;
				// With Retry-After: 1 every request of the run holds off; without, only this one backs off.
				const withRetryAfter = retryAfter;
				if (withRetryAfter) stats.rateLimitedRetryAfter++;
				return answer(
					res,
					429,
					{ message: 'The API rate limit has been exceeded. Try again later.' },
					withRetryAfter ? { 'retry-after': '1' } : {},
				);
			}
			const requestId = `bench-${nextId}`;
			if (key) accepted.set(key, requestId);
			stats.delivered++;
			stats.texts.set(text, (stats.texts.get(text) ?? 0) + 1);
			answer(res, 200, { sentMessages: [{ id: String(nextId), quoteToken: 'q' }] });
		});
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			resolve({
				url: `http://127.0.0.1:${server.address().port}`,
				reset,
				stats: () => stats,
				close: () =>
					new Promise((done) => {
						server.close(() => done());
						server.closeAllConnections();
					}),
			});
		});
	});
}

// ---------------------------------------------------------------------------------------------
// The workflows

function workflow(id, name, items, last) {
	return {
		id,
		name,
		active: false,
		nodes: [
			{
				id: `${id}-1`,
				name: 'Run',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: `${id}-2`,
				name: 'Recipients',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: {
					jsCode: `const items = [];\nfor (let i = 0; i < ${items}; i++) {\n\titems.push({ json: { userId: 'U' + i.toString(16).padStart(32, '0'), text: 'Message ' + i } });\n}\nreturn items;`,
				},
			},
			{ id: `${id}-3`, name: NODE, position: [440, 0], ...last },
		],
		connections: {
			Run: { main: [[{ node: 'Recipients', type: 'main', index: 0 }]] },
			Recipients: { main: [[{ node: NODE, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

const PUSH_NODE = {
	type: 'n8n-nodes-line-connector.lineMessaging',
	typeVersion: 1,
	parameters: {
		resource: 'message',
		operation: 'sendPush',
		to: '={{ $json.userId }}',
		messages: { message: [{ type: 'text', text: '={{ $json.text }}' }] },
		options: {},
	},
	credentials: {
		lineConnectorChannelAccessTokenApi: { id: 'lineSandboxToken', name: 'LINE Sandbox (token)' },
	},
};
const NOOP_NODE = { type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} };

// ---------------------------------------------------------------------------------------------
// Running n8n commands, each in its own process group, tracked so that none outlives the bench

const running = new Set();
let scratch;
function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		// Already gone.
	}
}
function cleanUp() {
	for (const pid of running) killGroup(pid, 'SIGKILL');
	running.clear();
	if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		cleanUp();
		process.exit(130);
	});
}
process.once('exit', cleanUp);

/**
 * Runs `n8n <args>` to its end with its output in `outFile`; resolves `{ code, wallMs }`, wall
 * time from spawn to exit. The whole group (n8n and its task runners) is killed when it exits.
 */
function n8nCommand({ installed, env, userFolder }, args, outFile) {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(outFile, 'w');
		const start = process.hrtime.bigint();
		const child = spawn(installed.node, [installed.n8nBin, ...args], {
			cwd: userFolder,
			env,
			detached: true,
			stdio: ['ignore', out, out],
		});
		fs.closeSync(out);
		running.add(child.pid);
		const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 60 * 60_000);
		child.on('error', (error) => {
			clearTimeout(timer);
			running.delete(child.pid);
			reject(error);
		});
		child.on('exit', (code, signal) => {
			const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
			clearTimeout(timer);
			killGroup(child.pid, 'SIGKILL');
			running.delete(child.pid);
			resolve({ code: code ?? 128, signal, wallMs });
		});
	});
}

/** `n8n import:credentials` / `import:workflow` of `data`, written to a file first. */
async function importInto(n8n, kind, name, data) {
	const file = path.join(n8n.userFolder, `${name}.json`);
	fs.writeFileSync(file, JSON.stringify(data));
	const log = path.join(n8n.userFolder, `${name}.log`);
	const { code } = await n8nCommand(n8n, [`import:${kind}`, `--input=${file}`], log);
	if (code !== 0) {
		throw new Error(
			`n8n import:${kind} failed (exit ${code}):\n${fs.readFileSync(log, 'utf8').slice(-3000)}`,
		);
	}
}

/** What n8n reported about the last node: items out, and how many were alreadyAccepted. */
function summarize(outFile) {
	const text = fs.readFileSync(outFile, 'utf8');
	const data = lib.parseRunOutput(text);
	// The node's last progress line, e.g. "Send Push: finished: 10000/10000 requests done, 0
	// failed, 526 rate-limited (waited 455.2 s), 21.3/s".
	const finished = new RegExp(`${NODE}: finished: ([^\\n]*)`).exec(text)?.[1];
	const waited = /rate-limited \(waited ([\d.]+) s\)/.exec(finished ?? '')?.[1];
	const resultData = data?.data?.resultData ?? data?.resultData;
	const items = lib.nodeItems(resultData?.runData, NODE) ?? [];
	return {
		error: resultData?.error?.message,
		items: items.length,
		alreadyAccepted: items.filter((item) => item.alreadyAccepted === true).length,
		log: finished,
		rateLimitWaitMs: waited === undefined ? 0 : Number(waited) * 1000,
	};
}

// ---------------------------------------------------------------------------------------------
// Figures

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const seconds = (ms) => (ms / 1000).toFixed(1);
/** Median (min–max), or the one value when all are the same (as shown). */
const spread = (values, format) => {
	const [low, high] = [format(Math.min(...values)), format(Math.max(...values))];
	return low === high ? low : `${format(median(values))} (${low}–${high})`;
};
const count = (value) => value.toLocaleString('en-US');

function machine(n8nNode, load) {
	const cpus = os.cpus();
	return {
		cpu: cpus[0]?.model?.trim() ?? 'unknown',
		cores: cpus.length,
		memoryGb: Math.round(os.totalmem() / 2 ** 30),
		driverNode: process.version,
		n8nNode,
		load: load.map((value) => value.toFixed(2)).join(' '),
	};
}

/** Columns of both tables: heading, and the figure of a set of runs of one case (null: none). */
function columns(items, base) {
	const figure =
		(pick, format = count) =>
		(rows) =>
			rows[0].case === 'baseline' ? null : spread(rows.map(pick), format);
	return [
		[
			'Wall s, `n8n execute`',
			(rows) =>
				`**${spread(
					rows.map((row) => row.wallMs),
					seconds,
				)}**`,
		],
		['Over baseline, s', figure((row) => row.wallMs - base, seconds)],
		[
			'ms per push over baseline',
			(rows) =>
				rows[0].case === 'baseline'
					? null
					: `**${spread(
							rows.map((row) => (row.wallMs - base) / items),
							(value) => value.toFixed(2),
						)}**`,
		],
		['Requests received', figure((row) => row.stats.requests)],
		['429 sent', figure((row) => row.stats.rateLimited)],
		['of them with Retry-After: 1', figure((row) => row.stats.rateLimitedRetryAfter)],
		['Waited for 429s, s (node log)', figure((row) => row.output.rateLimitWaitMs, seconds)],
		['409 sent', figure((row) => row.stats.conflicts)],
		['Messages delivered', figure((row) => row.stats.delivered)],
		['Duplicates', figure((row) => row.duplicates)],
		[
			'Output items',
			(rows) =>
				spread(
					rows.map((row) => row.output.items),
					count,
				),
		],
		['of them alreadyAccepted', figure((row) => row.output.alreadyAccepted)],
	];
}

const markdownRow = (cells) => `| ${cells.map((cell) => cell ?? '–').join(' | ')} |`;

function table(cases, results, items) {
	const base = median(results.filter((row) => row.case === 'baseline').map((row) => row.wallMs));
	const cols = columns(items, base);
	const lines = [
		markdownRow(['Case', 'Runs', ...cols.map(([heading]) => heading), 'Failed runs']),
		markdownRow(['---', '--:', ...cols.map(() => '--:'), '--:']),
	];
	for (const entry of cases) {
		const rows = results.filter((row) => row.case === entry.name);
		if (rows.length === 0) continue;
		const failed = rows.filter((row) => row.code !== 0 || row.output.error).length;
		lines.push(
			markdownRow([entry.label, rows.length, ...cols.map(([, cell]) => cell(rows)), failed]),
		);
	}
	return lines.join('\n');
}

function perRunTable(cases, results, items) {
	const label = Object.fromEntries(cases.map((entry) => [entry.name, entry.label]));
	const base = median(results.filter((row) => row.case === 'baseline').map((row) => row.wallMs));
	const cols = columns(items, base);
	const lines = [
		markdownRow([
			'Run',
			'Case',
			'Seed',
			...cols.map(([heading]) => heading),
			'Exit',
			'Load (1 min) after',
		]),
		markdownRow(['--:', '---', '--:', ...cols.map(() => '--:'), '--:', '--:']),
	];
	for (const row of results) {
		lines.push(
			markdownRow([
				row.run,
				label[row.case],
				row.seed,
				...cols.map(([, cell]) => cell([row])),
				row.code,
				row.loadAfter.toFixed(2),
			]),
		);
	}
	return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const loadAtStart = os.loadavg();
	const installed = await lib.ensureN8n(lib.PINNED_N8N_VERSION);
	const n8nNode = lib.run(installed.node, ['--version']).stdout.trim();
	const tarball = lib.packPackage({ build: options.build });
	const git = (...args) => lib.run('git', args, { cwd: lib.REPO_ROOT }).stdout.trim();
	const commit = git('rev-parse', '--short', 'HEAD');
	const dirty = git('status', '--porcelain', '--', 'nodes', 'credentials') !== '';
	const standIn = await startStandIn();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'line-bench-delivery-'));
	scratch = userFolder;
	const port = await lib.freePort();
	lib.installInto(userFolder, tarball);
	const n8n = {
		installed,
		userFolder,
		env: lib.n8nEnv(installed, { userFolder, port, brokerPort: port + 1 }),
	};
	await importInto(
		n8n,
		'credentials',
		'credentials',
		lib.lineCredentials(
			{ id: '1234567890', secret: 'bench-secret', accessToken: TOKEN },
			standIn.url,
		),
	);
	const push = workflow('benchDeliveryPush', 'Bench: 10,000 pushes', options.items, PUSH_NODE);
	const noop = workflow('benchDeliveryNoOp', 'Bench: baseline (NoOp)', options.items, NOOP_NODE);
	await importInto(n8n, 'workflow', 'workflow-push', push);
	await importInto(n8n, 'workflow', 'workflow-noop', noop);

	const percent = `${+(options.rate * 100).toFixed(2)} %`;
	const cases = [
		{ name: 'baseline', label: 'Baseline: NoOp instead of the LINE node', workflow: noop.id },
		{ name: 'clean', label: 'Send Push, no faults', workflow: push.id, rate: 0 },
		{
			name: 'rateLimited',
			label: `Send Push, ${percent} of pushes answered 429 (no Retry-After, as LINE)`,
			workflow: push.id,
			rate: options.rate,
		},
		{
			name: 'rateLimitedRetryAfter',
			label: `Send Push, ${percent} of pushes answered 429 with Retry-After: 1`,
			workflow: push.id,
			rate: options.rate,
			retryAfter: true,
		},
	];
	const results = [];
	const outFile = path.join(userFolder, 'execute-output.txt');
	process.stderr.write(
		`[bench] ${options.runs} run(s) × ${cases.length} cases, ${count(options.items)} items, n8n ${installed.version} (Node ${n8nNode}), load at start ${loadAtStart.map((v) => v.toFixed(2)).join(' ')}\n`,
	);
	try {
		for (let run = 1; run <= options.runs; run++) {
			for (const entry of cases) {
				const seed = entry.rate ? options.seed + run : undefined;
				standIn.reset({ rate: entry.rate ?? 0, seed: seed ?? 0, retryAfter: entry.retryAfter });
				const result = await n8nCommand(
					n8n,
					['execute', `--id=${entry.workflow}`, '--rawOutput'],
					outFile,
				);
				const stats = standIn.stats();
				const duplicates = [...stats.texts.values()].filter((times) => times > 1).length;
				const output = summarize(outFile);
				const row = {
					run,
					case: entry.name,
					seed,
					...result,
					stats,
					duplicates,
					output,
					loadAfter: os.loadavg()[0],
				};
				results.push(row);
				process.stderr.write(
					`[bench] run ${run} ${entry.name}: ${seconds(result.wallMs)} s, exit ${result.code}, requests ${stats.requests}, 429 ${stats.rateLimited}, 409 ${stats.conflicts}, delivered ${stats.delivered}, duplicates ${duplicates}, output ${output.items}${output.error ? `, error: ${output.error}` : ''}\n`,
				);
				if (entry.name !== 'baseline' && (stats.delivered !== options.items || stats.invalid > 0)) {
					process.stderr.write(
						`[bench] warning: ${stats.delivered} of ${options.items} delivered, ${stats.invalid} invalid requests\n`,
					);
				}
			}
		}
	} finally {
		await standIn.close();
	}

	const info = machine(n8nNode, loadAtStart);
	const markdown = [
		'## Benchmark: delivery in real n8n (`npm run bench:delivery`)',
		'',
		`Machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGb} GB; driver Node ${info.driverNode}, n8n ${installed.version} on Node ${info.n8nNode}; load average at start ${info.load} (1, 5, 15 min). ${new Date().toISOString().slice(0, 10)}.`,
		`Package: built from commit ${commit}${dirty ? ' with uncommitted changes in nodes/ or credentials/ (the working tree as it was)' : ''}${options.build ? '' : ' (dist/ as it was, --no-build)'}.`,
		'',
		`${count(options.items)} pushes per run: Manual Trigger → Code (${count(options.items)} items \`{ userId, text }\`) → LINE Messaging Send Push (\`to\` and text as expressions; default settings: 10 requests in parallel, 3 attempts, up to 300 s of rate-limit wait), run with \`n8n execute --id --rawOutput\`. Cases alternated within each run, ${options.runs} run(s) each; median (min–max). The LINE stand-in is a plain Node HTTP server in the driver process on 127.0.0.1 (checks the token and body, honours X-Line-Retry-Key with 409, draws 429s from a generator seeded per run, with \`Retry-After: 1\` in the last case only).`,
		'',
		table(cases, results, options.items),
		'',
		'Wall = the whole `n8n execute` command (n8n start-up, the run, saving the execution, printing the run data). Baseline = the same workflow with a NoOp in place of the LINE node; "over baseline" is each run minus the median baseline, so it is what the LINE node costs. Requests received include the repeats after 429s. Waited for 429s = the figure the node logs when it finishes (the sum over its requests of the time each waited for a rate limit); a 429 with Retry-After holds every request of the run for that long, one without backs off only the request that got it. Duplicates = texts LINE delivered more than once.',
		'',
		'Each run:',
		'',
		perRunTable(cases, results, options.items),
		'',
	].join('\n');
	process.stdout.write(`\n${markdown}\n`);
	if (options.write) {
		const file = path.join(BENCH_DIR, 'delivery-results.md');
		fs.writeFileSync(file, markdown);
		process.stderr.write(`[bench] written to ${path.relative(process.cwd(), file)}\n`);
	}
	cleanUp();
}

await main();
