import { createHash, timingSafeEqual } from 'node:crypto';
import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { isObject } from '../../shared/values';
import { answerOnly } from '../../shared/webhook';
import { withStatusNames } from '../helpers/status';

/**
 * The Infobip LINE Trigger's webhook: checks the protection the user chose (Infobip signs
 * nothing), then turns each delivery report of `{ results: [...] }` into one item.
 */

/** Constant-time comparison of two secrets of any length. */
export function sameSecret(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || expected === '') return false;
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(expected));
}

function single(value: unknown): unknown {
	return Array.isArray(value) ? value[0] : value;
}

function basicCredentials(header: unknown): { username: string; password: string } | undefined {
	const match = /^Basic\s+(\S+)$/i.exec(String(single(header) ?? ''));
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1) return undefined;
	return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

type Refusal = { status: number; reason: string; headers?: Record<string, string> };

/** Undefined when the request may start the workflow, else why not. */
function refusal(context: IWebhookFunctions): Refusal | undefined {
	const protection = context.getNodeParameter('authentication', 'none') as string;
	if (protection === 'none') return undefined;
	if (protection === 'basicAuth') {
		const username = String(context.getNodeParameter('username', '') ?? '');
		const password = String(context.getNodeParameter('password', '') ?? '');
		const given = basicCredentials(context.getHeaderData().authorization);
		const challenge = { 'www-authenticate': 'Basic realm="Infobip LINE Trigger"' };
		if (password === '')
			return { status: 401, reason: 'no password is set in the node', headers: challenge };
		if (!given) return { status: 401, reason: 'no Basic authorization header', headers: challenge };
		const matches = sameSecret(given.username, username) && sameSecret(given.password, password);
		return matches
			? undefined
			: { status: 401, reason: 'wrong username or password', headers: challenge };
	}
	const secret = String(context.getNodeParameter('secret', '') ?? '');
	if (secret === '') return { status: 401, reason: 'no secret is set in the node' };
	if (protection === 'header') {
		const name = String(context.getNodeParameter('headerName', '') ?? '')
			.trim()
			.toLowerCase();
		const given = single(context.getHeaderData()[name]);
		if (given === undefined) return { status: 401, reason: `no ${name} header` };
		return sameSecret(given, secret) ? undefined : { status: 401, reason: `wrong ${name} header` };
	}
	const name = String(context.getNodeParameter('parameterName', '') ?? '').trim() || 'token';
	const given = single((context.getQueryData() as IDataObject)[name]);
	if (given === undefined) return { status: 401, reason: `no ${name} query parameter` };
	return sameSecret(given, secret)
		? undefined
		: { status: 401, reason: `wrong ${name} query parameter` };
}

export async function receiveDeliveryReports(
	this: IWebhookFunctions,
): Promise<IWebhookResponseData> {
	const refused = refusal(this);
	if (refused) {
		this.logger.warn(`Infobip LINE Trigger refused a request: ${refused.reason}`);
		return answerOnly(this, refused.status, 'Unauthorized', refused.headers);
	}
	const body = this.getBodyData();
	if (!Array.isArray(body.results)) {
		const contentType = String(single(this.getHeaderData()['content-type']) ?? '');
		if (/xml/i.test(contentType)) {
			return answerOnly(
				this,
				415,
				'Only JSON delivery reports are read: set the Report Format of the send to JSON (webhooks.contentType application/json)',
			);
		}
		return answerOnly(this, 400, 'The body is not an Infobip delivery report (no results list)');
	}
	const groups = this.getNodeParameter('statusGroups', []) as string[];
	const items: INodeExecutionData[] = body.results
		.filter(isObject)
		.map(withStatusNames)
		.filter((report) => groups.length === 0 || groups.includes(String(report.statusGroupName)))
		.map((json) => ({ json }));
	// Infobip only needs a 200; an empty or fully filtered batch starts nothing.
	if (items.length === 0) return answerOnly(this, 200);
	return { workflowData: [items] };
}
