import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * What the end-to-end tests share: whether they run at all (E2E=1), which n8n versions, the
 * library that installs and runs real n8n (scripts/n8n.mjs, loaded as the ES module it is), and
 * the example workflows.
 */

export const E2E = process.env.E2E === '1';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

/** Long enough for a first install of n8n (several minutes each) on a slow CI machine. */
export const INSTALL_TIMEOUT_MS = 40 * 60_000;

export const SKIP_MESSAGE =
	'End-to-end tests in real n8n are skipped: run them with E2E=1 (npm run test:e2e). ' +
	'They install n8n into .n8n-local/ on first use (several minutes per version).';

/** `describe` when E2E=1; otherwise one skipped test that says how to run them. */
export function describeE2E(name: string, body: () => void): void {
	if (E2E) {
		describe(name, body);
	} else {
		// Jest lists nothing for a suite whose tests are all skipped: say it once per file.
		process.stderr.write(`[e2e] ${name}: ${SKIP_MESSAGE}\n`);
		describe(name, () => {
			test.skip(SKIP_MESSAGE, () => undefined);
		});
	}
}

// ---------------------------------------------------------------------------------------------
// scripts/n8n.mjs, typed for the tests

export interface InstalledN8n {
	version: string;
	dir: string;
	node: string;
	n8nBin: string;
	env: Record<string, string>;
	timings?: Record<string, number>;
}

export interface ExecuteResult {
	ok: boolean;
	status: number;
	data: unknown;
	runData?: Record<
		string,
		Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> }; error?: unknown }>
	>;
	lastNode?: string;
	error?: { message?: string; description?: string };
	output: string;
}

export interface N8nServer {
	url: string;
	pid: number;
	logFile: string;
	logs(): string;
	stop(): Promise<unknown>;
}

export interface N8nInstance {
	n8n: InstalledN8n;
	userFolder: string;
	port: number;
	baseUrl: string;
	cli(
		args: string[],
		options?: { timeoutMs?: number },
	): Promise<{ status: number; stdout: string; stderr: string }>;
	importCredentials(credentials: unknown[]): Promise<void>;
	importWorkflow(workflow: string | object): Promise<string>;
	/** Imports every workflow file of a folder in one command; returns their ids. */
	importWorkflows(dir: string, options?: { ids?: string[] }): Promise<string[]>;
	execute(id: string, options?: { timeoutMs?: number }): Promise<ExecuteResult>;
	publish(id: string): Promise<void>;
	unpublish(id: string): Promise<void>;
	startServer(options?: { env?: Record<string, string>; timeoutMs?: number }): Promise<N8nServer>;
}

export interface N8nLib {
	PINNED_N8N_VERSION: string;
	OLDEST_N8N_VERSION: string;
	ensureN8n(version: string): Promise<InstalledN8n>;
	packPackage(options?: { build?: boolean }): string;
	installInto(userFolder: string, tarball: string): string;
	n8nInstance(
		n8n: InstalledN8n,
		options: {
			userFolder: string;
			port?: number;
			brokerPort?: number;
			env?: Record<string, string>;
		},
	): N8nInstance;
	nodeItems(
		runData: ExecuteResult['runData'],
		nodeName: string,
	): Array<Record<string, unknown>> | undefined;
	waitForWebhook(url: string, options?: { timeoutMs?: number }): Promise<number>;
	freePort(preferred?: number): Promise<number>;
	/** The credentials the examples use, pointed at a LINE stand-in. */
	lineCredentials(
		channel: { id: string; secret: string; accessToken: string },
		url: string,
	): unknown[];
	sleep(ms: number): Promise<void>;
}

// ts-jest compiles `import()` to `require()`, which cannot load an ES module; this keeps the
// real `import()` (jest needs NODE_OPTIONS=--experimental-vm-modules for it, as test:e2e sets).
// Such an import can stay bound to the test environment of an earlier file in the same jest
// process ("Test environment has been torn down"), so test:e2e runs each e2e file in its own.
const importModule = new Function('specifier', 'return import(specifier)') as (
	specifier: string,
) => Promise<unknown>;

export async function loadN8nLib(): Promise<N8nLib> {
	try {
		return (await importModule(path.join(REPO_ROOT, 'scripts', 'n8n.mjs'))) as N8nLib;
	} catch (error) {
		if (/experimental-vm-modules/.test((error as Error).message)) {
			throw new Error(
				'Jest cannot load scripts/n8n.mjs (an ES module) without NODE_OPTIONS=--experimental-vm-modules: run the end-to-end tests with npm run test:e2e',
			);
		}
		throw error;
	}
}

/** N8N_VERSIONS (comma-separated), default: the pinned newest and the oldest supported. */
export function n8nVersions(
	lib: Pick<N8nLib, 'PINNED_N8N_VERSION' | 'OLDEST_N8N_VERSION'>,
): string[] {
	const listed = (process.env.N8N_VERSIONS ?? '').split(/[,\s]+/).filter(Boolean);
	return listed.length ? listed : [lib.PINNED_N8N_VERSION, lib.OLDEST_N8N_VERSION];
}

/** The versions the tests are declared for, known before the library loads (describe.each needs them). */
export function declaredVersions(): string[] {
	const listed = (process.env.N8N_VERSIONS ?? '').split(/[,\s]+/).filter(Boolean);
	if (listed.length) return listed;
	const source = fs.readFileSync(path.join(REPO_ROOT, 'scripts', 'n8n.mjs'), 'utf8');
	const constant = (name: string) => new RegExp(`${name} = '([^']+)'`).exec(source)?.[1];
	return [constant('PINNED_N8N_VERSION'), constant('OLDEST_N8N_VERSION')].filter(
		(version): version is string => Boolean(version),
	);
}

// ---------------------------------------------------------------------------------------------
// Examples

export interface ExampleNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	webhookId?: string;
}

export interface Example {
	file: string;
	id: string;
	name: string;
	nodes: ExampleNode[];
}

export function example(file: string): Example {
	const data = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as Example;
	return { ...data, file: path.join(EXAMPLES_DIR, file) };
}

export function exampleFiles(): string[] {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort();
}

export function nodeOf(workflow: Example, name: string): ExampleNode {
	const node = workflow.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`${workflow.name} has no node "${name}"`);
	return node;
}

/** The production webhook URL of a workflow's LINE Trigger in an n8n at `baseUrl`. */
export function triggerUrl(workflow: Example, baseUrl: string): string {
	const trigger = workflow.nodes.find((node) => node.type.endsWith('.lineTrigger'));
	if (!trigger?.webhookId) throw new Error(`${workflow.name} has no LINE Trigger with a webhookId`);
	return `${baseUrl}/webhook/${trigger.webhookId}/webhook`;
}

export function tempFolder(prefix: string): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Polls `probe` until it returns something other than undefined. */
export async function eventually<T>(
	probe: () => T | undefined | Promise<T | undefined>,
	{ timeoutMs = 90_000, intervalMs = 200, what = 'condition' } = {},
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline)
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/** Seconds since `start`, for the timing lines the tests print. */
export function since(start: number): string {
	return `${((Date.now() - start) / 1000).toFixed(1)} s`;
}

export function report(line: string): void {
	process.stderr.write(`[e2e] ${line}\n`);
}

// ---------------------------------------------------------------------------------------------
// Gateway credentials

/** Where the gateway stand-ins listen, and what they accept. */
export interface GatewayStandIns {
	konnek: { url: string; clientId: string; username: string; password: string };
	infobip: { url: string; apiKey: string };
	klink: { url: string; apiToken: string; webhookSigningSecret: string };
}

/**
 * The credentials the gateway examples refer to (konnekCred, infobipCred, klinkCred, by the ids
 * and names in the example files), for `importCredentials`, pointed at the stand-ins.
 */
export function gatewayCredentials(standIns: GatewayStandIns): unknown[] {
	return [
		{
			id: 'konnekCred',
			name: 'Konnek (sandbox)',
			type: 'lineConnectorKonnekApi',
			data: {
				baseUrl: standIns.konnek.url,
				clientId: standIns.konnek.clientId,
				username: standIns.konnek.username,
				password: standIns.konnek.password,
			},
		},
		{
			id: 'infobipCred',
			name: 'Infobip (sandbox)',
			type: 'lineConnectorInfobipApi',
			data: { authType: 'apiKey', apiKey: standIns.infobip.apiKey, baseUrl: standIns.infobip.url },
		},
		{
			id: 'klinkCred',
			name: 'klink.cloud (sandbox)',
			type: 'lineConnectorKlinkApi',
			data: {
				apiToken: standIns.klink.apiToken,
				baseUrl: 'custom',
				customBaseUrl: standIns.klink.url,
				webhookSigningSecret: standIns.klink.webhookSigningSecret,
			},
		},
	];
}

// ---------------------------------------------------------------------------------------------
// n8n's REST API

export interface SavedExecution {
	id: string;
	mode: string;
	status: string;
	finished: boolean;
	retryOf: string | null;
	retrySuccessId: string | null;
	/** The run execution data (unflattened). */
	data: {
		resultData: {
			runData: Record<
				string,
				Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>
			>;
			error?: { message?: string; description?: string };
		};
		executionData?: { contextData?: Record<string, Record<string, unknown>> };
	};
}

/**
 * n8n's REST API as its editor uses it: log in as the owner, then every request carries the
 * auth cookie and the `browser-id` header the cookie was issued for (n8n 2.x answers 401
 * without it).
 */
export class N8nRest {
	private cookie = '';
	private readonly browserId = randomUUID();

	constructor(
		private readonly baseUrl: string,
		/** flatted's parse: GET /rest/executions/:id returns the run data flatted-serialized. */
		private readonly unflatten: (text: string) => unknown,
	) {}

	async login(email: string, password: string): Promise<void> {
		const response = await fetch(`${this.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': this.browserId },
			body: JSON.stringify({ emailOrLdapLoginId: email, password }),
		});
		if (!response.ok) {
			throw new Error(`login failed: ${response.status} ${(await response.text()).slice(0, 300)}`);
		}
		this.cookie = response.headers
			.getSetCookie()
			.map((cookie) => cookie.split(';')[0])
			.join('; ');
	}

	async request<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}/rest${route}`, {
			method,
			headers: {
				'content-type': 'application/json',
				cookie: this.cookie,
				'browser-id': this.browserId,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(5 * 60_000),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} /rest${route}: ${response.status} ${text.slice(0, 500)}`);
		return (JSON.parse(text) as { data: T }).data;
	}

	async executions(workflowId: string): Promise<Array<Omit<SavedExecution, 'data'>>> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = await this.request<{ results: Array<Omit<SavedExecution, 'data'>> }>(
			'GET',
			`/executions?filter=${filter}`,
		);
		return page.results;
	}

	async execution(id: string): Promise<SavedExecution> {
		const saved = await this.request<Omit<SavedExecution, 'data'> & { data: unknown }>(
			'GET',
			`/executions/${id}`,
		);
		const data = typeof saved.data === 'string' ? this.unflatten(saved.data) : saved.data;
		return { ...saved, data: data as SavedExecution['data'] };
	}
}
