import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { json, runKlinkOk, sent, useMockKlink } from './fixtures';
import { CONTACT_ID, KLINK_TOKEN, LINE_CHANNEL_ID, LINE_USER, ROOM_ID } from './mockKlink';

/**
 * Every operation of the klink.cloud node through n8n's real engine: the request that reaches
 * the mock (method, path, query, body, bearer token) against klink.cloud's documented shape
 * (the mock refuses other shapes), and the items that come out of each envelope.
 */

const klink = useMockKlink();

const BEARER = `Bearer ${KLINK_TOKEN}`;
const TICKET = 'tk-1';
const TAG_IDS = 'a3c1e5f7-0000-4000-8000-000000000001, a3c1e5f7-0000-4000-8000-000000000002';

interface Case {
	parameters: INodeParameters;
	request: { method: string; path: string; query?: IDataObject; body?: unknown };
	/** The output items (toMatchObject, so only what matters is named). */
	output: IDataObject[];
}

const cases: Record<string, Case> = {
	'channel: create (inferred path, name + type)': {
		parameters: { resource: 'channel', operation: 'create', name: 'Shop LINE', type: 'line' },
		request: {
			method: 'POST',
			path: '/api/v1/channels',
			body: { name: 'Shop LINE', type: 'line' },
		},
		output: [{ id: expect.any(String), name: 'Shop LINE', type: 'line' }],
	},
	'message: send (the record in data)': {
		parameters: {
			resource: 'message',
			operation: 'send',
			contactId: CONTACT_ID,
			message: 'It is your message.',
		},
		request: {
			method: 'POST',
			path: '/api/v1/messages/send',
			body: {
				contactId: CONTACT_ID,
				messageType: 'text',
				message: 'It is your message.',
				createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
			},
		},
		output: [
			{
				id: expect.any(String),
				direction: 'outgoing',
				type: 'text',
				roomId: ROOM_ID,
				actorType: 'api',
			},
		],
	},
	'message: send with a given createdAt': {
		parameters: {
			resource: 'message',
			operation: 'send',
			contactId: CONTACT_ID,
			message: 'Hi',
			options: { createdAt: '2026-01-08T16:03:39.923Z' },
		},
		request: {
			method: 'POST',
			path: '/api/v1/messages/send',
			body: {
				contactId: CONTACT_ID,
				messageType: 'text',
				message: 'Hi',
				createdAt: '2026-01-08T16:03:39.923Z',
			},
		},
		output: [{ direction: 'outgoing' }],
	},
	'message: send LINE transactional to a contact': {
		parameters: {
			resource: 'message',
			operation: 'sendLineTransactional',
			channelId: LINE_CHANNEL_ID,
			contactId: CONTACT_ID,
			message: 'Your order #12345 has been shipped.',
		},
		request: {
			method: 'POST',
			path: '/api/v1/message/send',
			body: {
				channelId: LINE_CHANNEL_ID,
				message: 'Your order #12345 has been shipped.',
				contactId: CONTACT_ID,
			},
		},
		output: [
			{
				channelId: LINE_CHANNEL_ID,
				contactId: CONTACT_ID,
				status: 'success',
				channel: 'Line',
				message: expect.stringContaining('Successfully sent message'),
				requestId: expect.any(String),
			},
		],
	},
	'message: send LINE transactional to a LINE user ID': {
		parameters: {
			resource: 'message',
			operation: 'sendLineTransactional',
			channelId: LINE_CHANNEL_ID,
			sendTo: 'platformUserId',
			platformUserId: LINE_USER,
			message: 'Payment of $50 was received.',
		},
		request: {
			method: 'POST',
			path: '/api/v1/message/send',
			body: {
				channelId: LINE_CHANNEL_ID,
				message: 'Payment of $50 was received.',
				platformUserId: LINE_USER,
			},
		},
		output: [{ platformUserId: LINE_USER, status: 'success' }],
	},
	'message: send LINE transactional as a query-string GET (the docs’ curl -G)': {
		parameters: {
			resource: 'message',
			operation: 'sendLineTransactional',
			channelId: LINE_CHANNEL_ID,
			contactId: CONTACT_ID,
			message: 'Hello',
			advanced: { requestStyle: 'get' },
		},
		request: {
			method: 'GET',
			path: '/api/v1/message/send',
			query: { channelId: LINE_CHANNEL_ID, message: 'Hello', contactId: CONTACT_ID },
		},
		output: [{ status: 'success' }],
	},
	'message: create comment with mentions': {
		parameters: {
			resource: 'message',
			operation: 'createComment',
			roomId: ROOM_ID,
			text: 'Hey {0}, please check with {1}',
			mentions: {
				mention: [
					{ index: 0, userId: '0b01ac59-81b4-436f-9b36-8ad40e0761f7' },
					{ index: 1, userId: '1c12bd6a-92c5-447f-8c47-9be51f1872a8' },
				],
			},
		},
		request: {
			method: 'POST',
			path: `/api/v1/comments/rooms/${ROOM_ID}`,
			body: {
				text: 'Hey {0}, please check with {1}',
				mentions: [
					{ index: 0, userId: '0b01ac59-81b4-436f-9b36-8ad40e0761f7' },
					{ index: 1, userId: '1c12bd6a-92c5-447f-8c47-9be51f1872a8' },
				],
			},
		},
		output: [{ roomId: ROOM_ID, type: 'comment', text: 'Hey {0}, please check with {1}' }],
	},
	'message: get comments (no paging info in the answer)': {
		parameters: { resource: 'message', operation: 'getComments', roomId: ROOM_ID, limit: 20 },
		request: {
			method: 'GET',
			path: `/api/v1/comments/rooms/${ROOM_ID}`,
			query: { page: '1', pageSize: '20' },
		},
		output: [{ id: 'cm-1', roomId: ROOM_ID, type: 'comment' }],
	},
	'contact: get many with a keyword': {
		parameters: { resource: 'contact', operation: 'getAll', keyword: 'Somchai', limit: 5 },
		request: {
			method: 'GET',
			path: '/api/v1/contacts',
			query: { keyword: 'Somchai', page: '1', pageSize: '5' },
		},
		output: [{ id: CONTACT_ID }, { id: '2b5e8c1a-9d3f-4a7b-8e6c-1f0a2d4c6b8e' }],
	},
	'contact: create with lists and custom fields': {
		parameters: {
			resource: 'contact',
			operation: 'create',
			name: 'Somchai Jaidee',
			additionalFields: {
				phone: '+66812345678, +6621234567',
				email: 'somchai@example.com',
				tags: 'vip,new',
				company: 'Acme',
				notes: ' ',
			},
			customFields: { field: [{ key: 'cf_customer_id', value: 'C-001' }] },
		},
		request: {
			method: 'POST',
			path: '/api/v1/contacts',
			body: {
				name: 'Somchai Jaidee',
				phone: ['+66812345678', '+6621234567'],
				email: ['somchai@example.com'],
				tags: ['vip', 'new'],
				company: 'Acme',
				customFields: { cf_customer_id: 'C-001' },
			},
		},
		output: [{ id: expect.any(String), name: 'Somchai Jaidee' }],
	},
	'contact: get (the record in data)': {
		parameters: { resource: 'contact', operation: 'get', contactId: CONTACT_ID },
		request: { method: 'GET', path: `/api/v1/contacts/${CONTACT_ID}` },
		output: [{ id: CONTACT_ID, name: 'Somchai Jaidee', company: { id: 'c-1', name: 'Acme' } }],
	},
	'contact: update only the given fields': {
		parameters: {
			resource: 'contact',
			operation: 'update',
			contactId: CONTACT_ID,
			updateFields: { notes: 'Prefers LINE', name: '' },
		},
		request: {
			method: 'PATCH',
			path: `/api/v1/contacts/${CONTACT_ID}`,
			body: { notes: 'Prefers LINE' },
		},
		output: [{ id: CONTACT_ID, notes: 'Prefers LINE' }],
	},
	'contact: delete': {
		parameters: { resource: 'contact', operation: 'delete', contactId: CONTACT_ID },
		request: { method: 'DELETE', path: `/api/v1/contacts/${CONTACT_ID}` },
		output: [
			{ contactId: CONTACT_ID, deleted: true, status: 'success', message: 'contact deleted' },
		],
	},
	'contact: find by social platform ID': {
		parameters: {
			resource: 'contact',
			operation: 'findBySocialPlatformId',
			socialPlatformId: LINE_USER,
		},
		request: {
			method: 'GET',
			path: '/api/v1/contacts',
			query: { socialPlatformId: LINE_USER },
		},
		output: [{ id: CONTACT_ID }],
	},
	'contact: get form fields': {
		parameters: { resource: 'contact', operation: 'getFormFields', returnAll: true },
		request: {
			method: 'GET',
			path: '/api/v1/contacts/fields',
			query: { page: '1', pageSize: '100' },
		},
		output: [{ system_name: 'cf_customer_id', display_name: 'Customer ID' }],
	},
	'contact: get groups (legacy { has_more, data })': {
		parameters: { resource: 'contact', operation: 'getGroups', returnAll: true },
		request: { method: 'GET', path: '/api/v1/groups', query: { page: '1', pageSize: '100' } },
		output: [{ id: 'g-1', name: 'VIP customers' }],
	},
	'contact: update tags (data null: the sent fields and klink.cloud’s message)': {
		parameters: {
			resource: 'contact',
			operation: 'updateTags',
			contactId: CONTACT_ID,
			tags: 'vip, new',
		},
		request: {
			method: 'PATCH',
			path: `/api/v1/contacts/${CONTACT_ID}/tags`,
			body: { actionType: 'MERGE', tags: ['vip', 'new'] },
		},
		output: [
			{
				contactId: CONTACT_ID,
				actionType: 'MERGE',
				tags: ['vip', 'new'],
				status: 'success',
				message: 'Contact tags updated successfully',
			},
		],
	},
	'tag: get many': {
		parameters: { resource: 'tag', operation: 'getAll', limit: 50 },
		request: { method: 'GET', path: '/api/v1/tags', query: { page: '1', pageSize: '50' } },
		output: [{ name: 'vip' }, { name: 'new' }],
	},
	'category: get many (no page parameters, the tree kept)': {
		parameters: { resource: 'category', operation: 'getAll', returnAll: true },
		request: { method: 'GET', path: '/api/v1/categories', query: {} },
		output: [{ value: 'Billing', childCategoryList: [{ value: 'Refund' }] }],
	},
	'ticket: get many': {
		parameters: { resource: 'ticket', operation: 'getAll', returnAll: true },
		request: { method: 'GET', path: '/api/v1/tickets', query: { page: '1', pageSize: '100' } },
		output: [{ id: TICKET, ticketNumber: 'TK-0001' }],
	},
	'ticket: create (201 { success, data })': {
		parameters: {
			resource: 'ticket',
			operation: 'create',
			title: 'Refund request',
			additionalFields: {
				description: 'Order 12345',
				status: 'open',
				priority: 'high',
				contactId: CONTACT_ID,
				channel: 'email',
				tags: TAG_IDS,
			},
			customFields: { field: [{ key: 'cf_due_date', value: '2026-02-01' }] },
		},
		request: {
			method: 'POST',
			path: '/api/v1/tickets',
			body: {
				title: 'Refund request',
				description: 'Order 12345',
				status: 'open',
				priority: 'high',
				contact_id: CONTACT_ID,
				channel: 'email',
				tags: TAG_IDS.split(', '),
				customFields: { cf_due_date: '2026-02-01' },
			},
		},
		output: [{ id: expect.any(String), ticketNumber: 'TK-0002', title: 'Refund request' }],
	},
	'ticket: find by contact': {
		parameters: { resource: 'ticket', operation: 'findByContact', contactId: CONTACT_ID },
		request: {
			method: 'GET',
			path: `/api/v1/tickets/contact/${CONTACT_ID}`,
			query: { page: '1', pageSize: '50' },
		},
		output: [{ id: TICKET }],
	},
	'ticket: get form fields': {
		parameters: { resource: 'ticket', operation: 'getFormFields', limit: 10 },
		request: {
			method: 'GET',
			path: '/api/v1/tickets/fields',
			query: { page: '1', pageSize: '10' },
		},
		output: [{ system_name: 'cf_due_date' }],
	},
	'ticket: update': {
		parameters: {
			resource: 'ticket',
			operation: 'update',
			ticketId: TICKET,
			updateFields: { priority: 'low', title: 'Refund (done)' },
		},
		request: {
			method: 'PATCH',
			path: `/api/v1/tickets/${TICKET}`,
			body: { priority: 'low', title: 'Refund (done)' },
		},
		output: [{ id: TICKET, priority: 'low', title: 'Refund (done)' }],
	},
	'ticket: update status': {
		parameters: {
			resource: 'ticket',
			operation: 'updateStatus',
			ticketId: TICKET,
			status: 'in progress',
		},
		request: {
			method: 'PUT',
			path: `/api/v1/tickets/${TICKET}/status`,
			body: { status: 'in progress' },
		},
		output: [{ id: TICKET, status: 'in progress' }],
	},
	'agent activity: get many': {
		parameters: { resource: 'agentActivity', operation: 'getAll', limit: 100 },
		request: {
			method: 'GET',
			path: '/api/v1/user-presence-status-log',
			query: { page: '1', pageSize: '100' },
		},
		output: [{ id: 'aa-1', previousPresenceStatus: { systemName: 'available' } }],
	},
	'media folder: get many': {
		parameters: { resource: 'mediaFolder', operation: 'getAll', returnAll: true },
		request: {
			method: 'GET',
			path: '/api/v1/media-manager/folders',
			query: { page: '1', pageSize: '100' },
		},
		output: [{ id: 'fo-1' }],
	},
	'media folder: get ({ data })': {
		parameters: { resource: 'mediaFolder', operation: 'get', folderId: 'fo-1' },
		request: { method: 'GET', path: '/api/v1/media-manager/folders/fo-1' },
		output: [{ id: 'fo-1', name: 'Campaign images' }],
	},
	'media folder: create': {
		parameters: {
			resource: 'mediaFolder',
			operation: 'create',
			name: 'Receipts',
			parentId: 'fo-1',
		},
		request: {
			method: 'POST',
			path: '/api/v1/media-manager/folders',
			body: { name: 'Receipts', parentId: 'fo-1' },
		},
		output: [{ id: expect.any(String), name: 'Receipts' }],
	},
	'media folder: update': {
		parameters: { resource: 'mediaFolder', operation: 'update', folderId: 'fo-1', name: 'Old' },
		request: {
			method: 'PATCH',
			path: '/api/v1/media-manager/folders/fo-1',
			body: { name: 'Old' },
		},
		output: [{ id: 'fo-1', name: 'Old' }],
	},
	'media folder: delete': {
		parameters: { resource: 'mediaFolder', operation: 'delete', folderId: 'fo-1' },
		request: { method: 'DELETE', path: '/api/v1/media-manager/folders/fo-1' },
		output: [{ folderId: 'fo-1', deleted: true }],
	},
	'media file: get many': {
		parameters: { resource: 'mediaFile', operation: 'getAll', limit: 1 },
		request: {
			method: 'GET',
			path: '/api/v1/media-manager/files',
			query: { page: '1', pageSize: '1' },
		},
		output: [{ id: 'fi-1' }],
	},
	'media file: get': {
		parameters: { resource: 'mediaFile', operation: 'get', fileId: 'fi-1' },
		request: { method: 'GET', path: '/api/v1/media-manager/files/fi-1' },
		output: [{ id: 'fi-1', uploadId: 'up-1' }],
	},
	'media file: update': {
		parameters: {
			resource: 'mediaFile',
			operation: 'update',
			fileId: 'fi-1',
			updateFields: { fileName: 'banner-v2.png' },
		},
		request: {
			method: 'PATCH',
			path: '/api/v1/media-manager/files/fi-1',
			body: { fileName: 'banner-v2.png' },
		},
		output: [{ id: 'fi-1', fileName: 'banner-v2.png' }],
	},
	'media file: delete': {
		parameters: { resource: 'mediaFile', operation: 'delete', fileId: 'fi-1' },
		request: { method: 'DELETE', path: '/api/v1/media-manager/files/fi-1' },
		output: [{ fileId: 'fi-1', deleted: true }],
	},
};

describe('one request per operation, of the documented shape', () => {
	it.each(Object.entries(cases))('%s', async (_name, { parameters, request, output }) => {
		const items = await runKlinkOk(klink.mock, parameters);

		expect(klink.mock.requests.map(sent)).toEqual([
			{
				method: request.method,
				path: request.path,
				query: request.query ?? {},
				body: request.body,
				authorization: BEARER,
			},
		]);
		if (request.body !== undefined) {
			expect(klink.mock.requests[0].headers['content-type']).toMatch(/^application\/json/);
		}
		expect(json(items)).toHaveLength(output.length);
		expect(json(items)).toMatchObject(output);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});
});

describe('every item is its own request, with its own expressions', () => {
	it('sends a message per input item and pairs each answer with its item', async () => {
		const items = await runKlinkOk(
			klink.mock,
			{
				resource: 'message',
				operation: 'send',
				contactId: '={{ $json.contact }}',
				message: '={{ "Hello " + $json.name }}',
			},
			{
				input: [
					{ contact: 'c-1', name: 'Aiko' },
					{ contact: 'c-2', name: 'Ben' },
				],
			},
		);
		expect(klink.mock.requests.map((r) => r.body)).toMatchObject([
			{ contactId: 'c-1', message: 'Hello Aiko' },
			{ contactId: 'c-2', message: 'Hello Ben' },
		]);
		expect(items.map((item) => [item.json.message, item.pairedItem])).toEqual([
			['Hello Aiko', { item: 0 }],
			['Hello Ben', { item: 1 }],
		]);
	});
});
