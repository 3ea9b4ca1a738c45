// Benchmark: what the LINE Messaging node costs per item inside a real n8n (scripts/n8n.mjs's
// pinned version, installed in .n8n-local/), with n8n's default expression engine (vm) and the
// legacy one, next to n8n's own HTTP Request node and n8n's request-helper floor, and the LINE
// Trigger next to n8n's Webhook node. A benchmark, not a test: nothing here asserts time.
//
//   npm run bench                                  # everything (≈ 40 min on 2 cores), one table
//   npm run bench -- --runs 1 --items 2000 --memory-sizes 2000 --no-write   # a quick look
//
// Options: --runs N (default 3), --items N (default 10000), --memory-sizes a,b,c (default
// 10000,30000,100000; baseline and Send Push with n8n's default engine), --memory-runs N (default
// 1), --engines vm,legacy, --no-trigger, --no-memory, --no-build (pack dist/
// as it is), --no-write (print only; default writes bench/speed-results.md), --profile KIND
// (instead: one run of KIND — push, httpRequest, floor, multicast — at --items with a V8 CPU
// profile of n8n, and where its time went; the raw profile stays in a folder it names).
//
// Workflows: Manual Trigger → Code (N items `{ userId, name }`) → one of
// - baseline: NoOp — what n8n costs without a sending node;
// - LINE Messaging Send Push, `to = {{ $json.userId }}`, text `Hello {{ $json.name }}`;
// - n8n's HTTP Request node making the same pushes (URL, header, JSON body with the same two
//   expressions) — what a user would otherwise build;
// - the request-helper floor (bench/floor): a bench-only node making the same pushes with one
//   httpRequestWithAuthentication per item and no parameter read at all — n8n's own floor;
// - LINE Messaging Send Multicast, Combine All Items, `to = {{ $json.userId }}`.
// Run with `n8n execute --id --rawOutput`, cases alternated within each run, every n8n process in
// its own process group. Time over baseline = wall of the case − median wall of the baseline of
// the same engine and size; memory over baseline = the n8n process's peak RSS − the baseline's.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
	BENCH_DIR,
	cleanUp,
	codeWorkflow,
	count,
	importInto,
	lib,
	machine,
	markdownRow,
	median,
	n8nCommand,
	packageCommit,
	prepareN8n,
	seconds,
	startStandIn,
	summarizeProfiles,
	TOKEN,
	TOKEN_CREDENTIAL,
} from './realN8n.mjs';

const LAST = 'Send';
const ITEM = "{ userId: 'U' + i.toString(16).padStart(32, '0'), name: 'Customer ' + i }";

function parseArgs(argv) {
	const options = {
		runs: 3,
		items: 10_000,
		memorySizes: [10_000, 30_000, 100_000],
		memoryRuns: 1,
		engines: ['vm', 'legacy'],
		trigger: true,
		memory: true,
		build: true,
		write: true,
		profile: undefined,
	};
	for (let i = 0; i < argv.length; i++) {
		const next = () => argv[++i] ?? '';
		const number = () => {
			const value = Number(next());
			if (!Number.isFinite(value)) throw new Error(`${argv[i - 1]} needs a number`);
			return value;
		};
		switch (argv[i]) {
			case '--runs':
				options.runs = number();
				break;
			case '--items':
				options.items = number();
				break;
			case '--memory-sizes':
				options.memorySizes = next().split(',').map(Number).filter(Number.isFinite);
				break;
			case '--memory-runs':
				options.memoryRuns = number();
				break;
			case '--engines':
				options.engines = next().split(',');
				break;
			case '--no-trigger':
				options.trigger = false;
				break;
			case '--no-memory':
				options.memory = false;
				break;
			case '--no-build':
				options.build = false;
				break;
			case '--profile':
				options.profile = next();
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
// The nodes under comparison (the last node of each workflow)

const LINE_CREDENTIALS = { lineConnectorChannelAccessTokenApi: TOKEN_CREDENTIAL };

const NODES = {
	baseline: {
		label: 'Baseline: NoOp',
		node: { type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} },
	},
	push: {
		label: 'LINE Messaging: Send Push',
		node: {
			type: 'n8n-nodes-line-connector.lineMessaging',
			typeVersion: 1,
			parameters: {
				resource: 'message',
				operation: 'sendPush',
				to: '={{ $json.userId }}',
				messages: { message: [{ type: 'text', text: '=Hello {{ $json.name }}' }] },
				options: {},
			},
			credentials: LINE_CREDENTIALS,
		},
	},
	httpRequest: {
		label: "n8n's HTTP Request node, same pushes",
		node: (standInUrl) => ({
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'POST',
				url: `${standInUrl}/v2/bot/message/push`,
				sendHeaders: true,
				headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${TOKEN}` }] },
				sendBody: true,
				specifyBody: 'json',
				jsonBody:
					'={ "to": "{{ $json.userId }}", "messages": [{ "type": "text", "text": "Hello {{ $json.name }}" }] }',
				options: {},
			},
		}),
	},
	floor: {
		label: 'Request-helper floor (bench node, no parameters read)',
		node: {
			type: 'CUSTOM.requestFloor',
			typeVersion: 1,
			parameters: {},
			credentials: LINE_CREDENTIALS,
		},
	},
	multicast: {
		label: 'LINE Messaging: Send Multicast, Combine All Items',
		node: {
			type: 'n8n-nodes-line-connector.lineMessaging',
			typeVersion: 1,
			parameters: {
				resource: 'message',
				operation: 'sendMulticast',
				to: '={{ $json.userId }}',
				messages: { message: [{ type: 'text', text: 'Hello' }] },
				options: { combineItems: true },
			},
			credentials: LINE_CREDENTIALS,
		},
	},
};

/** What each case must have made LINE receive, to count as a run that did the work. */
function expected(kind, items) {
	if (kind === 'baseline') return { requests: 0, recipients: 0 };
	if (kind === 'multicast') return { requests: Math.ceil(items / 500), recipients: items };
	return { requests: items, recipients: items };
}

// ---------------------------------------------------------------------------------------------

function summarize(outFile) {
	const data = lib.parseRunOutput(fs.readFileSync(outFile, 'utf8'));
	const resultData = data?.data?.resultData ?? data?.resultData;
	const task = resultData?.runData?.[LAST]?.[0];
	return {
		error: resultData?.error?.message,
		items: task?.data?.main?.[0]?.length ?? 0,
		nodeMs: task?.executionTime,
	};
}

const ms = (value) => value.toFixed(3);
const mb = (bytes) => (bytes / 2 ** 20).toFixed(0);

async function main() {
	const started = Date.now();
	const options = parseArgs(process.argv.slice(2));
	const loadAtStart = os.loadavg();
	const { commit, dirty } = packageCommit();
	const standIn = await startStandIn();
	const n8n = await prepareN8n({
		build: options.build,
		standInUrl: standIn.url,
		prefix: 'line-bench-speed-',
		customExtensions: [path.join(BENCH_DIR, 'floor')],
	});
	const { installed, n8nNode, userFolder } = n8n;

	// One workflow per node kind and size.
	const withMemory = options.memory && !options.profile;
	const sizes = [...new Set([options.items, ...(withMemory ? options.memorySizes : [])])].sort(
		(a, b) => a - b,
	);
	const workflowIds = new Map();
	for (const [kind, { label, node }] of Object.entries(NODES)) {
		if (options.profile && kind !== options.profile) continue;
		for (const items of sizes) {
			const id = `bench${kind[0].toUpperCase()}${kind.slice(1)}${items}`.slice(0, 30);
			const last = typeof node === 'function' ? node(standIn.url) : node;
			const workflow = codeWorkflow(id, `Bench: ${label}, ${items}`, {
				items,
				itemCode: ITEM,
				last,
				lastName: LAST,
			});
			await importInto(n8n, 'workflow', `workflow-${id}`, workflow);
			workflowIds.set(`${kind}:${items}`, id);
		}
	}

	if (options.profile) {
		await profileCase(n8n, workflowIds.get(`${options.profile}:${options.items}`), options);
		await standIn.close();
		cleanUp();
		return;
	}

	// Speed: every kind at --items, per engine. Memory: baseline and Send Push at every size, vm.
	const plan = [];
	for (const engine of options.engines) {
		for (const kind of Object.keys(NODES)) plan.push({ kind, engine, items: options.items });
	}
	if (options.memory) {
		for (const items of options.memorySizes) {
			if (items === options.items && options.engines.includes('vm')) continue;
			for (const kind of ['baseline', 'push'])
				plan.push({ kind, engine: 'vm', items, memory: true });
		}
	}
	// Roughly: 12 s to start n8n and run the Code node, 4 ms per item more at most.
	const estimate = plan.reduce(
		(sum, entry) =>
			sum + (entry.memory ? options.memoryRuns : options.runs) * (12 + entry.items * 0.004),
		0,
	);
	process.stderr.write(
		`[bench] ${options.runs} run(s) × ${plan.length} cases, n8n ${installed.version} (Node ${n8nNode}), load at start ${loadAtStart.map((v) => v.toFixed(2)).join(' ')}; about ${Math.round((estimate + (options.trigger ? 840 : 0)) / 60)} min on 2 cores\n`,
	);

	const results = [];
	const outFile = path.join(userFolder, 'execute-output.txt');
	try {
		for (let run = 1; run <= options.runs; run++) {
			for (const entry of plan) {
				if (entry.memory && run > options.memoryRuns) continue;
				standIn.reset();
				const result = await n8nCommand(
					n8n,
					['execute', `--id=${workflowIds.get(`${entry.kind}:${entry.items}`)}`, '--rawOutput'],
					outFile,
					{ N8N_EXPRESSION_ENGINE: entry.engine },
				);
				const stats = standIn.stats();
				const output = summarize(outFile);
				const want = expected(entry.kind, entry.items);
				const ok =
					result.code === 0 &&
					!output.error &&
					output.items === entry.items &&
					stats.delivered === want.requests &&
					stats.recipients === want.recipients &&
					stats.invalid === 0;
				const row = {
					run,
					kind: entry.kind,
					engine: entry.engine,
					items: entry.items,
					...result,
					stats: { ...stats, texts: undefined },
					duplicates: standIn.duplicates(),
					output,
					ok,
					loadAfter: os.loadavg()[0],
				};
				results.push(row);
				process.stderr.write(
					`[bench] run ${run} ${entry.kind} ${entry.engine} ${count(entry.items)}: ${seconds(result.wallMs)} s, node ${output.nodeMs ?? '?'} ms, peak RSS ${mb(result.peakRssBytes)} MB, requests ${stats.requests} (${stats.connections} connections), duplicates ${row.duplicates}${ok ? '' : `, NOT OK (exit ${result.code}, output ${output.items}, delivered ${stats.delivered}, invalid ${stats.invalid}${output.error ? `, ${output.error}` : ''})`}\n`,
				);
			}
		}
	} finally {
		await standIn.close();
	}

	// The LINE Trigger, with n8n's default settings and with isolates acquired only when needed.
	const trigger = [];
	if (options.trigger) {
		const { runTriggerBench } = await import('./trigger.bench.mjs');
		for (const env of [{}, { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' }])
			trigger.push(await runTriggerBench({ build: false, events: 500, runs: 2, env }));
	}

	const markdown = report({
		options,
		results,
		trigger,
		installed,
		n8nNode,
		loadAtStart,
		commit,
		dirty,
		started,
	});
	process.stdout.write(`\n${markdown}\n`);
	if (options.write) {
		const file = path.join(BENCH_DIR, 'speed-results.md');
		fs.writeFileSync(file, markdown);
		process.stderr.write(`[bench] written to ${path.relative(process.cwd(), file)}\n`);
	}
	process.stderr.write(`[bench] took ${seconds(Date.now() - started)} s\n`);
	cleanUp();
}

// ---------------------------------------------------------------------------------------------
// Where the time goes (--profile)

async function profileCase(n8n, workflowId, options) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'line-bench-profile-'));
	const outFile = path.join(n8n.userFolder, 'profile-output.txt');
	const engine = options.engines[0];
	const result = await n8nCommand(n8n, ['execute', `--id=${workflowId}`, '--rawOutput'], outFile, {
		N8N_EXPRESSION_ENGINE: engine,
		NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}`,
	});
	process.stdout.write(
		`${options.profile}, ${count(options.items)} items, engine ${engine}: exit ${result.code}, ${seconds(result.wallMs)} s\n`,
	);
	process.stdout.write(summarizeProfiles(dir));
	process.stdout.write(`\nRaw profiles: ${dir}\n`);
}

// ---------------------------------------------------------------------------------------------
// The table

function report({
	options,
	results,
	trigger,
	installed,
	n8nNode,
	loadAtStart,
	commit,
	dirty,
	started,
}) {
	const rowsOf = (kind, engine, items) =>
		results.filter((row) => row.kind === kind && row.engine === engine && row.items === items);
	const baseWall = (engine, items) =>
		median(rowsOf('baseline', engine, items).map((row) => row.wallMs));
	const baseRss = (engine, items) =>
		median(rowsOf('baseline', engine, items).map((row) => row.peakRssBytes));
	/** Medians of one case: wall over baseline per item, node time per item, RSS over baseline. */
	const figures = (kind, engine, items) => {
		const rows = rowsOf(kind, engine, items);
		if (rows.length === 0) return undefined;
		return {
			rows,
			overMs: (median(rows.map((row) => row.wallMs)) - baseWall(engine, items)) / items,
			nodeMs: median(rows.map((row) => row.output.nodeMs ?? NaN)) / items,
			rssBytes: median(rows.map((row) => row.peakRssBytes)) - baseRss(engine, items),
		};
	};
	const lines = [
		markdownRow([
			'Case',
			'Engine',
			'Items',
			'Runs (ok)',
			'ms per item over baseline',
			'Whole run over baseline, s',
			'× HTTP Request node',
			'× request-helper floor',
			'Node time, ms per item',
			'Peak RSS over baseline, MB',
			'kB per item',
			'RSS × HTTP Request node',
			'Requests (TCP connections)',
			'Duplicates',
		]),
		markdownRow([
			'---',
			'---',
			'--:',
			'--:',
			'--:',
			'--:',
			'--:',
			'--:',
			'--:',
			'--:',
			'--:',
			'--:',
			'--:',
			'--:',
		]),
	];
	const seen = new Set();
	for (const { kind, engine, items } of results) {
		const key = `${kind}:${engine}:${items}`;
		if (seen.has(key)) continue;
		seen.add(key);
		const own = figures(kind, engine, items);
		const http = figures('httpRequest', engine, items);
		const floor = figures('floor', engine, items);
		const base = kind === 'baseline';
		const ratio = (other, of = 'overMs') =>
			base || !other || kind === other.rows[0].kind ? null : (own[of] / other[of]).toFixed(2);
		const last = own.rows.at(-1);
		lines.push(
			markdownRow([
				NODES[kind].label,
				engine,
				count(items),
				`${own.rows.length} (${own.rows.filter((row) => row.ok).length})`,
				base ? `wall ${seconds(baseWall(engine, items))} s` : `**${ms(own.overMs)}**`,
				base ? null : seconds(own.overMs * items),
				ratio(http),
				ratio(floor),
				ms(own.nodeMs),
				base ? `peak ${mb(baseRss(engine, items))}` : mb(own.rssBytes),
				base ? null : (own.rssBytes / items / 1024).toFixed(1),
				ratio(http, 'rssBytes'),
				`${count(last.stats.requests)} (${count(last.stats.connections)})`,
				count(Math.max(...own.rows.map((row) => row.duplicates))),
			]),
		);
	}
	const info = machine(n8nNode, loadAtStart);
	const loads = results.map((row) => row.loadAfter);
	const parts = [
		'## Benchmark: per item inside real n8n (`npm run bench`)',
		'',
		`Machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGb} GB; driver Node ${info.driverNode}, n8n ${installed.version} on Node ${info.n8nNode}; load average at start ${info.load} (1, 5, 15 min), 1-minute load after each run: median ${median(loads).toFixed(2)}, max ${Math.max(...loads).toFixed(2)}. ${new Date().toISOString().slice(0, 10)}, took ${seconds(Date.now() - started)} s.`,
		`Package: built from commit ${commit}${dirty ? ' with uncommitted changes in nodes/ or credentials/' : ''}${options.build ? '' : ' (dist/ as it was, --no-build)'}.`,
		'',
		`Manual Trigger → Code (N items \`{ userId, name }\`) → the node of the row, run with \`n8n execute --id --rawOutput\` and \`N8N_EXPRESSION_ENGINE\` as the row says (vm is n8n's default); cases alternated within each run, ${options.runs} run(s) each (the memory sizes: ${options.memoryRuns}), medians. The LINE stand-in is a plain Node HTTP server in the driver process on 127.0.0.1 (checks token and body, counts requests, connections and deliveries).`,
		'',
		lines.join('\n'),
		'',
		"ms per item over baseline = (wall of the whole `n8n execute` − the median wall of the NoOp baseline of the same engine and size) ÷ items: what the node costs a user. × HTTP Request node / × floor = that figure divided by the same figure of n8n's HTTP Request node / of the request-helper floor (a bench-only node making the same pushes with one `httpRequestWithAuthentication` per item and nothing else: no parameter read, no check). RSS × HTTP Request node = peak RSS over baseline divided by the HTTP Request node's at the same size. Node time = the node's own execution time as n8n records it in the run data. Peak RSS = the n8n process's highest resident memory (includes printing the run data at the end); over baseline = minus the baseline's at the same size. Duplicates = texts (push) or recipients (multicast) the stand-in received more than once. Runs (ok) = runs that delivered exactly what they should, with every item in the output.",
	];
	for (const { markdown } of trigger) parts.push('', markdown);
	parts.push('');
	return parts.join('\n');
}

await main();
