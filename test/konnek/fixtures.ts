import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { LineConnectorKonnekApi } from '../../credentials/LineConnectorKonnekApi.credentials';
import { Konnek } from '../../nodes/Konnek/Konnek.node';
import { runNode, type RunNodeResult, type TestCredential } from '../support/engine';
import { useMockPerTest } from '../support/isolation';
import { CLIENT_ID, PASSWORD, startMockKonnek, USERNAME, type MockKonnek } from './mockKonnek';

/** Shared by the engine tests of the Konnek node: a mock per test, the credential, runs. */

export const nodeType = new Konnek();
export const RECIPIENT = '628123456789';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The current test's mock: a new server for every test (see test/support/isolation.ts). */
export function useMockKonnek(): { readonly mock: MockKonnek } {
	return useMockPerTest('mock Konnek', () => startMockKonnek());
}

export function konnekCredential(baseUrl: string, fields: IDataObject = {}): TestCredential {
	return {
		type: 'lineConnectorKonnekApi',
		credentialType: new LineConnectorKonnekApi(),
		data: { baseUrl, clientId: CLIENT_ID, username: USERNAME, password: PASSWORD, ...fields },
	};
}

export interface RunOptions {
	input?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: TestCredential;
}

export async function runKonnek(
	mock: MockKonnek,
	parameters: INodeParameters,
	{ input, continueOnFail, credentials }: RunOptions = {},
): Promise<RunNodeResult> {
	return await runNode({
		nodeType,
		parameters: { resource: 'message', operation: 'send', ...parameters },
		credentials: credentials ?? konnekCredential(mock.url),
		input,
		continueOnFail,
	});
}

/** Like runKonnek, but fails the test when the run failed or a request differs from the docs. */
export async function runKonnekOk(
	mock: MockKonnek,
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const result = await runKonnek(mock, parameters, options);
	if (result.error) {
		throw new Error(`node failed: ${result.error.message}\n${result.error.description ?? ''}`);
	}
	expect(mock.invalidRequests().map((r) => [r.path, r.problems])).toEqual([]);
	return result.items;
}

export const text = (value = 'Hello from n8n', extra: INodeParameters = {}): INodeParameters => ({
	channel: 'line',
	recipient: RECIPIENT,
	type: 'text',
	text: value,
	...extra,
});
