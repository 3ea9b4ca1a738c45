import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import type { DeliverySettings } from '../../shared/delivery';
import { isObject } from '../../shared/values';
import { LineClient } from '../transport';

/**
 * The lists of the LINE node's resource locators (see resourceLocator.ts): rich menus, rich-menu
 * aliases, audiences, coupons and membership plans, read from LINE when the editor opens a
 * dropdown, filtered by what the user types, paged as LINE pages them.
 */

/** Someone is waiting in the editor: fail soon rather than retry for minutes. */
const SEARCH_DELIVERY: DeliverySettings = {
	timeoutMs: 15_000,
	maxAttempts: 2,
	maxRateLimitWaitMs: 10_000,
	minIntervalMs: 0,
};

/** LINE's largest pages of audiences and coupons. */
const AUDIENCE_PAGE = 40;
const COUPON_PAGE = 100;
/** LINE cannot filter coupons: pages are read until this many match, or MAX_COUPON_PAGES were read. */
const COUPON_MATCHES = 20;
const MAX_COUPON_PAGES = 5;
/** LINE's longest audience name, so the longest useful name filter. */
const MAX_AUDIENCE_NAME = 120;

async function lineClient(fn: ILoadOptionsFunctions): Promise<LineClient> {
	return await LineClient.create(
		fn,
		fn.getCurrentNodeParameter('authentication') ?? 'channelAccessToken',
		SEARCH_DELIVERY,
	);
}

async function get<T>(fn: ILoadOptionsFunctions, path: string, qs?: IDataObject): Promise<T> {
	const client = await lineClient(fn);
	const { body } = await client.request<T>({ method: 'GET', path, qs }, 0);
	return body;
}

function objects(value: unknown): IDataObject[] {
	return Array.isArray(value) ? value.filter(isObject) : [];
}

function text(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/** Whether any of the texts contains the typed filter, ignoring case (everything matches no filter). */
function matcher(filter: string | undefined): (...texts: unknown[]) => boolean {
	const wanted = (filter ?? '').trim().toLowerCase();
	return (...texts) => wanted === '' || texts.some((t) => text(t).toLowerCase().includes(wanted));
}

/** Entries that share a name are told apart by their IDs. */
function distinct(entries: INodeListSearchItems[]): INodeListSearchItems[] {
	const count = new Map<string, number>();
	for (const { name } of entries) count.set(name, (count.get(name) ?? 0) + 1);
	return entries.map((entry) =>
		(count.get(entry.name) ?? 0) > 1 ? { ...entry, name: `${entry.name} (${entry.value})` } : entry,
	);
}

function item(name: string, value: string, details: string[]): INodeListSearchItems {
	const description = details.filter(Boolean).join(' · ');
	return { name: name || value, value, ...(description ? { description } : {}) };
}

/** The channel's rich menus (those made with the Messaging API), by name, chat bar text or ID. */
export async function searchRichMenus(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = await get<{ richmenus?: unknown }>(this, '/v2/bot/richmenu/list');
	const matches = matcher(filter);
	const results = objects(body.richmenus)
		.filter((menu) => text(menu.richMenuId) !== '')
		.filter((menu) => matches(menu.name, menu.chatBarText, menu.richMenuId))
		.map((menu) => {
			const size = isObject(menu.size)
				? `${text(menu.size.width)} × ${text(menu.size.height)}`
				: '';
			const chatBar = text(menu.chatBarText);
			return item(text(menu.name), text(menu.richMenuId), [
				size,
				chatBar ? `chat bar "${chatBar}"` : '',
			]);
		});
	return { results: distinct(results) };
}

/** The channel's rich-menu aliases, by alias ID or the ID of the rich menu they point to. */
export async function searchRichMenuAliases(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = await get<{ aliases?: unknown }>(this, '/v2/bot/richmenu/alias/list');
	const matches = matcher(filter);
	const results = objects(body.aliases)
		.filter((alias) => text(alias.richMenuAliasId) !== '')
		.filter((alias) => matches(alias.richMenuAliasId, alias.richMenuId))
		.map((alias) =>
			item(text(alias.richMenuAliasId), text(alias.richMenuAliasId), [
				text(alias.richMenuId) ? `→ ${text(alias.richMenuId)}` : '',
			]),
		);
	return { results };
}

async function audiencePage(
	fn: ILoadOptionsFunctions,
	path: string,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const page = /^[1-9]\d*$/.test(paginationToken ?? '') ? Number(paginationToken) : 1;
	const qs: IDataObject = { page, size: AUDIENCE_PAGE };
	// LINE filters by name itself: a part of it, ignoring case.
	const name = (filter ?? '').trim().slice(0, MAX_AUDIENCE_NAME);
	if (name !== '') qs.description = name;
	const body = await get<{ audienceGroups?: unknown; hasNextPage?: boolean }>(fn, path, qs);
	const results = objects(body.audienceGroups)
		.filter((audience) => /^\d+$/.test(text(audience.audienceGroupId)))
		.map((audience) => {
			const count = audience.audienceCount;
			return item(text(audience.description), text(audience.audienceGroupId), [
				text(audience.status),
				typeof count === 'number' ? `${count.toLocaleString('en-US')} users` : '',
				`ID ${text(audience.audienceGroupId)}`,
			]);
		});
	return {
		results: distinct(results),
		...(body.hasNextPage === true ? { paginationToken: String(page + 1) } : {}),
	};
}

/** The channel's audiences, 40 a page, by name (LINE's own filter). */
export async function searchAudiences(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await audiencePage(this, '/v2/bot/audienceGroup/list', filter, paginationToken);
}

/** The audiences shared through the Business Manager, 40 a page, by name. */
export async function searchSharedAudiences(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await audiencePage(this, '/v2/bot/audienceGroup/shared/list', filter, paginationToken);
}

/**
 * The channel's coupons by title or ID. LINE pages them with `start`/`next` and cannot filter:
 * with a filter, pages are read until enough match; `next` is the token for the following ones.
 */
export async function searchCoupons(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await lineClient(this);
	const matches = matcher(filter);
	const filtered = (filter ?? '').trim() !== '';
	const results: INodeListSearchItems[] = [];
	let start = paginationToken || undefined;
	let pages = 0;
	do {
		const qs: IDataObject = { limit: COUPON_PAGE };
		if (start !== undefined) qs.start = start;
		const { body } = await client.request<{ items?: unknown; next?: unknown }>(
			{ method: 'GET', path: '/v2/bot/coupon', qs },
			0,
		);
		for (const coupon of objects(body.items)) {
			const couponId = text(coupon.couponId);
			if (couponId === '' || !matches(coupon.title, couponId)) continue;
			results.push(item(text(coupon.title), couponId, [`ID ${couponId}`]));
		}
		const next = text(body.next);
		start = next !== '' && next !== start ? next : undefined;
		pages++;
	} while (
		filtered &&
		start !== undefined &&
		results.length < COUPON_MATCHES &&
		pages < MAX_COUPON_PAGES
	);
	return {
		results: distinct(results),
		...(start !== undefined ? { paginationToken: start } : {}),
	};
}

/** The channel's membership plans, by title or ID. */
export async function searchMemberships(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const body = await get<{ memberships?: unknown }>(this, '/v2/bot/membership/list');
	const matches = matcher(filter);
	const results = objects(body.memberships)
		.filter((plan) => /^\d+$/.test(text(plan.membershipId)))
		.filter((plan) => matches(plan.title, plan.membershipId))
		.map((plan) => {
			const price = text(plan.price);
			const members = plan.memberCount;
			return item(text(plan.title), text(plan.membershipId), [
				price ? `${price} ${text(plan.currency)} a month`.trim() : '',
				typeof members === 'number' ? `${members.toLocaleString('en-US')} members` : '',
				plan.isPublished === false ? 'not published' : '',
				`ID ${text(plan.membershipId)}`,
			]);
		});
	return { results: distinct(results) };
}

/** The node's `methods.listSearch`; resourceLocator.ts names these as `searchListMethod`. */
export const lineListSearch = {
	searchAudiences,
	searchCoupons,
	searchMemberships,
	searchRichMenuAliases,
	searchRichMenus,
	searchSharedAudiences,
} satisfies Record<
	string,
	(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	) => Promise<INodeListSearchResult>
>;
