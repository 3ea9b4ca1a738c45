import { sleep } from 'n8n-workflow';

/**
 * What every provider's transport shares: reading a failed request out of whatever n8n's request
 * helper threw, and retrying requests that are safe to repeat.
 */

export interface HttpFailure {
	/** URL of the request that failed, when known: it may be the token request, not the call itself. */
	url?: string;
	statusCode?: number;
	body?: unknown;
	headers: Record<string, string | string[] | undefined>;
	code?: string;
}

/** Status codes and network errors worth another attempt of a request that is safe to repeat. */
const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);
const RETRYABLE_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ETIMEDOUT',
	'EPIPE',
	'ECONNABORTED',
]);
const RETRY_DELAYS_MS = [300, 1000];

/** A file download's error answer arrives as bytes: read the JSON error out of it. */
function readableBody(body: unknown): unknown {
	let bytes: Buffer | undefined;
	if (Buffer.isBuffer(body)) bytes = body;
	else if (body instanceof ArrayBuffer) bytes = Buffer.from(body);
	else if (body instanceof Uint8Array)
		bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	if (!bytes) return body;
	const text = bytes.toString('utf8');
	try {
		return JSON.parse(text);
	} catch {
		return text === '' ? undefined : { message: text.slice(0, 200) };
	}
}

/** Pulls status, body and headers out of whatever n8n's request helper threw. */
export function describeFailure(error: unknown): HttpFailure {
	const seen = new Set<unknown>();
	type Layer = {
		code?: unknown;
		httpCode?: unknown;
		cause?: unknown;
		config?: { url?: string };
		response?: {
			status?: number;
			statusCode?: number;
			data?: unknown;
			body?: unknown;
			headers?: HttpFailure['headers'];
		};
	};
	let current = error as Layer | undefined;
	let code: string | undefined;
	let httpCode: number | undefined;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		code ??= typeof current.code === 'string' ? current.code : undefined;
		if (httpCode === undefined && current.httpCode)
			httpCode = Number(current.httpCode) || undefined;
		const response = current.response;
		if (response && typeof response === 'object' && (response.status || response.statusCode)) {
			return {
				url: current.config?.url,
				statusCode: Number(response.status ?? response.statusCode),
				body: readableBody(response.data ?? response.body),
				headers: response.headers ?? {},
				code,
			};
		}
		current = current.cause as Layer | undefined;
	}
	const context = (error as { context?: { data?: unknown } })?.context;
	return { statusCode: httpCode, body: context?.data, headers: {}, code };
}

export function header(headers: HttpFailure['headers'], name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** Whether a failure is worth another attempt (server errors and dropped connections). */
export function isRetryable(failure: HttpFailure): boolean {
	return failure.statusCode !== undefined
		? RETRYABLE_STATUS.has(failure.statusCode)
		: RETRYABLE_CODES.has(failure.code ?? '');
}

/** Whether a failed request may still have been carried out: nothing came back, or a server error. */
export function mayHaveBeenCarriedOut(failure: HttpFailure): boolean {
	return failure.statusCode === undefined || failure.statusCode >= 500;
}

/**
 * Sends, and when `repeatable` (a read, or a send the server de-duplicates by key) sends again
 * after a retryable failure, at most twice. Throws the last error as it came.
 */
export async function withRetries<T>(send: () => Promise<T>, repeatable: boolean): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		let failed: { error: unknown } | undefined;
		try {
			return await send();
		} catch (error) {
			failed = { error };
		}
		const retry =
			repeatable && attempt < RETRY_DELAYS_MS.length && isRetryable(describeFailure(failed.error));
		// The caller maps the error it knows best (LINE's or a gateway's format).
		if (!retry) throw failed.error;
		await sleep(RETRY_DELAYS_MS[attempt]);
	}
}
