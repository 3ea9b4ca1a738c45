import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { LineClient } from '../transport';
import { missingSecretMessage, readChannel, type ChannelSettings } from './channel';

/**
 * Setting the channel's webhook URL on LINE when the workflow is activated (optional), and what
 * happens to it on deactivation. LINE keeps one webhook URL per channel, so the URL found before
 * is remembered in the node's static data, to put it back when asked.
 */

const ENDPOINT_PATH = '/v2/bot/channel/webhook/endpoint';
const TEST_PATH = '/v2/bot/channel/webhook/test';
const CONSOLE_WEBHOOK_SETTINGS =
	'LINE Developers console → your Messaging API channel → Messaging API tab → Webhook settings';

interface WebhookEndpoint {
	endpoint: string;
	active: boolean;
}

/**
 * Kept in the node's static data between activation and deactivation. n8n keeps a test
 * registration's static data apart and never saves it, so the `test*` fields stay out of the
 * production copy.
 */
interface RegistrationState extends IDataObject {
	/** The channel's webhook URL before this node's Production URL replaced it. */
	previousEndpoint?: string;
	/** Set while the Test URL is registered ("Listen for test event"). */
	testRegistration?: boolean;
	/** The channel's webhook URL before the Test URL replaced it. */
	testPreviousEndpoint?: string;
}

function isHttps(url: string): boolean {
	return url.toLowerCase().startsWith('https://');
}

/** LINE itself accepts only HTTPS webhook URLs; a proxy or local sandbox may take others. */
function acceptable(channel: ChannelSettings, url: string | undefined): url is string {
	return typeof url === 'string' && url !== '' && (!channel.usesLineItself || isHttps(url));
}

function registers(context: IHookFunctions): boolean {
	return context.getNodeParameter('registerWebhook', false) === true;
}

function ownUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) {
		throw new NodeOperationError(context.getNode(), 'n8n did not give this node a webhook URL');
	}
	return url;
}

/** The channel's webhook settings, or undefined when LINE did not say (logged). */
async function readEndpoint(
	context: IHookFunctions,
	client: LineClient,
): Promise<WebhookEndpoint | undefined> {
	try {
		const { body } = await client.request<Partial<WebhookEndpoint>>(
			{ method: 'GET', path: ENDPOINT_PATH },
			0,
		);
		return { endpoint: String(body.endpoint ?? ''), active: body.active === true };
	} catch (error) {
		context.logger.warn(
			`LINE Trigger could not read the channel's webhook URL from LINE: ${(error as Error).message}`,
		);
		return undefined;
	}
}

async function setEndpoint(client: LineClient, endpoint: string): Promise<void> {
	await client.request({ method: 'PUT', path: ENDPOINT_PATH, body: { endpoint } }, 0);
}

function requireSecret(context: IHookFunctions, channel: ChannelSettings): void {
	if (channel.channelSecret === '') {
		throw new NodeOperationError(context.getNode(), 'The credential has no channel secret', {
			description: missingSecretMessage(channel.credentialType),
		});
	}
}

function requireHttps(context: IHookFunctions, channel: ChannelSettings, url: string): void {
	if (acceptable(channel, url)) return;
	throw new NodeOperationError(
		context.getNode(),
		`LINE accepts only HTTPS webhook URLs, and this node's webhook URL is ${url}`,
		{
			description: `Set n8n's WEBHOOK_URL environment variable to the public HTTPS address of this n8n (for example https://n8n.example.com/) and restart n8n. Or turn off Register Webhook URL With LINE and enter an HTTPS URL that reaches this n8n (e.g. through a tunnel) in ${CONSOLE_WEBHOOK_SETTINGS} yourself.`,
		},
	);
}

/** True when LINE already sends this channel's events to this node (or nothing is to be set). */
export async function webhookExists(this: IHookFunctions): Promise<boolean> {
	const channel = await readChannel(this);
	// Without a secret, `create` runs and fails the activation with a message saying so.
	if (channel.channelSecret === '') return false;
	if (!registers(this)) return true;
	const client = await LineClient.create(this, channel.authentication);
	const current = await readEndpoint(this, client);
	return current !== undefined && current.endpoint === ownUrl(this) && current.active;
}

/**
 * Whether `endpoint` is one of this node's own URLs (Production or Test, also under an earlier
 * WEBHOOK_URL: all end with the node's webhook ID and path). Activation never remembers one of
 * these as "the previous URL"; a test remembers anything but the Test URL itself, so that the
 * Production URL comes back after it.
 */
function isOwn(context: IHookFunctions, endpoint: string, url: string): boolean {
	if (endpoint === url) return true;
	const { webhookId } = context.getNode();
	return webhookId !== undefined && endpoint.endsWith(`/${webhookId}/webhook`);
}

export async function createWebhook(this: IHookFunctions): Promise<boolean> {
	const channel = await readChannel(this);
	requireSecret(this, channel);
	if (!registers(this)) return true;
	const url = ownUrl(this);
	requireHttps(this, channel, url);

	const client = await LineClient.create(this, channel.authentication);
	const state = this.getWorkflowStaticData('node') as RegistrationState;
	const before = await readEndpoint(this, client);
	const test = this.getActivationMode() === 'manual';
	const found = before?.endpoint || undefined;
	const previous =
		found === undefined || found === url || (!test && isOwn(this, found, url)) ? undefined : found;
	if (test) {
		state.testRegistration = true;
		if (previous) state.testPreviousEndpoint = previous;
		else delete state.testPreviousEndpoint;
	} else if (previous) {
		// When LINE already points at this node (re-activation), the URL from before is kept.
		state.previousEndpoint = previous;
	}
	await setEndpoint(client, url);

	const problem = (await testProblem(this, client, url)) ?? (await inactiveProblem(this, client));
	if (problem) {
		// A failed activation leaves LINE as it was found.
		if (acceptable(channel, previous)) await setEndpoint(client, previous);
		delete state.testRegistration;
		delete state.testPreviousEndpoint;
		throw problem;
	}
	return true;
}

async function testProblem(
	context: IHookFunctions,
	client: LineClient,
	url: string,
): Promise<NodeOperationError | undefined> {
	if (context.getNodeParameter('testAfterRegistering', false) !== true) return undefined;
	const { body } = await client.request<IDataObject>(
		{ method: 'POST', path: TEST_PATH, body: { endpoint: url } },
		0,
	);
	if (body.success !== false) return undefined;
	const answer = [body.statusCode, body.reason, body.detail]
		.filter((part) => part !== undefined && part !== '')
		.join(' ');
	return new NodeOperationError(
		context.getNode(),
		`LINE could not reach the webhook URL ${url}${answer ? ` (LINE got: ${answer})` : ''}`,
		{
			description:
				'Check that this address reaches n8n from the internet and that the workflow can receive requests (the channel secret in the credential must be right). Or turn off Test After Registering.',
		},
	);
}

async function inactiveProblem(
	context: IHookFunctions,
	client: LineClient,
): Promise<NodeOperationError | undefined> {
	const after = await readEndpoint(context, client);
	if (after === undefined || after.active) return undefined;
	return new NodeOperationError(
		context.getNode(),
		"LINE does not send webhooks for this channel: its 'Use webhook' setting is off",
		{
			description: `Turn on Use webhook in ${CONSOLE_WEBHOOK_SETTINGS}, then activate the workflow again.`,
		},
	);
}

export async function deleteWebhook(this: IHookFunctions): Promise<boolean> {
	if (!registers(this)) return true;
	const state = this.getWorkflowStaticData('node') as RegistrationState;
	const test = state.testRegistration === true;
	// A test must not leave LINE sending to the Test URL: what was there before always comes back.
	const restore = test || this.getNodeParameter('onDeactivation', 'leave') === 'restore';
	const previous = test ? state.testPreviousEndpoint : state.previousEndpoint;
	delete state.testRegistration;
	delete state.testPreviousEndpoint;
	if (!restore || previous === undefined) return true;
	const channel = await readChannel(this);
	if (!acceptable(channel, previous)) return true;

	const url = ownUrl(this);
	const client = await LineClient.create(this, channel.authentication);
	const current = await readEndpoint(this, client);
	// Only while LINE still points at this node: someone may have changed the URL since.
	if (current?.endpoint === url) await setEndpoint(client, previous);
	if (!test) delete state.previousEndpoint;
	return true;
}
