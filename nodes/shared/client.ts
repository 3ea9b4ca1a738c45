import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { Delivery, DEFAULT_DELIVERY, type DeliverySettings, type RequestPolicy } from './delivery';
import { fail } from './errors';
import type { HttpFailure } from './http';

/** Any n8n context that may call a provider: action node, trigger hooks, webhook, dropdowns. */
export type ProviderContext = Pick<IExecuteFunctions, 'getCredentials' | 'getNode'> & {
	helpers: Pick<IExecuteFunctions['helpers'], 'httpRequestWithAuthentication'> &
		Partial<Pick<IExecuteFunctions['helpers'], 'httpRequest'>>;
	getExecutionCancelSignal?: IExecuteFunctions['getExecutionCancelSignal'];
};

export interface ProviderRequest {
	method: IHttpRequestMethods;
	/** A path on the base URL, or a whole URL on the base URL's own host. */
	path: string;
	/** Whether and when the request may be repeated after a failure: see RequestPolicy. */
	policy: RequestPolicy;
	body?: IHttpRequestOptions['body'];
	qs?: IDataObject;
	headers?: Record<string, string>;
	/** The answer is a file: its body comes back as a Buffer. */
	binary?: boolean;
	/** Another base URL of the same provider (e.g. LINE's content host); default the client's. */
	baseUrl?: string;
	/**
	 * Sent without the credential: no token is fetched or added. For the provider's own token
	 * endpoints, which authenticate by what the body carries.
	 */
	unauthenticated?: boolean;
}

export interface ProviderResponse<T = unknown> {
	statusCode: number;
	body: T;
	headers: HttpFailure['headers'];
}

/**
 * Where a path goes: appended to the base URL, or, when it is a whole URL, only if it is on the
 * base URL's own host — a credential's token is never sent anywhere else.
 */
export function resolveUrl(baseUrl: string, path: string, field = 'path'): string {
	if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return baseUrl + path;
	let target: URL;
	let base: URL;
	try {
		target = new URL(path);
		base = new URL(baseUrl);
	} catch {
		return fail(field, `${JSON.stringify(path)} is not a valid URL`);
	}
	if (target.origin !== base.origin) {
		fail(
			field,
			`${target.origin} is not the credential's host (${base.origin}), so nothing was sent there`,
			`Give a path such as /api/v1/..., or a URL starting with ${base.origin}. The credential's token is only ever sent to its own host.`,
		);
	}
	return path;
}

/**
 * What every provider's client is built on: reads the credential once per execution, and sends
 * every request through n8n's request helper (proxies, credential refresh) and the delivery
 * engine (timeout, pacing, retries by policy). Keeps nothing after the execution.
 */
export class ProviderClient {
	readonly delivery: Delivery;
	private readonly credentials: ICredentialsDecrypted;
	/** The request that is getting the credential its token, while it has none. */
	private tokenRequest?: Promise<unknown>;

	private constructor(
		private readonly context: ProviderContext,
		readonly credentialType: string,
		readonly data: ICredentialDataDecryptedObject,
		readonly baseUrl: string,
		provider: string,
		settings: DeliverySettings,
		private readonly issuedToken?: string,
	) {
		this.credentials = { id: '', name: credentialType, type: credentialType, data };
		this.delivery = new Delivery(provider, settings, context.getExecutionCancelSignal?.());
	}

	/**
	 * `baseUrlOf` reads the base URL from the credential's data (no trailing slash). `issuedToken`
	 * names the credential's field n8n fills with a token it gets first (preAuthentication).
	 */
	static async create(
		context: ProviderContext,
		credentialType: string,
		{
			provider,
			baseUrlOf,
			settings = DEFAULT_DELIVERY,
			issuedToken,
		}: {
			provider: string;
			baseUrlOf: (data: ICredentialDataDecryptedObject) => string;
			settings?: DeliverySettings;
			issuedToken?: string;
		},
	): Promise<ProviderClient> {
		const data = await context.getCredentials<ICredentialDataDecryptedObject>(credentialType);
		return new ProviderClient(
			context,
			credentialType,
			data,
			baseUrlOf(data),
			provider,
			settings,
			issuedToken,
		);
	}

	/** The URL a request goes to (see resolveUrl). */
	url(path: string, baseUrl = this.baseUrl): string {
		return resolveUrl(baseUrl, path);
	}

	/** Sends one request; throws a DeliveryFailure (its `cause` is n8n's error) when it failed for good. */
	async request<T = unknown>(request: ProviderRequest): Promise<ProviderResponse<T>> {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: this.url(request.path, request.baseUrl),
			json: !request.binary,
			returnFullResponse: true,
			timeout: this.delivery.settings.timeoutMs,
		};
		if (request.binary) options.encoding = 'arraybuffer';
		if (request.body !== undefined) options.body = request.body;
		if (request.qs && Object.keys(request.qs).length > 0) options.qs = request.qs;
		if (request.headers) options.headers = request.headers;
		const { httpRequest } = this.context.helpers;
		if (request.unauthenticated && !httpRequest) {
			throw new Error('This n8n context cannot send a request without the credential');
		}
		const send = async () =>
			request.unauthenticated
				? await httpRequest!({
						...options,
						abortSignal: this.context.getExecutionCancelSignal?.(),
					})
				: await this.context.helpers.httpRequestWithAuthentication.call(
						this.context as IExecuteFunctions,
						this.credentialType,
						options,
						{ credentialsDecrypted: this.credentials },
					);
		const response = (await this.delivery.run(request.policy, async () => {
			// Without a token, n8n gets one for each request it sends: the first request gets it
			// (n8n puts it into this client's credential data) while the others wait.
			while (!request.unauthenticated && this.issuedToken && !this.data[this.issuedToken]) {
				if (!this.tokenRequest) {
					const first = send();
					this.tokenRequest = first;
					try {
						return await first;
					} finally {
						this.tokenRequest = undefined;
					}
				}
				await this.tokenRequest.catch(() => undefined);
			}
			return await send();
		})) as { statusCode: number; body: T; headers?: HttpFailure['headers'] };
		return {
			statusCode: response.statusCode,
			body: response.body,
			headers: response.headers ?? {},
		};
	}
}
