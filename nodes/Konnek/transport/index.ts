import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ProviderClient } from '../../shared/client';
import { type Delivery, deliveryNote, type DeliverySettings } from '../../shared/delivery';
import { describeFailure, type HttpFailure } from '../../shared/http';
import { isObject } from '../../shared/values';

export const KONNEK_CREDENTIAL = 'lineConnectorKonnekApi';

/** Konnek's envelope: `{ meta: { status, code, message, errors }, data: { message_id, status, tid } }`. */
export interface KonnekAnswer {
	statusCode: number;
	meta: IDataObject;
	data: IDataObject;
}

/** `meta.errors` is documented as a string; accept whatever shape arrives and make lines of it. */
function errorLines(errors: unknown): string[] {
	if (errors === undefined || errors === null || errors === '') return [];
	if (typeof errors === 'string') return [errors];
	if (Array.isArray(errors)) return errors.flatMap(errorLines);
	if (isObject(errors)) {
		return Object.entries(errors).map(
			([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
		);
	}
	return [String(errors)];
}

/**
 * The error a user sees when Konnek refused a send (`meta.status` false, or an HTTP error):
 * Konnek's `meta.message` and `meta.errors`, the endpoint, and whether the message may have gone out.
 */
export function konnekApiError(
	context: IExecuteFunctions,
	failure: HttpFailure,
	path: string,
	itemIndex: number,
	/** The delivery engine's word on what became of the send (rate limit, maybe sent, not sent). */
	note?: string,
): NodeApiError {
	const body = isObject(failure.body) ? failure.body : {};
	const meta = isObject(body.meta) ? body.meta : undefined;
	const status = failure.statusCode;
	let message: string;
	if (meta?.message !== undefined && meta.message !== null && meta.message !== '') {
		message = `Konnek refused the message: ${String(meta.message)}`;
	} else if (status !== undefined) {
		message = `Konnek API error ${status}`;
	} else {
		// The network code goes in the description: in the message n8n would replace it with a
		// text suggesting to retry, which is wrong for a send.
		message = 'No answer from Konnek';
	}
	const lines = errorLines(meta?.errors);
	if (status === undefined && failure.code) lines.push(`Network error: ${failure.code}`);
	if (meta?.code !== undefined && meta.code !== null && String(meta.code) !== String(status)) {
		lines.push(`Konnek code: ${String(meta.code)}`);
	}
	if (!meta && typeof failure.body === 'string' && failure.body.trim() !== '') {
		lines.push(`Answer: ${failure.body.trim().slice(0, 200)}`);
	}
	lines.push(`POST ${path}`);
	if (note) lines.push(note);
	return new NodeApiError(context.getNode(), { ...body, httpCode: status ?? null } as JsonObject, {
		message,
		description: lines.join('\n'),
		httpCode: status !== undefined ? String(status) : undefined,
		itemIndex,
	});
}

/**
 * The one place the Konnek node talks to Konnek. Reads the credential once per execution. Every
 * send goes through the delivery engine as a send without a key (Konnek documents no way to
 * de-duplicate): it is repeated only when it certainly did not arrive (a 429, a refused
 * connection), never after a server error or a lost answer.
 */
export class KonnekClient {
	private constructor(
		private readonly context: IExecuteFunctions,
		private readonly client: ProviderClient,
		readonly clientId: string,
	) {}

	static async create(
		context: IExecuteFunctions,
		settings?: DeliverySettings,
	): Promise<KonnekClient> {
		const client = await ProviderClient.create(context, KONNEK_CREDENTIAL, {
			provider: 'Konnek',
			baseUrlOf: (data) =>
				String(data.baseUrl ?? '')
					.trim()
					.replace(/\/+$/, ''),
			settings,
		});
		const baseUrl = client.baseUrl;
		if (!/^https?:\/\/[^/\s]+/i.test(baseUrl)) {
			throw new NodeOperationError(
				context.getNode(),
				`The Konnek credential's Base URL ${JSON.stringify(baseUrl)} is not an http(s) address`,
				{
					description:
						'Enter the address Konnek gave your company, e.g. https://konnek.example.com/api',
				},
			);
		}
		const clientId = String(client.data.clientId ?? '').trim();
		if (clientId === '') {
			throw new NodeOperationError(context.getNode(), 'The Konnek credential has no Client ID', {
				description: 'Enter the client ID Konnek issued to you.',
			});
		}
		return new KonnekClient(context, client, clientId);
	}

	get baseUrl(): string {
		return this.client.baseUrl;
	}

	get delivery(): Delivery {
		return this.client.delivery;
	}

	/** `/{channel}/send/{clientID}` */
	sendPath(channelPath: string): string {
		return `/${channelPath}/send/${encodeURIComponent(this.clientId)}`;
	}

	async send(channelPath: string, body: IDataObject, itemIndex: number): Promise<KonnekAnswer> {
		const path = this.sendPath(channelPath);
		let response: { statusCode: number; body: unknown; headers: HttpFailure['headers'] };
		try {
			response = await this.client.request({ method: 'POST', path, policy: 'unkeyedSend', body });
		} catch (error) {
			throw konnekApiError(
				this.context,
				describeFailure(error),
				path,
				itemIndex,
				deliveryNote(error),
			);
		}
		const answer = response.body;
		const failure: HttpFailure = {
			statusCode: response.statusCode,
			body: answer,
			headers: response.headers,
		};
		if (!isObject(answer) || (!isObject(answer.meta) && !isObject(answer.data))) {
			const error = konnekApiError(this.context, failure, path, itemIndex);
			error.message = `Konnek's answer is not the documented { meta, data } JSON: check the credential's Base URL`;
			throw error;
		}
		const meta = isObject(answer.meta) ? answer.meta : {};
		if (meta.status === false) throw konnekApiError(this.context, failure, path, itemIndex);
		return {
			statusCode: response.statusCode,
			meta,
			data: isObject(answer.data) ? answer.data : {},
		};
	}
}
