#!/usr/bin/env node
// Runs a command while the machine is kept busy, to show that the tests do not depend on speed:
//
//   node scripts/busy.mjs [--loops 2] [--minutes 60] -- <command...>
//
// Starts --loops child processes that each keep one CPU core busy, runs the command with the
// terminal's stdio, stops the loops when it ends (or on Ctrl-C), and exits with its exit code.
// A loop stops by itself after --minutes, and as soon as this script is gone, so none can be
// left behind.
import { fork, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const USAGE = 'usage: node scripts/busy.mjs [--loops 2] [--minutes 60] -- <command...>';

/** A loop: spins in 100 ms slices; between slices it notices the deadline and a gone parent. */
function loop(minutes) {
	const end = Date.now() + minutes * 60_000;
	process.on('disconnect', () => process.exit(0));
	const spin = () => {
		const sliceEnd = Date.now() + 100;
		while (Date.now() < sliceEnd) {
			// busy on purpose
		}
		if (Date.now() >= end) process.exit(0);
		setImmediate(spin);
	};
	spin();
}

function parse(args) {
	const options = { loops: 2, minutes: 60 };
	const separator = args.indexOf('--');
	if (separator === -1 || separator === args.length - 1) throw new Error(USAGE);
	const flags = args.slice(0, separator);
	for (let i = 0; i < flags.length; i += 2) {
		const name = flags[i].replace(/^--/, '');
		const value = Number(flags[i + 1]);
		if (!(name in options) || !(value > 0)) throw new Error(`bad option ${flags[i]}\n${USAGE}`);
		options[name] = value;
	}
	if (!Number.isInteger(options.loops)) throw new Error(`--loops must be a whole number\n${USAGE}`);
	return { ...options, command: args.slice(separator + 1) };
}

async function main() {
	let options;
	try {
		options = parse(process.argv.slice(2));
	} catch (error) {
		console.error(error.message);
		process.exit(2);
	}
	const self = fileURLToPath(import.meta.url);
	const loops = Array.from({ length: options.loops }, () =>
		fork(self, ['--loop', String(options.minutes)], {
			stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
		}),
	);
	const loopsEnded = loops.map((child) => new Promise((resolve) => child.once('exit', resolve)));
	console.error(
		`busy: ${loops.length} CPU loop(s) (pids ${loops.map((c) => c.pid).join(' ')}) for at most ${options.minutes} min while running: ${options.command.join(' ')}`,
	);

	const stopLoops = () => {
		for (const child of loops)
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	};
	const [file, ...args] = options.command;
	const command = spawn(file, args, { stdio: 'inherit' });
	// Ctrl-C reaches the command too (same terminal); stop the loops and wait for it to end.
	process.on('SIGINT', stopLoops);
	process.on('SIGTERM', () => {
		stopLoops();
		command.kill('SIGTERM');
	});

	const code = await new Promise((resolve) => {
		command.once('error', (error) => {
			console.error(`busy: cannot run ${file}: ${error.message}`);
			resolve(127);
		});
		command.once('exit', (exitCode, signal) =>
			resolve(exitCode ?? 128 + (signalNumber(signal) ?? 1)),
		);
	});
	stopLoops();
	await Promise.all(loopsEnded);
	process.exit(code);
}

function signalNumber(signal) {
	return { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 }[signal];
}

if (process.argv[2] === '--loop') loop(Number(process.argv[3]));
else await main();
