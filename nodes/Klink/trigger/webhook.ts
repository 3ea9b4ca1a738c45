import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { isObject } from '../../shared/values';
import { answerOnly, rawBodyOf } from '../../shared/webhook';
import { isValidKlinkSignature } from '../helpers/signature';
import { KLINK_CREDENTIAL } from '../transport';
import { eventItem, passesFilter } from './events';

/**
 * The klink.cloud Trigger's webhook: checks klink.cloud's signature on the raw body when a
 * signing secret is set, and turns the event into one item when it passes the filter.
 */

/**
 * The signing secret of the credential, when the node has one: empty means "do not check".
 * A credential that is set but cannot be read fails the request (it is not taken as "no secret").
 */
async function signingSecret(context: IWebhookFunctions): Promise<string> {
	if (!context.getNode().credentials?.[KLINK_CREDENTIAL]) return '';
	const credentials = await context.getCredentials<IDataObject>(KLINK_CREDENTIAL);
	return String(credentials.webhookSigningSecret ?? '').trim();
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
