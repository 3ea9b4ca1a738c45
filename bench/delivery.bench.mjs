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
	spread,
	startStandIn,
	TOKEN_CREDENTIAL,
} from './realN8n.mjs';

const NODE = 'Send Push';
const ITEM = "{ userId: 'U' + i.toString(16).padStart(32, '0'), text: 'Message ' + i }";

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
		lineConnectorChannelAccessTokenApi: TOKEN_CREDENTIAL,
	},
};
const NOOP_NODE = { type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} };

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
	const { commit, dirty } = packageCommit();
	const standIn = await startStandIn();
	const n8n = await prepareN8n({
		build: options.build,
		standInUrl: standIn.url,
		prefix: 'line-bench-delivery-',
	});
	const { installed, n8nNode, userFolder } = n8n;
	const items = { items: options.items, itemCode: ITEM, lastName: NODE };
	const push = codeWorkflow('benchDeliveryPush', 'Bench: 10,000 pushes', {
		...items,
		last: PUSH_NODE,
	});
	const noop = codeWorkflow('benchDeliveryNoOp', 'Bench: baseline (NoOp)', {
		...items,
		last: NOOP_NODE,
	});
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
				const duplicates = standIn.duplicates();
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
