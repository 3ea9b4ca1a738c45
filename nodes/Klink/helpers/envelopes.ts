import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../shared/values';

/**
 * klink.cloud wraps its answers differently per endpoint (PROVIDERS.md §1.1):
 *   lists      { total, page, pageSize, lastPage, data[] }   (channels add requestId)
 *   CX logs    { requestId, cxLogs: { data[], total, page, … } }
 *   detail     { status: "success", message, data }
 *   ticket     { success: true, data }
 *   send       { status: 200, message, data }
 *   media      { data }
 * These readers take any of them apart, so operations output klink.cloud's records themselves.
 */

function whole(value: unknown): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

export interface ListPage {
	entries: IDataObject[];
	page?: number;
	pageSize?: number;
	lastPage?: number;
	total?: number;
	/** `has_more` of the legacy list envelope. */
	hasMore?: boolean;
}

/** Objects that wrap a list one level down, e.g. `{ cxLogs: { data: [] } }`. */
const LIST_CONTAINERS = ['data', 'cxLogs', 'result', 'results', 'items'];

function toEntries(list: unknown[]): IDataObject[] {
	return list.map((entry) =>
		isObject(entry) ? (entry as IDataObject) : ({ value: entry } as IDataObject),
	);
}

/**
 * The records of a list answer and its page information; undefined when the answer holds no
 * list. Page numbers given by the outer envelope count when the inner one has none.
 */
export function readListPage(body: unknown, depth = 0): ListPage | undefined {
	if (Array.isArray(body)) return { entries: toEntries(body) };
	if (!isObject(body) || depth > 2) return undefined;
	let page: ListPage | undefined;
	for (const key of ['data', 'items', 'results', 'rows']) {
		if (Array.isArray(body[key])) {
			page = { entries: toEntries(body[key] as unknown[]) };
			break;
		}
	}
	if (!page) {
		for (const key of LIST_CONTAINERS) {
			if (isObject(body[key])) {
				page = readListPage(body[key], depth + 1);
				if (page) break;
			}
		}
	}
	if (!page) return undefined;
	const meta = isObject(body.meta) ? body.meta : {};
	const number = (name: string) => whole(body[name]) ?? whole(meta[name]);
	return {
		entries: page.entries,
		page: page.page ?? number('page'),
		pageSize: page.pageSize ?? number('pageSize'),
		lastPage: page.lastPage ?? number('lastPage'),
		total: page.total ?? number('total'),
		hasMore: page.hasMore ?? (typeof body.has_more === 'boolean' ? body.has_more : undefined),
	};
}

/**
 * The record of a detail, create or update answer: its `data` when that is an object, else the
 * answer itself without an empty `data` (e.g. `{ status, message }` when `data` is null).
 */
export function readRecord(body: unknown): IDataObject {
	if (!isObject(body)) return {};
	if (isObject(body.data)) return body.data as IDataObject;
	const { data, ...rest } = body;
	return (data === undefined || data === null ? rest : body) as IDataObject;
}

/** A 2xx answer that still says the request failed. */
export function isFailureEnvelope(body: unknown): boolean {
	if (!isObject(body)) return false;
	if (body.success === false) return true;
	if (typeof body.status === 'string') return /^(error|fail|failed|failure)$/i.test(body.status);
	return typeof body.status === 'number' && body.status >= 400;
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() || undefined;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

/** One entry of an `errors` list: a string, or `{ field, message }` in one of its spellings. */
function errorLine(entry: unknown, key?: string): string | undefined {
	if (Array.isArray(entry)) {
		const lines = entry.map((item) => errorLine(item)).filter(Boolean);
		return lines.length ? `${key ? `${key}: ` : ''}${lines.join('; ')}` : undefined;
	}
	const plain = text(entry);
	if (plain !== undefined) return key ? `${key}: ${plain}` : plain;
	if (!isObject(entry)) return undefined;
	const field = text(entry.field ?? entry.property ?? entry.path ?? entry.param) ?? key;
	const message =
		text(entry.message ?? entry.msg ?? entry.error ?? entry.detail) ??
		(isObject(entry.constraints)
			? Object.values(entry.constraints).map(String).join('; ')
			: undefined);
	if (message === undefined) return field ? `${field}: ${JSON.stringify(entry)}` : undefined;
	return field ? `${field}: ${message}` : message;
}

export interface KlinkErrorBody {
	message?: string;
	/** One line per problem klink.cloud listed (field: message). */
	details: string[];
	requestId?: string;
}

/** Whatever a klink.cloud error answer says, in any of the shapes its endpoints use. */
export function readKlinkError(body: unknown): KlinkErrorBody {
	if (typeof body === 'string') {
		const plain = body
			.replace(/<[^>]*>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();
		return { message: plain ? plain.slice(0, 200) : undefined, details: [] };
	}
	if (!isObject(body)) return { details: [] };
	const details: string[] = [];
	let message: string | undefined;
	if (Array.isArray(body.message)) {
		// Validation answers list every problem in `message`.
		const lines = body.message.map((entry) => errorLine(entry)).filter(Boolean) as string[];
		message = lines.join('; ') || undefined;
	} else {
		message = text(body.message) ?? (isObject(body.message) ? errorLine(body.message) : undefined);
	}
	const error = body.error;
	message ??=
		text(error) ??
		(isObject(error) ? text(error.message) : undefined) ??
		text(body.errorMessage ?? body.detail ?? body.title) ??
		(isObject(body.data) ? text(body.data.message) : undefined);
	const errors = body.errors ?? (isObject(error) ? error.details : undefined);
	if (Array.isArray(errors)) {
		for (const entry of errors) {
			const line = errorLine(entry);
			if (line) details.push(line);
		}
	} else if (isObject(errors)) {
		for (const [key, value] of Object.entries(errors)) {
			const line = errorLine(value, key);
			if (line) details.push(line);
		}
	}
	if (message === undefined && details.length > 0) message = details[0];
	return { message, details, requestId: text(body.requestId) };
}
