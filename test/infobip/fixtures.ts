import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { LineConnectorInfobipApi } from '../../credentials/LineConnectorInfobipApi.credentials';
import { InfobipLine } from '../../nodes/Infobip/InfobipLine.node';
import { runNode, type RunNodeResult, type TestCredential } from '../support/engine';
import { useMockPerTest } from '../support/isolation';
import {
	API_KEY,
	PASSWORD,
	startMockInfobip,
	USERNAME,
	type MockInfobip,
	type MockRequest,
} from './mockInfobip';

/** Shared by the engine tests of the Infobip LINE node: a mock per test, credentials, runs. */

export const nodeType = new InfobipLine();
export const SENDER = 'OFFICIAL-ACCOUNT-ID-123';
export const PHONE = '66855538125';
export const PHONE_2 = '66855538126';

export const BUBBLE = {
	type: 'BUBBLE',
	body: {
		type: 'BOX',
		layout: 'VERTICAL',
		contents: [{ type: 'TEXT', text: 'Your order has shipped', weight: 'BOLD', wrap: true }],
	},
};

/** The current test's mock: a new server for every test (see test/support/isolation.ts). */
export function useMockInfobip(): { readonly mock: MockInfobip } {
	return useMockPerTest('mock Infobip', () => startMockInfobip());
}

export function apiKeyCredential(mock: MockInfobip, apiKey = API_KEY): TestCredential {
	return {
		type: 'lineConnectorInfobipApi',
		credentialType: new LineConnectorInfobipApi(),
		data: { authType: 'apiKey', apiKey, baseUrl: mock.url },
	};
}

export function basicCredential(mock: MockInfobip, password = PASSWORD): TestCredential {
	return {
		type: 'lineConnectorInfobipApi',
		credentialType: new LineConnectorInfobipApi(),
		data: { authType: 'basic', username: USERNAME, password, baseUrl: mock.url },
	};
}

export interface RunOptions {
	input?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: TestCredential;
	node?: Parameters<typeof runNode>[0]['node'];
}

export async function runInfobip(
	mock: MockInfobip,
	parameters: INodeParameters,
	{ input, continueOnFail, credentials, node }: RunOptions = {},
): Promise<RunNodeResult> {
	return await runNode({
		nodeType,
		parameters,
		credentials: credentials ?? apiKeyCredential(mock),
		input,
		continueOnFail,
		node,
	});
}

/** Like runInfobip, but fails the test when the run failed or a request broke line.json. */
export async function runInfobipOk(
	mock: MockInfobip,
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const result = await runInfobip(mock, parameters, options);
	if (result.error) {
		throw new Error(`node failed: ${result.error.message}\n${result.error.description ?? ''}`);
	}
	expect(mock.invalidRequests().map((r) => [r.url, r.problems])).toEqual([]);
	return result.items;
}

/** Parameters of Send Notification with the given destinations (fields mode) and the test bubble. */
export function send(parameters: INodeParameters = {}): INodeParameters {
	return {
		resource: 'message',
		operation: 'sendNotification',
		sender: SENDER,
		destinationsInput: 'fields',
		destinations: { destination: [{ to: PHONE }] },
		altText: 'Your order has shipped',
		contents: JSON.stringify(BUBBLE),
		...parameters,
	} as INodeParameters;
}

export function reports(parameters: INodeParameters = {}): INodeParameters {
	return { resource: 'deliveryReport', operation: 'getMany', ...parameters } as INodeParameters;
}

export function sendRequests(mock: MockInfobip): MockRequest[] {
	return mock.requests.filter((r) => r.method === 'POST' && r.path === '/line/1/messages');
}

export function reportRequests(mock: MockInfobip): MockRequest[] {
	return mock.requests.filter((r) => r.method === 'GET' && r.path === '/line/1/reports');
}
