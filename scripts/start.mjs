// `npm start`: this package in a real n8n, talking to the LINE sandbox, on this machine.
//
// Builds the package, installs the pinned n8n once (into .n8n-local/), starts the LINE sandbox,
// prepares an n8n user folder (.n8n-local/user) with the package, credentials pointing at the
// sandbox and every workflow from examples/, activates the echo bot, and starts n8n.
// Ctrl-C stops n8n and the sandbox.
//
// Options: --port <n> (n8n, default 5678 or the next free one), --sandbox-port <n> (default 8790
// or the next free one), --n8n-version <v> (default: the pinned version; env N8N_VERSION),
// --fresh (start over with an empty user folder), --reimport (import the examples again,
// replacing your changes to them), --no-build (pack dist/ as it is), --queue (n8n's queue mode:
// PostgreSQL, Redis, n8n main, 2 workers and a webhook processor, all started from an empty
// folder .n8n-local/queue and ended by Ctrl-C; --workers <n> for another number of workers).

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { startQueue } from './queue.mjs';
import {
	ensureN8n,
	EXAMPLES_DIR,
	freePort,
	installInto,
	LOCAL_ROOT,
	lineCredentials,
	n8nInstance,
	packPackage,
	PINNED_N8N_VERSION,
	REPO_ROOT,
	run,
	setupOwner,
	StepError,
	stopChildren,
} from './n8n.mjs';

const OWNER = {
	email: 'admin@line-sandbox.local',
	firstName: 'LINE',
	lastName: 'Sandbox',
	password: 'LineSandbox1',
};
const ECHO_BOT_ID = 'lineEchoBot';

const say = (line = '') => process.stdout.write(`${line}\n`);
const step = (line) => say(`\x1b[1m▸ ${line}\x1b[0m`);

const { values: args } = parseArgs({
	options: {
		port: { type: 'string' },
		'sandbox-port': { type: 'string' },
		'n8n-version': { type: 'string' },
		fresh: { type: 'boolean' },
		reimport: { type: 'boolean' },
		'no-build': { type: 'boolean' },
		queue: { type: 'boolean' },
		workers: { type: 'string' },
		help: { type: 'boolean' },
	},
});
if (args.help) {
	say(
		fs
			.readFileSync(new URL(import.meta.url), 'utf8')
			.split('\n\n')[0]
			.replace(/^\/\/ ?/gm, ''),
	);
	process.exit(0);
}

const version = args['n8n-version'] ?? process.env.N8N_VERSION ?? PINNED_N8N_VERSION;
// n8n migrates its database forwards only: another version than the pinned one gets its own folder.
const userFolder = path.join(
	LOCAL_ROOT,
	version === PINNED_N8N_VERSION ? 'user' : `user-${version}`,
);
const stateFile = path.join(userFolder, 'line-connector-start.json');

let sandbox;
let server;
let queue;
let stopping = false;

/** Ends everything this run started (install steps, sandbox, n8n), then the process. */
async function shutdown(code = 0, signal) {
	if (stopping) return;
	stopping = true;
	if (signal) say('\nStopping…');
	await server?.stop().catch(() => undefined);
	await queue?.stop().catch(() => undefined);
	await sandbox?.close().catch(() => undefined);
	await stopChildren();
	if (signal && queue) {
		say(
			'Stopped: n8n (main, workers, webhook processor), PostgreSQL, Redis, the LINE sandbox and any install are ended; nothing is left running.',
		);
	} else if (signal) {
		say('Stopped: n8n, the LINE sandbox and any install are ended; nothing is left running.');
	}
	process.exit(code);
}
process.on('SIGINT', () => void shutdown(0, 'SIGINT'));
process.on('SIGTERM', () => void shutdown(0, 'SIGTERM'));

function npm(args, options = {}) {
	return run(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
		cwd: REPO_ROOT,
		...options,
	});
}

/** The development dependencies (TypeScript, gulp) the build needs. */
function ensureDependencies() {
	if (fs.existsSync(path.join(REPO_ROOT, 'node_modules', '.package-lock.json'))) return;
	step('Installing the development dependencies (npm ci)');
	npm(['ci', '--no-audit', '--no-fund'], { quiet: false });
}

/** Compiles the sandbox (sandbox/tsconfig.json → sandbox/.build) and loads it. */
async function loadSandbox() {
	const sources = path.join(REPO_ROOT, 'sandbox', 'index.ts');
	if (!fs.existsSync(sources)) {
		throw new Error('The LINE sandbox (sandbox/index.ts) is not in this checkout.');
	}
	const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
	run(process.execPath, [tsc, '-p', path.join(REPO_ROOT, 'sandbox', 'tsconfig.json')], {
		cwd: REPO_ROOT,
	});
	const compiled = path.join(REPO_ROOT, 'sandbox', '.build', 'sandbox', 'index.js');
	const module = await import(pathToFileURL(compiled).href);
	return module.startSandbox ?? module.default.startSandbox;
}

/**
 * The webhook URL the sandbox had when it last stopped. LINE keeps a channel's webhook URL, and
 * n8n, on restart, does not register the webhooks of workflows that were already active (it
 * finds them in its database): the sandbox starts with the URL it had, moved to this n8n's
 * address when that changed.
 */
function rememberedWebhookUrl(state, n8nUrl) {
	const { webhookUrl, n8nUrl: previousN8nUrl } = state.sandbox ?? {};
	if (!webhookUrl) return undefined;
	if (previousN8nUrl && webhookUrl.startsWith(`${previousN8nUrl}/`)) {
		return `${n8nUrl}${webhookUrl.slice(previousN8nUrl.length)}`;
	}
	return webhookUrl;
}

/** The echo bot's production webhook URL, once it was activated at an earlier start. */
function echoBotUrl(state, n8nUrl) {
	if (!state.echoBotPublished) return undefined;
	const echoBot = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, 'echo-bot.json'), 'utf8'));
	const trigger = echoBot.nodes.find((node) => node.type.endsWith('.lineTrigger'));
	return `${n8nUrl}/webhook/${trigger.webhookId}/webhook`;
}

function saveState(state) {
	fs.mkdirSync(path.dirname(stateFile), { recursive: true });
	fs.writeFileSync(stateFile, JSON.stringify(state, null, '\t'));
}

function readState() {
	try {
		return JSON.parse(fs.readFileSync(stateFile, 'utf8'));
	} catch {
		return {};
	}
}

function sayWhatToTry() {
	say('  Try:');
	say('  • Open the sandbox chat page, pick Aiko Tanaka and write something: the "LINE: echo bot"');
	say('    workflow (active, its LINE Trigger registered itself with the sandbox) replies.');
	say('  • In n8n, open "LINE: alert to a group", "LINE: campaign to a recipient list",');
	say('    "LINE: broadcast", "LINE: narrowcast and its progress" or "LINE: quota report" and');
	say('    click Execute workflow: the messages show up in the sandbox chats.');
	say(
		'  • "LINE: loading animation while working": deactivate the echo bot, activate this one, and',
	);
	say('    write in a one-to-one chat (LINE has one webhook URL per channel).');
	say();
}

/**
 * `--queue`: PostgreSQL, Redis, n8n main, workers and a webhook processor, from an empty folder
 * each time; the sandbox sends its events to the webhook processor.
 */
async function startQueueMode({ installed, tarball, startSandbox, sandboxPort, started }) {
	const root = path.join(LOCAL_ROOT, 'queue');
	fs.rmSync(root, { recursive: true, force: true });
	const workers = Number(args.workers ?? 2);
	if (!Number.isInteger(workers) || workers < 1) throw new StepError('--workers must be 1 or more');
	sandbox = await startSandbox({
		port: sandboxPort,
		log: (line) => say(`  sandbox  ${new Date().toTimeString().slice(0, 8)}  ${line}`),
	});
	step(
		`Starting PostgreSQL, Redis and n8n ${version} in queue mode (main, ${workers} workers, a webhook processor) in ${path.relative(REPO_ROOT, root)}`,
	);
	queue = await startQueue({
		installed,
		n8nInstance,
		root,
		tarball,
		workers,
		mainPort: await freePort(Number(args.port ?? 5678)),
		env: { N8N_LOG_LEVEL: 'info' },
		say: (line) => say(`  ${line}`),
		prepare: async (main) => {
			await main.importCredentials(
				lineCredentials(sandbox.channel, sandbox.url, sandbox.assertionKey),
			);
			const imported = await main.importWorkflows(EXAMPLES_DIR);
			say(`  imported ${imported.length} example workflows`);
			await main.publish(ECHO_BOT_ID);
		},
	});
	let login = `${OWNER.email} / ${OWNER.password}`;
	try {
		await setupOwner(queue.main.server.url, OWNER);
	} catch (error) {
		login = `(set up an owner account in the browser: ${error.message})`;
	}
	const log = (server) => path.relative(REPO_ROOT, server.logFile);
	say();
	say(`\x1b[1mReady in ${Math.round((Date.now() - started) / 1000)} s, in queue mode.\x1b[0m`);
	say();
	say(`  n8n main           ${queue.main.server.url}      login: ${login}`);
	say(`                     editor and API; production webhooks are not served here`);
	say(
		`  webhook processor  ${queue.webhook.url}      LINE's webhooks arrive here (pid ${queue.webhook.server.pid}, log ${log(queue.webhook.server)})`,
	);
	for (const worker of queue.workers) {
		say(
			`  worker ${worker.index}           pid ${worker.server.pid}, health ${worker.server.url}/healthz, log ${log(worker.server)}`,
		);
	}
	say(
		`  PostgreSQL         127.0.0.1:${queue.postgres.port}, database ${queue.postgres.database}, user ${queue.postgres.user}`,
	);
	say(`  Redis              127.0.0.1:${queue.redis.port}`);
	say(`  LINE sandbox       ${sandbox.chatUrl}   (chat as the LINE users)`);
	say(`  main's log         ${log(queue.main.server)}`);
	say();
	sayWhatToTry();
	say('  Ctrl-C stops every process above; the folder is emptied at the next --queue start.');
	say();
	const watcher = setInterval(() => {
		const processes = [
			['n8n main', queue.main.server],
			['the webhook processor', queue.webhook.server],
			...queue.workers.map((worker) => [`worker ${worker.index}`, worker.server]),
		];
		const gone = processes.find(([, server]) => server.exited?.());
		if (gone && !stopping) {
			clearInterval(watcher);
			say(`${gone[0]} stopped (${JSON.stringify(gone[1].exited())}); see ${gone[1].logFile}`);
			void shutdown(1);
		}
	}, 1000);
}

async function main() {
	const started = Date.now();
	ensureDependencies();

	step(`${args['no-build'] ? 'Packing' : 'Building and packing'} n8n-nodes-line-connector`);
	const tarball = packPackage({ build: !args['no-build'] });

	step(`Getting n8n ${version} ready (the first time installs it: several minutes)`);
	const installed = await ensureN8n(version);

	step('Starting the LINE sandbox');
	const startSandbox = await loadSandbox();
	const sandboxPort = await freePort(Number(args['sandbox-port'] ?? 8790));
	if (args.queue) {
		await startQueueMode({ installed, tarball, startSandbox, sandboxPort, started });
		return;
	}
	if (args.fresh) fs.rmSync(userFolder, { recursive: true, force: true });
	const state = readState();
	const port = await freePort(Number(args.port ?? 5678));
	const n8nUrl = `http://127.0.0.1:${port}`;
	sandbox = await startSandbox({
		port: sandboxPort,
		webhookUrl: rememberedWebhookUrl(state, n8nUrl) ?? echoBotUrl(state, n8nUrl),
		log: (line) => say(`  sandbox  ${new Date().toTimeString().slice(0, 8)}  ${line}`),
	});

	step(`Preparing n8n's user folder ${path.relative(REPO_ROOT, userFolder)}`);
	const n8n = n8nInstance(installed, {
		userFolder,
		port,
		brokerPort: port + 1,
		env: { N8N_LOG_LEVEL: 'info' },
	});
	installInto(userFolder, tarball);
	// The sandbox's address may change from one start to the next: the credentials follow it.
	await n8n.importCredentials(lineCredentials(sandbox.channel, sandbox.url, sandbox.assertionKey));

	const exampleIds = fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.map((file) => JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')).id);
	// Examples imported at an earlier start keep your changes, unless --reimport.
	const wanted = args.reimport
		? exampleIds
		: exampleIds.filter((id) => !(state.imported ?? []).includes(id));
	if (wanted.length > 0) {
		const imported = await n8n.importWorkflows(EXAMPLES_DIR, { ids: wanted });
		state.imported = [...new Set([...(state.imported ?? []), ...imported])];
		say(`  imported ${imported.length} example workflows`);
	}
	if (!state.echoBotPublished || args.reimport) {
		await n8n.publish(ECHO_BOT_ID);
		state.echoBotPublished = true;
	}
	saveState(state);

	step(`Starting n8n ${version}`);
	server = await n8n.startServer({ env: { N8N_LOG_LEVEL: 'info' } });
	let login = `${OWNER.email} / ${OWNER.password}`;
	try {
		const created = await setupOwner(server.url, OWNER);
		if (!created && !state.ownerCreated) login = '(the owner account you created)';
		state.ownerCreated = state.ownerCreated || created;
		saveState(state);
	} catch (error) {
		login = `(set up an owner account in the browser: ${error.message})`;
	}

	say();
	say(`\x1b[1mReady in ${Math.round((Date.now() - started) / 1000)} s.\x1b[0m`);
	say();
	say(`  n8n              ${server.url}      login: ${login}`);
	say(`  LINE sandbox     ${sandbox.chatUrl}   (chat as the LINE users)`);
	say(`  n8n log          ${path.relative(REPO_ROOT, server.logFile)}`);
	say();
	sayWhatToTry();
	say('  Ctrl-C stops n8n and the sandbox. Options: npm start -- --help');
	say();

	// n8n stopping by itself (a crash) stops everything. The sandbox's webhook URL is kept for
	// the next start (see rememberedWebhookUrl).
	const watcher = setInterval(() => {
		const remembered = { webhookUrl: sandbox.webhookUrl, n8nUrl: server.url };
		if (JSON.stringify(remembered) !== JSON.stringify(state.sandbox)) {
			state.sandbox = remembered;
			saveState(state);
		}
		const exited = server?.exited?.();
		if (exited && !stopping) {
			clearInterval(watcher);
			say(`n8n stopped (${JSON.stringify(exited)}); see ${server.logFile}`);
			void shutdown(1);
		}
	}, 1000);
}

main().catch(async (error) => {
	process.stderr.write(
		`\n${error instanceof StepError ? error.message : (error.stack ?? error)}\n`,
	);
	await shutdown(1);
});
