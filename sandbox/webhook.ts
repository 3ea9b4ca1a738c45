import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

import { lineSignature } from '../nodes/Line/helpers/signature';

/**
 * Webhook requests as LINE sends them: `{ destination, events }` as compact JSON, signed with the
 * channel secret over the exact bytes sent (`x-line-signature`), posted with LINE's user agent.
 */

export type WebhookSource =
	| { type: 'user'; userId: string }
	| { type: 'group'; groupId: string; userId: string }
	| { type: 'room'; roomId: string; userId: string };

export type WebhookEvent = Record<string, unknown> & { type: string };

/** The outcome of one webhook request, in the terms of LINE's "test webhook endpoint" answer. */
export interface Delivery {
	at: string;
	url?: string;
	ok: boolean;
	/** The webhook's HTTP status; 0 when it did not answer. */
	statusCode: number;
	reason: 'OK' | 'NO_WEBHOOK' | 'ERROR_STATUS_CODE' | 'COULD_NOT_CONNECT' | 'REQUEST_TIMEOUT';
	detail: string;
	/** For people: "delivered 200", "webhook refused 401", "no webhook URL set", … */
	summary: string;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID, the format of LINE's `webhookEventId`. */
export function ulid(time = Date.now()): string {
	let rest = time;
	let id = '';
	for (let i = 0; i < 10; i++) {
		id = CROCKFORD[rest % 32] + id;
		rest = Math.floor(rest / 32);
	}
	for (const byte of randomBytes(16)) id += CROCKFORD[byte % 32];
	return id;
}

/** The fields every event has; `fields` holds the event's own (message, postback, replyToken). */
export function webhookEvent(
	type: string,
	source: WebhookSource,
	fields: Record<string, unknown>,
): WebhookEvent {
	return {
		type,
		...fields,
		webhookEventId: ulid(),
		deliveryContext: { isRedelivery: false },
		timestamp: Date.now(),
		source,
		mode: 'active',
	};
}

/** An event about no chat, such as the delivery completion of a LINE notification message. */
export function webhookEventWithoutSource(
	type: string,
	fields: Record<string, unknown>,
): WebhookEvent {
	return {
		type,
		...fields,
		webhookEventId: ulid(),
		deliveryContext: { isRedelivery: false },
		timestamp: Date.now(),
		mode: 'active',
	};
}

export function callbackBody(destination: string, events: WebhookEvent[]): string {
	return JSON.stringify({ destination, events });
}

export function noWebhook(): Delivery {
	return {
		at: new Date().toISOString(),
		ok: false,
		statusCode: 0,
		reason: 'NO_WEBHOOK',
		detail: 'No webhook URL is set',
		summary: 'no webhook URL set',
	};
}

/** POSTs `body` to `url` signed with `channelSecret`, like LINE. Never throws. */
export async function deliverSigned(
	url: string,
	channelSecret: string,
	body: string,
	timeoutMs: number,
): Promise<Delivery> {
	const at = new Date().toISOString();
	try {
		const statusCode = await post(url, body, lineSignature(channelSecret, body), timeoutMs);
		const ok = statusCode >= 200 && statusCode < 300;
		return {
			at,
			url,
			ok,
			statusCode,
			reason: ok ? 'OK' : 'ERROR_STATUS_CODE',
			detail: String(statusCode),
			summary: ok ? `delivered ${statusCode}` : `webhook refused ${statusCode}`,
		};
	} catch (error) {
		const timedOut = (error as Error).name === 'TimeoutError';
		const detail = timedOut
			? `No answer within ${timeoutMs / 1000} s`
			: ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
		return {
			at,
			url,
			ok: false,
			statusCode: 0,
			reason: timedOut ? 'REQUEST_TIMEOUT' : 'COULD_NOT_CONNECT',
			detail,
			summary: timedOut ? 'webhook timed out' : `webhook unreachable (${detail})`,
		};
	}
}

/** One request on its own connection (nothing kept alive once the sandbox closes). */
function post(url: string, body: string, signature: string, timeoutMs: number): Promise<number> {
	return new Promise((resolve, reject) => {
		const target = new URL(url);
		const client = target.protocol === 'https:' ? https : http;
		const bytes = Buffer.from(body, 'utf8');
		const request = client.request(
			target,
			{
				method: 'POST',
				agent: false,
				timeout: timeoutMs,
				headers: {
					'content-type': 'application/json; charset=utf-8',
					'content-length': String(bytes.length),
					'user-agent': 'LineBotWebhook/2.0',
					'x-line-signature': signature,
				},
			},
			(response) => {
				response.resume();
				response.on('end', () => resolve(response.statusCode ?? 0));
				response.on('error', reject);
			},
		);
		request.on('timeout', () => {
			const error = new Error('timeout');
			error.name = 'TimeoutError';
			request.destroy(error);
		});
		request.on('error', reject);
		request.end(bytes);
	});
}
