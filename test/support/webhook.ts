import './n8nEnvironment';

import { createHmac } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, WebhookContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWebhookData,
	type IWebhookDescription,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
} from 'n8n-workflow';

import { additionalDataFor, TestCredentialsHelper, type TestCredential } from './engine';

/**
 * Runs a trigger node's webhook and webhook methods the way n8n's server does, in-process:
 * n8n-core's own WebhookContext (real request/response over HTTP on 127.0.0.1, `rawBody` read
 * like n8n's body parser) and HookContext (activation / deactivation), a real `Workflow` with
 * static data, and n8n-core's request and binary helpers. What n8n's webhook server does around
 * the node (answer when the node did not, start the workflow when it returned items) is
 * reproduced from n8n 2.41's `webhook-helpers`.
 */

export const WEBHOOK_ID = '0b3f7c1e-2d4a-4f6b-9c8d-1e2f3a4b5c6d';
export const N8N_BASE = 'http://127.0.0.1:5678';
export const PRODUCTION_URL = `${N8N_BASE}/webhook/${WEBHOOK_ID}/webhook`;
export const TEST_URL = `${N8N_BASE}/webhook-test/${WEBHOOK_ID}/webhook`;
const NODE_NAME = 'LINE Trigger';

export interface TriggerHarnessOptions {
	nodeType: INodeType;
	parameters?: INodeParameters;
	credentials?: TestCredential | TestCredential[];
	/** The workflow's static data as stored (kept and changed across hook calls). */
	staticData?: IDataObject;
	/** Base of the webhook URLs (default http://127.0.0.1:5678). */
	baseUrl?: string;
	/** The node's version in the workflow (default: the one n8n gives a new node). */
	typeVersion?: number;
}

export interface DeliverOptions {
	headers?: Record<string, string>;
	/** Called when the HTTP client has the whole response (before the node may have finished). */
	onResponse?: (status: number) => void;
	/** Deliver to the Test URL ("Listen for test event"). */
	test?: boolean;
}

export interface Delivery {
	status: number;
	body: string;
	headers: http.IncomingHttpHeaders;
	/** What the node's webhook() returned. */
	result?: IWebhookResponseData;
	/** What the node's webhook() threw. */
	error?: unknown;
	/** Whether n8n starts the workflow (the node returned workflowData). */
	ran: boolean;
	/** The items the workflow starts with (first output). */
	items: INodeExecutionData[];
	/** Who wrote the HTTP response: the node itself, or n8n on its behalf. */
	answeredBy: 'node' | 'n8n';
}

type WebhookMethod = 'checkExists' | 'create' | 'delete';

export interface TriggerHarness {
	readonly workflow: Workflow;
	readonly node: INode;
	/** The node's static data (`getWorkflowStaticData('node')`). */
	nodeStaticData(): IDataObject;
	/** POSTs `body` (its exact bytes) to the node's webhook over real HTTP. */
	deliver(body: string | Buffer, options?: DeliverOptions): Promise<Delivery>;
	/** Runs one webhook method in n8n-core's HookContext. */
	hook(method: WebhookMethod, options?: { test?: boolean }): Promise<boolean>;
	/** What n8n does on activation: checkExists, then create when it said false. */
	activate(options?: { test?: boolean }): Promise<{ created: boolean }>;
	/** What n8n does on deactivation (and at the end of a test listen). */
	deactivate(options?: { test?: boolean }): Promise<void>;
}

function nodeTypesOf(nodeType: INodeType): INodeTypes {
	const byName = (name: string) => {
		if (name !== nodeType.description.name) throw new Error(`Unknown node type ${name}`);
		return nodeType;
	};
	return {
		getByName: byName,
		getByNameAndVersion: (name, version) => NodeHelpers.getVersionedNodeType(byName(name), version),
		getKnownTypes: () => ({}),
	};
}

/** The version n8n gives the node when it is added to a workflow. */
function newNodeVersion(nodeType: INodeType): number {
	const { version, defaultVersion } = nodeType.description;
	return defaultVersion ?? (Array.isArray(version) ? Math.max(...version) : version);
}

function credentialId(credential: TestCredential): string {
	return credential.id ?? `${credential.type}-id`;
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function sendJson(response: ServerResponse, status: number, body?: unknown): void {
	if (response.writableEnded) return;
	if (body === undefined) {
		response.writeHead(status);
		response.end();
		return;
	}
	response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify(body));
}

export function createTriggerHarness(options: TriggerHarnessOptions): TriggerHarness {
	const credentials = options.credentials === undefined ? [] : [options.credentials].flat();
	const baseUrl = options.baseUrl ?? N8N_BASE;
	const credentialsHelper = new TestCredentialsHelper(credentials);
	const nodeType = options.nodeType;
	const node: INode = {
		id: 'line-trigger-node',
		name: NODE_NAME,
		type: nodeType.description.name,
		typeVersion: options.typeVersion ?? newNodeVersion(nodeType),
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters: options.parameters ?? {},
		credentials: Object.fromEntries(
			credentials.map((c) => [c.type, { id: credentialId(c), name: c.name ?? c.type }]),
		),
	};
	const workflow = new Workflow({
		id: 'line-trigger-workflow',
		name: 'LINE Trigger test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: nodeTypesOf(nodeType),
		staticData: options.staticData ?? {},
		settings: { executionOrder: 'v1' },
	});
	const workflowNode = workflow.getNode(NODE_NAME)!;
	const description = nodeType.description.webhooks?.[0] as IWebhookDescription;

	const webhookData = (additionalData: IWorkflowExecuteAdditionalData, test: boolean) =>
		({
			httpMethod: description.httpMethod,
			node: NODE_NAME,
			path: `${WEBHOOK_ID}/${String(description.path)}`,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: WEBHOOK_ID,
			isTest: test,
		}) as IWebhookData;

	async function handle(
		request: IncomingMessage,
		response: ServerResponse,
		test: boolean,
	): Promise<Omit<Delivery, 'status' | 'body' | 'headers'>> {
		// What n8n's rawBodyReader and body parser do before a webhook node runs: the raw body is
		// read for version 1 nodes and parsable content types; otherwise the node may read it.
		const rawBody = await readAll(request);
		const req = request as IncomingMessage & IDataObject;
		const contentType = (request.headers['content-type'] ?? '').split(';')[0].trim();
		const parsable =
			/^(application\/json|text\/plain|application\/x-www-form-urlencoded)$|[/+]xml$/;
		if (node.typeVersion === 1 || parsable.test(contentType)) req.rawBody = rawBody;
		req.readRawBody = async () => {
			req.rawBody = rawBody;
		};
		req.params = {};
		req.query = {};
		req.body = {};
		if (rawBody.length > 0 && contentType === 'application/json') {
			try {
				req.body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				sendJson(response, 422, { message: 'Failed to parse request body' });
				return { ran: false, items: [], answeredBy: 'n8n' };
			}
		}
		const additionalData = {
			...additionalDataFor(credentialsHelper, undefined, 'webhook-test-execution', baseUrl),
			httpRequest: req,
			httpResponse: response,
		} as unknown as IWorkflowExecuteAdditionalData;
		const context = new WebhookContext(
			workflow,
			workflowNode,
			additionalData,
			test ? 'manual' : 'webhook',
			webhookData(additionalData, test),
			[],
			null,
		);
		let result: IWebhookResponseData | undefined;
		try {
			result = await nodeType.webhook!.call(context);
		} catch (error) {
			sendJson(response, 500, { message: 'Error in workflow' });
			return { error, ran: false, items: [], answeredBy: 'n8n' };
		}
		const answeredByNode = response.headersSent;
		if (result.noWebhookResponse !== true || !answeredByNode) {
			if (result.noWebhookResponse === true) {
				sendJson(response, 500, { message: 'harness: noWebhookResponse but no answer' });
			} else if (result.workflowData === undefined) {
				sendJson(response, 200, result.webhookResponse ?? { message: 'Webhook call received' });
			} else if (description.responseData === 'noData') {
				sendJson(response, 200);
			} else {
				sendJson(response, 200, { message: 'Workflow was started' });
			}
		}
		return {
			result,
			ran: result.workflowData !== undefined,
			items: result.workflowData?.[0] ?? [],
			answeredBy: answeredByNode ? 'node' : 'n8n',
		};
	}

	async function deliver(body: string | Buffer, deliverOptions: DeliverOptions = {}) {
		const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
		let handled: Promise<Omit<Delivery, 'status' | 'body' | 'headers'>> | undefined;
		const server = http.createServer((request, response) => {
			handled = handle(request, response, deliverOptions.test === true);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = server.address() as AddressInfo;
			const answer = await new Promise<{
				status: number;
				body: string;
				headers: http.IncomingHttpHeaders;
			}>((resolve, reject) => {
				const request = http.request(
					{
						host: '127.0.0.1',
						port,
						method: 'POST',
						path: `/${deliverOptions.test ? 'webhook-test' : 'webhook'}/${WEBHOOK_ID}/webhook`,
						headers: {
							'content-type': 'application/json; charset=utf-8',
							'content-length': String(bytes.length),
							'user-agent': 'LineBotWebhook/2.0',
							...deliverOptions.headers,
						},
					},
					(response) => {
						readAll(response).then((data) => {
							deliverOptions.onResponse?.(response.statusCode ?? 0);
							resolve({
								status: response.statusCode ?? 0,
								body: data.toString('utf8'),
								headers: response.headers,
							});
						}, reject);
					},
				);
				request.on('error', reject);
				request.end(bytes);
			});
			const outcome = await handled!;
			return { ...answer, ...outcome };
		} finally {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	}

	async function hook(method: WebhookMethod, hookOptions: { test?: boolean } = {}) {
		const test = hookOptions.test === true;
		const additionalData = additionalDataFor(
			credentialsHelper,
			undefined,
			'webhook-test-execution',
			baseUrl,
		);
		// n8n: activation in 'trigger' mode; a test listen in 'manual'; deletion always 'internal'.
		const mode = method === 'delete' ? 'internal' : test ? 'manual' : 'trigger';
		const activation: WorkflowActivateMode =
			method === 'delete' ? 'update' : test ? 'manual' : 'activate';
		const context = new HookContext(
			workflow,
			workflowNode,
			additionalData,
			mode,
			activation,
			webhookData(additionalData, test),
		);
		const fn = nodeType.webhookMethods?.default?.[method];
		if (!fn) throw new Error(`The node has no webhookMethods.default.${method}`);
		return await fn.call(context);
	}

	return {
		workflow,
		node: workflowNode,
		nodeStaticData: () => workflow.getStaticData('node', workflowNode),
		deliver,
		hook,
		async activate(activateOptions = {}) {
			if (await hook('checkExists', activateOptions)) return { created: false };
			await hook('create', activateOptions);
			return { created: true };
		},
		async deactivate(deactivateOptions = {}) {
			await hook('delete', deactivateOptions);
		},
	};
}

// ---------------------------------------------------------------------------------------------
// LINE webhook bodies, shaped like LINE's (webhook.yml → CallbackRequest)

export const BOT_USER_ID = 'U1234567890abcdef1234567890abcdef';
export const USER_ID = 'U4af4980629b06f3b9d3f8a1b2c3d4e5f';
export const GROUP_ID = 'Ca56f94637c0123456789abcdef012345';
export const ROOM_ID = 'Ra8dbf4b3c20123456789abcdef012345';

export type LineSource =
	| { type: 'user'; userId: string }
	| { type: 'group'; groupId: string; userId?: string }
	| { type: 'room'; roomId: string; userId?: string };

export const fromUser: LineSource = { type: 'user', userId: USER_ID };
export const inGroup: LineSource = { type: 'group', groupId: GROUP_ID, userId: USER_ID };
export const inRoom: LineSource = { type: 'room', roomId: ROOM_ID, userId: USER_ID };

let sequence = 0;

/** A ULID-like webhook event ID, unique per call. */
function nextEventId(): string {
	sequence += 1;
	return `01H810YECXQQZ37VAXPF6H${String(sequence).padStart(4, '0')}`;
}

export interface EventOptions {
	source?: LineSource | null;
	redelivery?: boolean;
	replyToken?: string | null;
}

/** A webhook event with the fields every event has (type, timestamp, mode, ID, delivery context). */
export function lineEvent(
	type: string,
	fields: IDataObject = {},
	{ source = fromUser, redelivery = false, replyToken = null }: EventOptions = {},
): IDataObject {
	return {
		type,
		...fields,
		webhookEventId: nextEventId(),
		deliveryContext: { isRedelivery: redelivery },
		timestamp: 1692251666727 + sequence,
		...(source ? { source } : {}),
		...(replyToken ? { replyToken } : {}),
		mode: 'active',
	};
}

export function messageEvent(message: IDataObject, options: EventOptions = {}): IDataObject {
	return lineEvent('message', { message }, { replyToken: `reply-${sequence + 1}`, ...options });
}

export function textMessage(text: string, id = '468789577898262530'): IDataObject {
	return { type: 'text', id, quoteToken: `q-${id}`, text };
}

export function mediaMessage(
	type: 'image' | 'video' | 'audio',
	id: string,
	provider: IDataObject = { type: 'line' },
): IDataObject {
	return {
		type,
		id,
		contentProvider: provider,
		...(type === 'audio' ? {} : { quoteToken: `q-${id}` }),
		...(type === 'image' ? {} : { duration: 6000 }),
	};
}

export function fileMessage(id: string, fileName: string, fileSize = 1234): IDataObject {
	return { type: 'file', id, fileName, fileSize };
}

/** LINE's body, compact like LINE sends it. */
export function webhookBody(events: IDataObject[], destination = BOT_USER_ID): string {
	return JSON.stringify({ destination, events });
}

/** The `x-line-signature` header LINE would send with `body`. */
export function signedBy(secret: string, body: string | Buffer): Record<string, string> {
	return { 'x-line-signature': createHmac('sha256', secret).update(body).digest('base64') };
}
