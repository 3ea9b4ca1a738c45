import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../shared/items';
import { collectPages, readMaxResults, returnAllFields } from '../../shared/pagination';
import type { LineOperation } from '../actions/types';
import type { LineClient } from '../transport';

/** A LINE list that pages with `start` and `next`: followers, aggregation units, coupons. */
export interface StartNextList<T> {
	path: string;
	/** The results of one page's answer. */
	results: (body: IDataObject) => T[] | undefined;
	/** LINE's largest page (its `limit`); every page asks for no more than are still wanted. */
	maxPage: number;
	/** Query parameters of every page besides `limit` and `start`. */
	qs?: IDataObject;
}

/** Collects up to `max` results of a list, page by page (see collectPages). */
export async function collectStartNextPages<T>(
	client: LineClient,
	itemIndex: number,
	list: StartNextList<T>,
	max: number,
): Promise<T[]> {
	return await collectPages(async (start, wanted) => {
		const qs: IDataObject = { limit: Math.min(list.maxPage, wanted), ...list.qs };
		if (start !== undefined) qs.start = start;
		const { body } = await client.request<IDataObject>(
			{ method: 'GET', path: list.path, qs },
			itemIndex,
		);
		return { results: list.results(body) ?? [], next: body.next as string | undefined };
	}, max);
}

/**
 * An operation that takes only Return All / Limit and lists `list`, one output item per result
 * (e.g. `{ userId }` for each follower).
 */
export function startNextListOperation<T>(
	resource: string,
	operation: string,
	list: StartNextList<T>,
	toItem: (result: T) => IDataObject,
): LineOperation {
	const showFor = { show: { resource: [resource], operation: [operation] } };
	return {
		description: updateDisplayOptions(showFor, returnAllFields()),

		async execute(context) {
			const { client, params } = context;
			return await runPerItem(context, {
				prepare: (itemIndex) => readMaxResults(params, itemIndex),
				send: async (max, itemIndex) =>
					(await collectStartNextPages(client, itemIndex, list, max)).map(toItem),
			});
		},
	};
}
