import { randomUUID } from 'node:crypto';

import { messagingApi } from '@line/bot-sdk';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { LineConnectorChannelAccessTokenApi } from '../credentials/LineConnectorChannelAccessTokenApi.credentials';
import { LineMessaging } from '../nodes/Line/LineMessaging.node';
import { mapWithConcurrency } from '../nodes/shared/concurrency';
import { CHANNEL_ACCESS_TOKEN } from '../nodes/Line/transport';
import { runNode, type TestCredential } from '../test/support/engine';
import { BENCH_TOKEN } from './server';

/**
 * The benchmark scenarios. Each one runs once over `n` input items against the bench server at
 * `url` and says how many requests it expects the server to see.
 */

export interface ScenarioRun {
	/** Output items of the node (or pushes done, for the SDK loop). */
	outputItems: number;
	/** `success` when the run finished without error. */
	status: string;
	error?: string;
}

export interface Scenario {
	name: string;
	label: string;
	/** Requests the server must see for `n` items. */
	expectedRequests(n: number): number;
	/** Output items the run must produce for `n` input items (default: `n`). */
	expectedOutput?(n: number): number;
	/** Item counts this scenario is measured at (default: all). */
	sizes?: number[];
	/** Not part of the default benchmark (a what-if for the profile). */
	extra?: boolean;
	run(input: IDataObject[], url: string): Promise<ScenarioRun>;
}

// ---------------------------------------------------------------------------------------------
// Inputs and credentials

/** `n` items `{ userId, n }` with distinct, valid user IDs (U + 32 hex characters). */
export function makeInput(n: number): IDataObject[] {
	const items: IDataObject[] = new Array(n);
	for (let i = 0; i < n; i++) {
		items[i] = { userId: `U${i.toString(16).padStart(32, '0')}`, n: i };
	}
	return items;
}

const genericCredentialType = new LineConnectorChannelAccessTokenApi();

/**
 * The same credential with a function-form `authenticate` (what we measure as an alternative
 * to the generic form with its `=Bearer {{$credentials.accessToken}}` expression).
 */
export const functionCredentialType: ICredentialType = {
	...genericCredentialType,
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions) {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${credentials.accessToken as string}` },
		};
	},
};

function credential(url: string, credentialType: ICredentialType = genericCredentialType): TestCredential {
	return {
		type: CHANNEL_ACCESS_TOKEN,
		credentialType,
		data: { accessToken: BENCH_TOKEN, channelSecret: '', baseUrl: url, dataBaseUrl: url },
	};
}

function summarize(result: Awaited<ReturnType<typeof runNode>>): ScenarioRun {
	return {
		outputItems: result.items.length,
		status: result.status,
		error: result.error ? `${result.error.message}${result.error.description ? ` — ${result.error.description}` : ''}` : undefined,
	};
}

// ---------------------------------------------------------------------------------------------
// Baseline nodes

/** (a) Does nothing but hand every input item on: the engine's own cost for n items. */
export const passThroughNode: INodeType = {
	description: {
		displayName: 'Bench Pass Through',
		name: 'lineBench.passThrough',
		group: ['transform'],
		version: 1,
		description: 'Returns its input items',
		defaults: { name: 'Bench Pass Through' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	},
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		return [items.map((item, index) => ({ json: item.json, pairedItem: { item: index } }))];
	},
};

/**
 * (b) The least a node can do to push one message per item through n8n's request helper with
 * our credential: credential read once, the same request our node sends (body, retry-key
 * header, full response), no parameters, no checks. `inFlight` > 1 is a what-if (profile only).
 */
function helperFloor(inFlight: number): INodeType {
	return {
		description: {
			displayName: 'Bench Helper Floor',
			name: 'lineBench.helperFloor',
			group: ['output'],
			version: 1,
			description: 'One httpRequestWithAuthentication per item',
			defaults: { name: 'Bench Helper Floor' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: CHANNEL_ACCESS_TOKEN, required: true }],
			properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const items = this.getInputData();
			const data = await this.getCredentials(CHANNEL_ACCESS_TOKEN);
			const credentialsDecrypted = { id: '', name: CHANNEL_ACCESS_TOKEN, type: CHANNEL_ACCESS_TOKEN, data };
			const url = `${String(data.baseUrl).replace(/\/+$/, '')}/v2/bot/message/push`;
			const output = await mapWithConcurrency(items.length, inFlight, async (itemIndex) => {
				const json = items[itemIndex].json;
				const retryKey = randomUUID();
				const response = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					CHANNEL_ACCESS_TOKEN,
					{
						method: 'POST',
						url,
						json: true,
						returnFullResponse: true,
						headers: { 'X-Line-Retry-Key': retryKey },
						body: { to: json.userId, messages: [{ type: 'text', text: `Alert ${String(json.n)}` }] },
					},
					{ credentialsDecrypted },
				)) as { body: IDataObject; headers: Record<string, string> };
				return {
					json: {
						to: json.userId as string,
						requestId: response.headers['x-line-request-id'],
						retryKey,
						sentMessages: response.body.sentMessages,
					},
					pairedItem: { item: itemIndex },
				} as INodeExecutionData;
			});
			return [output];
		},
	};
}

export const helperFloorNode = helperFloor(1);
const helperFloorInFlight4 = helperFloor(4);

// ---------------------------------------------------------------------------------------------
// Our node's parameters

const CONSTANT_USER = 'U4af4980629b06f3b9d3f8a1b2c3d4e5f';

export const pushWithExpressions: INodeParameters = {
	authentication: 'channelAccessToken',
	resource: 'message',
	operation: 'sendPush',
	to: '={{ $json.userId }}',
	messagesInput: 'builder',
	messages: { message: [{ type: 'text', text: '=Alert {{ $json.n }}' }] },
};

/** Every item to the same chat: sent one after another, whatever Requests in Parallel says. */
export const pushConstant: INodeParameters = {
	...pushWithExpressions,
	to: CONSTANT_USER,
	messages: { message: [{ type: 'text', text: 'Alert' }] },
};

export const multicastCombined: INodeParameters = {
	authentication: 'channelAccessToken',
	resource: 'message',
	operation: 'sendMulticast',
	to: '={{ $json.userId }}',
	messagesInput: 'builder',
	messages: { message: [{ type: 'text', text: 'Alert' }] },
	options: { combineItems: true },
};

const lineMessaging = new LineMessaging();

function nodeScenario(
	name: string,
	label: string,
	parameters: INodeParameters,
	credentialType?: ICredentialType,
): Scenario {
	return {
		name,
		label,
		expectedRequests: (n) => n,
		async run(input, url) {
			return summarize(
				await runNode({ nodeType: lineMessaging, parameters, credentials: credential(url, credentialType), input }),
			);
		},
	};
}

// ---------------------------------------------------------------------------------------------
// The scenarios

export const scenarios: Scenario[] = [
	{
		name: 'engine',
		label: '(a) n8n engine, pass-through node',
		expectedRequests: () => 0,
		async run(input) {
			return summarize(await runNode({ nodeType: passThroughNode, input }));
		},
	},
	{
		name: 'helper',
		label: '(b) n8n helper floor: 1 × httpRequestWithAuthentication per item',
		expectedRequests: (n) => n,
		async run(input, url) {
			return summarize(await runNode({ nodeType: helperFloorNode, credentials: credential(url), input }));
		},
	},
	{
		name: 'helper-fnauth',
		label: '(b′) helper floor, credential with function-form authenticate',
		expectedRequests: (n) => n,
		async run(input, url) {
			return summarize(
				await runNode({ nodeType: helperFloorNode, credentials: credential(url, functionCredentialType), input }),
			);
		},
	},
	{
		name: 'helper-c4',
		label: '(what-if) helper floor with 4 requests in flight',
		expectedRequests: (n) => n,
		extra: true,
		async run(input, url) {
			return summarize(await runNode({ nodeType: helperFloorInFlight4, credentials: credential(url), input }));
		},
	},
	{
		name: 'sdk',
		label: '(c) bare @line/bot-sdk pushMessage, sequential, no n8n',
		expectedRequests: (n) => n,
		async run(input, url) {
			const client = new messagingApi.MessagingApiClient({ channelAccessToken: BENCH_TOKEN, baseURL: url });
			let pushed = 0;
			for (const item of input) {
				const response = await client.pushMessage(
					{ to: item.userId as string, messages: [{ type: 'text', text: `Alert ${String(item.n)}` }] },
					randomUUID(),
				);
				if (response.sentMessages?.length) pushed++;
			}
			return { outputItems: pushed, status: 'success' };
		},
	},
	nodeScenario('push-expr', 'LINE Messaging: Send Push, expressions per item', pushWithExpressions),
	nodeScenario('push-const', 'LINE Messaging: Send Push, constant parameters', pushConstant),
	nodeScenario(
		'push-expr-serial',
		'LINE Messaging: Send Push, expressions per item, one request at a time',
		{ ...pushWithExpressions, options: { parallelRequests: 1 } },
	),
	{
		...nodeScenario(
			'multicast',
			'LINE Messaging: Send Multicast, Combine All Items',
			multicastCombined,
		),
		expectedRequests: (n) => Math.ceil(n / 500),
		expectedOutput: (n) => Math.ceil(n / 500),
		sizes: [10_000],
	},
];

export function findScenario(name: string): Scenario {
	const found = scenarios.find((scenario) => scenario.name === name);
	if (!found) throw new Error(`Unknown scenario "${name}" (known: ${scenarios.map((s) => s.name).join(', ')})`);
	return found;
}
