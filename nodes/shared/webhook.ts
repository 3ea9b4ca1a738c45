import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/** What every trigger's webhook shares: answering the caller itself, and the body's exact bytes. */

/**
 * What n8n's webhook server puts on the request: the body's exact bytes, and (n8n 1.x and later)
 * a function that reads them when n8n did not, as for a body whose content type it leaves alone.
 */
interface RequestWithRawBody {
	rawBody?: unknown;
	readRawBody?: () => Promise<void>;
}

/** The part of the (Express) response the trigger writes to. */
interface PlainResponse {
	writeHead(status: number, headers?: Record<string, string>): unknown;
	end(body?: string): unknown;
}

/** Answers the caller: no body, or `{ message }` as JSON. */
export function answer(
	context: IWebhookFunctions,
	status: number,
	message?: string,
	headers?: Record<string, string>,
): void {
	const response = context.getResponseObject() as unknown as PlainResponse;
	if (message === undefined) {
		if (headers) response.writeHead(status, headers);
		else response.writeHead(status);
		response.end();
		return;
	}
	response.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify({ message }));
}

/** Answers without starting the workflow. */
export function answerOnly(
	context: IWebhookFunctions,
	status: number,
	message?: string,
	headers?: Record<string, string>,
): IWebhookResponseData {
	answer(context, status, message, headers);
	return { noWebhookResponse: true };
}

/** The request body's exact bytes, which signatures are computed over; undefined when n8n kept none. */
export async function rawBodyOf(context: IWebhookFunctions): Promise<Buffer | undefined> {
	const request = context.getRequestObject() as unknown as RequestWithRawBody;
	if (request.rawBody === undefined && typeof request.readRawBody === 'function') {
		await request.readRawBody();
	}
	const { rawBody } = request;
	if (Buffer.isBuffer(rawBody)) return rawBody;
	return typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : undefined;
}

/**
 * What to log when a signature cannot be checked because n8n kept no raw body: saying "does not
 * match" would send the user hunting for a wrong secret.
 */
export function noRawBodyMessage(trigger: string, header: string): string {
	return `${trigger} refused a request: n8n passed no raw request body, so the signature in ${header} cannot be checked (it covers the exact bytes sent, which n8n's webhook server normally keeps). This says nothing about the secret, which may well be right`;
}
