import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';

import { findScenario, makeInput } from './scenarios';
import { installTimers, readTimers, resetTimers, type TimerStat } from './timers';

/**
 * One measurement in a fresh process (so peak RSS belongs to this scenario alone), driven by
 * push.bench.ts over IPC: warm up (JIT, module loading, first connection), say `ready`, wait for
 * `go` (the driver resets the server's counters in between), run once, report.
 *
 * Usage: node --expose-gc child.js <scenario> <items> <server url> [warmup items]
 * With BENCH_CPU_PROFILE=<file>, the measured run (only) is CPU-profiled into that file; with
 * BENCH_TIMERS=1, timers (bench/timers.ts) are wrapped around the functions a push goes through.
 * Without an IPC channel it runs at once and prints the result as JSON.
 */

function post<T>(session: Session, method: string, params?: object): Promise<T> {
	return new Promise((resolve, reject) => {
		session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T)));
	});
}

/** Starts V8's sampling profiler; the returned function stops it and writes the profile. */
async function startProfile(file: string): Promise<() => Promise<void>> {
	const session = new Session();
	session.connect();
	await post(session, 'Profiler.enable');
	await post(session, 'Profiler.setSamplingInterval', { interval: 100 });
	await post(session, 'Profiler.start');
	return async () => {
		const { profile } = await post<{ profile: object }>(session, 'Profiler.stop');
		writeFileSync(file, JSON.stringify(profile));
		session.disconnect();
	};
}

function send(message: object): Promise<void> {
	if (!process.send) {
		process.stdout.write(`${JSON.stringify(message)}\n`);
		return Promise.resolve();
	}
	return new Promise((resolve) => process.send!(message, () => resolve()));
}

export interface ChildResult {
	type: 'result';
	scenario: string;
	items: number;
	ms: number;
	/** CPU time (user + system) the node's process spent during the measured run. */
	cpuMs: number;
	outputItems: number;
	status: string;
	error?: string;
	/** Process peak RSS (includes loading n8n and the warm-up run). */
	peakRssMB: number;
	/** RSS and V8 heap right before the measured run, after a full GC. */
	baseRssMB: number;
	baseHeapMB: number;
	/** Highest V8 heap use seen during the measured run (sampled every 10 ms). */
	peakHeapMB: number;
	timers?: TimerStat[];
}

const MB = 1024 * 1024;

async function main(): Promise<void> {
	const [name, itemsArg, url, warmupArg] = process.argv.slice(2);
	const scenario = findScenario(name);
	const items = Number(itemsArg);
	const warmupItems = Number(warmupArg ?? 2000);

	const timed = process.env.BENCH_TIMERS === '1';
	if (timed) installTimers();
	await scenario.run(makeInput(warmupItems), url);
	if (timed) resetTimers();
	const input = makeInput(items);

	if (process.send) {
		await new Promise<void>((resolve) => {
			process.once('message', () => resolve());
			process.send!({ type: 'ready' });
		});
	}
	const profileFile = process.env.BENCH_CPU_PROFILE;

	const gc = (globalThis as { gc?: () => void }).gc;
	gc?.();
	gc?.();
	const baseRss = process.memoryUsage.rss();
	const baseHeap = v8.getHeapStatistics().used_heap_size;
	let peakRss = baseRss;
	let peakHeap = baseHeap;
	const sample = () => {
		const rss = process.memoryUsage.rss();
		const heap = v8.getHeapStatistics().used_heap_size;
		if (rss > peakRss) peakRss = rss;
		if (heap > peakHeap) peakHeap = heap;
	};
	const sampler = setInterval(sample, 10);
	const stopProfile = profileFile ? await startProfile(profileFile) : undefined;

	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const run = await scenario.run(input, url);
	const ms = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	await stopProfile?.();

	sample();
	clearInterval(sampler);
	const maxRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
	const result: ChildResult = {
		type: 'result',
		scenario: name,
		items,
		ms,
		cpuMs: (cpu.user + cpu.system) / 1000,
		outputItems: run.outputItems,
		status: run.status,
		error: run.error,
		peakRssMB: maxRss / MB,
		baseRssMB: baseRss / MB,
		baseHeapMB: baseHeap / MB,
		peakHeapMB: peakHeap / MB,
		timers: timed ? readTimers() : undefined,
	};
	await send(result);
	process.exit(0);
}

main().catch(async (error: Error) => {
	await send({ type: 'failed', message: error.stack ?? error.message });
	process.exit(1);
});
