import type {
	IDataObject,
	IHookFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { isObject } from '../../shared/values';
import { answerOnly, noRawBodyMessage, rawBodyOf } from '../../shared/webhook';
import { isValidKlinkSignature } from '../helpers/signature';
import { KLINK_CREDENTIAL } from '../transport';
import { eventItem, passesFilter } from './events';

/**
 * The klink.cloud Trigger's webhook: checks klink.cloud's signature on the raw body, and turns
 * the event into one item when it passes the filter. Without a signing secret, requests are
 * refused unless the node accepts unsigned requests (version 1 always did).
 */

/**
 * The signing secret of the credential, when the node has one: empty means "none".
 * A credential that is set but cannot be read fails the request (it is not taken as "no secret").
 */
export async function signingSecret(context: IHookFunctions | IWebhookFunctions): Promise<string> {
	if (!context.getNode().credentials?.[KLINK_CREDENTIAL]) return '';
	const credentials = await context.getCredentials<IDataObject>(KLINK_CREDENTIAL);
	return String(credentials.webhookSigningSecret ?? '').trim();
}

/** Whether requests may start the workflow while no signing secret is set. */
export function acceptsUnsigned(context: IHookFunctions | IWebhookFunctions): boolean {
	if (context.getNode().typeVersion < 2) return true;
	return context.getNodeParameter('acceptUnsignedRequests', false) === true;
}

export const NO_SECRET =
	'no Webhook Signing Secret is set: select a klink.cloud API credential with the signing secret of the klink.cloud webhook, or turn on Accept Unsigned Requests';

export async function receiveWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const secret = await signingSecret(this);
	const rawBody = await rawBodyOf(this);
	if (secret === '') {
		if (!acceptsUnsigned(this)) {
			this.logger.warn(`klink.cloud Trigger refused a request: ${NO_SECRET}`);
			return answerOnly(
				this,
				401,
				'No signing secret is set for this trigger in n8n, so every request is refused',
			);
		}
		this.logger.warn(
			'klink.cloud Trigger accepted a request without checking its signature (no Webhook Signing Secret is set): anyone who knows its URL can start this workflow',
		);
	} else {
		const signature = this.getHeaderData()['x-signature'];
		if (rawBody === undefined) {
			this.logger.warn(noRawBodyMessage('klink.cloud Trigger', 'x-signature'));
			return answerOnly(this, 401, 'Invalid signature');
		}
		if (!isValidKlinkSignature(secret, rawBody, signature)) {
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
