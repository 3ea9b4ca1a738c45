import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { answer, answerOnly, noRawBodyMessage, rawBodyOf } from '../../shared/webhook';
import { isValidLineSignature } from '../helpers/signature';
import { LineClient } from '../transport';
import { contentFileName, getMessageContent } from '../transport/content';
import { missingSecretMessage, readChannel } from './channel';
import { DEFAULT_TRANSCODING_TIMEOUT_S } from './description';
import {
	eventItem,
	hasDownloadableContent,
	passesFilters,
	TRANSCODED_MESSAGE_TYPES,
	type EventFilters,
} from './events';

/**
 * The LINE Trigger's webhook: checks LINE's signature on the raw body, answers LINE, and
 * turns each event that passes the filters into one item, in LINE's order.
 */

interface TriggerOptions {
	ignoreRedelivered?: boolean;
	downloadContent?: boolean;
	binaryPropertyName?: string;
	transcodingTimeout?: number;
}

function readFilters(context: IWebhookFunctions, options: TriggerOptions): EventFilters {
	return {
		eventTypes: context.getNodeParameter('eventTypes', []) as string[],
		messageTypes: context.getNodeParameter('messageTypes', []) as string[],
		sourceTypes: context.getNodeParameter('sourceTypes', []) as string[],
		ignoreRedelivered: options.ignoreRedelivered === true,
		onlyWhenBotMentioned: context.getNodeParameter('onlyWhenBotMentioned', false) === true,
	};
}

export async function receiveWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const channel = await readChannel(this);
	if (channel.channelSecret === '') {
		this.logger.warn(
			`LINE Trigger refused a request: ${missingSecretMessage(channel.credentialType)}`,
		);
		return answerOnly(this, 401, 'Invalid signature');
	}
	const rawBody = await rawBodyOf(this);
	const signature = this.getHeaderData()['x-line-signature'];
	if (rawBody === undefined) {
		this.logger.warn(noRawBodyMessage('LINE Trigger', 'x-line-signature'));
		return answerOnly(this, 401, 'Invalid signature');
	}
	if (!isValidLineSignature(channel.channelSecret, rawBody, signature)) {
		this.logger.warn(
			signature === undefined
				? 'LINE Trigger refused a request without an x-line-signature header'
				: 'LINE Trigger refused a request whose x-line-signature does not match the channel secret',
		);
		return answerOnly(this, 401, 'Invalid signature');
	}

	const payload = jsonParse<unknown>(rawBody.toString('utf8'), { fallbackValue: null });
	const body = payload !== null && typeof payload === 'object' ? (payload as IDataObject) : {};
	if (!Array.isArray(body.events)) {
		return answerOnly(this, 400, 'The body is not a LINE webhook (no events array)');
	}
	const destination = typeof body.destination === 'string' ? body.destination : null;
	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	const filters = readFilters(this, options);
	const events = (body.events as unknown[]).filter(
		(event): event is IDataObject =>
			event !== null && typeof event === 'object' && !Array.isArray(event),
	);
	// LINE's "Verify" button and the webhook test send no events: they only need a 200.
	const selected = events.filter((event) => passesFilters(event, filters));
	if (selected.length === 0) return answerOnly(this, 200);

	const items: INodeExecutionData[] = selected.map((event) => ({
		json: eventItem(event, destination),
	}));
	const downloads = options.downloadContent
		? selected.flatMap((event, index) => (hasDownloadableContent(event) ? [index] : []))
		: [];
	if (downloads.length === 0) return { workflowData: [items] };

	// Downloads take time (video and audio may still be transcoding): LINE is answered first so
	// it never times out and redelivers.
	answer(this, 200);
	await downloadContent(this, channel.authentication, selected, items, downloads, options);
	return { noWebhookResponse: true, workflowData: [items] };
}

async function downloadContent(
	context: IWebhookFunctions,
	authentication: string,
	events: IDataObject[],
	items: INodeExecutionData[],
	indexes: number[],
	options: TriggerOptions,
): Promise<void> {
	const property = (options.binaryPropertyName ?? '').trim() || 'data';
	const waitSeconds = Number(options.transcodingTimeout ?? DEFAULT_TRANSCODING_TIMEOUT_S);
	let client: LineClient | undefined;
	for (const index of indexes) {
		const message = events[index].message as IDataObject;
		const messageId = String(message.id);
		const item = items[index];
		try {
			client ??= await LineClient.create(context, authentication);
			const content = await getMessageContent(context, client, messageId, index, {
				waitForTranscodingMs: TRANSCODED_MESSAGE_TYPES.has(String(message.type))
					? Math.max(1, waitSeconds) * 1000
					: 0,
			});
			const binary = await context.helpers.prepareBinaryData(
				content.data,
				contentFileName(messageId, content),
				content.mimeType,
			);
			item.binary = { ...item.binary, [property]: binary };
		} catch (error) {
			// The event must not be lost because its content could not be fetched.
			item.json.contentError = (error as Error).message;
		}
	}
}
