import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeFailure, header, type HttpFailure, withRetries } from '../../shared/http';
import { readKlinkError, isFailureEnvelope } from '../helpers/envelopes';

export const KLINK_CREDENTIAL = 'lineConnectorKlinkApi';
export const DEFAULT_BASE_URL = 'https://apigw.klinkcx.com';

/** The n8n contexts that call klink.cloud: the action node and its channel dropdown. */
export type KlinkContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface KlinkRequest {
	method: IHttpRequestMethods;
	/** A path such as `/api/v1/contacts`, or a whole URL (an Advanced → Path override may be one). */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	headers?: Record<string, string>;
	/**
	 * Whether the request may be sent again after a server error or a dropped connection.
	 * Default: GET requests only (klink.cloud has no idempotency keys, so a write could happen twice).
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

function isAbsolute(path: string): boolean {
	return /^https?:\/\//i.test(path);
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
		case 429:
			return 'klink.cloud is limiting the rate of requests: send fewer at once (e.g. Loop Over Items with a Wait node).';
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
 * the credential once and keeps nothing after the execution ends.
 */
export class KlinkClient {
	private constructor(
		private readonly context: KlinkContext,
		private readonly credentials: ICredentialsDecrypted,
		readonly baseUrl: string,
	) {}

	static async create(context: KlinkContext): Promise<KlinkClient> {
		const data = await context.getCredentials<ICredentialDataDecryptedObject>(KLINK_CREDENTIAL);
		return new KlinkClient(
			context,
			{ id: '', name: KLINK_CREDENTIAL, type: KLINK_CREDENTIAL, data },
			baseUrlOf(data),
		);
	}

	/** Sends one request and gives klink.cloud's answer (an empty object when it has no body). */
	async request<T extends object = IDataObject>(
		request: KlinkRequest,
		itemIndex: number,
	): Promise<T> {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: isAbsolute(request.path) ? request.path : this.baseUrl + request.path,
			json: true,
			returnFullResponse: true,
		};
		if (request.body !== undefined) options.body = request.body;
		if (request.qs && Object.keys(request.qs).length > 0) options.qs = request.qs;
		if (request.headers) options.headers = request.headers;
		const helpers = this.context.helpers as Pick<
			IExecuteFunctions['helpers'],
			'httpRequestWithAuthentication'
		>;
		let response: { statusCode: number; body: unknown; headers: HttpFailure['headers'] };
		try {
			response = (await withRetries(
				async () =>
					await helpers.httpRequestWithAuthentication.call(
						this.context as IExecuteFunctions,
						KLINK_CREDENTIAL,
						options,
						{ credentialsDecrypted: this.credentials },
					),
				request.repeatable ?? request.method === 'GET',
			)) as typeof response;
		} catch (error) {
			throw klinkApiError(this.context, describeFailure(error), request, itemIndex);
		}
		const body = response.body;
		// Some klink.cloud endpoints answer a refusal with a 2xx and a failure envelope.
		if (isFailureEnvelope(body)) {
			throw klinkApiError(
				this.context,
				{ statusCode: response.statusCode, body, headers: response.headers ?? {} },
				request,
				itemIndex,
			);
		}
		return (body !== null && typeof body === 'object' ? body : {}) as T;
	}
}
