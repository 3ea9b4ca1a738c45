import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import { LineConnectorKlinkApi } from '../../credentials/LineConnectorKlinkApi.credentials';
import { KlinkTrigger } from '../../nodes/Klink/KlinkTrigger.node';
import { createTriggerHarness } from '../support/webhook';
import { runKlinkOk, sent, useMockKlink } from './fixtures';
import { CONTACT_ID, KLINK_TOKEN } from './mockKlink';

/**
 * examples/klink-welcome-new-contact.json, step by step with its own parameters: the trigger
 * takes a signed contact.create, then each klink.cloud node gets the previous step's item.
 */

const klink = useMockKlink();

interface ExampleNode {
	name: string;
	type: string;
	parameters: INodeParameters;
	credentials?: Record<string, { id: string; name: string }>;
}

const example = JSON.parse(
	readFileSync(path.join(__dirname, '../../examples/klink-welcome-new-contact.json'), 'utf8'),
) as { nodes: ExampleNode[] };
const node = (name: string) => example.nodes.find((n) => n.name === name)!;

describe('the welcome example', () => {
	it('uses the package node types and the sandbox credential', () => {
		const klinkNodes = example.nodes.filter((n) => n.type.startsWith('n8n-nodes-line-connector.'));
		expect(klinkNodes.map((n) => [n.type, n.credentials])).toEqual(
			['klinkTrigger', 'klink', 'klink'].map((type) => [
				`n8n-nodes-line-connector.${type}`,
				{ lineConnectorKlinkApi: { id: 'klinkCred', name: 'klink.cloud (sandbox)' } },
			]),
		);
	});

	it('tags and welcomes the contact of a signed contact.create', async () => {
		const secret = 'whsec_example';
		const body = JSON.stringify({
			event: 'contact.create',
			timestamp: '2025-06-01T08:30:00.000Z',
			data: { id: CONTACT_ID, name: 'Somchai Jaidee', platformContacts: [] },
		});
		const delivery = await createTriggerHarness({
			nodeType: new KlinkTrigger(),
			parameters: node('klink.cloud Trigger').parameters,
			credentials: [
				{
					type: 'lineConnectorKlinkApi',
					credentialType: new LineConnectorKlinkApi(),
					data: { apiToken: KLINK_TOKEN, webhookSigningSecret: secret },
				},
			],
		}).deliver(body, {
			headers: { 'x-signature': createHmac('sha256', secret).update(body).digest('hex') },
		});
		expect(delivery.ran).toBe(true);
		const event = delivery.items[0].json;

		await runKlinkOk(klink.mock, node('Tag as Welcomed').parameters, { input: [event] });
		// The test engine runs one node at a time: `$('klink.cloud Trigger').item` is its input here.
		const welcome = JSON.parse(
			JSON.stringify(node('Send Welcome').parameters).replaceAll(
				"$('klink.cloud Trigger').item.json",
				'$json',
			),
		) as INodeParameters;
		await runKlinkOk(klink.mock, welcome, { input: [event] });

		expect(klink.mock.requests.map(sent)).toMatchObject([
			{
				method: 'PATCH',
				path: `/api/v1/contacts/${CONTACT_ID}/tags`,
				body: { actionType: 'MERGE', tags: ['welcome'] },
			},
			{
				method: 'POST',
				path: '/api/v1/messages/send',
				body: {
					contactId: CONTACT_ID,
					messageType: 'text',
					message: 'Welcome, Somchai Jaidee! Reply here any time and our team will answer.',
				},
			},
		]);
	});
});
