// What the benchmarks in real n8n share: a fast LINE stand-in on 127.0.0.1, running `n8n
// <command>` in its own process group (with its peak memory), importing workflows and
// credentials, and the figures (median, spread, the machine). Benchmarks, not tests: nothing here
// asserts time.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const lib = await import(path.join(BENCH_DIR, '..', 'scripts', 'n8n.mjs'));

export const TOKEN = 'bench-channel-access-token';
export const TOKEN_CREDENTIAL = { id: 'lineSandboxToken', name: 'LINE Sandbox (token)' };

// ---------------------------------------------------------------------------------------------
// The LINE stand-in: push and multicast only, as fast as a plain Node server can be.

/** A small seeded generator (mulberry32): the same seed, the same draws. */
export function seeded(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = Math.imul(state ^ (state >>> 15), state | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const RECIPIENT = /^[UCR][0-9a-f]{32}$/;
const PATHS = new Set(['/v2/bot/message/push', '/v2/bot/message/multicast']);

/**
 * A LINE stand-in: checks the token and the body's shape, honours X-Line-Retry-Key (409 to a key
 * it accepted), answers a share of requests 429 when asked to (`reset({ rate, seed, retryAfter })`),
 * and counts requests, TCP connections, deliveries per text and recipients.
 */
export function startStandIn() {
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
			connections: 0,
			rateLimited: 0,
			rateLimitedRetryAfter: 0,
			conflicts: 0,
			invalid: 0,
			delivered: 0,
			recipients: 0,
			/** How often each delivered text (push) or recipient (multicast) was delivered. */
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
	const count = (key) => stats.texts.set(key, (stats.texts.get(key) ?? 0) + 1);
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			stats.requests++;
			if (req.method !== 'POST' || !PATHS.has(req.url)) {
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
			const multicast = req.url.endsWith('/multicast');
			const to = multicast ? body?.to : [body?.to];
			if (
				!Array.isArray(to) ||
				to.length === 0 ||
				to.length > 500 ||
				!to.every((id) => RECIPIENT.test(id ?? '')) ||
				typeof text !== 'string'
			) {
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
				if (retryAfter) stats.rateLimitedRetryAfter++;
				return answer(
					res,
					429,
					{ message: 'The API rate limit has been exceeded. Try again later.' },
					retryAfter ? { 'retry-after': '1' } : {},
				);
			}
			if (key) accepted.set(key, `bench-${nextId}`);
			stats.delivered++;
			stats.recipients += to.length;
			if (multicast) {
				for (const id of to) count(id);
				return answer(res, 200, {});
			}
			count(text);
			answer(res, 200, { sentMessages: [{ id: String(nextId), quoteToken: 'q' }] });
		});
	});
	server.on('connection', () => stats.connections++);
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			resolve({
				url: `http://127.0.0.1:${server.address().port}`,
				reset,
				stats: () => stats,
				/** Deliveries of one text (push) or recipient (multicast) beyond the first. */
				duplicates: () => [...stats.texts.values()].filter((times) => times > 1).length,
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
// Workflows

/** Manual Trigger → Code (`items` items made by `itemCode`, a JS expression of `i`) → `last`. */
export function codeWorkflow(id, name, { items, itemCode, last, lastName }) {
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
					jsCode: `const items = [];\nfor (let i = 0; i < ${items}; i++) {\n\titems.push({ json: ${itemCode} });\n}\nreturn items;`,
				},
			},
			{ id: `${id}-3`, name: lastName, position: [440, 0], ...last },
		],
		connections: {
			Run: { main: [[{ node: 'Recipients', type: 'main', index: 0 }]] },
			Recipients: { main: [[{ node: lastName, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

// ---------------------------------------------------------------------------------------------
// Running n8n commands, each in its own process group, tracked so that none outlives the bench

const running = new Set();
const scratchFolders = new Set();
function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		// Already gone.
	}
}
export function cleanUp() {
	for (const pid of running) killGroup(pid, 'SIGKILL');
	running.clear();
	for (const folder of scratchFolders) fs.rmSync(folder, { recursive: true, force: true });
	scratchFolders.clear();
}
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		cleanUp();
		process.exit(130);
	});
}
process.once('exit', cleanUp);

/** A folder for one bench's n8n, removed when the bench ends. */
export function scratchFolder(prefix) {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	scratchFolders.add(folder);
	return folder;
}

/** The highest resident set size the process has had, in bytes (Linux); undefined once gone. */
function peakRss(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
		return kb === undefined ? undefined : Number(kb) * 1024;
	} catch {
		return undefined;
	}
}

/**
 * Runs `n8n <args>` to its end with its output in `outFile`; resolves `{ code, wallMs, peakRssBytes }`:
 * wall time from spawn to exit, and the n8n process's peak resident memory (sampled until it
 * exits). The whole group (n8n and its task runners) is killed when it exits.
 */
export function n8nCommand({ installed, env, userFolder }, args, outFile, extraEnv = {}) {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(outFile, 'w');
		const start = process.hrtime.bigint();
		const child = spawn(installed.node, [installed.n8nBin, ...args], {
			cwd: userFolder,
			env: { ...env, ...extraEnv },
			detached: true,
			stdio: ['ignore', out, out],
		});
		fs.closeSync(out);
		running.add(child.pid);
		let peak = 0;
		const sampler = setInterval(() => {
			peak = Math.max(peak, peakRss(child.pid) ?? 0);
		}, 100);
		const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 60 * 60_000);
		const done = () => {
			clearInterval(sampler);
			clearTimeout(timer);
			killGroup(child.pid, 'SIGKILL');
			running.delete(child.pid);
		};
		child.on('error', (error) => {
			done();
			reject(error);
		});
		child.on('exit', (code, signal) => {
			const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
			done();
			resolve({ code: code ?? 128, signal, wallMs, peakRssBytes: peak });
		});
	});
}

/** `n8n import:credentials` / `import:workflow` of `data`, written to a file first. */
export async function importInto(n8n, kind, name, data) {
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

/**
 * A scratch n8n of the pinned version with this package installed as n8n's installer does, and
 * the LINE credentials pointed at `standInUrl`. `customExtensions`: folders of extra nodes.
 */
export async function prepareN8n({ build, standInUrl, prefix, customExtensions }) {
	const installed = await lib.ensureN8n(lib.PINNED_N8N_VERSION);
	const n8nNode = lib.run(installed.node, ['--version']).stdout.trim();
	const tarball = lib.packPackage({ build });
	const userFolder = scratchFolder(prefix);
	const port = await lib.freePort();
	lib.installInto(userFolder, tarball);
	const extra = customExtensions ? { N8N_CUSTOM_EXTENSIONS: customExtensions.join(';') } : {};
	const n8n = {
		installed,
		n8nNode,
		userFolder,
		env: lib.n8nEnv(installed, { userFolder, port, brokerPort: port + 1, env: extra }),
	};
	await importInto(
		n8n,
		'credentials',
		'credentials',
		lib.lineCredentials(
			{ id: '1234567890', secret: 'bench-secret', accessToken: TOKEN },
			standInUrl,
		),
	);
	return n8n;
}

/** The package's commit, and whether nodes/ or credentials/ differ from it. */
export function packageCommit() {
	const git = (...args) => lib.run('git', args, { cwd: lib.REPO_ROOT }).stdout.trim();
	return {
		commit: git('rev-parse', '--short', 'HEAD'),
		dirty: git('status', '--porcelain', '--', 'nodes', 'credentials') !== '',
	};
}

// ---------------------------------------------------------------------------------------------
// Figures

export const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
export const seconds = (ms) => (ms / 1000).toFixed(1);
/** Median (min–max), or the one value when all are the same (as shown). */
export const spread = (values, format) => {
	const [low, high] = [format(Math.min(...values)), format(Math.max(...values))];
	return low === high ? low : `${format(median(values))} (${low}–${high})`;
};
export const count = (value) => value.toLocaleString('en-US');
export const markdownRow = (cells) => `| ${cells.map((cell) => cell ?? '–').join(' | ')} |`;

/** The machine, for the table's heading: CPU, cores, memory, Node versions, load at start. */
export function machine(n8nNode, load) {
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

/** What a frame of a CPU profile belongs to, by its script's path. */
function bucketOf({ functionName, url }) {
	if (functionName === '(garbage collector)') return 'garbage collection';
	if (functionName === '(idle)' || functionName === '(program)') return functionName;
	if (url.includes('n8n-nodes-line-connector')) return 'this package';
	if (/isolated-vm|expression-runtime|tmpl|expression|Expression/i.test(url))
		return 'expressions (n8n)';
	if (/^node:(_http|http|https|net|tls|dns|_tls|internal\/(http|net|dns|stream))/.test(url))
		return 'HTTP and TCP (Node)';
	const modules = url.split('node_modules/');
	if (modules.length > 1) {
		const [scope, name] = modules.at(-1).split('/');
		return scope.startsWith('@') ? `${scope}/${name}` : scope;
	}
	return url.startsWith('node:') ? 'Node internals' : url || '(native)';
}

/** Where the time of the CPU profiles in `dir` went, by bucketOf, as text (busy processes only). */
export function summarizeProfiles(dir, { functions = 0 } = {}) {
	const lines = [];
	for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
		const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		const byId = new Map(profile.nodes.map((node) => [node.id, node]));
		const selfUs = new Map();
		const byFunction = new Map();
		let total = 0;
		profile.samples.forEach((id, index) => {
			const delta = profile.timeDeltas[index] ?? 0;
			const frame = byId.get(id).callFrame;
			const bucket = bucketOf(frame);
			selfUs.set(bucket, (selfUs.get(bucket) ?? 0) + delta);
			const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('node_modules/').at(-1)}:${frame.lineNumber + 1}`;
			byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
			total += delta;
		});
		const busy = total - (selfUs.get('(idle)') ?? 0);
		if (busy < 1e6) continue; // a helper process that hardly ran
		lines.push(`\n${file}: ${seconds(busy / 1000)} s busy\n`);
		for (const [bucket, us] of [...selfUs].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
			if (bucket === '(idle)') continue;
			lines.push(`  ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${bucket}\n`);
		}
		const top = [...byFunction].filter(([name]) => !name.startsWith('(idle)'));
		for (const [name, us] of top.sort((a, b) => b[1] - a[1]).slice(0, functions))
			lines.push(`  ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${name}\n`);
	}
	return lines.join('');
}
