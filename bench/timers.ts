import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { WorkflowExpression } from 'n8n-workflow';

import { LineMessaging } from '../nodes/Line/LineMessaging.node';
import { ItemParameters } from '../nodes/shared/parameters';
import { LineClient } from '../nodes/Line/transport';
import { TestCredentialsHelper } from '../test/support/engine';
import { helperFloorNode } from './scenarios';

/**
 * Wall-clock timers wrapped around the functions a push goes through, for the profile
 * (bench/profile.ts). Installed by monkey-patching prototypes and CommonJS exports of the
 * compiled code at run time; nothing in the node's source changes. Only the outermost call of
 * a re-entrant function is timed. For async functions, `sync` timers cover only the part that
 * runs before the first `await` (the CPU work); `async` ones run until the promise settles.
 */

export interface TimerStat {
	name: string;
	kind: 'sync' | 'async';
	calls: number;
	ms: number;
}

interface Timer extends TimerStat {
	depth: number;
}

const timers = new Map<string, Timer>();

function timer(name: string, kind: 'sync' | 'async'): Timer {
	let found = timers.get(name);
	if (!found) {
		found = { name, kind, calls: 0, ms: 0, depth: 0 };
		timers.set(name, found);
	}
	return found;
}

type Fn = (...args: never[]) => unknown;

function wrapSync(owner: object, key: string, name: string, count?: (...args: unknown[]) => boolean): void {
	const target = owner as Record<string, Fn>;
	const original = target[key];
	if (typeof original !== 'function') throw new Error(`Cannot time ${name}: ${key} is not a function`);
	const t = timer(name, 'sync');
	target[key] = function (this: unknown, ...args: unknown[]) {
		if (count && !count(...args)) return (original as (...a: unknown[]) => unknown).apply(this, args);
		if (t.depth > 0) return (original as (...a: unknown[]) => unknown).apply(this, args);
		t.depth++;
		const started = performance.now();
		try {
			return (original as (...a: unknown[]) => unknown).apply(this, args);
		} finally {
			t.ms += performance.now() - started;
			t.calls++;
			t.depth--;
		}
	};
}

function wrapAsync(owner: object, key: string, name: string): void {
	const target = owner as Record<string, Fn>;
	const original = target[key];
	if (typeof original !== 'function') throw new Error(`Cannot time ${name}: ${key} is not a function`);
	const t = timer(name, 'async');
	target[key] = async function (this: unknown, ...args: unknown[]) {
		const started = performance.now();
		try {
			return await (original as (...a: unknown[]) => Promise<unknown>).apply(this, args);
		} finally {
			t.ms += performance.now() - started;
			t.calls++;
		}
	};
}

/** Resolves a file inside n8n-core's own copy of a package (n8n-core nests some of them). */
function fromN8nCore(request: string): string {
	const core = path.dirname(require.resolve('n8n-core'));
	return require.resolve(request, { paths: [core] });
}

let installed = false;

export function installTimers(): void {
	if (installed) return;
	installed = true;
	const coreDist = path.dirname(require.resolve('n8n-core'));
	const network = path.dirname(fromN8nCore('@n8n/backend-network'));
	/* eslint-disable @typescript-eslint/no-require-imports */
	const nodeContext = require(path.join(coreDist, 'execution-engine/node-execution-context/node-execution-context.js'));
	const authentication = require(
		path.join(coreDist, 'execution-engine/node-execution-context/utils/request-helpers/authentication.js'),
	);
	const axiosRequest = require(path.join(network, 'http/axios/request.js'));
	const messageBuilder = require('../nodes/Line/helpers/messageBuilder');
	const checks = require('../nodes/Line/helpers/checks');
	const common = require('../nodes/Line/actions/message/common');
	const idempotency = require('../nodes/shared/idempotency');
	/* eslint-enable @typescript-eslint/no-require-imports */

	wrapAsync(LineMessaging.prototype, 'execute', 'node execute() [LINE]');
	wrapAsync(helperFloorNode, 'execute', 'node execute() [helper floor]');
	wrapSync(ItemParameters.prototype, 'get', 'ItemParameters.get');
	wrapSync(nodeContext.NodeExecutionContext.prototype, '_getNodeParameter', 'n8n getNodeParameter');
	wrapSync(nodeContext.NodeExecutionContext.prototype, 'getNode', 'n8n getNode() (returns a deep copy of the node)');
	wrapSync(WorkflowExpression.prototype, 'getParameterValue', 'n8n expression: getParameterValue (any)');
	wrapSync(
		WorkflowExpression.prototype,
		'resolveSimpleParameterValue',
		'n8n expression: evaluations (strings starting with =)',
		(value) => typeof value === 'string' && value.startsWith('='),
	);
	wrapSync(WorkflowExpression.prototype, 'getSimpleParameterValue', 'n8n expression: getSimpleParameterValue (credential)');
	wrapSync(messageBuilder, 'readMessages', 'readMessages (incl. checkMessages)');
	wrapSync(checks, 'checkMessages', 'checkMessages');
	wrapSync(checks, 'checkRecipientId', 'checkRecipientId');
	wrapSync(common, 'readSendOptions', 'readSendOptions');
	wrapSync(idempotency.DerivedKeys.prototype, 'key', 'DerivedKeys.key (retry key)');
	wrapAsync(LineClient.prototype, 'request', 'LineClient.request (wall)');
	wrapAsync(authentication, 'httpRequestWithAuthentication', 'n8n httpRequestWithAuthentication (wall)');
	wrapSync(authentication, 'httpRequestWithAuthentication', 'n8n httpRequestWithAuthentication (sync part)');
	wrapAsync(TestCredentialsHelper.prototype, 'preAuthentication', 'credentialsHelper.preAuthentication (wall)');
	wrapSync(TestCredentialsHelper.prototype, 'authenticate', 'credentialsHelper.authenticate (sync part)');
	wrapAsync(axiosRequest, 'httpRequest', 'n8n OutboundHttp → axios httpRequest (wall)');
	wrapSync(axiosRequest, 'httpRequest', 'n8n OutboundHttp → axios httpRequest (sync part)');
}

export function resetTimers(): void {
	for (const t of timers.values()) {
		t.calls = 0;
		t.ms = 0;
	}
}

export function readTimers(): TimerStat[] {
	return [...timers.values()].map(({ name, kind, calls, ms }) => ({ name, kind, calls, ms }));
}
