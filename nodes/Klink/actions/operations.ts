import type { IDataObject, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../shared/items';
import { readMaxResults, returnAllFields } from '../../shared/pagination';
import type { ItemParameters } from '../../shared/parameters';
import {
	advancedField,
	extraBody,
	extraQuery,
	readAdvanced,
	resolveEndpoint,
	type AdvancedOptions,
	type Endpoint,
} from '../helpers/endpoint';
import { readRecord } from '../helpers/envelopes';
import type { KlinkClient, KlinkRequest } from '../transport';
import { listRecords } from './pagination';
import type { KlinkOperation } from './types';

/**
 * The two shapes of klink.cloud operation: one request per item whose answer is a record
 * (get, create, update, delete, send), and lists read page by page. An operation file states its
 * endpoint, its parameters and how an item becomes a request; these run it.
 */

/** What one item sends, read and checked from its parameters. */
export interface RequestParts {
	/** Values for the path's `{placeholders}`. */
	pathValues?: Record<string, string>;
	qs?: IDataObject;
	body?: IDataObject;
	headers?: Record<string, string>;
	/** Instead of the endpoint's method (e.g. the transactional send as a query-string GET). */
	method?: IHttpRequestMethods;
	/** See KlinkRequest.repeatable (default: GET requests only). */
	repeatable?: boolean;
}

interface OperationSpec {
	resource: string;
	operation: string;
	endpoint: Endpoint;
	/** The operation's parameters (Advanced is added after them). */
	properties: INodeProperties[];
	advanced?: AdvancedOptions;
	/** Reads one item; throws an InputError naming the field on bad input. */
	read?: (params: ItemParameters, itemIndex: number, advanced: IDataObject) => RequestParts;
}

export interface RecordSpec extends OperationSpec {
	/** The output item(s) from klink.cloud's answer and what was sent; default: the record. */
	output?: (body: IDataObject, parts: RequestParts) => IDataObject | IDataObject[];
}

export interface ListSpec extends OperationSpec {
	/** False for endpoints that take no page parameters (default true). */
	paginate?: boolean;
}

function showFor({ resource, operation }: OperationSpec) {
	return { show: { resource: [resource], operation: [operation] } };
}

function prepare(
	spec: OperationSpec,
	client: KlinkClient,
	params: ItemParameters,
	itemIndex: number,
): { request: KlinkRequest; parts: RequestParts } {
	const advanced = readAdvanced(params, itemIndex);
	const parts = spec.read?.(params, itemIndex, advanced) ?? {};
	const { method, path, unverifiedPath } = resolveEndpoint(
		spec.endpoint,
		advanced,
		client.baseUrl,
		parts.pathValues,
	);
	const qs = spec.advanced?.query ? { ...parts.qs, ...extraQuery(advanced) } : parts.qs;
	const body = spec.advanced?.body ? { ...parts.body, ...extraBody(advanced) } : parts.body;
	return {
		request: {
			method: parts.method ?? method,
			path,
			qs,
			body,
			headers: parts.headers,
			repeatable: parts.repeatable,
			unverifiedPath,
		},
		parts,
	};
}

/** One request per item; its answer's record (or `output`) is the item's output. */
export function recordOperation(spec: RecordSpec): KlinkOperation {
	return {
		description: updateDisplayOptions(showFor(spec), [
			...spec.properties,
			...advancedField(spec.endpoint, spec.advanced),
		]),

		async execute(context) {
			const { client, params } = context;
			return await runPerItem(context, {
				prepare: (itemIndex) => prepare(spec, client, params, itemIndex),
				send: async ({ request, parts }, itemIndex) => {
					const body = await client.request(request, itemIndex);
					return spec.output ? spec.output(body, parts) : readRecord(body);
				},
			});
		},
	};
}

/** A list: Return All / Limit over klink.cloud's pages, one output item per record. */
export function listOperation(spec: ListSpec): KlinkOperation {
	const paginate = spec.paginate ?? true;
	return {
		description: updateDisplayOptions(showFor(spec), [
			...spec.properties,
			...returnAllFields(),
			...advancedField(spec.endpoint, { query: true, ...spec.advanced }),
		]),

		async execute(context) {
			const { client, params } = context;
			const withQuery = { ...spec, advanced: { query: true, ...spec.advanced } };
			return await runPerItem(context, {
				prepare: (itemIndex) => ({
					...prepare(withQuery, client, params, itemIndex),
					max: readMaxResults(params, itemIndex),
				}),
				send: async ({ request, max }, itemIndex) =>
					await listRecords(context, request, max, itemIndex, { paginate }),
			});
		},
	};
}
