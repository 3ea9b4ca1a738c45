import { readFileSync } from 'node:fs';
import type { IDataObject, INodeParameters, INodeType, IWebhookFunctions } from 'n8n-workflow';

import { InfobipLineTrigger } from '../../nodes/Infobip/InfobipLineTrigger.node';
import { createTriggerHarness, type Delivery } from '../support/webhook';
import { deliveryReport } from './mockInfobip';
import { infobipSpecFile, validateInfobipSchema } from './openapi';

/**
 * The Infobip LINE Trigger in n8n-core's WebhookContext over real HTTP: one item per delivery
 * report of `{ results }` (line.json's DeliveryReports), the optional protections, filters.
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
	const harness = createTriggerHarness({
		nodeType: query ? withQuery(query) : nodeType,
		parameters,
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
		const harness = createTriggerHarness({ nodeType });
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
