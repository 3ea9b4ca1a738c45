import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collectPages } from '../../shared/pagination';
import { readListPage, type ListPage } from '../helpers/envelopes';
import type { KlinkClient, KlinkRequest } from '../transport';

/** What reading a list needs: the client, and the node (action node or dropdown) for errors. */
export interface ListContext {
	fn: { getNode(): INode };
	client: KlinkClient;
}

/** klink.cloud's largest page (PROVIDERS.md §1.2). */
export const MAX_PAGE_SIZE = 100;

/**
 * klink.cloud pages lists with `page` (from 1) and `pageSize`, and says where they end with
 * `lastPage` (or `total`). The page size stays the same on every page, or page numbers would
 * not line up.
 */
function hasNextPage(list: ListPage, page: number, pageSize: number): boolean {
	if (list.entries.length === 0) return false;
	const current = list.page ?? page;
	if (list.lastPage !== undefined) return current < list.lastPage;
	if (list.total !== undefined) return current * (list.pageSize ?? pageSize) < list.total;
	if (list.hasMore !== undefined) return list.hasMore;
	return list.entries.length >= pageSize;
}

/** The list in an answer, or an error saying what came back instead. */
export function listOf(
	context: Pick<ListContext, 'fn'>,
	body: unknown,
	request: KlinkRequest,
	itemIndex: number,
): ListPage {
	const list = readListPage(body);
	if (list) return list;
	const keys = body !== null && typeof body === 'object' ? Object.keys(body).join(', ') : '';
	throw new NodeOperationError(
		context.fn.getNode(),
		`klink.cloud's answer to ${request.method} ${request.path} holds no list`,
		{
			itemIndex,
			description: `Expected a data array; the answer has ${keys ? `the fields ${keys}` : 'no fields'}.`,
		},
	);
}

/**
 * Collects the records of a list endpoint, one page after another, until the last page or `max`
 * records; no page is fetched that is not needed. `paginate: false` for endpoints that take no
 * page parameters: one request, `max` applied to its records.
 */
export async function listRecords(
	context: ListContext,
	request: KlinkRequest,
	max: number,
	itemIndex: number,
	{ paginate = true }: { paginate?: boolean } = {},
): Promise<IDataObject[]> {
	const { client } = context;
	if (!paginate) {
		const body = await client.request(request, itemIndex);
		return listOf(context, body, request, itemIndex).entries.slice(0, max);
	}
	const pageSize = Math.min(MAX_PAGE_SIZE, max);
	let previous: string | undefined;
	return await collectPages(async (cursor) => {
		const page = cursor === undefined ? 1 : Number(cursor);
		const pageRequest = { ...request, qs: { ...request.qs, page, pageSize } };
		const body = await client.request(pageRequest, itemIndex);
		const list = listOf(context, body, pageRequest, itemIndex);
		// An endpoint that ignores `page` answers the same records again: stop instead of looping.
		const seen = JSON.stringify(list.entries);
		if (seen === previous) return { results: [] };
		previous = seen;
		return {
			results: list.entries,
			next: hasNextPage(list, page, pageSize) ? String(page + 1) : undefined,
		};
	}, max);
}
