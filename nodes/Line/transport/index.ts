import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ProviderClient } from '../../shared/client';
import {
	type Delivery,
	deliveryNote,
	type DeliverySettings,
	type RequestPolicy,
} from '../../shared/delivery';
import { describeFailure, header, type HttpFailure } from '../../shared/http';
import { readJwtCredential, signAssertion, type JwtCredential } from '../helpers/jwt';

export { describeFailure, header, type HttpFailure } from '../../shared/http';

export const CHANNEL_ACCESS_TOKEN = 'lineConnectorChannelAccessTokenApi';
export const CHANNEL_ID_SECRET = 'lineConnectorChannelIdSecretApi';
export const CHANNEL_JWT = 'lineConnectorChannelJwtApi';
export type LineCredentialType =
	| typeof CHANNEL_ACCESS_TOKEN
	| typeof CHANNEL_ID_SECRET
	| typeof CHANNEL_JWT;

const CREDENTIAL_OF_AUTHENTICATION: Record<string, LineCredentialType> = {
	channelAccessToken: CHANNEL_ACCESS_TOKEN,
	channelIdSecret: CHANNEL_ID_SECRET,
	channelJwt: CHANNEL_JWT,
};

/** The credential type the nodes' Authentication parameter selects (default the access token). */
export function lineCredentialType(authentication: unknown): LineCredentialType {
	return CREDENTIAL_OF_AUTHENTICATION[String(authentication)] ?? CHANNEL_ACCESS_TOKEN;
}

/** The credential's name as n8n shows it. */
export const CREDENTIAL_NAMES: Record<LineCredentialType, string> = {
	[CHANNEL_ACCESS_TOKEN]: 'LINE Channel Access Token',
	[CHANNEL_ID_SECRET]: 'LINE Channel ID and Secret',
	[CHANNEL_JWT]: 'LINE Channel (JWT Assertion)',
};

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
	/** A form-encoded body instead (LINE's token endpoints). */
	form?: Record<string, string>;
	/** The body's content type when it is not JSON, e.g. `image/png` or a multipart boundary. */
	contentType?: string;
	qs?: IDataObject;
	/** Sent as `X-Line-Retry-Key`; the same key is reused when the request is retried. */
	retryKey?: string;
	/** Other headers the operation's spec declares, e.g. `X-Line-Delivery-Tag`. */
	headers?: Record<string, string>;
	/** `data` for LINE's content host (`api-data.line.me`). */
	host?: 'api' | 'data';
	/** The answer is a file (message content): the body comes back as a Buffer. */
	binary?: boolean;
	/**
	 * Sent without the credential's token: LINE's token endpoints authenticate by what the
	 * request carries (channel ID and secret, a JWT assertion, the token itself).
	 */
	unauthenticated?: boolean;
	/** A POST that changes nothing, or changes nothing more when repeated: repeated like a GET. */
	repeatable?: boolean;
	/** Answers with these statuses come back as responses, not errors (e.g. 400 from a verify). */
	accept?: number[];
}

const FORM = 'application/x-www-form-urlencoded';

function requestHeaders(request: LineRequest): Record<string, string> | undefined {
	const contentType = request.form ? FORM : request.contentType;
	if (!request.retryKey && !contentType && !request.headers) return undefined;
	const headers: Record<string, string> = { ...request.headers };
	if (request.retryKey) headers['X-Line-Retry-Key'] = request.retryKey;
	if (contentType) headers['Content-Type'] = contentType;
	return headers;
}

function policyOf(request: LineRequest): RequestPolicy {
	if (request.method === 'GET' || request.repeatable) return 'read';
	return request.retryKey ? 'keyedSend' : 'unkeyedSend';
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
	/** The credential the request was sent with, when it got its token from LINE. */
	credentialType?: LineCredentialType,
): NodeApiError {
	const body = (typeof failure.body === 'object' && failure.body !== null ? failure.body : {}) as {
		message?: string;
		details?: Array<{ message?: string; property?: string }>;
		error?: string;
		error_description?: string;
	};
	const status = failure.statusCode;
	const oauthError = body.error !== undefined && body.message === undefined;
	const tokenUrl = /\/oauth2\/v(3|2\.1)\/token$/.test(failure.url ?? '');
	if (!request.unauthenticated && (tokenUrl || oauthError)) {
		// The credential's own token request failed: the credential is what to fix.
		const jwt = credentialType === CHANNEL_JWT || failure.url?.endsWith('/oauth2/v2.1/token');
		return new NodeApiError(
			context.getNode(),
			{ message: body.error ?? 'token request failed' },
			{
				message: `LINE refused the ${jwt ? "credential's JWT assertion" : 'channel ID and secret'}${body.error ? ` (${body.error})` : ''}`,
				description: [
					body.error_description,
					jwt
						? 'Check Channel ID, Key ID and Private Key in the LINE Channel (JWT Assertion) credential: the key ID is the kid LINE showed when you registered the public key (LINE Developers console → your Messaging API channel → Basic settings → Assertion Signing Key).'
						: 'Check Channel ID and Channel Secret in the credential (LINE Developers console → your Messaging API channel → Basic settings).',
				]
					.filter(Boolean)
					.join('\n'),
				httpCode: status ? String(status) : undefined,
				itemIndex,
			},
		);
	}
	if (oauthError) {
		// LINE's token endpoints answer with OAuth's { error, error_description }.
		return new NodeApiError(
			context.getNode(),
			{ message: body.error ?? 'token request failed', status: status ?? null } as JsonObject,
			{
				message: `LINE refused the token request${status ? ` (${status})` : ''}: ${body.error}`,
				description: [body.error_description, `${request.method} ${request.path}`, note]
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

	get credentialType(): LineCredentialType {
		return this.client.credentialType as LineCredentialType;
	}

	/** `authentication` is the node's Authentication parameter: which of the credentials to use. */
	static async create(
		context: LineContext,
		authentication: unknown,
		settings?: DeliverySettings,
	): Promise<LineClient> {
		const credentialType = lineCredentialType(authentication);
		const client = await ProviderClient.create(context, credentialType, {
			provider: 'LINE',
			baseUrlOf: (data) => baseUrl(data.baseUrl, DEFAULT_API_BASE_URL),
			settings,
			// Both get their tokens from LINE: requests sent at once wait for the first one's token.
			issuedToken: credentialType === CHANNEL_ACCESS_TOKEN ? undefined : 'accessToken',
		});
		const lineClient = new LineClient(context, client);
		// A key that cannot sign is the credential's fault: say so before anything is sent.
		if (credentialType === CHANNEL_JWT) lineClient.jwtKey();
		return lineClient;
	}

	/** Name of the credential in use, as n8n shows it (for error messages). */
	get credentialName(): string {
		return CREDENTIAL_NAMES[this.credentialType];
	}

	private jwtKey(): JwtCredential {
		try {
			return readJwtCredential(this.client.data);
		} catch (error) {
			throw new NodeOperationError(
				this.context.getNode(),
				`The ${this.credentialName} credential cannot sign assertions: ${(error as Error).message}`,
				{ description: (error as { hint?: string }).hint },
			);
		}
	}

	/**
	 * A fresh JWT assertion signed with the credential's assertion signing key, asking for a token
	 * of `tokenExp` seconds when given; undefined unless the credential is the JWT one.
	 */
	assertion(tokenExp?: number): string | undefined {
		if (this.credentialType !== CHANNEL_JWT) return undefined;
		const { privateKey, channelId, keyId } = this.jwtKey();
		return signAssertion(privateKey, { channelId, keyId, tokenExp });
	}

	/** The credential's channel ID and secret, when it has both (for LINE's token endpoints). */
	channelIdAndSecret(): { channelId: string; channelSecret: string } | undefined {
		const channelId = String(this.client.data.channelId ?? '').trim();
		const channelSecret = String(this.client.data.channelSecret ?? '').trim();
		return channelId && channelSecret ? { channelId, channelSecret } : undefined;
	}

	async request<T = IDataObject>(
		request: LineRequest,
		itemIndex: number,
	): Promise<LineResponse<T>> {
		try {
			const response = await this.client.request<T>({
				method: request.method,
				path: request.path,
				policy: policyOf(request),
				body: request.form ? new URLSearchParams(request.form).toString() : request.body,
				unauthenticated: request.unauthenticated,
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
			if (failure.statusCode !== undefined && request.accept?.includes(failure.statusCode)) {
				return {
					statusCode: failure.statusCode,
					body: (failure.body && typeof failure.body === 'object' ? failure.body : {}) as T,
					headers: failure.headers,
					requestId: header(failure.headers, 'x-line-request-id'),
				};
			}
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
			throw lineApiError(
				this.context,
				failure,
				request,
				itemIndex,
				deliveryNote(error),
				this.credentialType,
			);
		}
	}
}

function baseUrl(value: unknown, fallback: string): string {
	return ((typeof value === 'string' && value) || fallback).replace(/\/+$/, '');
}
