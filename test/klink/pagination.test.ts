import type { INodeParameters } from 'n8n-workflow';

import { json, runKlink, runKlinkOk, useMockKlink } from './fixtures';
import { records } from './mockKlink';

/**
 * klink.cloud lists: `page` (from 1) and `pageSize` (at most 100) out, `lastPage` (or `total`)
 * back. Return All follows every page; Limit fetches only the pages it needs; one output item
 * per record, whatever the envelope.
 */

const klink = useMockKlink();

const contacts = (parameters: INodeParameters): INodeParameters => ({
	resource: 'contact',
	operation: 'getAll',
	...parameters,
});

const queries = () => klink.mock.requests.map((r) => r.query);

describe('Return All', () => {
	it('follows lastPage across 3 pages of 100 and outputs one item per record', async () => {
		klink.mock.lists.contacts = records(250, 'contact');
		const items = await runKlinkOk(klink.mock, contacts({ returnAll: true }));

		expect(queries()).toEqual([
			{ page: '1', pageSize: '100' },
			{ page: '2', pageSize: '100' },
			{ page: '3', pageSize: '100' },
		]);
		expect(json(items)).toEqual(records(250, 'contact'));
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('stops at lastPage even when the last page is full (and there is no total)', async () => {
		const all = records(200, 'contact');
		klink.mock.on('GET', '/api/v1/contacts', (request) => {
			const page = Number(request.query.page);
			return {
				status: 200,
				body: { page, pageSize: 100, lastPage: 2, data: all.slice((page - 1) * 100, page * 100) },
			};
		});
		const items = await runKlinkOk(klink.mock, contacts({ returnAll: true }));
		expect(klink.mock.requests).toHaveLength(2);
		expect(items).toHaveLength(200);
	});

	it('follows the lastPage inside the CX log envelope ({ requestId, cxLogs: { data, lastPage } })', async () => {
		klink.mock.lists.cxLogs = records(150, 'cx');
		const items = await runKlinkOk(klink.mock, {
			resource: 'cxLog',
			operation: 'getAll',
			startDate: '2025-04-01',
			endDate: '2025-04-25',
			returnAll: true,
		});
		expect(queries().map(({ page, pageSize }) => [page, pageSize])).toEqual([
			['1', '100'],
			['2', '100'],
		]);
		expect(json(items)).toEqual(records(150, 'cx'));
	});

	it('uses total when an answer has no lastPage', async () => {
		klink.mock.on('GET', '/api/v1/tags', (request) => {
			const page = Number(request.query.page);
			const all = records(120, 'tag');
			return {
				status: 200,
				body: { total: 120, data: all.slice((page - 1) * 100, page * 100) },
			};
		});
		const items = await runKlinkOk(klink.mock, {
			resource: 'tag',
			operation: 'getAll',
			returnAll: true,
		});
		expect(klink.mock.requests).toHaveLength(2);
		expect(items).toHaveLength(120);
	});

	it('follows has_more of the legacy envelope', async () => {
		klink.mock.lists.groups = records(130, 'group');
		const items = await runKlinkOk(klink.mock, {
			resource: 'contact',
			operation: 'getGroups',
			returnAll: true,
		});
		expect(klink.mock.requests).toHaveLength(2);
		expect(items).toHaveLength(130);
	});

	it('without any paging info, asks for the next page only after a full one', async () => {
		klink.mock.lists.comments = records(130, 'comment');
		const items = await runKlinkOk(klink.mock, {
			resource: 'message',
			operation: 'getComments',
			roomId: 'room-1',
			returnAll: true,
		});
		expect(queries()).toEqual([
			{ page: '1', pageSize: '100' },
			{ page: '2', pageSize: '100' },
		]);
		expect(items).toHaveLength(130);
	});

	it('stops, without duplicates, when an endpoint ignores page and answers the same records', async () => {
		klink.mock.on('GET', '/api/v1/media-manager/files', () => ({
			status: 200,
			body: { data: records(100, 'file') },
		}));
		const items = await runKlinkOk(klink.mock, {
			resource: 'mediaFile',
			operation: 'getAll',
			returnAll: true,
		});
		expect(klink.mock.requests).toHaveLength(2);
		expect(json(items)).toEqual(records(100, 'file'));
	});

	it('an empty list gives no items', async () => {
		klink.mock.lists.contacts = [];
		const result = await runKlink(klink.mock, contacts({ returnAll: true }));
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
		expect(klink.mock.requests).toHaveLength(1);
	});
});

describe('Limit', () => {
	it('asks for pages of 100 and stops after the page that reaches the limit', async () => {
		klink.mock.lists.contacts = records(250, 'contact');
		const items = await runKlinkOk(klink.mock, contacts({ limit: 150 }));
		expect(queries()).toEqual([
			{ page: '1', pageSize: '100' },
			{ page: '2', pageSize: '100' },
		]);
		expect(json(items)).toEqual(records(150, 'contact'));
	});

	it('a limit under 100 is the page size: a single request', async () => {
		klink.mock.lists.contacts = records(250, 'contact');
		const items = await runKlinkOk(klink.mock, contacts({ limit: 30 }));
		expect(queries()).toEqual([{ page: '1', pageSize: '30' }]);
		expect(items).toHaveLength(30);
	});

	it('is applied to the answer of an endpoint without paging (categories)', async () => {
		klink.mock.lists.categories = records(8, 'category');
		const items = await runKlinkOk(klink.mock, {
			resource: 'category',
			operation: 'getAll',
			limit: 3,
		});
		expect(queries()).toEqual([{}]);
		expect(json(items)).toEqual(records(3, 'category'));
	});

	it('a limit below 1 (from an expression) is refused before anything is sent', async () => {
		const result = await runKlink(klink.mock, contacts({ limit: '={{ $json.max }}' }), {
			input: [{ max: 10 }, { max: 0 }],
		});
		expect(result.error?.message).toMatch(
			/^limit: must be a whole number of at least 1.*\[item 1\]$/,
		);
		expect(klink.mock.requests).toEqual([]);
	});

	it('each input item lists with its own keyword; its records are paired with it', async () => {
		const items = await runKlinkOk(klink.mock, contacts({ keyword: '={{ $json.q }}', limit: 1 }), {
			input: [{ q: 'Somchai' }, { q: 'Malee' }],
		});
		expect(queries().map((q) => q.keyword)).toEqual(['Somchai', 'Malee']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('answers without a list', () => {
	it('name the endpoint and the fields that came back', async () => {
		klink.mock.once('GET', '/api/v1/tags', () => ({
			status: 200,
			body: { status: 'success', message: 'ok', data: { id: 'x' } },
		}));
		const result = await runKlink(klink.mock, { resource: 'tag', operation: 'getAll', limit: 5 });
		expect(result.error?.message).toBe("klink.cloud's answer to GET /api/v1/tags holds no list");
		expect(result.error?.description).toContain('the fields status, message, data');
	});
});
