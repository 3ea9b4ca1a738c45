// n8n's queue mode on this machine: PostgreSQL and Redis from Debian's packages, each in a
// throw-away folder under .n8n-local/ and listening on 127.0.0.1 only (a system instance is never
// touched), and n8n's main process, its workers and a webhook processor sharing them.
// Used by `npm start -- --queue` and the queue-mode end-to-end tests.

import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import {
	freePort,
	installInto,
	run,
	sleep,
	startDetached,
	startServer,
	StepError,
} from './n8n.mjs';

const DATABASE = 'n8n';
const DATABASE_USER = 'n8n';
const isRoot = process.getuid?.() === 0;
// PostgreSQL refuses to run as root: as root, its programs run as Debian's `postgres` user.
const POSTGRES_USER = 'postgres';

/** Where Debian's PostgreSQL programs are (the newest major version), or undefined. */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root)
		? fs
				.readdirSync(root)
				.filter((name) => fs.existsSync(path.join(root, name, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	return versions.length > 0 ? path.join(root, versions[0], 'bin') : undefined;
}

function redisServerBin() {
	for (const candidate of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) {
		if (fs.existsSync(candidate)) return candidate;
	}
	return undefined;
}

/**
 * PostgreSQL's and Redis's programs, installed from Debian's packages when missing (`say` tells
 * the user first). Returns `{ postgresBin, redisServer }`.
 */
export function ensureQueueServers({ say = () => undefined } = {}) {
	const missing = [];
	if (!postgresBinDir()) missing.push('postgresql');
	if (!redisServerBin()) missing.push('redis-server');
	if (missing.length > 0) {
		say(
			`Installing ${missing.join(' and ')} from Debian's packages (apt-get; only the programs are used: no system service is started or changed)`,
		);
		const [command, prefix] = isRoot ? ['apt-get', []] : ['sudo', ['apt-get']];
		const apt = (args) =>
			run(command, [...prefix, ...args], {
				env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
				timeoutMs: 900_000,
			});
		apt(['update']);
		apt(['install', '-y', '--no-install-recommends', ...missing]);
		// Debian starts the services it installs; these would hold the default ports. This package
		// never uses them, and leaves them as Debian set them up.
	}
	const postgresBin = postgresBinDir();
	const redisServer = redisServerBin();
	if (!postgresBin || !redisServer) {
		throw new StepError(
			`PostgreSQL or Redis is still missing after installing ${missing.join(', ')}: install Debian's postgresql and redis-server packages and start again.`,
		);
	}
	return { postgresBin, redisServer };
}

/** Resolves once something accepts TCP connections on 127.0.0.1:`port`. */
async function waitForPort(port, what, process, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (process.exited()) {
			throw new StepError(
				`${what} stopped before it was ready (${JSON.stringify(process.exited())}); see ${process.logFile}`,
			);
		}
		const open = await new Promise((resolve) => {
			const socket = net.connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await sleep(200);
	}
	throw new StepError(`${what} was not ready within ${timeoutMs / 1000} s; see ${process.logFile}`);
}

/** `args` of a PostgreSQL program, run as the `postgres` user when this process is root. */
function asPostgres(bin, args) {
	return isRoot ? ['runuser', ['-u', POSTGRES_USER, '--', bin, ...args]] : [bin, args];
}

/**
 * A PostgreSQL server of its own in `dir` (created at the first start, kept for the next) on
 * 127.0.0.1:`port`, with the database `n8n` for the user `n8n` (trusted on loopback: nothing else
 * can reach it). `{ port, database, user, stop() }`.
 */
export async function startPostgres({ postgresBin, dir, port }) {
	const data = path.join(dir, 'data');
	const logFile = path.join(dir, 'postgres.log');
	fs.mkdirSync(dir, { recursive: true });
	if (isRoot) {
		run('chown', ['-R', `${POSTGRES_USER}:`, dir]);
		// The postgres user must be able to reach the folder (a test's temporary folder is 0700).
		for (let up = path.dirname(dir); up !== path.dirname(up); up = path.dirname(up)) {
			const { mode } = fs.statSync(up);
			if ((mode & 0o001) === 0) fs.chmodSync(up, (mode & 0o7777) | 0o011);
		}
	}
	if (!fs.existsSync(path.join(data, 'PG_VERSION'))) {
		const [command, args] = asPostgres(path.join(postgresBin, 'initdb'), [
			'-D',
			data,
			'-U',
			DATABASE_USER,
			'--auth=trust',
			'--encoding=UTF8',
			'--no-instructions',
		]);
		run(command, args, { timeoutMs: 120_000 });
	}
	const [command, args] = asPostgres(path.join(postgresBin, 'postgres'), [
		'-D',
		data,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		`unix_socket_directories=${dir}`,
		'-c',
		'max_connections=200',
		// A throw-away database: speed over durability.
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
	]);
	const server = {
		...startDetached(command, args, { logFile, cwd: dir, env: process.env }),
		logFile,
	};
	await waitForPort(port, 'PostgreSQL', server);
	// The database, once (the server may need a moment more before it accepts queries).
	const psql = path.join(postgresBin, 'psql');
	const query = (sql) =>
		run(
			psql,
			['-h', '127.0.0.1', '-p', String(port), '-U', DATABASE_USER, '-d', 'postgres', '-Atc', sql],
			{
				timeoutMs: 30_000,
			},
		).stdout.trim();
	for (let attempt = 0; ; attempt++) {
		try {
			if (query(`SELECT 1 FROM pg_database WHERE datname = '${DATABASE}'`) !== '1') {
				query(`CREATE DATABASE ${DATABASE}`);
			}
			break;
		} catch (error) {
			if (attempt >= 50) throw error;
			await sleep(200);
		}
	}
	return {
		port,
		database: DATABASE,
		user: DATABASE_USER,
		logFile,
		/** Runs one SQL statement in n8n's database; its rows as text (psql -At). */
		sql: (statement) =>
			run(
				psql,
				[
					'-h',
					'127.0.0.1',
					'-p',
					String(port),
					'-U',
					DATABASE_USER,
					'-d',
					DATABASE,
					'-Atc',
					statement,
				],
				{
					timeoutMs: 60_000,
				},
			).stdout.trim(),
		stop: (options) => server.stop(options),
	};
}

/** A Redis server of its own (nothing saved) on 127.0.0.1:`port`. `{ port, stop() }`. */
export async function startRedis({ redisServer, dir, port }) {
	fs.mkdirSync(dir, { recursive: true });
	const logFile = path.join(dir, 'redis.log');
	const server = startDetached(
		redisServer,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
		],
		{ logFile, cwd: dir, env: process.env },
	);
	server.logFile = logFile;
	await waitForPort(port, 'Redis', server);
	return { port, logFile, stop: (options) => server.stop(options) };
}

/**
 * What every n8n process of the queue needs: queue mode, the shared database and Redis, binary
 * data in the database (processes do not share a filesystem), production webhooks served by the
 * webhook processor only, whose address is the one LINE is given.
 */
export function queueEnv({ postgres, redis, webhookUrl }) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: 'n8n',
		// With n8n's defaults a burst of webhooks (200 LINE events at once) overwhelms a webhook
		// processor: each request creates and disposes JavaScript isolates of the expression
		// engine (about 100 ms of CPU for a LINE Trigger here), requests wait for one of the 2
		// database connections, and after 20 s n8n answers 500 ("Workflow could not be started";
		// 164 of 200 in the e2e test). Isolates made only when an expression needs one, and more
		// connections, take the same burst without an error.
		N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true',
		DB_POSTGRESDB_POOL_SIZE: '10',
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		WEBHOOK_URL: webhookUrl,
	};
}

/**
 * Starts PostgreSQL, Redis and n8n in queue mode: main (`n8n start`, the editor and API),
 * `workers` × `n8n worker` (each running up to `workerConcurrency` executions at once) and one
 * `n8n webhook` (the webhook processor), each with a user
 * folder of its own under `root` holding the package from `tarball`. `prepare(mainInstance)` runs
 * before any n8n process starts (imports, publishing). Returns `{ main, workers, webhook, postgres,
 * redis, processes(), stop() }`; `stop()` ends everything in order.
 */
export async function startQueue({
	installed,
	n8nInstance,
	root,
	tarball,
	workers = 2,
	workerConcurrency = 10,
	mainPort,
	env = {},
	prepare,
	say = () => undefined,
}) {
	const servers = ensureQueueServers({ say });
	const started = [];
	const stop = async () => {
		for (const entry of started.reverse()) await entry.stop().catch(() => undefined);
	};
	try {
		const postgres = await startPostgres({
			postgresBin: servers.postgresBin,
			dir: path.join(root, 'postgres'),
			port: await freePort(15432),
		});
		started.push(postgres);
		const redis = await startRedis({
			redisServer: servers.redisServer,
			dir: path.join(root, 'redis'),
			port: await freePort(16379),
		});
		started.push(redis);

		const main = { port: mainPort ?? (await freePort(5678)) };
		const webhook = { port: await freePort(main.port + 2) };
		const shared = {
			...queueEnv({ postgres, redis, webhookUrl: `http://127.0.0.1:${webhook.port}/` }),
			...env,
		};
		const folder = (name) => {
			const userFolder = path.join(root, name);
			installInto(userFolder, tarball);
			return userFolder;
		};
		const mainInstance = n8nInstance(installed, {
			userFolder: folder('main'),
			port: main.port,
			brokerPort: main.port + 1,
			env: shared,
		});
		await prepare?.(mainInstance);

		main.server = await mainInstance.startServer({ env: shared });
		started.push(main.server);
		const workerList = [];
		for (let index = 1; index <= workers; index++) {
			const port = await freePort(webhook.port + 2 * index);
			const server = await startServer({
				n8n: installed,
				userFolder: folder(`worker-${index}`),
				port,
				brokerPort: port + 1,
				command: ['worker', `--concurrency=${workerConcurrency}`],
				env: {
					...shared,
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(port),
				},
				readyPath: '/healthz',
			});
			started.push(server);
			workerList.push({ index, port, server });
		}
		webhook.server = await startServer({
			n8n: installed,
			userFolder: folder('webhook'),
			port: webhook.port,
			brokerPort: webhook.port + 1,
			command: ['webhook'],
			env: shared,
			readyPath: '/healthz',
		});
		started.push(webhook.server);
		webhook.url = webhook.server.url;
		return {
			main,
			mainInstance,
			workers: workerList,
			webhook,
			postgres,
			redis,
			env: shared,
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
