import '../support/n8nEnvironment';

import { LoadOptionsContext } from 'n8n-core';
import {
	NodeHelpers,
	Workflow,
	type INode,
	type INodePropertyOptions,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { Klink } from '../../nodes/Klink/Klink.node';
import { TestCredentialsHelper, type TestCredential } from '../support/engine';
import { klinkCredential, useMockKlink } from './fixtures';
import { LINE_CHANNEL_ID, records } from './mockKlink';

/**
 * The Channel dropdown of Send LINE Transactional, loaded in n8n-core's LoadOptionsContext (what
 * the editor calls) from GET /api/v1/channels.
 */

const klink = useMockKlink();
const nodeType = new Klink();

async function loadChannels(credential: TestCredential): Promise<INodePropertyOptions[]> {
	const node: INode = {
		id: 'klink-node',
		name: 'klink.cloud',
		type: nodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'message', operation: 'sendLineTransactional' },
		credentials: { [credential.type]: { id: `${credential.type}-id`, name: 'klink' } },
	};
	const workflow = new Workflow({
		id: 'load-options',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: (_name, version) => NodeHelpers.getVersionedNodeType(nodeType, version),
			getKnownTypes: () => ({}),
		},
	});
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper([credential]),
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(
		workflow,
		workflow.getNode('klink.cloud')!,
		additionalData,
		'parameters.channelId',
	);
	return await nodeType.methods.loadOptions.getLineChannels.call(context);
}

describe('the LINE channel dropdown', () => {
	it('lists LINE channels first, each named with its type; the value is the channel ID', async () => {
		const options = await loadChannels(klinkCredential(klink.mock));

		expect(options).toEqual([
			{
				name: 'Acme Shop (line)',
				value: '6a1d9b2e-7f4c-4e5a-8b3d-0c2f1e9a7b6d',
				description: 'Acme Shop Official',
			},
			{ name: 'K-Link BSS UAT DEMO KURO (line)', value: LINE_CHANNEL_ID, description: undefined },
			{
				name: 'Support Mailbox (email)',
				value: '0c7e2f55-3b1a-4c8e-9f0d-2a6b8c4d1e3f',
				description: 'Support',
			},
		]);
		expect(
			klink.mock.requests.map((r) => [r.method, r.path, r.query, r.headers.authorization]),
		).toEqual([
			[
				'GET',
				'/api/v1/channels',
				{ page: '1', pageSize: '100' },
				expect.stringMatching(/^Bearer kpt_/),
			],
		]);
	});

	it('reads every page of a workspace with many channels', async () => {
		klink.mock.lists.channels = records(230, 'channel').map((channel) => ({
			...channel,
			type: 'line',
		}));
		const options = await loadChannels(klinkCredential(klink.mock));
		expect(klink.mock.requests.map((r) => r.query.page)).toEqual(['1', '2', '3']);
		expect(options).toHaveLength(230);
	});

	it("a refused token shows klink.cloud's error in the dropdown", async () => {
		await expect(
			loadChannels(klinkCredential(klink.mock, { apiToken: 'kpt_wrong' })),
		).rejects.toMatchObject({
			message: 'klink.cloud answered 401 on GET /api/v1/channels: Unauthenticated.',
			httpCode: '401',
		});
	});
});
