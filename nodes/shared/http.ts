/**
 * What every provider's transport shares: reading a failed request out of whatever n8n's request
 * helper threw. Retrying is the delivery engine's job (delivery.ts).
 */

export interface HttpFailure {
	/** URL of the request that failed, when known: it may be the token request, not the call itself. */
	url?: string;
	statusCode?: number;
	body?: unknown;
	headers: Record<string, string | string[] | undefined>;
	code?: string;
}

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
