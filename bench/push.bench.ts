import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { ChildResult } from './child';
import { scenarios, type Scenario } from './scenarios';
import { startBenchServer, type BenchServer } from './server';

/**
 * Per-item cost of the LINE Messaging node inside n8n-core's real execution engine, next to
 * baselines run against the same local server. Every measurement runs in a fresh process
 * (warm-up first), repetitions are interleaved across scenarios, and medians are reported.
 *
 *   npm run bench                          # 5 repetitions, 1,000 and 10,000 items
 *   npm run bench -- --reps 3 --sizes 1000 # quicker
 *   npm run bench -- --scenarios engine,push-expr
 *
 * Writes the markdown table to bench/results.md and prints it.
 */

interface Options {
	reps: number;
	sizes: number[];
	names: string[];
	warmup: number;
	write: boolean;
}

function parseArgs(argv: string[]): Options {
	const options: Options = {
		reps: 5,
		sizes: [1_000, 10_000],
		names: scenarios.filter((s) => !s.extra).map((s) => s.name),
		warmup: 2_000,
		write: true,
	};
	for (let i = 0; i < argv.length; i++) {
		const value = argv[i + 1];
		switch (argv[i]) {
			case '--reps':
				options.reps = Number(value);
				i++;
				break;
			case '--sizes':
				options.sizes = value.split(',').map(Number);
				i++;
				break;
			case '--scenarios':
				options.names = value.split(',');
				i++;
				break;
			case '--warmup':
				options.warmup = Number(value);
				i++;
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

interface Measurement extends ChildResult {
	/** 1-minute load average when the run ended (the bench itself accounts for about 1–1.5). */
	load: number;
	requests: number;
	connections: number;
	problems: string[];
}

function measure(scenario: Scenario, items: number, server: BenchServer, warmup: number): Promise<Measurement> {
	return new Promise((resolve, reject) => {
		const child = fork(path.join(__dirname, 'child.js'), [scenario.name, String(items), server.url, String(warmup)], {
			execArgv: ['--expose-gc'],
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		let settled = false;
		child.on('message', (message: { type: string; message?: string }) => {
			if (message.type === 'ready') {
				server.reset();
				child.send('go');
			} else if (message.type === 'result') {
				settled = true;
				const result = message as unknown as ChildResult;
				const { requests, connections, refused } = server.stats;
				const problems: string[] = [];
				const expectedRequests = scenario.expectedRequests(items);
				const expectedOutput = scenario.expectedOutput?.(items) ?? items;
				if (result.status !== 'success') problems.push(`status ${result.status}: ${result.error ?? ''}`);
				if (requests !== expectedRequests) problems.push(`${requests} requests, expected ${expectedRequests}`);
				if (refused > 0) problems.push(`${refused} requests refused by the server`);
				if (result.outputItems !== expectedOutput) {
					problems.push(`${result.outputItems} output items, expected ${expectedOutput}`);
				}
				resolve({ ...result, load: os.loadavg()[0], requests, connections, problems });
			} else if (message.type === 'failed') {
				settled = true;
				reject(new Error(`${scenario.name} × ${items} failed:\n${message.message}`));
			}
		});
		child.on('exit', (code) => {
			if (!settled) reject(new Error(`${scenario.name} × ${items}: child exited with ${code}`));
		});
	});
}

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds per item with 3 significant decimals. */
function perItem(ms: number, items: number): number {
	return ms / items;
}

function fmt(ms: number): string {
	return ms >= 10 ? ms.toFixed(1) : ms.toFixed(3);
}

function packageVersion(name: string): string {
	try {
		const file = require.resolve(`${name}/package.json`, { paths: [process.cwd()] });
		return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
	} catch {
		return '?';
	}
}

function cpuModel(): string {
	try {
		const line = readFileSync('/proc/cpuinfo', 'utf8')
			.split('\n')
			.find((l) => l.startsWith('model name'));
		if (line) return line.split(':')[1].trim();
	} catch {
		// not Linux
	}
	return os.cpus()[0]?.model ?? 'unknown';
}

interface Summary {
	scenario: Scenario;
	items: number;
	runs: Measurement[];
	msPerItem: number;
	minPerItem: number;
	maxPerItem: number;
	cpuPerItem: number;
	totalS: number;
	requests: number;
	connections: number;
	peakRssMB: number;
	peakHeapMB: number;
	heapGrowthMB: number;
	problems: string[];
}

function summarize(scenario: Scenario, items: number, runs: Measurement[]): Summary {
	const perItems = runs.map((r) => perItem(r.ms, items));
	return {
		scenario,
		items,
		runs,
		msPerItem: median(perItems),
		minPerItem: Math.min(...perItems),
		maxPerItem: Math.max(...perItems),
		cpuPerItem: median(runs.map((r) => r.cpuMs / items)),
		totalS: median(runs.map((r) => r.ms)) / 1000,
		requests: median(runs.map((r) => r.requests)),
		connections: median(runs.map((r) => r.connections)),
		peakRssMB: median(runs.map((r) => r.peakRssMB)),
		peakHeapMB: median(runs.map((r) => r.peakHeapMB)),
		heapGrowthMB: median(runs.map((r) => r.peakHeapMB - r.baseHeapMB)),
		problems: [...new Set(runs.flatMap((r) => r.problems))],
	};
}

function report(summaries: Summary[], options: Options, totalS: number): string {
	const lines: string[] = [];
	const cores = os.availableParallelism?.() ?? os.cpus().length;
	const loads = summaries.flatMap((s) => s.runs.map((r) => r.load));
	lines.push('## Benchmark: per-item cost inside n8n');
	lines.push('');
	lines.push(
		`Machine: Node ${process.version}, ${cpuModel()}, ${cores} cores; n8n-core ${packageVersion('n8n-core')}, ` +
			`n8n-workflow ${packageVersion('n8n-workflow')}, @line/bot-sdk ${packageVersion('@line/bot-sdk')}. ` +
			`${options.reps} runs per row, each in a fresh process after a ${options.warmup}-item warm-up; ` +
			`median (min–max). Local server on 127.0.0.1 answering like LINE (200, \`x-line-request-id\`). ` +
			`Run: \`npm run bench\` (${(totalS / 60).toFixed(1)} min). ` +
			`1-minute load average at the end of each run: median ${median(loads).toFixed(1)}, max ${Math.max(...loads).toFixed(1)} ` +
			`(the bench itself, client and server, accounts for about 1–1.5 on its own).`,
	);
	lines.push('');
	lines.push(
		'| Scenario | Items | Requests (TCP conns) | ms per item, wall | ms per item, CPU | Total s | Peak RSS MB | Peak heap MB (+ during run) |',
	);
	lines.push('|---|--:|--:|--:|--:|--:|--:|--:|');
	for (const s of summaries) {
		const warn = s.problems.length ? ' ⚠' : '';
		lines.push(
			`| ${s.scenario.label}${warn} | ${s.items.toLocaleString('en-US')} | ${s.requests} (${s.connections}) | ` +
				`**${fmt(s.msPerItem)}** (${fmt(s.minPerItem)}–${fmt(s.maxPerItem)}) | ${fmt(s.cpuPerItem)} | ` +
				`${s.totalS.toFixed(2)} | ${s.peakRssMB.toFixed(0)} | ${s.peakHeapMB.toFixed(0)} (+${s.heapGrowthMB.toFixed(0)}) |`,
		);
	}

	lines.push('');
	lines.push(
		'Wall = elapsed time of the whole engine run ÷ items (LINE Messaging rows: up to 10 pushes in flight unless the row says otherwise). ' +
			'CPU = user + system time of the n8n process ÷ items (the server runs in another process); on this noisy ' +
			'2-core machine it is steadier than wall. Peak RSS = the process maximum, including loading n8n ' +
			'(the pass-through row shows that base). Peak heap = V8 heap in use, sampled every 10 ms; (+) is its ' +
			'growth during the run, mostly short-lived garbage (the bare SDK, which keeps nothing, grows as much).',
	);

	const find = (name: string, items: number) =>
		summaries.find((s) => s.scenario.name === name && s.items === items);
	const pair = (a: Summary, b: Summary | undefined) =>
		b ? `${fmt(a.msPerItem - b.msPerItem)} / ${fmt(a.cpuPerItem - b.cpuPerItem)}` : '–';
	const derived: string[] = [];
	for (const items of options.sizes) {
		const engine = find('engine', items);
		const helper = find('helper', items);
		const sdk = find('sdk', items);
		const rows = ['push-expr', 'push-const', 'push-expr-serial', 'multicast', 'helper', 'helper-fnauth'];
		for (const name of rows) {
			const run = find(name, items);
			if (!run) continue;
			const perRequest = name !== 'multicast';
			const cells = [
				run.scenario.label,
				items.toLocaleString('en-US'),
				`${fmt(run.msPerItem)} / ${fmt(run.cpuPerItem)}`,
				engine ? `**${pair(run, engine)}**` : '–',
				perRequest && name !== 'helper' ? pair(run, helper) : '–',
				perRequest && sdk ? fmt(run.msPerItem - sdk.msPerItem) : '–',
			];
			derived.push(`| ${cells.join(' | ')} |`);
		}
	}
	if (derived.length) {
		lines.push('');
		lines.push('Derived, ms per item, wall / CPU (differences of medians):');
		lines.push('');
		lines.push(
			'| Run | Items | Run itself | Node cost = run − (a) engine | Overhead over (b) helper floor | Over (c) bare SDK, wall |',
		);
		lines.push('|---|--:|--:|--:|--:|--:|');
		lines.push(...derived);
	}

	const problems = summaries.filter((s) => s.problems.length);
	if (problems.length) {
		lines.push('');
		lines.push('⚠ Problems:');
		for (const s of problems) lines.push(`- ${s.scenario.name} × ${s.items}: ${s.problems.join('; ')}`);
	}
	lines.push('');
	return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	const chosen = options.names.map((name) => {
		const scenario = scenarios.find((s) => s.name === name);
		if (!scenario) throw new Error(`Unknown scenario "${name}" (known: ${scenarios.map((s) => s.name).join(', ')})`);
		return scenario;
	});
	const plan: Array<{ scenario: Scenario; items: number }> = [];
	for (const items of options.sizes) {
		for (const scenario of chosen) {
			if (!scenario.sizes || scenario.sizes.includes(items)) plan.push({ scenario, items });
		}
	}

	const server = await startBenchServer();
	const results = new Map<string, Measurement[]>();
	const started = Date.now();
	try {
		// Interleaved: one run of every row, then the next repetition, so drifting noise spreads out.
		for (let rep = 1; rep <= options.reps; rep++) {
			for (const { scenario, items } of plan) {
				const key = `${scenario.name}:${items}`;
				const m = await measure(scenario, items, server, options.warmup);
				results.set(key, [...(results.get(key) ?? []), m]);
				process.stderr.write(
					`[${rep}/${options.reps}] ${scenario.name.padEnd(17)} ${String(items).padStart(6)} items: ` +
						`${fmt(m.ms / items)} ms/item, cpu ${fmt(m.cpuMs / items)} ms/item, ${m.requests} req, ` +
						`rss ${m.peakRssMB.toFixed(0)} MB, heap ${m.peakHeapMB.toFixed(0)} MB, load ${m.load.toFixed(1)}` +
						`${m.problems.length ? `  ⚠ ${m.problems.join('; ')}` : ''}\n`,
				);
			}
		}
	} finally {
		await server.close();
	}

	const summaries = plan.map(({ scenario, items }) =>
		summarize(scenario, items, results.get(`${scenario.name}:${items}`) ?? []),
	);
	const markdown = report(summaries, options, (Date.now() - started) / 1000);
	process.stdout.write(`\n${markdown}`);
	if (options.write) {
		const file = path.resolve(__dirname, '..', '..', 'results.md');
		writeFileSync(file, markdown);
		process.stderr.write(`\nWritten to ${path.relative(process.cwd(), file)}\n`);
	}
	if (summaries.some((s) => s.problems.length)) process.exitCode = 1;
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exit(1);
});
