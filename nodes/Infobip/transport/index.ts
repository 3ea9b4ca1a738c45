import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ProviderClient } from '../../shared/client';
import {
	type Delivery,
	DeliveryFailure,
	type DeliverySettings,
	type RequestPolicy,
} from '../../shared/delivery';
import { describeFailure, type HttpFailure } from '../../shared/http';
import { isObject } from '../../shared/values';

export const INFOBIP_CREDENTIAL = 'lineConnectorInfobipApi';

export interface InfobipRequest {
	method: IHttpRequestMethods;
	/** Path from Infobip's OpenAPI document, e.g. `/line/1/messages`. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	/** Added to the error of a send that may have been carried out (e.g. how to look it up). */
	lookupHint?: string;
	/** Default: GET requests are reads, everything else a send Infobip does not de-duplicate. */
	policy?: RequestPolicy;
}

/** Infobip's error body: `{ errorCode, description, action, violations: [{ property, violation }], resources }`. */
interface ApiErrorBody {
	errorCode?: string;
	description?: string;
	action?: string;
	violations?: Array<{ property?: string; violation?: string }>;
	resources?: Array<{ name?: string; url?: string }>;
	/** Older Infobip APIs: `{ requestError: { serviceException: { messageId, text } } }`. */
	requestError?: { serviceException?: { messageId?: string; text?: string } };
}

/**
 * Turns Infobip's error body into an error that shows every violation and what to do, with the
 * delivery engine's word on what became of the request.
 */
export function infobipApiError(
	context: IExecuteFunctions,
	failure: HttpFailure,
	request: InfobipRequest,
	itemIndex: number,
	delivery?: Pick<DeliveryFailure, 'note' | 'outcome'>,
): NodeApiError {
	const body = (isObject(failure.body) ? failure.body : {}) as ApiErrorBody;
	const status = failure.statusCode;
	const legacy = body.requestError?.serviceException;
	const infobipMessage = body.description ?? legacy?.text;
	const code = body.errorCode ?? legacy?.messageId;
	let message: string;
	if (infobipMessage) {
		message = `Infobip API error${status ? ` ${status}` : ''}${code ? ` (${code})` : ''}: ${infobipMessage}`;
	} else if (status !== undefined) {
		message = `Infobip API error ${status}`;
	} else {
		// The network code goes in the description: in the message n8n would replace it with a
		// text suggesting to retry, which is wrong for a send.
		message = 'No answer from Infobip';
	}
	const lines = (body.violations ?? []).map((v) =>
		v.property ? `${v.property}: ${v.violation ?? ''}` : (v.violation ?? ''),
	);
	if (status === undefined && failure.code) lines.push(`Network error: ${failure.code}`);
	if (body.action) lines.push(body.action);
	for (const resource of body.resources ?? []) {
		if (resource.url) lines.push(`${resource.name ?? 'See'}: ${resource.url}`);
	}
	lines.push(`${request.method} ${request.path}`);
	if (delivery) lines.push(delivery.note);
	if (delivery?.outcome === 'maybeSent' && request.lookupHint) lines.push(request.lookupHint);
	return new NodeApiError(
		context.getNode(),
		{ ...body, httpCode: status ?? null } as unknown as JsonObject,
		{
			message,
			description: lines.filter(Boolean).join('\n'),
			httpCode: status !== undefined ? String(status) : undefined,
			itemIndex,
		},
	);
}

/** `https://xxxxx.api.infobip.com` from what the user typed (scheme optional, no trailing slash). */
export function infobipBaseUrl(value: unknown): string {
	let url = String(value ?? '')
		.trim()
		.replace(/\/+$/, '');
	if (url !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) url = `https://${url}`;
	return url;
}

/**
 * The one place the Infobip LINE node talks to Infobip. Reads the credential once per execution.
 * Every request goes through the delivery engine: reads (GET) are repeated after a 5xx or a lost
 * connection; sends only when they certainly did not arrive (a 429, a refused connection), as
 * Infobip does not de-duplicate them.
 */
export class InfobipClient {
	private constructor(
		private readonly context: IExecuteFunctions,
		private readonly client: ProviderClient,
	) {}

	static async create(
		context: IExecuteFunctions,
		settings?: DeliverySettings,
	): Promise<InfobipClient> {
		const client = await ProviderClient.create(context, INFOBIP_CREDENTIAL, {
			provider: 'Infobip',
			baseUrlOf: (data) => infobipBaseUrl(data.baseUrl),
			settings,
		});
		if (!/^https?:\/\/[^/\s]+/i.test(client.baseUrl)) {
			throw new NodeOperationError(
				context.getNode(),
				'The Infobip credential has no valid Base URL',
				{
					description:
						'Enter your personal base URL from the Infobip portal, e.g. https://xxxxxx.api.infobip.com (https://api.infobip.com works too).',
				},
			);
		}
		return new InfobipClient(context, client);
	}

	get baseUrl(): string {
		return this.client.baseUrl;
	}

	get delivery(): Delivery {
		return this.client.delivery;
	}

	async request<T = IDataObject>(request: InfobipRequest, itemIndex: number): Promise<T> {
		try {
			const response = await this.client.request({
				method: request.method,
				path: request.path,
				policy: request.policy ?? (request.method === 'GET' ? 'read' : 'unkeyedSend'),
				body: request.body,
				qs: request.qs,
			});
			return (isObject(response.body) ? response.body : {}) as T;
		} catch (error) {
			throw infobipApiError(
				this.context,
				describeFailure(error),
				request,
				itemIndex,
				error instanceof DeliveryFailure ? error : undefined,
			);
		}
	}
}
