import type { INodeParameters } from 'n8n-workflow';

import type { MockRequest } from '../support/mockLine';
import { apiRequests, GROUP, ROOM, runLine, runLineOk, useMockLine, userIds } from './fixtures';

/**
 * Lists of IDs LINE hands out page by page (`start` → `next`): Return All follows every page,
 * Limit stops as soon as it has enough, one output item per ID.
 */

const line = useMockLine();

/** Programs `path` to answer the given pages in turn, each but the last with a `next` token. */
function pages(path: string, key: 'userIds' | 'memberIds', ...contents: string[][]): void {
	contents.forEach((ids, index) => {
		const token = index === 0 ? undefined : `token-${index}`;
		line.mock.on(
			'GET',
			path,
			(request: MockRequest) => {
				if (request.query.start !== token) return undefined;
				const next = index < contents.length - 1 ? { next: `token-${index + 1}` } : {};
				return { status: 200, body: { [key]: ids, ...next } };
			},
			{ times: 1 },
		);
	});
}

const followers = (parameters: INodeParameters): INodeParameters => ({
	resource: 'user',
	operation: 'getFollowerIds',
	...parameters,
});

describe('Get Follower IDs', () => {
	const [page1, page2, page3] = [userIds(1000), userIds(1000, 1000), userIds(20, 2000)];

	it('Return All follows next across 3 pages of 1000 and outputs one item per user ID', async () => {
		pages('/v2/bot/followers/ids', 'userIds', page1, page2, page3);
		const items = await runLineOk(line.mock, followers({ returnAll: true }));

		const requests = apiRequests(line.mock);
		expect(requests.map((r) => r.query)).toEqual([
			{ limit: '1000' },
			{ limit: '1000', start: 'token-1' },
			{ limit: '1000', start: 'token-2' },
		]);
		const all = [...page1, ...page2, ...page3];
		expect(items).toHaveLength(2020);
		expect(items.map((item) => item.json)).toEqual(all.map((userId) => ({ userId })));
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('Limit asks LINE for only what is still missing and stops without fetching more pages', async () => {
		// LINE may answer fewer IDs than asked for and still give a next token.
		pages('/v2/bot/followers/ids', 'userIds', page1.slice(0, 600), page2, page3);
		const items = await runLineOk(line.mock, followers({ limit: 1500 }));

		expect(apiRequests(line.mock).map((r) => r.query)).toEqual([
			{ limit: '1000' },
			{ limit: '900', start: 'token-1' },
		]);
		expect(items).toHaveLength(1500);
		expect(items[1499].json).toEqual({ userId: page2[899] });
	});

	it('a Limit within the first page makes a single request', async () => {
		pages('/v2/bot/followers/ids', 'userIds', page1.slice(0, 10), page2);
		const items = await runLineOk(line.mock, followers({ limit: 10 }));
		expect(apiRequests(line.mock).map((r) => r.query)).toEqual([{ limit: '10' }]);
		expect(items.map((item) => item.json.userId)).toEqual(page1.slice(0, 10));
	});

	it('no followers: no items', async () => {
		pages('/v2/bot/followers/ids', 'userIds', []);
		const result = await runLine(line.mock, followers({ returnAll: true }));
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	it('a Limit below 1 (from an expression) is refused before anything is sent', async () => {
		const result = await runLine(line.mock, followers({ limit: '={{ $json.max }}' }), {
			input: [{ max: 10 }, { max: 0 }],
		});
		expect(result.error?.message).toMatch(
			/^limit: must be a whole number of at least 1.*\[item 1\]$/,
		);
		expect(apiRequests(line.mock)).toEqual([]);
	});

	it('a continuation token LINE repeats stops the run instead of looping', async () => {
		line.mock.on('GET', '/v2/bot/followers/ids', () => ({
			status: 200,
			body: { userIds: userIds(2), next: 'same-token' },
		}));
		const result = await runLine(line.mock, followers({ returnAll: true }));
		expect(result.error?.message).toContain('continuation token "same-token" twice');
		expect(apiRequests(line.mock)).toHaveLength(2);
	});
});

describe.each([
	['group', GROUP],
	['room', ROOM],
] as const)('Get Member IDs of a %s', (kind, chatId) => {
	const path = `/v2/bot/${kind}/${chatId}/members/ids`;
	const idKey = `${kind}Id`;
	const [page1, page2, page3] = [userIds(100), userIds(100, 100), userIds(7, 200)];
	const members = (parameters: INodeParameters): INodeParameters => ({
		resource: kind,
		operation: 'getMemberIds',
		[idKey]: chatId,
		...parameters,
	});

	it('Return All follows next across 3 pages (no page size: LINE gives 100 at most)', async () => {
		pages(path, 'memberIds', page1, page2, page3);
		const items = await runLineOk(line.mock, members({ returnAll: true }));

		expect(apiRequests(line.mock).map((r) => r.query)).toEqual([
			{},
			{ start: 'token-1' },
			{ start: 'token-2' },
		]);
		expect(items.map((item) => item.json)).toEqual(
			[...page1, ...page2, ...page3].map((userId) => ({ [idKey]: chatId, userId })),
		);
	});

	it('Limit 150 fetches 2 of the 3 pages', async () => {
		pages(path, 'memberIds', page1, page2, page3);
		const items = await runLineOk(line.mock, members({ limit: 150 }));
		expect(apiRequests(line.mock)).toHaveLength(2);
		expect(items).toHaveLength(150);
		expect(items[149].json).toEqual({ [idKey]: chatId, userId: page2[49] });
	});

	it('Limit 100 stops after the first page although it has a next token', async () => {
		pages(path, 'memberIds', page1, page2, page3);
		const items = await runLineOk(line.mock, members({ limit: 100 }));
		expect(apiRequests(line.mock)).toHaveLength(1);
		expect(items).toHaveLength(100);
	});

	it('every input item lists its own chat, and its IDs are paired with it', async () => {
		const other = `${chatId.slice(0, -1)}9`;
		const items = await runLineOk(
			line.mock,
			members({ [idKey]: `={{ $json.${idKey} }}`, returnAll: true }),
			{ input: [{ [idKey]: chatId }, { [idKey]: other }] },
		);
		expect(apiRequests(line.mock).map((r) => r.path)).toEqual([
			path,
			`/v2/bot/${kind}/${other}/members/ids`,
		]);
		// The mock's chats have 3 members each.
		expect(items.map((item) => [item.json[idKey], item.pairedItem])).toEqual([
			[chatId, { item: 0 }],
			[chatId, { item: 0 }],
			[chatId, { item: 0 }],
			[other, { item: 1 }],
			[other, { item: 1 }],
			[other, { item: 1 }],
		]);
	});
});
