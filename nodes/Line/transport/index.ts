import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeFailure, header, type HttpFailure, withRetries } from '../../shared/http';

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
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
	/** Sent as `X-Line-Retry-Key`; the same key is reused when the request is retried. */
	retryKey?: string;
	/** `data` for LINE's content host (`api-data.line.me`). */
	host?: 'api' | 'data';
	/** The answer is a file (message content): the body comes back as a Buffer. */
	binary?: boolean;
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
 * once (no per-request decryption) and keeps nothing after the execution ends.
 */
export class LineClient {
	private constructor(
		private readonly context: LineContext,
		private readonly credentialType: LineCredentialType,
		private readonly credentials: ICredentialsDecrypted,
	) {}

	/** `authentication` is the node's Authentication parameter: which of the two credentials to use. */
	static async create(context: LineContext, authentication: unknown): Promise<LineClient> {
		const credentialType =
			authentication === 'channelIdSecret' ? CHANNEL_ID_SECRET : CHANNEL_ACCESS_TOKEN;
		const data = await context.getCredentials<ICredentialDataDecryptedObject>(credentialType);
		return new LineClient(context, credentialType, {
			id: '',
			name: credentialType,
			type: credentialType,
			data,
		});
	}

	private baseUrl(host: LineRequest['host']): string {
		const data = this.credentials.data ?? {};
		const url =
			host === 'data'
				? (data.dataBaseUrl as string) || DEFAULT_DATA_BASE_URL
				: (data.baseUrl as string) || DEFAULT_API_BASE_URL;
		return url.replace(/\/+$/, '');
	}

	async request<T = IDataObject>(
		request: LineRequest,
		itemIndex: number,
	): Promise<LineResponse<T>> {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: this.baseUrl(request.host) + request.path,
			json: !request.binary,
			returnFullResponse: true,
		};
		if (request.binary) options.encoding = 'arraybuffer';
		if (request.body !== undefined) options.body = request.body;
		if (request.qs) options.qs = request.qs;
		if (request.retryKey) options.headers = { 'X-Line-Retry-Key': request.retryKey };
		const repeatable = request.method === 'GET' || request.retryKey !== undefined;
		const helpers = this.context.helpers as Pick<
			IExecuteFunctions['helpers'],
			'httpRequestWithAuthentication'
		>;
		try {
			const response = (await withRetries(
				async () =>
					await helpers.httpRequestWithAuthentication.call(
						this.context as IExecuteFunctions,
						this.credentialType,
						options,
						{ credentialsDecrypted: this.credentials },
					),
				repeatable,
			)) as { statusCode: number; body: T; headers: HttpFailure['headers'] };
			const headers = response.headers ?? {};
			return {
				statusCode: response.statusCode,
				body: response.body ?? ({} as T),
				headers,
				requestId: header(headers, 'x-line-request-id'),
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
			throw lineApiError(this.context, failure, request, itemIndex);
		}
	}
}
