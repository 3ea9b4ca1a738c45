import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { ChildResult } from './child';
import { bucketize, areaOf, summarizeProfile, type CallFrame, type CpuProfile } from './cpuprofile';
import { startBenchServer, type BenchServer } from './server';
import type { TimerStat } from './timers';

/**
 * Where the per-item time goes. For each scenario, two extra runs in fresh processes (after a
 * warm-up): one with wall-clock timers around the functions a push goes through
 * (bench/timers.ts), one under V8's CPU profiler (the measured run only), whose samples are
 * split into buckets by their stacks. Timers and the profiler both add overhead; compare rows
 * within a run, and take absolute per-item costs from `npm run bench`.
 *
 *   node bench/.build/bench/profile.js [--items 10000] [--warmup 2000] [--scenarios a,b]
 *
 * Writes bench/profile.md and keeps the raw profiles in bench/profiles/ (open them in Chrome
 * DevTools or speedscope).
 */

const DEFAULT_SCENARIOS = ['push-expr', 'push-expr-serial', 'push-const', 'helper', 'helper-fnauth', 'helper-c4', 'sdk'];

interface Options {
	items: number;
	warmup: number;
	names: string[];
}

function parseArgs(argv: string[]): Options {
	const options: Options = { items: 10_000, warmup: 2_000, names: DEFAULT_SCENARIOS };
	for (let i = 0; i < argv.length; i += 2) {
		const value = argv[i + 1];
		if (argv[i] === '--items') options.items = Number(value);
		else if (argv[i] === '--warmup') options.warmup = Number(value);
		else if (argv[i] === '--scenarios') options.names = value.split(',');
		else throw new Error(`Unknown option ${argv[i]}`);
	}
	return options;
}

function runChild(name: string, options: Options, server: BenchServer, env: NodeJS.ProcessEnv): Promise<ChildResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['--expose-gc', path.join(__dirname, 'child.js'), name, String(options.items), server.url, String(options.warmup)],
			{ env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
		);
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.on('exit', (code) => {
			try {
				const result = JSON.parse(out.trim().split('\n').pop() ?? '') as ChildResult & { message?: string };
				if (result.type !== 'result') return reject(new Error(`${name}: ${result.message ?? out}`));
				if (result.status !== 'success') return reject(new Error(`${name}: ${result.error}`));
				resolve(result);
			} catch {
				reject(new Error(`${name}: child exited with ${code}: ${out}`));
			}
		});
	});
}

// ---------------------------------------------------------------------------------------------
// Classifying profile samples

const HTTP_AREAS = new Set([
	'pkg: axios',
	'pkg: follow-redirects',
	'pkg: proxy-from-env',
	'pkg: @n8n/backend-network',
	'pkg: form-data',
	'pkg: agent-base',
	'Node: http/net/streams',
]);

function inStack(stack: CallFrame[], functionName: string, url: string): boolean {
	return stack.some((frame) => frame.functionName === functionName && frame.url.includes(url));
}

/** The bucket of one sample, from its synchronous stack (leaf first). */
function classify(stack: CallFrame[]): string {
	const leaf = stack[0];
	if (leaf.functionName === '(idle)') return 'idle: waiting (server, network)';
	if (leaf.functionName === '(garbage collector)') return 'GC';
	if (leaf.functionName === '(program)') return 'V8/native (program)';
	const credentialAuth = inStack(stack, 'authenticate', '/test/support/engine');
	if (inStack(stack, 'resolveSimpleParameterValue', 'n8n-workflow/dist/cjs/workflow-expression')) {
		return credentialAuth
			? 'n8n expression: credential `=Bearer {{$credentials.accessToken}}`'
			: 'n8n expression: node parameters';
	}
	if (credentialAuth) return 'credential authenticate, other';
	if (inStack(stack, '_getNodeParameter', 'node-execution-context')) return 'n8n getNodeParameter, outside expressions';
	const areas = stack.map(areaOf);
	if (areas.some((area) => HTTP_AREAS.has(area)) || inStack(stack, 'httpRequest', '@n8n/backend-network')) {
		return 'n8n HTTP stack (backend-network, axios, follow-redirects, agents, Node http/net)';
	}
	if (areas.includes('Node: undici (fetch)')) return 'fetch (undici, Node built-in)';
	if (areas.includes('pkg: @line/bot-sdk')) return '@line/bot-sdk';
	if (areas.includes('bench code')) return 'bench (input, memory sampler)';
	if (areas.includes('this package: node code')) return 'this package: node code (and builtins it calls)';
	if (areas.some((area) => area.startsWith('test harness'))) return 'test harness (credentials helper)';
	// Natives (syscalls, builtins) belong to the nearest script frame that called them.
	const area = areas.find((_, index) => stack[index].url !== '') ?? areas[0];
	if (area === 'pkg: n8n-core' || area === 'pkg: n8n-workflow' || area === 'pkg: lodash') return 'n8n engine, other';
	if (area === 'Node: other internals') return 'Node: event loop, microtasks, timers';
	return `other (${area})`;
}

// ---------------------------------------------------------------------------------------------
// Report

const TIMER_ROWS = [
	'node execute() [LINE]',
	'node execute() [helper floor]',
	'ItemParameters.get',
	'n8n getNodeParameter',
	'n8n getNode() (returns a deep copy of the node)',
	'n8n expression: evaluations (strings starting with =)',
	'n8n expression: getSimpleParameterValue (credential)',
	'readMessages (incl. checkMessages)',
	'checkMessages',
	'checkRecipientId',
	'readSendOptions',
	'DerivedKeys.key (retry key)',
	'LineClient.request (wall)',
	'n8n httpRequestWithAuthentication (wall)',
	'n8n httpRequestWithAuthentication (sync part)',
	'credentialsHelper.preAuthentication (wall)',
	'credentialsHelper.authenticate (sync part)',
	'n8n OutboundHttp → axios httpRequest (wall)',
];

function us(ms: number, items: number): string {
	const value = (ms / items) * 1000;
	return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	const profileDir = path.resolve(__dirname, '..', '..', 'profiles');
	mkdirSync(profileDir, { recursive: true });
	const server = await startBenchServer();

	const timed = new Map<string, { result: ChildResult; timers: TimerStat[] }>();
	const profiled = new Map<string, { result: ChildResult; buckets: Array<{ bucket: string; ms: number }>; profile: CpuProfile }>();
	try {
		for (const name of options.names) {
			process.stderr.write(`${name}: timers… `);
			const withTimers = await runChild(name, options, server, { BENCH_TIMERS: '1' });
			timed.set(name, { result: withTimers, timers: withTimers.timers ?? [] });
			process.stderr.write(`${us(withTimers.ms, options.items)} µs/item; CPU profile… `);
			const file = path.join(profileDir, `${name}-${options.items}.cpuprofile`);
			const withProfile = await runChild(name, options, server, { BENCH_CPU_PROFILE: file });
			const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
			profiled.set(name, { result: withProfile, buckets: bucketize(profile, classify), profile });
			process.stderr.write(`${us(withProfile.ms, options.items)} µs/item\n`);
		}
	} finally {
		await server.close();
	}

	const n = options.items;
	const lines: string[] = [];
	lines.push(`## Profile: where the per-item time goes (${n.toLocaleString('en-US')} items, µs per item)`);
	lines.push('');
	lines.push(
		`Each column is one run in a fresh process after a ${options.warmup.toLocaleString('en-US')}-item warm-up. ` +
			'Timers and the profiler add overhead, so compare within a table; per-item costs come from `npm run bench`. ' +
			'Regenerate: `node bench/.build/bench/profile.js` after `npm run bench` has built it.',
	);
	lines.push('');

	const names = options.names;
	lines.push('### Wall-clock timers (µs per item; nested rows are included in the rows above them)');
	lines.push('');
	lines.push(`| Timer | ${names.join(' | ')} |`);
	lines.push(`|---|${names.map(() => '--:').join('|')}|`);
	lines.push(`| whole run (engine included) | ${names.map((name) => us(timed.get(name)!.result.ms, n)).join(' | ')} |`);
	for (const row of TIMER_ROWS) {
		const cells = names.map((name) => {
			const stat = timed.get(name)!.timers.find((t) => t.name === row);
			return stat && stat.calls > 0 ? `${us(stat.ms, n)} (${(stat.calls / n).toFixed(stat.calls % n ? 2 : 0)}×)` : '–';
		});
		if (cells.every((cell) => cell === '–')) continue;
		lines.push(`| ${row} | ${cells.join(' | ')} |`);
	}
	lines.push('');
	lines.push('(n×) = calls per item.');
	lines.push('');

	lines.push('### CPU profile, by bucket (µs per item; samples classified by their synchronous stack)');
	lines.push('');
	const buckets = [...new Set(names.flatMap((name) => profiled.get(name)!.buckets.map((b) => b.bucket)))];
	const totalOf = (name: string, bucket: string) => profiled.get(name)!.buckets.find((b) => b.bucket === bucket)?.ms ?? 0;
	buckets.sort((a, b) => totalOf(names[0], b) - totalOf(names[0], a));
	lines.push(`| Bucket | ${names.join(' | ')} |`);
	lines.push(`|---|${names.map(() => '--:').join('|')}|`);
	lines.push(`| wall time of the profiled run | ${names.map((name) => us(profiled.get(name)!.result.ms, n)).join(' | ')} |`);
	for (const bucket of buckets) {
		const cells = names.map((name) => {
			const ms = totalOf(name, bucket);
			return ms > 0 ? us(ms, n) : '–';
		});
		lines.push(`| ${bucket} | ${cells.join(' | ')} |`);
	}
	lines.push('');

	const first = profiled.get(names[0]);
	if (first) {
		const summary = summarizeProfile(first.profile, [], 20);
		lines.push(`### Top self time, ${names[0]} (µs per item)`);
		lines.push('');
		lines.push('| Function | µs |');
		lines.push('|---|--:|');
		for (const { frame, ms } of summary.topSelf) lines.push(`| \`${frame}\` | ${us(ms, n)} |`);
		lines.push('');
	}

	const markdown = lines.join('\n');
	process.stdout.write(`\n${markdown}`);
	const file = path.resolve(__dirname, '..', '..', 'profile.md');
	writeFileSync(file, markdown);
	process.stderr.write(`\nWritten to ${path.relative(process.cwd(), file)}; raw profiles in ${path.relative(process.cwd(), profileDir)}/\n`);
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exit(1);
});
