import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ProviderClient } from '../../shared/client';
import {
	type Delivery,
	deliveryNote,
	type DeliverySettings,
	type RequestPolicy,
} from '../../shared/delivery';
import { describeFailure, header, type HttpFailure } from '../../shared/http';

export { describeFailure, header, type HttpFailure } from '../../shared/http';

export const CHANNEL_ACCESS_TOKEN = 'lineConnectorChannelAccessTokenApi';
export const CHANNEL_ID_SECRET = 'lineConnectorChannelIdSecretApi';
export type LineCredentialType = typeof CHANNEL_ACCESS_TOKEN | typeof CHANNEL_ID_SECRET;

export const DEFAULT_API_BASE_URL = 'https://api.line.me';
export const DEFAULT_DATA_BASE_URL = 'https://api-data.line.me';

/** Every kind of n8n context that talks to LINE: action node, trigger hooks, webhook, dropdowns. */
export type LineContext =
	| IExecuteFunctions
	| IHookFunctions
	| IWebhookFunctions
	| ILoadOptionsFunctions;

export interface LineRequest {
	method: IHttpRequestMethods;
	/** Path from the OpenAPI document, e.g. `/v2/bot/message/push`. */
	path: string;
	/** JSON, or the bytes of a file upload (give its `contentType`). */
	body?: IDataObject | IDataObject[] | Buffer;
	/** The body's content type when it is not JSON, e.g. `image/png` or a multipart boundary. */
	contentType?: string;
	qs?: IDataObject;
	/** Sent as `X-Line-Retry-Key`; the same key is reused when the request is retried. */
	retryKey?: string;
	/** `data` for LINE's content host (`api-data.line.me`). */
	host?: 'api' | 'data';
	/** The answer is a file (message content): the body comes back as a Buffer. */
	binary?: boolean;
}

function requestHeaders(request: LineRequest): Record<string, string> | undefined {
	if (!request.retryKey && !request.contentType) return undefined;
	const headers: Record<string, string> = {};
	if (request.retryKey) headers['X-Line-Retry-Key'] = request.retryKey;
	if (request.contentType) headers['Content-Type'] = request.contentType;
	return headers;
}

export interface LineResponse<T = IDataObject> {
	statusCode: number;
	body: T;
	headers: HttpFailure['headers'];
	/** `x-line-request-id`: LINE's ID for this request (needed for narrowcast progress and support). */
	requestId?: string;
	/**
	 * Set when LINE answered 409 because the retry key was already accepted: the message was sent
	 * by an earlier attempt, so this is a success and nothing was sent twice.
	 */
	alreadyAccepted?: { acceptedRequestId?: string };
}

/** Turns LINE's `{ message, details: [{ message, property }] }` into an error a user can act on. */
export function lineApiError(
	context: LineContext,
	failure: HttpFailure,
	request: LineRequest,
	itemIndex: number,
	/** The delivery engine's word on what became of the request. */
	note?: string,
): NodeApiError {
	const body = (typeof failure.body === 'object' && failure.body !== null ? failure.body : {}) as {
		message?: string;
		details?: Array<{ message?: string; property?: string }>;
		error?: string;
		error_description?: string;
	};
	const status = failure.statusCode;
	if (failure.url?.endsWith('/oauth2/v3/token') || (body.error && !body.message)) {
		return new NodeApiError(
			context.getNode(),
			{ message: body.error ?? 'token request failed' },
			{
				message: `LINE refused the channel ID and secret${body.error ? ` (${body.error})` : ''}`,
				description: [
					body.error_description,
					'Check Channel ID and Channel Secret in the credential (LINE Developers console → your Messaging API channel → Basic settings).',
				]
					.filter(Boolean)
					.join('\n'),
				httpCode: status ? String(status) : undefined,
				itemIndex,
			},
		);
	}
	const lineMessage = body.message ?? (status ? `HTTP ${status}` : (failure.code ?? 'no response'));
	const details = (body.details ?? []).map((d) =>
		d.property ? `${d.property}: ${d.message ?? ''}` : (d.message ?? ''),
	);
	const requestId = header(failure.headers, 'x-line-request-id');
	const description = [
		...details,
		`${request.method} ${request.path}`,
		requestId ? `LINE request ID: ${requestId}` : '',
		note ?? '',
	]
		.filter(Boolean)
		.join('\n');
	return new NodeApiError(
		context.getNode(),
		{
			message: lineMessage,
			details: body.details ?? [],
			status: status ?? null,
		} as unknown as JsonObject,
		{
			message: `LINE API error${status ? ` ${status}` : ''}: ${lineMessage}`,
			description,
			httpCode: status ? String(status) : undefined,
			itemIndex,
		},
	);
}

/**
 * The one place the LINE node talks to LINE. Created once per execution: it reads the credential
 * once (no per-request decryption) and keeps nothing after the execution ends. Every request goes
 * through the delivery engine: reads and retry-keyed sends are repeated after server errors and
 * lost connections, sends without a key only when they certainly did not arrive; 429 always waits.
 */
export class LineClient {
	private constructor(
		private readonly context: LineContext,
		private readonly client: ProviderClient,
	) {}

	get delivery(): Delivery {
		return this.client.delivery;
	}

	/** `authentication` is the node's Authentication parameter: which of the two credentials to use. */
	static async create(
		context: LineContext,
		authentication: unknown,
		settings?: DeliverySettings,
	): Promise<LineClient> {
		const credentialType =
			authentication === 'channelIdSecret' ? CHANNEL_ID_SECRET : CHANNEL_ACCESS_TOKEN;
		const client = await ProviderClient.create(context, credentialType, {
			provider: 'LINE',
			baseUrlOf: (data) => baseUrl(data.baseUrl, DEFAULT_API_BASE_URL),
			settings,
			issuedToken: credentialType === CHANNEL_ID_SECRET ? 'accessToken' : undefined,
		});
		return new LineClient(context, client);
	}

	async request<T = IDataObject>(
		request: LineRequest,
		itemIndex: number,
	): Promise<LineResponse<T>> {
		const policy: RequestPolicy =
			request.method === 'GET' ? 'read' : request.retryKey ? 'keyedSend' : 'unkeyedSend';
		try {
			const response = await this.client.request<T>({
				method: request.method,
				path: request.path,
				policy,
				body: request.body,
				qs: request.qs,
				headers: requestHeaders(request),
				binary: request.binary,
				baseUrl:
					request.host === 'data'
						? baseUrl(this.client.data.dataBaseUrl, DEFAULT_DATA_BASE_URL)
						: undefined,
			});
			return {
				statusCode: response.statusCode,
				body: response.body ?? ({} as T),
				headers: response.headers,
				requestId: header(response.headers, 'x-line-request-id'),
			};
		} catch (error) {
			const failure = describeFailure(error);
			if (failure.statusCode === 409 && request.retryKey) {
				// LINE's 409 body still describes the accepted request (e.g. its sentMessages).
				return {
					statusCode: 409,
					body: (failure.body && typeof failure.body === 'object' ? failure.body : {}) as T,
					headers: failure.headers,
					requestId: header(failure.headers, 'x-line-request-id'),
					alreadyAccepted: {
						acceptedRequestId: header(failure.headers, 'x-line-accepted-request-id'),
					},
				};
			}
			throw lineApiError(this.context, failure, request, itemIndex, deliveryNote(error));
		}
	}
}

function baseUrl(value: unknown, fallback: string): string {
	return ((typeof value === 'string' && value) || fallback).replace(/\/+$/, '');
}
