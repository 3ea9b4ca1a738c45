import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { LineConnectorChannelAccessTokenApi } from '../../credentials/LineConnectorChannelAccessTokenApi.credentials';
import { LineConnectorChannelIdSecretApi } from '../../credentials/LineConnectorChannelIdSecretApi.credentials';
import { LineMessaging } from '../../nodes/Line/LineMessaging.node';
import { runNode, type RunNodeResult, type TestCredential } from '../support/engine';
import { useMockPerTest } from '../support/isolation';
import {
	DEFAULT_CHANNEL_ACCESS_TOKEN,
	DEFAULT_CHANNEL_ID,
	DEFAULT_CHANNEL_SECRET,
	startMockLine,
	type MockLine,
	type MockRequest,
} from '../support/mockLine';

/** Shared by the engine tests of the LINE Messaging node: IDs, credentials, a mock per test. */

export const TOKEN = DEFAULT_CHANNEL_ACCESS_TOKEN;
export const USER = 'U4af4980629b06f3b9d3f8a1b2c3d4e5f';
export const USER_2 = 'U0c229f96c4e1a2b3c4d5e6f708192a3b';
export const GROUP = 'Ca56f94637c0123456789abcdef012345';
export const ROOM = 'Ra8dbf4b3c20123456789abcdef012345';
export const REPLY_TOKEN = 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA';
export const RETRY_KEY = '123e4567-e89b-12d3-a456-426614174000';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `count` distinct user IDs: U + 32 hex digits. */
export function userIds(count: number, offset = 0): string[] {
	return Array.from({ length: count }, (_, i) => `U${(i + offset).toString(16).padStart(32, '0')}`);
}

export const nodeType = new LineMessaging();

/** The current test's mock: a new server for every test (see test/support/isolation.ts). */
export function useMockLine(): { readonly mock: MockLine } {
	return useMockPerTest('mock LINE', () => startMockLine());
}

export function tokenCredential(mock: MockLine, accessToken = TOKEN): TestCredential {
	return {
		type: 'lineConnectorChannelAccessTokenApi',
		credentialType: new LineConnectorChannelAccessTokenApi(),
		data: { accessToken, baseUrl: mock.url, dataBaseUrl: mock.url },
	};
}

export function idSecretCredential(
	mock: MockLine,
	channelSecret = DEFAULT_CHANNEL_SECRET,
): TestCredential {
	return {
		type: 'lineConnectorChannelIdSecretApi',
		credentialType: new LineConnectorChannelIdSecretApi(),
		data: {
			channelId: DEFAULT_CHANNEL_ID,
			channelSecret,
			baseUrl: mock.url,
			dataBaseUrl: mock.url,
		},
	};
}

/** A file of an input item, as an upstream node (Read Files, HTTP Request) would give it. */
export interface InputFile {
	data: Buffer;
	fileName: string;
	mimeType: string;
	/** The item's binary field (default `data`). */
	field?: string;
}

export interface RunOptions {
	input?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: TestCredential;
	/** Files of the input items, by item index (the runner's input node emits JSON only). */
	files?: Array<InputFile | undefined>;
}

/**
 * The LINE node given input items that carry files: it attaches them with n8n's own binary
 * helper, then runs as always.
 */
function lineWithFiles(files: Array<InputFile | undefined>): INodeType {
	const withFiles = Object.create(nodeType) as INodeType;
	withFiles.execute = async function (this: IExecuteFunctions) {
		const items = this.getInputData();
		for (const [index, file] of files.entries()) {
			if (!file) continue;
			items[index].binary = {
				...items[index].binary,
				[file.field ?? 'data']: await this.helpers.prepareBinaryData(
					file.data,
					file.fileName,
					file.mimeType,
				),
			};
		}
		return await nodeType.execute.call(this);
	};
	return withFiles;
}

/** Runs the LINE Messaging node with the channel access token credential (unless given another). */
export async function runLine(
	mock: MockLine,
	parameters: INodeParameters,
	{ input, continueOnFail, credentials, files }: RunOptions = {},
): Promise<RunNodeResult> {
	return await runNode({
		nodeType: files ? lineWithFiles(files) : nodeType,
		parameters,
		credentials: credentials ?? tokenCredential(mock),
		input,
		continueOnFail,
	});
}

/** `binary.<field>` as n8n holds it in memory mode. */
export const binaryOf = (bytes: Buffer, mimeType: string, fileName: string) =>
	expect.objectContaining({
		data: bytes.toString('base64'),
		mimeType,
		fileName,
		bytes: bytes.length,
	}) as unknown as IDataObject;

/** Like runLine, but fails the test with the node's error when the run did not succeed. */
export async function runLineOk(
	mock: MockLine,
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const result = await runLine(mock, parameters, options);
	if (result.error) {
		throw new Error(`node failed: ${result.error.message}\n${result.error.description ?? ''}`);
	}
	expect(mock.invalidRequests().map((r) => [r.path, r.problems])).toEqual([]);
	return result.items;
}

/** Builder parameters for the given messages (entries of the "Messages" fixed collection). */
export function builder(...messages: IDataObject[]): INodeParameters {
	return { messagesInput: 'builder', messages: { message: messages } } as INodeParameters;
}

export const hello = builder({ type: 'text', text: 'Hello' });
export const HELLO = [{ type: 'text', text: 'Hello' }];

/** The requests the node sent to LINE's API (the token endpoint excluded). */
export function apiRequests(mock: MockLine): MockRequest[] {
	return mock.requests.filter((request) => request.path !== '/oauth2/v3/token');
}

export function header(request: MockRequest, name: string): string | undefined {
	const value = request.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}
