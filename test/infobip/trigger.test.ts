import { readFileSync } from 'node:fs';
import {
	NodeHelpers,
	type ICredentialDataDecryptedObject,
	type ICredentialTestFunctions,
	type IDataObject,
	type INodeParameters,
	type INodeType,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { LineConnectorInfobipWebhookApi } from '../../credentials/LineConnectorInfobipWebhookApi.credentials';
import { InfobipLineTrigger } from '../../nodes/Infobip/InfobipLineTrigger.node';
import { testWebhookCredential } from '../../nodes/Infobip/trigger/protection';
import type { TestCredential } from '../support/engine';
import { createTriggerHarness, type Delivery } from '../support/webhook';
import { deliveryReport } from './mockInfobip';
import { infobipSpecFile, validateInfobipSchema } from './openapi';

/**
 * The Infobip LINE Trigger in n8n-core's WebhookContext over real HTTP: one item per delivery
 * report of `{ results }` (line.json's DeliveryReports), the protections, filters. The first
 * blocks run a version 1 node (the shared harness's default): old workflows, secret in the
 * node's parameters. The last block runs version 2, what a new node is: secret in the
 * Infobip LINE Webhook API credential, refused until one is set.
 */

const nodeType = new InfobipLineTrigger();

/** line.json's own example of a delivery report webhook. */
function specExample(): IDataObject {
	const spec = JSON.parse(readFileSync(infobipSpecFile(), 'utf8'));
	const get = spec.paths['/line/1/reports'].get;
	return get.responses['200'].content['application/json'].examples['Delivery report'].value;
}

/**
 * The shared harness posts to a URL without a query string and leaves `req.query` empty; this
 * sets what Express would have parsed from `?token=...` on the URL Infobip calls.
 */
function withQuery(query: IDataObject): INodeType {
	const wrapped = Object.create(nodeType) as INodeType;
	wrapped.webhook = async function (this: IWebhookFunctions) {
		(this.getRequestObject() as unknown as { query: IDataObject }).query = query;
		return await nodeType.webhook!.call(this);
	};
	return wrapped;
}

async function deliver(
	body: unknown,
	parameters: INodeParameters = {},
	{ headers = {}, query }: { headers?: Record<string, string>; query?: IDataObject } = {},
): Promise<Delivery> {
	// Version 1 without a credential accepts unsigned reports; the secrets are tested below.
	const harness = createTriggerHarness({
		nodeType: query ? withQuery(query) : nodeType,
		parameters,
		typeVersion: 1,
	});
	return await harness.deliver(typeof body === 'string' ? body : JSON.stringify(body), { headers });
}

function expectRan(delivery: Delivery, count: number): void {
	expect(delivery.error).toBeUndefined();
	expect(delivery.status).toBe(200);
	expect(delivery.ran).toBe(true);
	expect(delivery.items).toHaveLength(count);
}

function expectRefused(delivery: Delivery, status = 401): void {
	expect(delivery.error).toBeUndefined();
	expect(delivery.status).toBe(status);
	expect(delivery.ran).toBe(false);
}

describe('Infobip LINE Trigger: delivery reports', () => {
	it("line.json's example: one item per report with status and error names", async () => {
		const body = specExample();
		expect(validateInfobipSchema('DeliveryReports', body)).toEqual([]);
		const delivery = await deliver(body);

		expectRan(delivery, 1);
		const [report] = body.results as IDataObject[];
		expect(delivery.items[0].json).toEqual({
			...report,
			statusGroupName: 'DELIVERED',
			statusName: 'DELIVERED_TO_HANDSET',
			errorGroupName: 'OK',
			errorName: 'NO_ERROR',
		});
	});

	it('several reports become several items, in order', async () => {
		const body = {
			results: [
				deliveryReport({ messageId: 'a' }),
				deliveryReport({ messageId: 'b', callbackData: 'order=1' }),
				deliveryReport({ messageId: 'c' }),
			],
		};
		expect(validateInfobipSchema('DeliveryReports', body)).toEqual([]);
		const delivery = await deliver(body);
		expectRan(delivery, 3);
		expect(delivery.items.map((item) => item.json.messageId)).toEqual(['a', 'b', 'c']);
		expect(delivery.items[1].json.callbackData).toBe('order=1');
	});

	it('Status Groups keeps only the chosen groups; a batch with none left starts nothing', async () => {
		const undeliverable = {
			groupId: 2,
			groupName: 'UNDELIVERABLE',
			id: 9,
			name: 'UNDELIVERABLE_NOT_DELIVERED',
		};
		const body = {
			results: [
				deliveryReport({ messageId: 'ok' }),
				deliveryReport({ messageId: 'failed', status: undeliverable }),
			],
		};
		const filtered = await deliver(body, { statusGroups: ['UNDELIVERABLE', 'REJECTED'] });
		expectRan(filtered, 1);
		expect(filtered.items[0].json.messageId).toBe('failed');

		const none = await deliver({ results: [deliveryReport()] }, { statusGroups: ['EXPIRED'] });
		expectRefused(none, 200);
	});

	it('an empty batch is answered 200 without starting the workflow', async () => {
		expectRefused(await deliver({ results: [] }), 200);
	});

	it('a body that is not a delivery report is answered 400', async () => {
		const delivery = await deliver({ hello: 'world' });
		expectRefused(delivery, 400);
		expect(JSON.parse(delivery.body).message).toBe(
			'The body is not an Infobip delivery report (no results list)',
		);
	});

	it('XML reports are answered 415 with how to get JSON', async () => {
		const delivery = await deliver(
			'<DeliveryReports><results/></DeliveryReports>',
			{},
			{
				headers: { 'content-type': 'application/xml' },
			},
		);
		expectRefused(delivery, 415);
		expect(delivery.body).toContain('Report Format of the send to JSON');
	});

	it('nothing to register with Infobip: activation creates nothing and deactivation succeeds', async () => {
		const harness = createTriggerHarness({ nodeType, typeVersion: 1 });
		await expect(harness.activate()).resolves.toEqual({ created: false });
		await expect(harness.deactivate()).resolves.toBeUndefined();
	});
});

describe('Infobip LINE Trigger: protection', () => {
	const body = { results: [deliveryReport()] };

	describe('secret in the URL', () => {
		const parameters = { authentication: 'query', parameterName: 'token', secret: 's3cret-value' };

		it('runs with the right secret', async () => {
			expectRan(await deliver(body, parameters, { query: { token: 's3cret-value' } }), 1);
		});

		it('refuses a missing or wrong secret with 401', async () => {
			expectRefused(await deliver(body, parameters, { query: {} }));
			expectRefused(await deliver(body, parameters, { query: { token: 's3cret-valuE' } }));
			expectRefused(await deliver(body, parameters, { query: { other: 's3cret-value' } }));
		});

		it('refuses everything while no secret is set', async () => {
			expectRefused(await deliver(body, { ...parameters, secret: '' }, { query: { token: '' } }));
		});
	});

	describe('secret header', () => {
		const parameters = {
			authentication: 'header',
			headerName: 'X-Webhook-Secret',
			secret: 'h3ader',
		};

		it('runs with the right header (any case of its name)', async () => {
			expectRan(await deliver(body, parameters, { headers: { 'x-webhook-secret': 'h3ader' } }), 1);
		});

		it('refuses a missing or wrong header with 401', async () => {
			expectRefused(await deliver(body, parameters));
			expectRefused(await deliver(body, parameters, { headers: { 'x-webhook-secret': 'nope' } }));
		});
	});

	describe('Basic auth', () => {
		const parameters = { authentication: 'basicAuth', username: 'infobip', password: 'pa:ss' };
		const basic = (user: string, password: string) => ({
			authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
		});

		it('runs with the right username and password (a colon in the password is fine)', async () => {
			expectRan(await deliver(body, parameters, { headers: basic('infobip', 'pa:ss') }), 1);
		});

		it('refuses wrong or missing credentials with 401 and a Basic challenge', async () => {
			const wrong = await deliver(body, parameters, { headers: basic('infobip', 'wrong') });
			expectRefused(wrong);
			expect(wrong.headers['www-authenticate']).toBe('Basic realm="Infobip LINE Trigger"');
			expectRefused(await deliver(body, parameters, { headers: basic('other', 'pa:ss') }));
			expectRefused(await deliver(body, parameters));
		});
	});

	it('with no protection any request with reports runs', async () => {
		expectRan(await deliver(body, { authentication: 'none' }), 1);
	});
});

// ---------------------------------------------------------------------------------------------
// Version 2 (new nodes), warnings in n8n's log, old workflows next to it

interface Options {
	version?: number;
	credential?: ICredentialDataDecryptedObject;
	headers?: Record<string, string>;
	query?: IDataObject;
}

/**
 * A harness for the node at `version`, with n8n's defaults for that version filled in as n8n does
 * when it loads a workflow (the shared harness fills those of version 1), and every message the
 * node logs as a warning collected.
 */
function versioned(parameters: INodeParameters, { version = 2, credential, query }: Options) {
	const warnings: string[] = [];
	const wrapped = Object.create(nodeType) as INodeType;
	wrapped.webhook = async function (this: IWebhookFunctions) {
		if (query) (this.getRequestObject() as unknown as { query: IDataObject }).query = query;
		const spy = jest.spyOn(this.logger, 'warn').mockImplementation((message: string) => {
			warnings.push(message);
		});
		try {
			return await nodeType.webhook!.call(this);
		} finally {
			spy.mockRestore();
		}
	};
	const credentials: TestCredential[] = credential
		? [
				{
					type: 'lineConnectorInfobipWebhookApi',
					credentialType: new LineConnectorInfobipWebhookApi(),
					data: credential,
				},
			]
		: [];
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

async function deliverTo(parameters: INodeParameters, options: Options = {}) {
	const { harness, warnings } = versioned(parameters, options);
	const delivery = await harness.deliver(JSON.stringify({ results: [deliveryReport()] }), {
		headers: options.headers ?? {},
	});
	return { delivery, warnings };
}

const SECRET = 'c2VjcmV0LWZvci1pbmZvYmlw';
const basicHeader = (user: string, password: string) => ({
	authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});

describe('Infobip LINE Trigger version 2: closed by default', () => {
	it('new nodes are version 2', () => {
		expect(nodeType.description.defaultVersion).toBe(2);
	});

	it('without a credential, requests are refused with 401 and a body saying why; the log names what to set', async () => {
		const { delivery, warnings } = await deliverTo({});
		expectRefused(delivery);
		expect(JSON.parse(delivery.body).message).toBe(
			'Unauthorized: no secret is set for this trigger in n8n, so every request is refused',
		);
		expect(warnings).toEqual([
			'Infobip LINE Trigger refused a request: no Infobip LINE Webhook API credential is selected',
		]);
	});

	it('activation fails without a credential, saying what to set', async () => {
		const { harness } = versioned({}, {});
		await expect(harness.activate()).rejects.toThrow(
			'Infobip LINE Trigger refuses every request: no Infobip LINE Webhook API credential is selected',
		);
	});

	it('activation fails with a credential that has no secret', async () => {
		const { harness } = versioned({}, { credential: { protection: 'query', secret: '' } });
		await expect(harness.activate()).rejects.toThrow('no secret is set in the credential');
	});

	it('Protection None (accept every request): runs, and logs a warning for each request', async () => {
		const { harness, warnings } = versioned({ authentication: 'none' }, {});
		await expect(harness.activate()).resolves.toEqual({ created: false });
		const body = JSON.stringify({ results: [deliveryReport()] });
		expectRan(await harness.deliver(body), 1);
		expectRan(await harness.deliver(body), 1);
		expect(warnings).toHaveLength(2);
		expect(warnings[0]).toContain(
			'Infobip LINE Trigger accepted a request without checking any secret (Protection: None)',
		);
	});
});

describe('Infobip LINE Trigger version 2: the Infobip LINE Webhook API credential', () => {
	it('secret in the URL: the right secret runs, a wrong or missing one gets 401', async () => {
		const credential = { protection: 'query', parameterName: 'token', secret: SECRET };
		const ok = await deliverTo({}, { credential, query: { token: SECRET } });
		expectRan(ok.delivery, 1);
		expect(ok.warnings).toEqual([]);

		const wrong = await deliverTo({}, { credential, query: { token: `${SECRET}x` } });
		expectRefused(wrong.delivery);
		expect(JSON.parse(wrong.delivery.body).message).toBe('Unauthorized');
		expect(wrong.warnings).toEqual([
			'Infobip LINE Trigger refused a request: wrong token query parameter',
		]);
		expectRefused((await deliverTo({}, { credential, query: {} })).delivery);
	});

	it('the credential with its defaults (secret in the URL, parameter token) and activation', async () => {
		const { harness } = versioned({}, { credential: { secret: SECRET } });
		await expect(harness.activate()).resolves.toEqual({ created: false });
		expectRan(
			(await deliverTo({}, { credential: { secret: SECRET }, query: { token: SECRET } })).delivery,
			1,
		);
	});

	it('secret header', async () => {
		const credential = { protection: 'header', headerName: 'X-Webhook-Secret', secret: SECRET };
		expectRan(
			(await deliverTo({}, { credential, headers: { 'x-webhook-secret': SECRET } })).delivery,
			1,
		);
		expectRefused(
			(await deliverTo({}, { credential, headers: { 'x-webhook-secret': 'no' } })).delivery,
		);
		// The secret in a query parameter does not count for a header protection.
		expectRefused((await deliverTo({}, { credential, query: { token: SECRET } })).delivery);
	});

	it('Basic auth: right credentials run, wrong ones get 401 with a Basic challenge', async () => {
		const credential = {
			protection: 'basicAuth',
			username: 'infobip',
			password: 'pa:ss-long-password',
		};
		const ok = await deliverTo(
			{},
			{ credential, headers: basicHeader('infobip', 'pa:ss-long-password') },
		);
		expectRan(ok.delivery, 1);
		const wrong = await deliverTo({}, { credential, headers: basicHeader('infobip', 'nope') });
		expectRefused(wrong.delivery);
		expect(wrong.delivery.headers['www-authenticate']).toBe('Basic realm="Infobip LINE Trigger"');
	});

	it('leftover version 1 secret parameters are not read by version 2', async () => {
		// A request carrying the old parameter secret is refused: only the credential counts.
		const { delivery } = await deliverTo(
			{ secret: 'old-secret', parameterName: 'token' },
			{ credential: { secret: SECRET }, query: { token: 'old-secret' } },
		);
		expectRefused(delivery);
	});

	it('the credential test checks that the secret is usable (there is no Infobip endpoint to ask)', async () => {
		const run = async (data: ICredentialDataDecryptedObject) =>
			await testWebhookCredential.call({} as ICredentialTestFunctions, {
				id: '1',
				name: 'webhook',
				type: 'lineConnectorInfobipWebhookApi',
				data,
			});
		await expect(run({ protection: 'query', secret: SECRET })).resolves.toEqual({
			status: 'OK',
			message: 'The trigger will refuse requests without this secret',
		});
		await expect(run({ protection: 'query', secret: '' })).resolves.toMatchObject({
			status: 'Error',
			message: 'The trigger would refuse every request: no secret is set in the credential',
		});
		await expect(
			run({ protection: 'header', headerName: 'X-Token', secret: 'short' }),
		).resolves.toMatchObject({
			status: 'Error',
			message: expect.stringContaining('use at least 16 random characters'),
		});
		await expect(
			run({ protection: 'header', headerName: 'bad header', secret: SECRET }),
		).resolves.toMatchObject({
			status: 'Error',
			message: 'The header name is empty or not a valid HTTP header name',
		});
		await expect(
			run({ protection: 'basicAuth', username: 'u', password: '' }),
		).resolves.toMatchObject({
			status: 'Error',
			message: 'The trigger would refuse every request: no password is set in the credential',
		});
	});
});

describe('Infobip LINE Trigger version 1: old workflows keep working', () => {
	it('a node saved without protection still runs every request, now with a warning in the log', async () => {
		const { harness, warnings } = versioned({}, { version: 1 });
		await expect(harness.activate()).resolves.toEqual({ created: false });
		expectRan(await harness.deliver(JSON.stringify({ results: [deliveryReport()] })), 1);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain('accepted a request without checking any secret');
	});

	it('a secret in the parameters still protects it, and activation still succeeds with an empty one', async () => {
		const parameters = { authentication: 'query', secret: 'old-secret' };
		expectRan(
			(await deliverTo(parameters, { version: 1, query: { token: 'old-secret' } })).delivery,
			1,
		);
		const wrong = await deliverTo(parameters, { version: 1, query: { token: 'x' } });
		expectRefused(wrong.delivery);
		expect(wrong.warnings).toEqual([
			'Infobip LINE Trigger refused a request: wrong token query parameter',
		]);
		const empty = versioned({ authentication: 'basicAuth', username: 'u' }, { version: 1 });
		await expect(empty.harness.activate()).resolves.toEqual({ created: false });
	});

	it('moving the secret into the credential in place (Protection → credential) works on version 1', async () => {
		const credential = { protection: 'header', headerName: 'X-Webhook-Secret', secret: SECRET };
		const parameters = { authentication: 'credential' };
		const ok = await deliverTo(parameters, {
			version: 1,
			credential,
			headers: { 'x-webhook-secret': SECRET },
		});
		expectRan(ok.delivery, 1);
		expectRefused((await deliverTo(parameters, { version: 1, credential })).delivery);
		const missing = versioned(parameters, { version: 1 });
		await expect(missing.harness.activate()).rejects.toThrow(
			'no Infobip LINE Webhook API credential is selected',
		);
	});
});
