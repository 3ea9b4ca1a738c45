import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
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
import { readKlinkError, isFailureEnvelope } from '../helpers/envelopes';

export const KLINK_CREDENTIAL = 'lineConnectorKlinkApi';
export const DEFAULT_BASE_URL = 'https://apigw.klinkcx.com';

/** The n8n contexts that call klink.cloud: the action node and its channel dropdown. */
export type KlinkContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface KlinkRequest {
	method: IHttpRequestMethods;
	/**
	 * A path such as `/api/v1/contacts`, or a whole URL on the credential's own host (an
	 * Advanced → Path override may be one); a URL on any other host is refused before sending.
	 */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	headers?: Record<string, string>;
	/**
	 * Whether the request may be sent again after a server error or a dropped connection (the
	 * delivery engine's `read` policy). Default: GET requests only (klink.cloud has no idempotency
	 * keys, so a write could happen twice; a 429 or a refused connection is retried all the same).
	 */
	repeatable?: boolean;
	/** The path is inferred, not in klink.cloud's documentation: a 404 then says how to correct it. */
	unverifiedPath?: boolean;
}

/** The credential's base URL, without a trailing slash. */
export function baseUrlOf(credentials: IDataObject): string {
	const chosen = String(credentials.baseUrl ?? '') || DEFAULT_BASE_URL;
	const url = chosen === 'custom' ? String(credentials.customBaseUrl ?? '').trim() : chosen;
	return (url || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/** What to do about a failure, by status (a 404 on an inferred path points at Advanced → Path). */
function hintFor(status: number | undefined, request: KlinkRequest): string | undefined {
	switch (status) {
		case 401:
			return "klink.cloud refused the API token: it is invalid, expired or revoked. Issue a new one in klink.cloud (Settings → Channels & Integration → API Tokens) and put it in the credential. Tokens from that page (kpt_…) are for apigw.klinkcx.com; tokens of the older developer apps are for api.klink.cloud: check the credential's Base URL too.";
		case 403:
			return "The API token may not use this endpoint: check the token's abilities (scopes) in Settings → Channels & Integration → API Tokens.";
		case 404:
		case 405:
			return request.unverifiedPath
				? "klink.cloud's documentation does not show this path, so it is inferred. If klink.cloud uses another one, set it in the operation's Advanced → Path."
				: status === 404
					? 'Check the IDs given to the operation: klink.cloud found nothing there.'
					: undefined;
		default:
			return undefined;
	}
}

/**
 * Turns a klink.cloud failure into an error naming the endpoint, with whatever `message` and
 * `errors` klink.cloud sent (its error bodies are not documented and differ between endpoints).
 */
export function klinkApiError(
	context: KlinkContext,
	failure: HttpFailure,
	request: KlinkRequest,
	itemIndex: number,
	/** The delivery engine's word on what became of the request (rate limit, maybe sent, not sent). */
	note?: string,
): NodeApiError {
	const status = failure.statusCode;
	const { message, details, requestId } = readKlinkError(failure.body);
	const endpoint = `${request.method} ${request.path}`;
	const klinkRequestId = requestId ?? header(failure.headers, 'x-request-id');
	// Without a status nothing came back. The network error code goes in the description: n8n
	// replaces a message that contains one with its own generic text, which drops the endpoint.
	const what =
		message ?? (status ? `HTTP ${status}` : "no answer; check the credential's Base URL");
	const description = [
		...details,
		status ? '' : `Network error: ${failure.code ?? 'unknown'}`,
		`Endpoint: ${endpoint}`,
		klinkRequestId ? `klink.cloud request ID: ${klinkRequestId}` : '',
		hintFor(status, request) ?? '',
		note ?? '',
	]
		.filter(Boolean)
		.join('\n');
	return new NodeApiError(
		context.getNode(),
		{
			message: what,
			details,
			status: status ?? null,
		} as unknown as JsonObject,
		{
			message: `klink.cloud ${status ? `answered ${status}` : 'failed'} on ${endpoint}: ${what}`,
			description,
			httpCode: status ? String(status) : undefined,
			itemIndex,
		},
	);
}

/**
 * The one place the klink.cloud node talks to klink.cloud. Created once per execution: it reads
 * the credential once and keeps nothing after the execution ends. Every request goes through the
 * delivery engine: reads are repeated after server errors and lost connections, writes only when
 * they certainly did not arrive (klink.cloud does not de-duplicate); a 429 is always waited out.
 */
export class KlinkClient {
	private constructor(
		private readonly context: KlinkContext,
		private readonly client: ProviderClient,
	) {}

	/** `settings`: the node's Delivery settings (dropdowns use the defaults). */
	static async create(context: KlinkContext, settings?: DeliverySettings): Promise<KlinkClient> {
		const client = await ProviderClient.create(context, KLINK_CREDENTIAL, {
			provider: 'klink.cloud',
			baseUrlOf,
			settings,
		});
		return new KlinkClient(context, client);
	}

	get baseUrl(): string {
		return this.client.baseUrl;
	}

	get delivery(): Delivery {
		return this.client.delivery;
	}

	/** Sends one request and gives klink.cloud's answer (an empty object when it has no body). */
	async request<T extends object = IDataObject>(
		request: KlinkRequest,
		itemIndex: number,
	): Promise<T> {
		const policy: RequestPolicy =
			(request.repeatable ?? request.method === 'GET') ? 'read' : 'unkeyedSend';
		// A whole URL off the credential's host is refused here, before the try: it is the user's
		// input (Advanced → Path, already checked when the items were read), not klink.cloud's answer.
		this.client.url(request.path);
		let response: { statusCode: number; body: unknown; headers: HttpFailure['headers'] };
		try {
			response = await this.client.request({
				method: request.method,
				path: request.path,
				policy,
				body: request.body,
				qs: request.qs,
				headers: request.headers,
			});
		} catch (error) {
			throw klinkApiError(
				this.context,
				describeFailure(error),
				request,
				itemIndex,
				deliveryNote(error),
			);
		}
		const body = response.body;
		// Some klink.cloud endpoints answer a refusal with a 2xx and a failure envelope.
		if (isFailureEnvelope(body)) {
			throw klinkApiError(
				this.context,
				{ statusCode: response.statusCode, body, headers: response.headers },
				request,
				itemIndex,
			);
		}
		return (body !== null && typeof body === 'object' ? body : {}) as T;
	}
}
