import './n8nEnvironment';

import { Credentials, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	type ExecutionError,
	type ExecutionStatus,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRequestOptionsSimplified,
	type IRun,
	type ITaskData,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

/**
 * Runs one node in n8n's real execution engine (n8n-core's WorkflowExecute), in-process:
 * a test trigger that emits the input items → the node under test. Its HTTP requests really go
 * out through n8n-core's request helpers, so point it at a mock server on 127.0.0.1.
 */

export interface TestCredential {
	/** Credential type name, e.g. `lineConnectorChannelAccessTokenApi`. */
	type: string;
	/**
	 * The stored credential. Acts like n8n's database row: when n8n saves the credential (e.g. a
	 * token fetched by `preAuthentication`), this object's content is replaced, so a later run
	 * given the same object sees the saved token.
	 */
	data: ICredentialDataDecryptedObject;
	credentialType: ICredentialType;
	id?: string;
	name?: string;
}

export interface RunNodeOptions {
	/** An instance of the node class (versioned node types are supported). */
	nodeType: INodeType | IVersionedNodeType;
	parameters?: INodeParameters;
	credentials?: TestCredential | TestCredential[];
	/** `json` of the input items (default: one empty item). */
	input?: IDataObject[];
	/** Sets the node's `onError: 'continueRegularOutput'` (what "Continue On Fail" does in the UI). */
	continueOnFail?: boolean;
	typeVersion?: number;
	/** Other node properties (`retryOnFail`, `alwaysOutputData`, `onError`, ...). */
	node?: Partial<INode>;
	/**
	 * Runs as n8n's "Retry" of this failed run does: a new execution (new ID, mode `retry`) that
	 * continues the failed one's execution data without the failed node's last (errored) run.
	 */
	retryOf?: RunNodeResult;
	/**
	 * Called once the run has started, with a way to cancel it (as n8n's Stop button does: the
	 * engine aborts the execution's signal) and a promise that settles when the node's execute ends.
	 * A cancelled run's promise may never settle: await `nodeSettled` instead.
	 */
	onStarted?: (control: RunControl) => void;
}

export interface RunControl {
	cancel: () => void;
	/** Settles with what the node's execute returned (undefined when it threw). */
	nodeSettled: Promise<INodeExecutionData[][] | undefined>;
}

export interface CredentialSave {
	type: string;
	id: string;
	data: ICredentialDataDecryptedObject;
	/** `updateCredentials` (whole data) or `updateCredentialsOauthTokenData`. */
	via: 'updateCredentials' | 'updateCredentialsOauthTokenData';
}

export interface NodeRunError {
	message: string;
	description?: string | null;
	httpCode?: string | null;
	itemIndex?: number;
	name?: string;
	/** The error as n8n stores it in the run data (a plain copy of the error). */
	raw: ExecutionError;
}

export interface RunNodeResult {
	/** Items of the first output. */
	items: INodeExecutionData[];
	/** Items of every output. */
	outputs: INodeExecutionData[][];
	/** Set when the node failed (also with continueOnFail, when the node threw). */
	error?: NodeRunError;
	/** The error object the node's `execute` threw (e.g. a NodeApiError instance), if any. */
	thrown?: unknown;
	status: ExecutionStatus;
	/** The node's task data (run data) and the whole run. */
	taskData?: ITaskData;
	run: IRun;
	/** What n8n saved into credentials during the run. */
	savedCredentials: CredentialSave[];
}

export const TEST_TRIGGER_TYPE = 'lineConnectorTest.inputTrigger';
export const TRIGGER_NAME = 'Test Input';
export const NODE_NAME = 'Node Under Test';

/** A tiny start node that emits the test's input items. */
function inputTrigger(input: IDataObject[]): INodeType {
	return {
		description: {
			displayName: 'Test Input',
			name: TEST_TRIGGER_TYPE,
			group: ['trigger'],
			version: 1,
			description: 'Emits the items given to runNode',
			defaults: { name: TRIGGER_NAME },
			inputs: [],
			outputs: ['main'],
			properties: [],
		},
		async execute() {
			return [input.map((json, item) => ({ json, pairedItem: { item } }))];
		},
	};
}

interface Capture {
	thrown?: unknown;
	settled: Promise<INodeExecutionData[][] | undefined>;
	settle: (output?: INodeExecutionData[][]) => void;
}

function newCapture(): Capture {
	let settle: Capture['settle'] = () => {};
	const settled = new Promise<INodeExecutionData[][] | undefined>((resolve) => (settle = resolve));
	return { settled, settle };
}

/** Wraps execute only to keep the thrown error object (the run data holds a plain copy). */
function capturingNodeType(nodeType: INodeType, capture: Capture): INodeType {
	if (!nodeType.execute) return nodeType;
	const execute = nodeType.execute;
	const wrapped = Object.create(nodeType) as INodeType;
	wrapped.execute = async function (this: IExecuteFunctions) {
		let output: INodeExecutionData[][] | undefined;
		try {
			output = (await execute.call(this)) as INodeExecutionData[][];
			return output;
		} catch (error) {
			capture.thrown = error;
			throw error;
		} finally {
			capture.settle(output);
		}
	};
	return wrapped;
}

function nodeTypeName(nodeType: INodeType | IVersionedNodeType): string {
	return nodeType.description.name;
}

function createNodeTypes(
	nodeType: INodeType | IVersionedNodeType,
	trigger: INodeType,
	capture: Capture,
): INodeTypes {
	const underTest = nodeTypeName(nodeType);
	const byName = (name: string): INodeType | IVersionedNodeType => {
		if (name === TEST_TRIGGER_TYPE) return trigger;
		if (name === underTest) return nodeType;
		throw new Error(`Unknown node type ${name}`);
	};
	return {
		getByName: byName,
		getByNameAndVersion: (name, version) => {
			const found = NodeHelpers.getVersionedNodeType(byName(name), version);
			return name === underTest ? capturingNodeType(found, capture) : found;
		},
		getKnownTypes: () => ({}),
	};
}

function defaultVersion(nodeType: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in nodeType) return nodeType.currentVersion;
	const { version } = nodeType.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

// ---------------------------------------------------------------------------------------------
// Credentials

/** Does what n8n's CredentialsHelper does, with the test's credentials as the "database". */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly saved: CredentialSave[] = [];

	constructor(private readonly credentials: TestCredential[]) {
		super();
	}

	private find(type: string, id?: string | null): TestCredential {
		const found = this.credentials.find((c) => c.type === type && (!id || credentialId(c) === id));
		if (!found)
			throw new Error(`No test credential of type "${type}"${id ? ` with id "${id}"` : ''}`);
		return found;
	}

	private typeOf(typeName: string): ICredentialType {
		return this.find(typeName).credentialType;
	}

	getParentTypes(typeName: string): string[] {
		return this.credentials.find((c) => c.type === typeName)?.credentialType.extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.typeOf(type).properties;
	}

	/** A fresh copy of the stored data with the type's defaults, as n8n decrypts it per use. */
	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const credential = this.find(type, nodeCredentials.id);
		const data = structuredClone(credential.data);
		for (const property of credential.credentialType.properties) {
			if (data[property.name] === undefined && property.default !== undefined) {
				data[property.name] = structuredClone(
					property.default,
				) as ICredentialDataDecryptedObject[string];
			}
		}
		return data;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		const credential = this.find(type, nodeCredentials.id);
		const credentials = new Credentials(
			{ id: credentialId(credential), name: credentialName(credential) },
			type,
		);
		await credentials.setData(structuredClone(credential.data));
		return credentials;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store(nodeCredentials, type, structuredClone(data), 'updateCredentials');
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const credential = this.find(type, nodeCredentials.id);
		const merged = { ...credential.data, oauthTokenData: structuredClone(data.oauthTokenData) };
		this.store(nodeCredentials, type, merged, 'updateCredentialsOauthTokenData');
	}

	private store(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
		via: CredentialSave['via'],
	): void {
		const credential = this.find(type, nodeCredentials.id);
		for (const key of Object.keys(credential.data)) delete credential.data[key];
		Object.assign(credential.data, data);
		this.saved.push({ type, id: credentialId(credential), data: structuredClone(data), via });
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.typeOf(typeName);
		const options = requestOptions as IHttpRequestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		if (authenticate?.type !== 'generic') return options;
		if (!workflow || !node) throw new Error('Generic authentication needs the workflow and node');
		const resolve = (value: unknown) =>
			resolveCredentialExpression(value, credentials, workflow, node);
		const target = options as unknown as Record<string, Record<string, unknown> | undefined>;
		for (const [section, entries] of Object.entries(authenticate.properties)) {
			target[section] ??= {};
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
				target[section]![String(resolve(key))] = resolve(value);
			}
		}
		return options;
	}

	/**
	 * Like n8n: with a `preAuthentication` and a hidden `expirable` property, fetch when that
	 * property is empty or n8n says the credential expired (it got a 401), then save it.
	 */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.typeOf(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const output = await credentialType.preAuthentication.call(
			onlyHttpRequest(helpers),
			credentials,
		);
		if (output?.[expirable.name] === undefined) return undefined;
		const nodeCredentials = node.credentials?.[typeName];
		if (!nodeCredentials) return undefined;
		const stored = this.find(typeName, nodeCredentials.id).data;
		const fetched = output as ICredentialDataDecryptedObject;
		await this.updateCredentials(nodeCredentials, typeName, { ...stored, ...fetched });
		return Object.assign(credentials, fetched);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const { preAuthentication } = this.typeOf(typeName);
		if (typeof preAuthentication !== 'function') return undefined;
		const output = await preAuthentication.call(onlyHttpRequest(helpers), credentials);
		return (output as ICredentialDataDecryptedObject | undefined) ?? undefined;
	}
}

/** preAuthentication gets only `helpers.httpRequest` (n8n-core's real request helper). */
function onlyHttpRequest(helpers: IHttpRequestHelper): IHttpRequestHelper {
	return { helpers: { httpRequest: helpers.helpers.httpRequest } };
}

function resolveCredentialExpression(
	value: unknown,
	credentials: ICredentialDataDecryptedObject,
	workflow: Workflow,
	node: INode,
): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	const resolved = workflow.expression.getSimpleParameterValue(
		node,
		value,
		'internal',
		{ $credentials: credentials },
		undefined,
		'',
	);
	return resolved ? String(resolved) : '';
}

function credentialId(credential: TestCredential): string {
	return credential.id ?? `${credential.type}-id`;
}

function credentialName(credential: TestCredential): string {
	return credential.name ?? `${credential.type} (test)`;
}

// ---------------------------------------------------------------------------------------------
// The run

function buildNodes(options: RunNodeOptions, credentials: TestCredential[]): INode[] {
	const nodeCredentials = Object.fromEntries(
		credentials.map((c) => [c.type, { id: credentialId(c), name: credentialName(c) }]),
	);
	const underTest: INode = {
		id: 'node-under-test',
		name: NODE_NAME,
		type: nodeTypeName(options.nodeType),
		typeVersion: options.typeVersion ?? defaultVersion(options.nodeType),
		position: [200, 0],
		parameters: options.parameters ?? {},
		...(credentials.length > 0 ? { credentials: nodeCredentials } : {}),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...options.node,
	};
	const trigger: INode = {
		id: 'test-input',
		name: TRIGGER_NAME,
		type: TEST_TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return [trigger, underTest];
}

/** What n8n-core's contexts read of `additionalData`; `hooks` only when running a workflow. */
export function additionalDataFor(
	credentialsHelper: ICredentialsHelper,
	hooks: ExecutionLifecycleHooks | undefined,
	executionId: string,
	base = 'http://127.0.0.1:5678',
): IWorkflowExecuteAdditionalData {
	const refuse = async () => {
		throw new Error('Not available in the test engine');
	};
	return {
		credentialsHelper,
		hooks,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		logAiEvent: () => {},
		executeWorkflow: refuse,
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: refuse,
		encryptedRunnerIdentity: undefined,
		// Only the members the engine reads while running a regular node (no external secrets).
	} as unknown as IWorkflowExecuteAdditionalData;
}

let executionCounter = 0;

export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const credentials = options.credentials === undefined ? [] : [options.credentials].flat();
	const capture = newCapture();
	const trigger = inputTrigger(options.input ?? [{}]);
	const nodes = buildNodes(options, credentials);
	const connections = {
		[TRIGGER_NAME]: { main: [[{ node: NODE_NAME, type: 'main' as const, index: 0 }]] },
	};
	const workflowId = 'test-workflow';
	const workflow = new Workflow({
		id: workflowId,
		name: 'runNode',
		nodes,
		connections,
		active: false,
		nodeTypes: createNodeTypes(options.nodeType, trigger, capture),
		settings: { executionOrder: 'v1' },
	});

	const executionId = `test-execution-${++executionCounter}`;
	const workflowData = {
		id: workflowId,
		name: 'runNode',
		nodes,
		connections,
		active: false,
		settings: { executionOrder: 'v1' },
		createdAt: new Date(),
		updatedAt: new Date(),
	} as unknown as IWorkflowBase;
	const mode = options.retryOf ? 'retry' : 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const credentialsHelper = new TestCredentialsHelper(credentials);
	const runExecutionData = options.retryOf
		? retryData(options.retryOf.run)
		: createRunExecutionData({
				executionData: {
					nodeExecutionStack: [{ node: nodes[0], data: { main: [[{ json: {} }]] }, source: null }],
				},
			});
	const execution = new WorkflowExecute(
		additionalDataFor(credentialsHelper, hooks, executionId),
		mode,
		runExecutionData,
	).processRunExecutionData(workflow);
	options.onStarted?.({ cancel: () => execution.cancel(), nodeSettled: capture.settled });
	const run = await execution;

	const runs = run.data.resultData.runData[NODE_NAME] ?? [];
	const taskData = runs[runs.length - 1];
	const outputs = (taskData?.data?.main ?? []).map((output) => output ?? []);
	const rawError = taskData?.error ?? run.data.resultData.error;
	return {
		items: outputs[0] ?? [],
		outputs,
		error: rawError ? describeRunError(rawError) : undefined,
		thrown: capture.thrown,
		status: run.status,
		taskData,
		run,
		savedCredentials: credentialsHelper.saved,
	};
}

/** What n8n's execution service does to a failed execution's data before retrying it. */
function retryData(failed: IRun): IRun['data'] {
	const data = structuredClone(failed.data);
	const { lastNodeExecuted } = data.resultData;
	delete data.resultData.error;
	const runs = lastNodeExecuted ? data.resultData.runData[lastNodeExecuted] : undefined;
	if (runs?.length && runs[runs.length - 1].error !== undefined) runs.pop();
	return data;
}

function describeRunError(raw: ExecutionError): NodeRunError {
	const error = raw as ExecutionError & {
		description?: string | null;
		httpCode?: string | null;
		context?: { itemIndex?: number };
	};
	return {
		message: error.message,
		description: error.description,
		httpCode: error.httpCode,
		itemIndex: error.context?.itemIndex,
		name: error.name,
		raw,
	};
}
