import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { LineConnectorChannelAccessTokenApi } from '../../credentials/LineConnectorChannelAccessTokenApi.credentials';
import { LineTrigger } from '../../nodes/Line/LineTrigger.node';
import type { TestCredential } from '../support/engine';
import { DEFAULT_CHANNEL_SECRET, startMockLine, type MockLine } from '../support/mockLine';
import { createTriggerHarness, WEBHOOK_ID } from '../support/webhook';

/**
 * Webhook methods (checkExists / create / delete) run in n8n-core's HookContext against mock
 * LINE: the channel's webhook URL is set only when asked, the URL found before is remembered in
 * static data, and put back when asked (always after a test listen).
 */

const ENDPOINT = '/v2/bot/channel/webhook/endpoint';
const TEST = '/v2/bot/channel/webhook/test';
const N8N = 'https://n8n.example.com';
const PRODUCTION_URL = `${N8N}/webhook/${WEBHOOK_ID}/webhook`;
const TEST_URL = `${N8N}/webhook-test/${WEBHOOK_ID}/webhook`;
const OLD_URL = 'https://bots.example.com/line/callback';

const nodeType = new LineTrigger();
let mock: MockLine;

beforeAll(async () => {
	mock = await startMockLine();
});
afterAll(async () => {
	await mock.close();
});
beforeEach(() => mock.reset());
afterEach(() => {
	expect(mock.invalidRequests().map((r) => [r.method, r.path, r.problems])).toEqual([]);
});

interface Channel {
	endpoint: string;
	active: boolean;
}

/** The channel's webhook settings on (mock) LINE, changed by PUT like LINE does. */
function lineChannel(initial: Partial<Channel> = {}): Channel {
	const channel: Channel = { endpoint: OLD_URL, active: true, ...initial };
	mock.on('GET', ENDPOINT, () => ({ status: 200, body: { ...channel } }));
	mock.on('PUT', ENDPOINT, (request) => {
		channel.endpoint = (request.body as { endpoint: string }).endpoint;
		return { status: 200, body: {} };
	});
	return channel;
}

function credential(data: IDataObject = {}): TestCredential {
	return {
		type: 'lineConnectorChannelAccessTokenApi',
		credentialType: new LineConnectorChannelAccessTokenApi(),
		data: {
			accessToken: 'test-channel-access-token',
			channelSecret: DEFAULT_CHANNEL_SECRET,
			baseUrl: mock.url,
			dataBaseUrl: mock.url,
			...data,
		},
	};
}

function trigger(
	parameters: INodeParameters = {},
	{
		credentialData,
		staticData,
		baseUrl = N8N,
	}: { credentialData?: IDataObject; staticData?: IDataObject; baseUrl?: string } = {},
) {
	return createTriggerHarness({
		nodeType,
		parameters,
		credentials: [credential(credentialData)],
		staticData,
		baseUrl,
	});
}

const registering = (parameters: INodeParameters = {}): INodeParameters => ({
	registerWebhook: true,
	...parameters,
});

const calls = () => mock.requests.map((r) => [r.method, r.path, r.body ?? null]);

/** A copy of stored static data, as n8n gives a test listen or a later activation. */
const stored = (data: IDataObject): IDataObject => JSON.parse(JSON.stringify(data)) as IDataObject;

describe('without registration (the default)', () => {
	it('never calls LINE: checkExists says yes, create and delete do nothing', async () => {
		const harness = trigger();
		expect(await harness.activate()).toEqual({ created: false });
		expect(await harness.hook('create')).toBe(true);
		expect(await harness.hook('delete')).toBe(true);
		await harness.activate({ test: true });
		await harness.deactivate({ test: true });
		expect(mock.requests).toEqual([]);
	});

	it('refuses to activate when the credential has no channel secret', async () => {
		const harness = trigger({}, { credentialData: { channelSecret: '' } });
		const activation = harness.activate();
		await expect(activation).rejects.toThrow('The credential has no channel secret');
		await expect(harness.hook('create')).rejects.toMatchObject({
			description: expect.stringContaining('Basic settings → Channel secret') as unknown as string,
		});
		expect(mock.requests).toEqual([]);
	});
});

describe('Register Webhook URL With LINE', () => {
	it('sets the Production URL on LINE and remembers the URL that was there', async () => {
		const channel = lineChannel();
		const harness = trigger(registering());

		expect(await harness.activate()).toEqual({ created: true });
		expect(channel).toEqual({ endpoint: PRODUCTION_URL, active: true });
		expect(calls()).toEqual([
			['GET', ENDPOINT, null], // checkExists
			['GET', ENDPOINT, null], // create: what is there now
			['PUT', ENDPOINT, { endpoint: PRODUCTION_URL }],
			['GET', ENDPOINT, null], // is "Use webhook" on?
		]);
		expect(mock.requests[2].headers.authorization).toBe('Bearer test-channel-access-token');
		expect(harness.nodeStaticData()).toEqual({ previousEndpoint: OLD_URL });
	});

	it('does nothing when LINE already sends to this node (n8n restarts, re-activation)', async () => {
		lineChannel({ endpoint: PRODUCTION_URL });
		const harness = trigger(registering(), { staticData: {} });
		expect(await harness.activate()).toEqual({ created: false });
		expect(calls()).toEqual([['GET', ENDPOINT, null]]);
	});

	it('sets the URL again when LINE has it but "Use webhook" is off, and then refuses clearly', async () => {
		const channel = lineChannel({ endpoint: PRODUCTION_URL, active: false });
		const harness = trigger(registering());
		const activation = harness.activate();
		await expect(activation).rejects.toThrow(
			"LINE does not send webhooks for this channel: its 'Use webhook' setting is off",
		);
		await expect(activation).rejects.toMatchObject({
			description: expect.stringContaining('Messaging API tab → Webhook settings') as unknown,
		});
		expect(channel.endpoint).toBe(PRODUCTION_URL);
	});

	it('puts the URL that was there back when "Use webhook" is off', async () => {
		const channel = lineChannel({ active: false });
		const harness = trigger(registering());
		await expect(harness.activate()).rejects.toThrow(/'Use webhook' setting is off/);
		expect(channel.endpoint).toBe(OLD_URL);
		expect(calls().filter(([method]) => method === 'PUT')).toEqual([
			['PUT', ENDPOINT, { endpoint: PRODUCTION_URL }],
			['PUT', ENDPOINT, { endpoint: OLD_URL }],
		]);
	});

	it('refuses an HTTP webhook URL when the credential talks to LINE itself, before calling LINE', async () => {
		const harness = trigger(registering(), {
			baseUrl: 'http://localhost:5678',
			credentialData: { baseUrl: undefined, dataBaseUrl: undefined },
		});
		const creation = harness.hook('create');
		await expect(creation).rejects.toThrow(
			`LINE accepts only HTTPS webhook URLs, and this node's webhook URL is http://localhost:5678/webhook/${WEBHOOK_ID}/webhook`,
		);
		await expect(creation).rejects.toMatchObject({
			description: expect.stringContaining("Set n8n's WEBHOOK_URL environment variable") as unknown,
		});
		expect(mock.requests).toEqual([]);
	});

	it('allows an HTTP URL with a sandbox base URL (like this mock)', async () => {
		const channel = lineChannel();
		const harness = trigger(registering(), { baseUrl: 'http://127.0.0.1:5678' });
		await harness.activate();
		expect(channel.endpoint).toBe(`http://127.0.0.1:5678/webhook/${WEBHOOK_ID}/webhook`);
	});

	it('refuses to activate without a channel secret, before calling LINE', async () => {
		lineChannel();
		const harness = trigger(registering(), { credentialData: { channelSecret: '  ' } });
		await expect(harness.activate()).rejects.toThrow('The credential has no channel secret');
		expect(mock.requests).toEqual([]);
	});

	it('surfaces LINE refusing the URL', async () => {
		// Programmed before the channel: the first matching answer wins.
		mock.once('PUT', ENDPOINT, () => ({
			status: 400,
			body: { message: 'Invalid webhook endpoint URL' },
		}));
		const channel = lineChannel();
		await expect(trigger(registering()).activate()).rejects.toThrow(
			'LINE API error 400: Invalid webhook endpoint URL',
		);
		expect(channel.endpoint).toBe(OLD_URL);
	});
});

describe('Test After Registering', () => {
	it('asks LINE to call the new URL and activates when it could', async () => {
		lineChannel();
		mock.on('POST', TEST, () => ({
			status: 200,
			body: {
				success: true,
				timestamp: '2026-11-02T05:38:20.031Z',
				statusCode: 200,
				reason: 'OK',
				detail: '200',
			},
		}));
		await trigger(registering({ testAfterRegistering: true })).activate();
		expect(mock.requestsTo('POST', TEST).map((r) => r.body)).toEqual([
			{ endpoint: PRODUCTION_URL },
		]);
	});

	it('refuses to activate when LINE could not reach the URL, and puts the old URL back', async () => {
		const channel = lineChannel();
		mock.on('POST', TEST, () => ({
			status: 200,
			body: {
				success: false,
				timestamp: '2026-11-02T05:38:20.031Z',
				statusCode: 404,
				reason: 'Not Found',
				detail: 'The webhook returned an HTTP status code other than 200.',
			},
		}));
		const harness = trigger(registering({ testAfterRegistering: true }));
		await expect(harness.activate()).rejects.toThrow(
			`LINE could not reach the webhook URL ${PRODUCTION_URL} (LINE got: 404 Not Found The webhook returned an HTTP status code other than 200.)`,
		);
		expect(channel.endpoint).toBe(OLD_URL);
		// Never asked whether "Use webhook" is on: the test failed first.
		expect(calls().slice(-3)).toEqual([
			['PUT', ENDPOINT, { endpoint: PRODUCTION_URL }],
			['POST', TEST, { endpoint: PRODUCTION_URL }],
			['PUT', ENDPOINT, { endpoint: OLD_URL }],
		]);
	});

	it('does not test unless asked', async () => {
		lineChannel();
		await trigger(registering()).activate();
		expect(mock.requestsTo('POST', TEST)).toEqual([]);
	});
});

describe('On Deactivation', () => {
	async function activated(parameters: INodeParameters, initial: Partial<Channel> = {}) {
		const channel = lineChannel(initial);
		const harness = trigger(registering(parameters));
		await harness.activate();
		expect(channel.endpoint).toBe(PRODUCTION_URL);
		mock.requests.length = 0;
		return { channel, harness };
	}

	it('leaves LINE’s webhook URL by default, without calling LINE', async () => {
		const { channel, harness } = await activated({});
		await harness.deactivate();
		expect(mock.requests).toEqual([]);
		expect(channel.endpoint).toBe(PRODUCTION_URL);
		// Still remembered, for a later "restore".
		expect(harness.nodeStaticData()).toEqual({ previousEndpoint: OLD_URL });
	});

	it('restores the previous URL when asked', async () => {
		const { channel, harness } = await activated({ onDeactivation: 'restore' });
		await harness.deactivate();
		expect(channel.endpoint).toBe(OLD_URL);
		expect(calls()).toEqual([
			['GET', ENDPOINT, null],
			['PUT', ENDPOINT, { endpoint: OLD_URL }],
		]);
		expect(harness.nodeStaticData()).toEqual({});
	});

	it('does not overwrite a URL someone set since activation', async () => {
		const { channel, harness } = await activated({ onDeactivation: 'restore' });
		channel.endpoint = 'https://someone-else.example.com/hook';
		await harness.deactivate();
		expect(channel.endpoint).toBe('https://someone-else.example.com/hook');
		expect(calls()).toEqual([['GET', ENDPOINT, null]]);
	});

	it('restores nothing when the channel had no URL before', async () => {
		const { channel, harness } = await activated({ onDeactivation: 'restore' }, { endpoint: '' });
		await harness.deactivate();
		expect(mock.requests).toEqual([]);
		expect(channel.endpoint).toBe(PRODUCTION_URL);
	});

	it('restores only an HTTPS URL when the credential talks to LINE itself', async () => {
		// Nothing may reach the network here: the refusal comes before any request.
		const harness = trigger(registering({ onDeactivation: 'restore' }), {
			credentialData: { baseUrl: undefined, dataBaseUrl: undefined },
			staticData: { 'node:LINE Trigger': { previousEndpoint: 'http://insecure.example.com/cb' } },
		});
		await harness.deactivate();
		expect(mock.requests).toEqual([]);
		expect(harness.nodeStaticData()).toEqual({
			previousEndpoint: 'http://insecure.example.com/cb',
		});
	});

	it('keeps the first URL across re-activations, even after n8n’s own URL changed', async () => {
		const { channel, harness } = await activated({ onDeactivation: 'leave' });
		await harness.deactivate();
		// n8n moves to another WEBHOOK_URL: LINE still has the old Production URL of this node.
		const moved = trigger(registering({ onDeactivation: 'restore' }), {
			baseUrl: 'https://n8n.new.example.com',
			staticData: stored(harness.workflow.staticData),
		});
		await moved.activate();
		expect(channel.endpoint).toBe(`https://n8n.new.example.com/webhook/${WEBHOOK_ID}/webhook`);
		expect(moved.nodeStaticData()).toEqual({ previousEndpoint: OLD_URL });
		await moved.deactivate();
		expect(channel.endpoint).toBe(OLD_URL);
	});
});

describe('listening for a test event', () => {
	it('sets the Test URL, and puts the Production URL back when the test ends', async () => {
		// The workflow is active: LINE sends to the Production URL.
		const channel = lineChannel();
		const production = trigger(registering());
		await production.activate();
		expect(channel.endpoint).toBe(PRODUCTION_URL);

		// n8n gives the test its own copy of the stored static data.
		const listening = trigger(registering(), {
			staticData: stored(production.workflow.staticData),
		});
		mock.requests.length = 0;
		expect(await listening.activate({ test: true })).toEqual({ created: true });
		expect(channel.endpoint).toBe(TEST_URL);
		await listening.deactivate({ test: true });
		expect(channel.endpoint).toBe(PRODUCTION_URL);
		expect(calls().filter(([method]) => method === 'PUT')).toEqual([
			['PUT', ENDPOINT, { endpoint: TEST_URL }],
			['PUT', ENDPOINT, { endpoint: PRODUCTION_URL }],
		]);
		// The production copy still knows the URL from before activation.
		expect(production.nodeStaticData()).toEqual({ previousEndpoint: OLD_URL });
		expect(listening.nodeStaticData()).toEqual({ previousEndpoint: OLD_URL });
	});

	it('puts back whatever URL was there, whatever On Deactivation says', async () => {
		const channel = lineChannel();
		const listening = trigger(registering({ onDeactivation: 'leave' }));
		await listening.activate({ test: true });
		expect(channel.endpoint).toBe(TEST_URL);
		await listening.deactivate({ test: true });
		expect(channel.endpoint).toBe(OLD_URL);
	});

	it('does not remember a Test URL left on LINE as the URL to restore later', async () => {
		const channel = lineChannel({ endpoint: TEST_URL });
		const harness = trigger(registering({ onDeactivation: 'restore' }), {
			staticData: { 'node:LINE Trigger': { previousEndpoint: OLD_URL } },
		});
		await harness.activate();
		expect(channel.endpoint).toBe(PRODUCTION_URL);
		expect(harness.nodeStaticData()).toEqual({ previousEndpoint: OLD_URL });
	});
});
