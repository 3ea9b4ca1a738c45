import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { LineConnectorKlinkApi } from '../../credentials/LineConnectorKlinkApi.credentials';
import { Klink } from '../../nodes/Klink/Klink.node';
import { runNode, type RunNodeResult, type TestCredential } from '../support/engine';
import { useMockPerTest } from '../support/isolation';
import { KLINK_TOKEN, startMockKlink, type KlinkMockRequest, type MockKlink } from './mockKlink';

/** Shared by the klink.cloud node's engine tests: a mock per test, credential, run helpers. */

export const nodeType = new Klink();

/** The current test's mock: a new server for every test (see test/support/isolation.ts). */
export function useMockKlink(): { readonly mock: MockKlink } {
	return useMockPerTest('mock klink.cloud', () => startMockKlink());
}

export function klinkCredential(mock: MockKlink, data: IDataObject = {}): TestCredential {
	return {
		type: 'lineConnectorKlinkApi',
		credentialType: new LineConnectorKlinkApi(),
		data: {
			apiToken: KLINK_TOKEN,
			baseUrl: 'custom',
			customBaseUrl: mock.url,
			...data,
		} as TestCredential['data'],
	};
}

export interface RunOptions {
	input?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: TestCredential;
}

export async function runKlink(
	mock: MockKlink,
	parameters: INodeParameters,
	{ input, continueOnFail, credentials }: RunOptions = {},
): Promise<RunNodeResult> {
	return await runNode({
		nodeType,
		parameters,
		credentials: credentials ?? klinkCredential(mock),
		input,
		continueOnFail,
	});
}

/** Like runKlink, but fails the test when the node failed or sent a request of the wrong shape. */
export async function runKlinkOk(
	mock: MockKlink,
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const result = await runKlink(mock, parameters, options);
	expect(mock.invalidRequests().map((r) => [r.method, r.path, r.problems])).toEqual([]);
	if (result.error) {
		throw new Error(`node failed: ${result.error.message}\n${result.error.description ?? ''}`);
	}
	return result.items;
}

export function header(request: KlinkMockRequest, name: string): string | undefined {
	const value = request.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** What the node sent, in the terms a reviewer compares with klink.cloud's docs. */
export function sent(request: KlinkMockRequest) {
	return {
		method: request.method,
		path: request.path,
		query: request.query,
		body: request.body,
		authorization: header(request, 'authorization'),
	};
}

export const json = (items: INodeExecutionData[]) => items.map((item) => item.json);
