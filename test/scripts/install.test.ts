import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `npm run n8n:install` (and `npm start`'s first run) on a network that stalls: an npm stand-in
 * on PATH reports one download and then hangs, as npm does on a stalled tarball. Never the real
 * registry, never the real .n8n-local.
 */

const SCRIPT = path.join(__dirname, '../../scripts/n8n.mjs');
let work: string;

beforeEach(() => {
	work = fs.mkdtempSync(path.join(os.tmpdir(), 'line-connector-install-'));
	const bin = path.join(work, 'bin');
	fs.mkdirSync(bin);
	fs.writeFileSync(
		path.join(bin, 'npm'),
		[
			'#!/bin/sh',
			'echo "npm http fetch GET 200 https://registry.invalid/n8n/-/n8n-9.9.9.tgz 80ms (cache miss)" >&2',
			`echo $$ >> "${path.join(work, 'npm-pids')}"`,
			'exec sleep 1000',
		].join('\n'),
		{ mode: 0o755 },
	);
});

afterEach(() => {
	for (const pid of npmPids()) kill(pid);
	fs.rmSync(work, { recursive: true, force: true });
});

function npmPids(): number[] {
	const file = path.join(work, 'npm-pids');
	return fs.existsSync(file)
		? fs.readFileSync(file, 'utf8').split(/\s+/).filter(Boolean).map(Number)
		: [];
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

function kill(pid: number): void {
	try {
		process.kill(pid, 'SIGKILL');
	} catch {
		// already gone
	}
}

interface Install {
	child: ChildProcess;
	output: () => string;
	exited: Promise<number | null>;
	said: (text: string) => Promise<void>;
}

function install(stallSeconds = 2): Install {
	let output = '';
	const child = spawn(process.execPath, [SCRIPT, 'install', '9.9.9'], {
		env: {
			...process.env,
			PATH: `${path.join(work, 'bin')}${path.delimiter}${process.env.PATH}`,
			N8N_LOCAL_DIR: path.join(work, 'local'),
			N8N_INSTALL_STALL_SECONDS: String(stallSeconds),
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const waiting: Array<() => void> = [];
	const onData = (chunk: Buffer) => {
		output += chunk.toString();
		for (const wake of waiting.splice(0)) wake();
	};
	child.stdout!.on('data', onData);
	child.stderr!.on('data', onData);
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	const said = async (text: string) => {
		while (!output.includes(text)) {
			if (child.exitCode !== null) throw new Error(`exited without saying "${text}":\n${output}`);
			await new Promise<void>((resolve) => {
				waiting.push(resolve);
				child.once('exit', () => resolve());
			});
		}
	};
	return { child, output: () => output, exited, said };
}

const lockOf = () => path.join(work, 'local', 'n8n-9.9.9.lock');

describe('installing n8n on a stalled network', () => {
	it('says npm stalled, starts it once more, then stops with what to do: no stack, no process, no lock', async () => {
		const run = install(2);
		const code = await run.exited;
		const text = run.output();

		expect(code).toBe(1);
		expect(text).toContain('nothing downloaded for 2 s (1 packages so far)');
		expect(text).toContain('starting npm once more');
		expect(text).toContain('stalled twice');
		expect(text).toContain('What to do: check the network connection, the npm registry');
		expect(text).not.toMatch(/\n\s+at /);
		expect(npmPids()).toHaveLength(2);
		expect(npmPids().filter(alive)).toEqual([]);
		expect(fs.existsSync(lockOf())).toBe(false);
	});

	it('Ctrl-C stops the install at once, says so in one line, and leaves no process and no lock', async () => {
		const run = install(600);
		await run.said('installing n8n 9.9.9');
		while (npmPids().length === 0) await new Promise((resolve) => setImmediate(resolve));
		run.child.kill('SIGINT');
		const code = await run.exited;

		expect(code).toBe(130);
		expect(run.output()).toContain('Stopped: install interrupted, nothing left running');
		expect(npmPids().filter(alive)).toEqual([]);
		expect(fs.existsSync(lockOf())).toBe(false);
	});

	it('a second run waits for the first, naming its PID, and removes the half-finished install after it', async () => {
		const first = install(600);
		await first.said('installing n8n 9.9.9');
		const second = install(600);
		await second.said(`waiting for the n8n 9.9.9 install of the run with PID ${first.child.pid}`);

		first.child.kill('SIGINT');
		await first.exited;
		await second.said('removing the unfinished install');
		await second.said('installing n8n 9.9.9');
		second.child.kill('SIGINT');
		expect(await second.exited).toBe(130);
		expect(npmPids().filter(alive)).toEqual([]);
	});

	it('a lock left by a run that no longer exists is removed, saying so', async () => {
		fs.mkdirSync(lockOf(), { recursive: true });
		const gone = spawn(process.execPath, ['-e', '0']);
		await new Promise((resolve) => gone.on('exit', resolve));
		fs.writeFileSync(path.join(lockOf(), 'pid'), String(gone.pid));

		const run = install(600);
		await run.said(
			`removing the stale lock ${lockOf()}: the run with PID ${gone.pid} is no longer running`,
		);
		await run.said('installing n8n 9.9.9');
		run.child.kill('SIGINT');
		expect(await run.exited).toBe(130);
	});
});
