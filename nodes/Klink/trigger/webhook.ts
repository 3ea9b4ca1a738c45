import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { isValidKlinkSignature } from '../helpers/signature';
import { KLINK_CREDENTIAL } from '../transport';
import { eventItem, passesFilter } from './events';

/**
 * The klink.cloud Trigger's webhook: checks klink.cloud's signature on the raw body when a
 * signing secret is set, and turns the event into one item when it passes the filter.
 */

/** What n8n's webhook server puts on the request: the body's exact bytes. */
interface RequestWithRawBody {
	rawBody?: unknown;
}

/** The part of the (Express) response the trigger writes to. */
interface PlainResponse {
	writeHead(status: number, headers?: Record<string, string>): unknown;
	end(body?: string): unknown;
}

/** Answers without starting the workflow. */
function answerOnly(
	context: IWebhookFunctions,
	status: number,
	message?: string,
): IWebhookResponseData {
	const response = context.getResponseObject() as unknown as PlainResponse;
	if (message === undefined) {
		response.writeHead(status);
		response.end();
	} else {
		response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
		response.end(JSON.stringify({ message }));
	}
	return { noWebhookResponse: true };
}

function rawBodyOf(context: IWebhookFunctions): Buffer | undefined {
	const { rawBody } = context.getRequestObject() as unknown as RequestWithRawBody;
	if (Buffer.isBuffer(rawBody)) return rawBody;
	return typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : undefined;
}

/**
 * The signing secret of the credential, when the node has one: empty means "do not check".
 * A credential that is set but cannot be read fails the request (it is not taken as "no secret").
 */
async function signingSecret(context: IWebhookFunctions): Promise<string> {
	if (!context.getNode().credentials?.[KLINK_CREDENTIAL]) return '';
	const credentials = await context.getCredentials<IDataObject>(KLINK_CREDENTIAL);
	return String(credentials.webhookSigningSecret ?? '').trim();
}

function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export async function receiveWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const secret = await signingSecret(this);
	const rawBody = rawBodyOf(this);
	if (secret !== '') {
		const signature = this.getHeaderData()['x-signature'];
		if (rawBody === undefined || !isValidKlinkSignature(secret, rawBody, signature)) {
			this.logger.warn(
				signature === undefined
					? 'klink.cloud Trigger refused a request without an x-signature header'
					: "klink.cloud Trigger refused a request whose x-signature does not match the webhook's signing secret",
			);
			return answerOnly(this, 401, 'Invalid signature');
		}
	}

	const payload =
		rawBody === undefined
			? this.getBodyData()
			: jsonParse<unknown>(rawBody.toString('utf8'), { fallbackValue: null });
	if (!isObject(payload) || typeof payload.event !== 'string' || payload.event === '') {
		return answerOnly(this, 400, 'The body is not a klink.cloud webhook (no event)');
	}
	const filter = {
		events: this.getNodeParameter('events', []) as string[],
		otherEvents: String(this.getNodeParameter('otherEvents', '') ?? ''),
	};
	// Events the workflow does not want are still acknowledged, so klink.cloud does not retry them.
	if (!passesFilter(payload.event, filter)) return answerOnly(this, 200);
	return { workflowData: [[{ json: eventItem(payload) }]] };
}
