import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { LineConnectorChannelAccessTokenApi } from '../../credentials/LineConnectorChannelAccessTokenApi.credentials';
import { LineMessaging } from '../../nodes/Line/LineMessaging.node';
import { LineTrigger } from '../../nodes/Line/LineTrigger.node';
import { SANDBOX_GROUP, SANDBOX_USERS, startSandbox, type Sandbox } from '../../sandbox';
import { picturePng } from '../../sandbox/png';
import { runNode, type TestCredential } from '../support/engine';
import { createTriggerHarness, WEBHOOK_ID, type Delivery } from '../support/webhook';

/**
 * The package's own nodes against the sandbox, as in n8n: the LINE Trigger registers itself and
 * receives what a user writes (the sandbox's signature and events pass its checks), and the LINE
 * Messaging node answers with the event's reply token.
 */

const [AIKO, BEN] = SANDBOX_USERS.map((user) => user.userId);

let sandbox: Sandbox;
let n8n: http.Server;
let n8nUrl: string;
/** What the trigger did with each request the sandbox sent to "n8n". */
const deliveries: Delivery[] = [];
let trigger: ReturnType<typeof createTriggerHarness>;

function credential(channelSecret = sandbox.channel.secret): TestCredential {
	return {
		type: 'lineConnectorChannelAccessTokenApi',
		credentialType: new LineConnectorChannelAccessTokenApi(),
		data: {
			accessToken: sandbox.channel.accessToken,
			channelSecret,
			baseUrl: sandbox.url,
			dataBaseUrl: sandbox.url,
		},
	};
}

function triggerWith(channelSecret?: string) {
	return createTriggerHarness({
		nodeType: new LineTrigger(),
		parameters: { registerWebhook: true, testAfterRegistering: true },
		credentials: [credential(channelSecret)],
		baseUrl: n8nUrl,
	});
}

beforeAll(async () => {
	// Stands in for n8n's webhook server: hands each request's exact bytes to the trigger.
	n8n = http.createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const delivery = await trigger.deliver(Buffer.concat(chunks), {
			headers: { 'x-line-signature': String(req.headers['x-line-signature']) },
		});
		deliveries.push(delivery);
		res.writeHead(delivery.status).end(delivery.body);
	});
	await new Promise<void>((resolve) => n8n.listen(0, '127.0.0.1', resolve));
	n8nUrl = `http://127.0.0.1:${(n8n.address() as AddressInfo).port}`;
});
afterAll(async () => {
	n8n.closeAllConnections();
	await new Promise<void>((resolve) => n8n.close(() => resolve()));
});
// A new sandbox for every test: nothing one test sent can reach the next one's.
beforeEach(async () => {
	sandbox = await startSandbox();
	deliveries.length = 0;
});
afterEach(async () => {
	try {
		expect(sandbox.invalidRequests().map((r) => [r.method, r.url, r.problems])).toEqual([]);
	} finally {
		await sandbox.close();
	}
});

it('the LINE Trigger registers itself; the sandbox tests the URL; a user’s text starts the workflow', async () => {
	trigger = triggerWith();
	expect(await trigger.activate()).toEqual({ created: true });
	expect(sandbox.webhookUrl).toBe(`${n8nUrl}/webhook/${WEBHOOK_ID}/webhook`);
	// Test After Registering: the sandbox's test request passed the trigger's signature check.
	expect(deliveries.map((d) => [d.status, d.ran])).toEqual([[200, false]]);

	const { delivery } = await sandbox.sendText(SANDBOX_GROUP.id, 'Hello n8n', { userId: BEN });
	expect(delivery.summary).toBe('delivered 200');
	const [item] = deliveries[1].items.map((i) => i.json);
	expect(item).toMatchObject({
		eventType: 'message',
		chatId: SANDBOX_GROUP.id,
		groupId: SANDBOX_GROUP.id,
		userId: BEN,
		text: 'Hello n8n',
		destination: sandbox.botUserId,
		replyToken: expect.any(String),
	});

	const reply = await runNode({
		nodeType: new LineMessaging(),
		parameters: {
			resource: 'message',
			operation: 'sendReply',
			messagesInput: 'builder',
			messages: { message: [{ type: 'text', text: 'Hi Ben!' }] },
		},
		credentials: credential(),
		input: [item as IDataObject],
	});
	expect(reply.error).toBeUndefined();
	expect(sandbox.conversation(SANDBOX_GROUP.id).at(-1)).toMatchObject({
		from: 'bot',
		via: 'reply',
		message: { type: 'text', text: 'Hi Ben!' },
	});
});

it('a trigger with another channel secret refuses the sandbox’s requests, and the chat says so', async () => {
	trigger = triggerWith('a-different-secret');
	await expect(trigger.activate()).rejects.toThrow('LINE could not reach the webhook URL');
	sandbox.setWebhookUrl(`${n8nUrl}/webhook/${WEBHOOK_ID}/webhook`);
	const { delivery } = await sandbox.sendText(AIKO, 'Anyone?');
	expect(delivery.summary).toBe('webhook refused 401');
	expect(deliveries.at(-1)?.ran).toBe(false);
});

/** The LINE node with a PNG attached to its input item (the test engine's input emits JSON only). */
function lineWithImage(image: Buffer): INodeType {
	const node = new LineMessaging();
	const withImage = Object.create(node) as INodeType;
	withImage.execute = async function (this: IExecuteFunctions) {
		const [item] = this.getInputData();
		item.binary = { data: await this.helpers.prepareBinaryData(image, 'menu.png', 'image/png') };
		return (await node.execute.call(this)) as INodeExecutionData[][];
	};
	return withImage;
}

it('the node’s rich menu and audience operations: the sandbox keeps what they made, and the chat shows it', async () => {
	const created = await runNode({
		nodeType: lineWithImage(picturePng('node-menu', 2500, 843)),
		parameters: {
			resource: 'richMenu',
			operation: 'create',
			size: '2500x843',
			name: 'From n8n',
			chatBarText: 'Open me',
			areas: {
				area: [{ x: 0, y: 0, width: 2500, height: 843, type: 'message', text: 'Menu tapped' }],
			},
			options: { binaryPropertyName: 'data', setAsDefault: true },
		},
		credentials: credential(),
		input: [{}],
	});
	expect(created.error).toBeUndefined();
	const shown = sandbox.richMenuOf(AIKO);
	expect(shown).toMatchObject({
		source: 'default',
		menu: { name: 'From n8n', chatBarText: 'Open me' },
	});
	expect(shown?.menu.image?.contentType).toBe('image/png');
	const { event } = await sandbox.tapRichMenu(AIKO, 0);
	expect(event).toMatchObject({ type: 'message', message: { text: 'Menu tapped' } });

	const alias = await runNode({
		nodeType: new LineMessaging(),
		parameters: { resource: 'richMenuAlias', operation: 'create', richMenuAliasId: 'from-n8n' },
		credentials: credential(),
		input: [{ richMenuId: shown!.menu.richMenuId }],
	});
	expect(alias.error).toBeUndefined();
	const defaultId = await runNode({
		nodeType: new LineMessaging(),
		parameters: { resource: 'richMenu', operation: 'getDefaultId' },
		credentials: credential(),
		input: [{}],
	});
	expect(defaultId.items.map((item) => item.json)).toEqual([
		{ richMenuId: shown!.menu.richMenuId },
	]);

	const audience = await runNode({
		nodeType: new LineMessaging(),
		parameters: {
			resource: 'audience',
			operation: 'create',
			description: 'Hikers',
			audiences: `${AIKO}, ${BEN}`,
		},
		credentials: credential(),
		input: [{}],
	});
	expect(audience.error).toBeUndefined();
	const [{ json }] = audience.items;
	const got = await runNode({
		nodeType: new LineMessaging(),
		parameters: {
			resource: 'audience',
			operation: 'get',
			audienceGroupId: String(json.audienceGroupId),
		},
		credentials: credential(),
		input: [{}],
	});
	expect(got.error).toBeUndefined();
	expect(JSON.stringify(got.items[0].json)).toContain('"audienceCount":2');
});
