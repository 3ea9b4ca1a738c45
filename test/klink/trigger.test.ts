import { createHmac } from 'node:crypto';

import {
	NodeHelpers,
	type IDataObject,
	type INodeParameters,
	type INodeType,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { LineConnectorKlinkApi } from '../../credentials/LineConnectorKlinkApi.credentials';
import { KlinkTrigger } from '../../nodes/Klink/KlinkTrigger.node';
import type { TestCredential } from '../support/engine';
import { createTriggerHarness, type Delivery } from '../support/webhook';

/**
 * The klink.cloud Trigger's webhook in n8n-core's WebhookContext, over real HTTP: the hex
 * HMAC-SHA256 `x-signature` of the raw body when a signing secret is set, the event filter, one
 * item per webhook with the envelope kept and its most used fields alongside. Most blocks run a
 * version 1 node (the shared harness's default); the last ones run version 2, what a new node is:
 * refused without a signing secret unless Accept Unsigned Requests is on.
 */

const SECRET = 'whsec_9c1d7e3a5b2f4c6d8e0a1b3c5d7e9f11';
const nodeType = new KlinkTrigger();

function credential(webhookSigningSecret: string | null = SECRET): TestCredential {
	return {
		type: 'lineConnectorKlinkApi',
		credentialType: new LineConnectorKlinkApi(),
		data: {
			apiToken: 'kpt_test_token',
			...(webhookSigningSecret === null ? {} : { webhookSigningSecret }),
		},
	};
}

function trigger(
	parameters: INodeParameters = {},
	credentials: TestCredential[] = [credential()],
	typeVersion?: number,
) {
	return createTriggerHarness({ nodeType, parameters, credentials, typeVersion });
}

function sign(body: string | Buffer, secret = SECRET): string {
	return createHmac('sha256', secret).update(body).digest('hex');
}

const CONTACT_CREATE = {
	event: 'contact.create',
	timestamp: '2025-06-01T08:30:00.000Z',
	data: {
		id: '81d8f399-e4d3-4fd4-a8ec-61bb3c3dc8c4',
		name: 'Somchai Jaidee',
		address: null,
		channel: 'line',
		company: null,
		companyId: null,
		contactEmails: [],
		contactPhones: [{ id: 'p-1', phone: '+66812345678', isPrimary: true }],
		contactNumber: 'C-000123',
		notes: null,
		customFields: [],
		tags: [{ id: 't-1', name: 'vip', position: 0 }],
		platformContacts: [{ socialPlatformId: 'U4af4980629b06f3b9d3f8a1b2c3d4e5f' }],
		createdAt: '2025-06-01T08:30:00.000Z',
		updatedAt: '2025-06-01T08:30:00.000Z',
		deletedAt: null,
	},
};

const MESSAGE_INBOUND = {
	event: 'message.inbound',
	timestamp: '2025-06-01T08:31:00.000Z',
	data: {
		id: '0b01ac59-81b4-436f-9b36-8ad40e0761f7',
		message: 'สวัสดีครับ สั่งของได้ไหม',
		direction: 'incoming',
		type: 'text',
		roomId: 'dcccf921-dd40-4c49-8c8d-f755ee157ff1',
		contactId: '81d8f399-e4d3-4fd4-a8ec-61bb3c3dc8c4',
		platformId: 'U4af4980629b06f3b9d3f8a1b2c3d4e5f',
	},
};

async function deliverSigned(
	payload: IDataObject,
	parameters: INodeParameters = {},
): Promise<Delivery> {
	const body = JSON.stringify(payload);
	return await trigger(parameters).deliver(body, { headers: { 'x-signature': sign(body) } });
}

function expectRan(delivery: Delivery): IDataObject {
	expect(delivery.error).toBeUndefined();
	expect(delivery.status).toBe(200);
	expect(delivery.ran).toBe(true);
	expect(delivery.items).toHaveLength(1);
	return delivery.items[0].json;
}

function expectRefused(delivery: Delivery, status = 401): void {
	expect(delivery.error).toBeUndefined();
	expect(delivery.status).toBe(status);
	expect(delivery.ran).toBe(false);
	expect(delivery.answeredBy).toBe('node');
}

describe('signed webhooks', () => {
	it('a valid signature starts the workflow with one item: the envelope and its main fields', async () => {
		const delivery = await deliverSigned(CONTACT_CREATE);
		const item = expectRan(delivery);
		expect(delivery.body).toBe('');
		expect(item).toEqual({
			...CONTACT_CREATE,
			eventGroup: 'contact',
			contactId: CONTACT_CREATE.data.id,
			contactName: 'Somchai Jaidee',
			roomId: null,
			messageId: null,
			messageType: null,
			text: null,
			direction: null,
			channel: 'line',
			socialPlatformId: 'U4af4980629b06f3b9d3f8a1b2c3d4e5f',
		});
	});

	it('a message event (Thai text) verifies on its exact bytes and gets its message fields', async () => {
		const item = expectRan(await deliverSigned(MESSAGE_INBOUND));
		expect(item).toMatchObject({
			event: 'message.inbound',
			eventGroup: 'message',
			messageId: MESSAGE_INBOUND.data.id,
			text: 'สวัสดีครับ สั่งของได้ไหม',
			messageType: 'text',
			direction: 'incoming',
			roomId: MESSAGE_INBOUND.data.roomId,
			contactId: MESSAGE_INBOUND.data.contactId,
			socialPlatformId: 'U4af4980629b06f3b9d3f8a1b2c3d4e5f',
		});
	});

	it('accepts the signature in upper case or with a sha256= prefix', async () => {
		const body = JSON.stringify(CONTACT_CREATE);
		for (const signature of [sign(body).toUpperCase(), `sha256=${sign(body)}`]) {
			expectRan(await trigger().deliver(body, { headers: { 'x-signature': signature } }));
		}
	});

	it('refuses a signature made with another secret (401, nothing starts)', async () => {
		const body = JSON.stringify(CONTACT_CREATE);
		const delivery = await trigger().deliver(body, {
			headers: { 'x-signature': sign(body, 'another-secret') },
		});
		expectRefused(delivery);
		expect(JSON.parse(delivery.body)).toEqual({ message: 'Invalid signature' });
	});

	it('refuses a request without x-signature', async () => {
		expectRefused(await trigger().deliver(JSON.stringify(CONTACT_CREATE)));
	});

	it('refuses a body changed after signing (the signature covers the raw bytes)', async () => {
		const compact = JSON.stringify(CONTACT_CREATE);
		const pretty = JSON.stringify(CONTACT_CREATE, null, 2);
		expectRefused(await trigger().deliver(pretty, { headers: { 'x-signature': sign(compact) } }));
	});

	it('refuses a signature that is not 64 hex characters', async () => {
		const body = JSON.stringify(CONTACT_CREATE);
		const base64 = createHmac('sha256', SECRET).update(body).digest('base64');
		expectRefused(await trigger().deliver(body, { headers: { 'x-signature': base64 } }));
	});
});

describe('version 1 (old workflows): no signing secret configured', () => {
	it('without a credential, every request is accepted (signed or not)', async () => {
		const delivery = await trigger({}, [], 1).deliver(JSON.stringify(CONTACT_CREATE));
		expect(expectRan(delivery).event).toBe('contact.create');
	});

	it('with a credential whose Webhook Signing Secret is empty, likewise', async () => {
		const delivery = await trigger({}, [credential('')], 1).deliver(
			JSON.stringify(MESSAGE_INBOUND),
			{
				headers: { 'x-signature': 'whatever' },
			},
		);
		expect(expectRan(delivery).event).toBe('message.inbound');
	});

	it('with a credential that has no such field at all, likewise', async () => {
		const delivery = await trigger({}, [credential(null)], 1).deliver(
			JSON.stringify(CONTACT_CREATE),
		);
		expectRan(delivery);
	});
});

describe('the event filter', () => {
	it('starts only for the selected events; others are answered 200 without starting', async () => {
		const parameters = { events: ['message.inbound', 'message.outbound'] };
		expectRan(await deliverSigned(MESSAGE_INBOUND, parameters));

		const skipped = await deliverSigned(CONTACT_CREATE, parameters);
		expect(skipped.status).toBe(200);
		expect(skipped.ran).toBe(false);
	});

	it('Other Events adds typed-in names (any case) and group.* patterns', async () => {
		const parameters = { events: ['contact.create'], otherEvents: 'Contact.Update, room.*' };
		for (const event of ['contact.create', 'contact.update', 'room.solved', 'room.assigned']) {
			expectRan(await deliverSigned({ ...CONTACT_CREATE, event }, parameters));
		}
		const skipped = await deliverSigned({ ...MESSAGE_INBOUND }, parameters);
		expect(skipped.ran).toBe(false);
	});

	it('nothing selected: every event, including ones the node does not know', async () => {
		const item = expectRan(
			await deliverSigned({ event: 'ticket.create', timestamp: 'x', data: { id: 'tk-1' } }),
		);
		expect(item).toMatchObject({
			event: 'ticket.create',
			eventGroup: 'ticket',
			data: { id: 'tk-1' },
			contactId: null,
		});
	});
});

describe('bodies that are not klink.cloud webhooks', () => {
	it.each([
		['an object without event', { hello: 'world' }],
		['an array', [CONTACT_CREATE]],
		['an empty event name', { ...CONTACT_CREATE, event: '' }],
	])('%s: 400, nothing starts', async (_name, payload) => {
		const body = JSON.stringify(payload);
		const delivery = await trigger().deliver(body, { headers: { 'x-signature': sign(body) } });
		expectRefused(delivery, 400);
		expect(JSON.parse(delivery.body).message).toContain('not a klink.cloud webhook');
	});
});

describe('activation', () => {
	it('registers nothing (klink.cloud has no webhook API): activation and deactivation just succeed', async () => {
		const harness = trigger();
		expect(await harness.activate()).toEqual({ created: false });
		await expect(harness.deactivate()).resolves.toBeUndefined();
	});
});

// ---------------------------------------------------------------------------------------------
// Version 2 (new nodes), warnings in n8n's log, a missing raw body

interface Options {
	version?: number;
	credentials?: TestCredential[];
	/** Remove the raw body n8n keeps and its reader, as if n8n had passed none. */
	withoutRawBody?: boolean;
}

/**
 * A harness for the node at `version`, with n8n's defaults for that version filled in as n8n does
 * when it loads a workflow (the shared harness fills those of version 1), and every message the
 * node logs as a warning collected.
 */
function versioned(
	parameters: INodeParameters,
	{ version = 2, credentials = [credential()], withoutRawBody = false }: Options = {},
) {
	const warnings: string[] = [];
	const wrapped = Object.create(nodeType) as INodeType;
	wrapped.webhook = async function (this: IWebhookFunctions) {
		if (withoutRawBody) {
			const request = this.getRequestObject() as unknown as IDataObject;
			delete request.rawBody;
			delete request.readRawBody;
		}
		const spy = jest.spyOn(this.logger, 'warn').mockImplementation((message: string) => {
			warnings.push(message);
		});
		try {
			return await nodeType.webhook!.call(this);
		} finally {
			spy.mockRestore();
		}
	};
	const harness = createTriggerHarness({ nodeType: wrapped, parameters, credentials });
	harness.node.typeVersion = version;
	harness.node.parameters = NodeHelpers.getNodeParameters(
		nodeType.description.properties,
		parameters,
		true,
		false,
		harness.node,
		nodeType.description,
	)!;
	return { harness, warnings };
}

const unsigned = JSON.stringify(CONTACT_CREATE);

describe('version 2: closed by default', () => {
	it('new nodes are version 2', () => {
		expect(nodeType.description.defaultVersion).toBe(2);
	});

	it.each([
		['without a credential', []],
		['with a credential whose Webhook Signing Secret is empty', [credential('')]],
	])(
		'%s: requests are refused with 401 and the log says what to set',
		async (_name, credentials) => {
			const { harness, warnings } = versioned({}, { credentials });
			const delivery = await harness.deliver(unsigned, {
				headers: { 'x-signature': sign(unsigned) },
			});
			expectRefused(delivery);
			expect(JSON.parse(delivery.body)).toEqual({
				message: 'No signing secret is set for this trigger in n8n, so every request is refused',
			});
			expect(warnings).toEqual([
				'klink.cloud Trigger refused a request: no Webhook Signing Secret is set: select a klink.cloud API credential with the signing secret of the klink.cloud webhook, or turn on Accept Unsigned Requests',
			]);
		},
	);

	it('activation fails without a signing secret, saying what to set', async () => {
		const { harness } = versioned({}, { credentials: [] });
		await expect(harness.activate()).rejects.toThrow(
			'klink.cloud Trigger refuses every request: no Webhook Signing Secret is set',
		);
	});

	it('with a signing secret, signed requests run, unsigned ones are refused, activation succeeds', async () => {
		const { harness, warnings } = versioned({});
		await expect(harness.activate()).resolves.toEqual({ created: false });
		expectRan(await harness.deliver(unsigned, { headers: { 'x-signature': sign(unsigned) } }));
		expect(warnings).toEqual([]);
		expectRefused(await harness.deliver(unsigned));
		expect(warnings).toEqual([
			'klink.cloud Trigger refused a request without an x-signature header',
		]);
	});

	it('Accept Unsigned Requests on: runs without a secret and logs a warning for each request', async () => {
		const { harness, warnings } = versioned({ acceptUnsignedRequests: true }, { credentials: [] });
		await expect(harness.activate()).resolves.toEqual({ created: false });
		expect(expectRan(await harness.deliver(unsigned)).event).toBe('contact.create');
		expectRan(await harness.deliver(JSON.stringify(MESSAGE_INBOUND)));
		expect(warnings).toEqual([
			'klink.cloud Trigger accepted a request without checking its signature (no Webhook Signing Secret is set): anyone who knows its URL can start this workflow',
			'klink.cloud Trigger accepted a request without checking its signature (no Webhook Signing Secret is set): anyone who knows its URL can start this workflow',
		]);
	});

	it('Accept Unsigned Requests on with a secret set: signatures are still checked', async () => {
		const { harness } = versioned({ acceptUnsignedRequests: true });
		expectRefused(await harness.deliver(unsigned));
		expectRan(await harness.deliver(unsigned, { headers: { 'x-signature': sign(unsigned) } }));
	});
});

describe('version 1 (old workflows) logs every unsigned request it accepts', () => {
	it('no secret: accepted as before, activation succeeds, a warning per request', async () => {
		const { harness, warnings } = versioned({}, { version: 1, credentials: [] });
		await expect(harness.activate()).resolves.toEqual({ created: false });
		expectRan(await harness.deliver(unsigned));
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain('accepted a request without checking its signature');
	});
});

describe('n8n passed no raw body', () => {
	it('the request is refused and the log says the signature could not be checked, not that it is wrong', async () => {
		const { harness, warnings } = versioned({}, { withoutRawBody: true });
		expectRefused(await harness.deliver(unsigned, { headers: { 'x-signature': sign(unsigned) } }));
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain(
			'klink.cloud Trigger refused a request: n8n passed no raw request body, so the signature in x-signature cannot be checked',
		);
		expect(warnings[0]).not.toContain('does not match');
	});
});
