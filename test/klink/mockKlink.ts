import { randomUUID } from 'node:crypto';
import http, {
	type IncomingHttpHeaders,
	type IncomingMessage,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

import { Generations } from '../support/generations';

/**
 * A mock klink.cloud API on 127.0.0.1: checks the bearer token, checks every request against the
 * shapes klink.cloud documents (PROVIDERS.md §1.3; inferred endpoints get the inferred shapes),
 * and answers with klink.cloud's envelopes, which differ per endpoint. A request of the wrong
 * shape is answered 400 and listed by `invalidRequests()`.
 */

export const KLINK_TOKEN = 'kpt_test_3f9a1c0d5e7b2a4c';

type Obj = Record<string, unknown>;

export interface KlinkMockRequest {
	method: string;
	/** Path without the query string. */
	path: string;
	url: string;
	query: Record<string, string | string[]>;
	headers: IncomingHttpHeaders;
	rawBody: string;
	/** Parsed JSON body; undefined when empty. */
	body: unknown;
	/** Name of the documented (or inferred) endpoint the request hit. */
	endpoint?: string;
	/** Shape problems (empty when the request is valid). */
	problems: string[];
	response: { status: number; body: unknown };
}

export interface MockResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Drop the connection instead of answering (after the request arrived): the node sees a reset. */
	destroy?: boolean;
}

/** Return undefined to let the next handler (or the default answer) respond. */
export type MockHandler = (
	request: KlinkMockRequest,
) => MockResponse | undefined | Promise<MockResponse | undefined>;

/** Records the default list endpoints page through, by endpoint name. */
export type ListName =
	| 'channels'
	| 'contacts'
	| 'contactFields'
	| 'groups'
	| 'tags'
	| 'categories'
	| 'tickets'
	| 'ticketFields'
	| 'cxLogs'
	| 'agentActivities'
	| 'comments'
	| 'folders'
	| 'files';

export interface MockKlink {
	readonly url: string;
	readonly requests: KlinkMockRequest[];
	/** The records behind each list endpoint (replace them to test paging). */
	readonly lists: Record<ListName, Obj[]>;
	on(
		method: string,
		path: string | RegExp,
		handler: MockHandler,
		options?: { times?: number },
	): MockKlink;
	once(method: string, path: string | RegExp, handler: MockHandler): MockKlink;
	invalidRequests(): KlinkMockRequest[];
	requestsTo(method: string, path: string | RegExp): KlinkMockRequest[];
	/**
	 * Forgets requests and handlers and restores the default records; requests still open (a
	 * previous test's) are dropped.
	 */
	reset(): void;
	close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Default records

export const CONTACT_ID = '81d8f399-e4d3-4fd4-a8ec-61bb3c3dc8c4';
export const LINE_USER = 'U4af4980629b06f3b9d3f8a1b2c3d4e5f';
export const LINE_CHANNEL_ID = 'f6154dda-bd9a-4d03-8a77-ff3421070009';
export const ROOM_ID = 'dcccf921-dd40-4c49-8c8d-f755ee157ff1';

function defaultLists(): Record<ListName, Obj[]> {
	const at = '2025-03-02T16:42:53.796Z';
	return {
		channels: [
			{
				id: LINE_CHANNEL_ID,
				createdAt: at,
				updatedAt: at,
				deletedAt: null,
				name: 'K-Link BSS UAT DEMO KURO',
				type: 'line',
				brandName: 'K-Link BSS UAT DEMO KURO',
			},
			{
				id: '0c7e2f55-3b1a-4c8e-9f0d-2a6b8c4d1e3f',
				createdAt: at,
				updatedAt: at,
				deletedAt: null,
				name: 'Support Mailbox',
				type: 'email',
				brandName: 'Support',
			},
			{
				id: '6a1d9b2e-7f4c-4e5a-8b3d-0c2f1e9a7b6d',
				createdAt: at,
				updatedAt: at,
				deletedAt: null,
				name: 'Acme Shop',
				type: 'line',
				brandName: 'Acme Shop Official',
			},
		],
		contacts: [
			{
				id: CONTACT_ID,
				name: 'Somchai Jaidee',
				address: 'Bangkok',
				channel: 'line',
				notes: '',
				socialProfileUrl: null,
				tags: [{ id: 't-1', name: 'vip' }],
				company: { id: 'c-1', name: 'Acme' },
				platformContacts: [{ socialPlatformId: LINE_USER, platform: 'line' }],
			},
			{
				id: '2b5e8c1a-9d3f-4a7b-8e6c-1f0a2d4c6b8e',
				name: 'Malee Srisuk',
				channel: 'facebook',
				tags: [],
				platformContacts: [{ socialPlatformId: '614318778436396', platform: 'facebook' }],
			},
		],
		contactFields: [
			{
				id: 'f-1',
				system_name: 'cf_customer_id',
				display_name: 'Customer ID',
				type: 'text',
				is_default: false,
				is_archived: false,
				is_required: false,
				is_unique: true,
				options: [],
			},
		],
		groups: [{ id: 'g-1', name: 'VIP customers' }],
		tags: [
			{ id: 'a3c1e5f7-0000-4000-8000-000000000001', name: 'vip' },
			{ id: 'a3c1e5f7-0000-4000-8000-000000000002', name: 'new' },
		],
		categories: [
			{
				id: 'cat-1',
				value: 'Billing',
				parentId: null,
				level: 1,
				sortOrder: 1,
				childCategoryList: [
					{
						id: 'cat-2',
						value: 'Refund',
						parentId: 'cat-1',
						level: 2,
						sortOrder: 1,
						childCategoryList: [],
					},
				],
			},
		],
		tickets: [
			{ id: 'tk-1', ticketNumber: 'TK-0001', title: 'Refund', status: 'open', priority: 'high' },
		],
		ticketFields: [{ id: 'tf-1', system_name: 'cf_due_date', display_name: 'Due', type: 'date' }],
		cxLogs: [
			{
				id: 'cx-1',
				caseId: 'CASE-1',
				entityName: 'chat',
				contactId: CONTACT_ID,
				channel: 'line',
				direction: 'inbound',
				slaStatus: 'met',
			},
		],
		agentActivities: [
			{
				id: 'aa-1',
				createdAt: at,
				previousPresenceStatus: {
					id: 'p-1',
					systemName: 'available',
					displayName: 'Available',
					emoji: '🟢',
				},
			},
		],
		comments: [{ id: 'cm-1', roomId: ROOM_ID, text: 'Looks fine', type: 'comment' }],
		folders: [{ id: 'fo-1', name: 'Campaign images' }],
		files: [{ id: 'fi-1', uploadId: 'up-1', fileName: 'banner.png' }],
	};
}

// ---------------------------------------------------------------------------------------------
// Shape checks

const SELECTED_DATE =
	/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}-\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/;
const TICKET_STATUSES = ['open', 'in progress', 'resolved', 'pending'];
const PRIORITIES = ['low', 'medium', 'high'];

class Shape {
	readonly problems: string[] = [];

	constructor(readonly request: KlinkMockRequest) {}

	json(): Obj {
		const contentType = String(this.request.headers['content-type'] ?? '');
		if (!contentType.includes('application/json')) {
			this.problems.push(`content-type must be application/json, got "${contentType}"`);
		}
		const body = this.request.body;
		if (body === null || typeof body !== 'object' || Array.isArray(body)) {
			this.problems.push('the body must be a JSON object');
			return {};
		}
		return body as Obj;
	}

	noBody(): void {
		if (this.request.rawBody !== '') this.problems.push('this endpoint takes no body');
	}

	string(object: Obj, key: string, { required = false, where = 'body' } = {}): void {
		const value = object[key];
		if (value === undefined) {
			if (required) this.problems.push(`${where}.${key} is required`);
			return;
		}
		if (typeof value !== 'string' || value === '') {
			this.problems.push(`${where}.${key} must be a non-empty string`);
		}
	}

	oneOf(object: Obj, key: string, values: string[]): void {
		if (object[key] !== undefined && !values.includes(object[key] as string)) {
			this.problems.push(`body.${key} must be one of ${values.join(', ')}`);
		}
	}

	stringArray(object: Obj, key: string, { required = false } = {}): void {
		const value = object[key];
		if (value === undefined) {
			if (required) this.problems.push(`body.${key} is required`);
			return;
		}
		if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string' || entry === '')) {
			this.problems.push(`body.${key} must be an array of non-empty strings`);
		} else if (required && value.length === 0) {
			this.problems.push(`body.${key} must not be empty`);
		}
	}

	customFields(object: Obj): void {
		const value = object.customFields;
		if (value === undefined) return;
		if (value === null || typeof value !== 'object' || Array.isArray(value)) {
			this.problems.push('body.customFields must be an object');
			return;
		}
		for (const key of Object.keys(value)) {
			if (!key.startsWith('cf_'))
				this.problems.push(`body.customFields.${key} must start with cf_`);
		}
	}

	only(object: Obj, keys: string[], where = 'body'): void {
		for (const key of Object.keys(object)) {
			if (!keys.includes(key)) this.problems.push(`${where}.${key} is not a documented field`);
		}
	}

	/** `page` and `pageSize` when present: whole numbers, pageSize 1 to 100. */
	paging(): void {
		const { page, pageSize } = this.request.query;
		if (page !== undefined && !/^[1-9]\d*$/.test(String(page))) {
			this.problems.push(`query.page must be a whole number from 1, got ${String(page)}`);
		}
		if (pageSize !== undefined) {
			const size = Number(pageSize);
			if (!/^\d+$/.test(String(pageSize)) || size < 1 || size > 100) {
				this.problems.push(`query.pageSize must be 1 to 100, got ${String(pageSize)}`);
			}
		}
	}

	query(keys: string[]): void {
		this.only(this.request.query as Obj, keys, 'query');
	}
}

// ---------------------------------------------------------------------------------------------
// Endpoints

type ListEnvelope = 'list' | 'channels' | 'cxLogs' | 'comments' | 'plain' | 'legacy';

interface Route {
	name: string;
	method: string;
	path: RegExp;
	check: (shape: Shape, params: string[]) => void;
	answer: (request: KlinkMockRequest, params: string[], state: MockState) => MockResponse;
}

interface MockState {
	lists: Record<ListName, Obj[]>;
}

function requestId(): string {
	return randomUUID();
}

function page(request: KlinkMockRequest, records: Obj[], envelope: ListEnvelope): MockResponse {
	const pageNumber = Number(request.query.page ?? 1);
	const pageSize = Number(request.query.pageSize ?? 10);
	const total = records.length;
	const lastPage = Math.max(1, Math.ceil(total / pageSize));
	const data = records.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
	switch (envelope) {
		case 'channels':
			return {
				status: 200,
				body: { requestId: requestId(), page: pageNumber, pageSize, lastPage, total, data },
			};
		case 'cxLogs':
			return {
				status: 200,
				body: {
					requestId: requestId(),
					cxLogs: { data, total, page: pageNumber, pageSize, lastPage },
				},
			};
		case 'comments':
			return { status: 200, body: { requestId: requestId(), data } };
		case 'plain':
			return { status: 200, body: { data: records } };
		case 'legacy':
			return {
				status: 200,
				body: { has_more: pageNumber * pageSize < total, data },
			};
		default:
			return { status: 200, body: { total, page: pageNumber, pageSize, lastPage, data } };
	}
}

function list(
	name: string,
	path: RegExp,
	listName: ListName,
	envelope: ListEnvelope,
	check: (shape: Shape, params: string[]) => void = (shape) => {
		shape.noBody();
		shape.paging();
		shape.query(['page', 'pageSize']);
	},
): Route {
	return {
		name,
		method: 'GET',
		path,
		check,
		answer: (request, _params, state) => page(request, state.lists[listName], envelope),
	};
}

function detail(
	name: string,
	method: string,
	path: RegExp,
	listName: ListName,
	answer: (record: Obj, request: KlinkMockRequest) => unknown,
	check: (shape: Shape) => void = (shape) => shape.noBody(),
): Route {
	return {
		name,
		method,
		path,
		check,
		answer: (request, [id], state) => {
			const record = state.lists[listName].find((entry) => entry.id === id);
			if (!record) {
				return { status: 404, body: { status: 'error', message: `${listName} ${id} not found` } };
			}
			return { status: 200, body: answer(record, request) };
		},
	};
}

const ID = '([^/]+)';

function contactBodyCheck(shape: Shape, required: boolean): void {
	const body = shape.json();
	shape.string(body, 'name', { required });
	for (const key of ['address', 'channel', 'notes', 'company']) shape.string(body, key);
	for (const key of ['phone', 'email', 'tags']) shape.stringArray(body, key);
	shape.customFields(body);
}

function ticketBodyCheck(shape: Shape, required: boolean): void {
	const body = shape.json();
	shape.string(body, 'title', { required });
	for (const key of ['description', 'contact_id', 'channel']) shape.string(body, key);
	shape.oneOf(body, 'status', TICKET_STATUSES);
	shape.oneOf(body, 'priority', PRIORITIES);
	shape.stringArray(body, 'tags');
	shape.customFields(body);
}

function isBase64(text: string): boolean {
	return /^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.length % 4 === 0;
}

const ROUTES: Route[] = [
	list('channel.list', /^\/api\/v1\/channels$/, 'channels', 'channels', (shape) => {
		shape.noBody();
		shape.paging();
		shape.query(['keyword', 'page', 'pageSize']);
	}),
	{
		name: 'channel.create',
		method: 'POST',
		path: /^\/api\/v1\/channels$/,
		check: (shape) => shape.string(shape.json(), 'name', { required: true }),
		answer: (request) => ({
			status: 201,
			body: {
				status: 'success',
				message: 'channel created',
				data: { id: randomUUID(), ...(request.body as Obj) },
			},
		}),
	},
	{
		name: 'message.send',
		method: 'POST',
		path: /^\/api\/v1\/messages\/send$/,
		check: (shape) => {
			const body = shape.json();
			shape.string(body, 'contactId', { required: true });
			shape.string(body, 'messageType', { required: true });
			shape.string(body, 'message', { required: true });
			shape.string(body, 'createdAt');
			if (typeof body.createdAt === 'string' && Number.isNaN(Date.parse(body.createdAt))) {
				shape.problems.push('body.createdAt must be an ISO date-time');
			}
			shape.only(body, ['contactId', 'messageType', 'message', 'createdAt']);
		},
		answer: (request) => {
			const body = request.body as Obj;
			return {
				status: 200,
				body: {
					status: 200,
					message: 'Message sent successfully',
					data: {
						id: randomUUID(),
						message: body.message,
						direction: 'outgoing',
						type: body.messageType,
						roomId: ROOM_ID,
						actorType: 'api',
						contactId: null,
						upload: null,
					},
				},
			};
		},
	},
	...['POST', 'GET'].map(
		(method): Route => ({
			name: 'message.sendLine',
			method,
			path: /^\/api\/v1\/message\/send$/,
			check: (shape) => {
				const fields = method === 'GET' ? (shape.request.query as Obj) : shape.json();
				const where = method === 'GET' ? 'query' : 'body';
				shape.string(fields, 'channelId', { required: true, where });
				shape.string(fields, 'message', { required: true, where });
				shape.string(fields, 'contactId', { where });
				shape.string(fields, 'platformUserId', { where });
				if ((fields.contactId === undefined) === (fields.platformUserId === undefined)) {
					shape.problems.push(`${where}: give exactly one of contactId and platformUserId`);
				}
				shape.only(fields, ['channelId', 'message', 'contactId', 'platformUserId'], where);
			},
			answer: (request) => {
				const fields = (method === 'GET' ? request.query : request.body) as Obj;
				return {
					status: 200,
					body: {
						status: 'success',
						channel: 'Line',
						message: `Successfully sent message to platform user Id ${String(fields.platformUserId ?? LINE_USER)}`,
						requestId: requestId(),
					},
				};
			},
		}),
	),
	{
		name: 'comment.create',
		method: 'POST',
		path: new RegExp(`^/api/v1/comments/rooms/${ID}$`),
		check: (shape) => {
			const body = shape.json();
			shape.string(body, 'text', { required: true });
			if (body.mentions !== undefined) {
				const ok =
					Array.isArray(body.mentions) &&
					body.mentions.every(
						(mention: Obj) =>
							Number.isInteger(mention.index) &&
							(mention.index as number) >= 0 &&
							typeof mention.userId === 'string' &&
							mention.userId !== '',
					);
				if (!ok) shape.problems.push('body.mentions must be [{ index, userId }]');
			}
			shape.only(body, ['text', 'mentions']);
		},
		answer: (request, [roomId]) => ({
			status: 201,
			body: {
				data: { id: randomUUID(), roomId, type: 'comment', ...(request.body as Obj) },
			},
		}),
	},
	list('comment.list', new RegExp(`^/api/v1/comments/rooms/${ID}$`), 'comments', 'comments'),
	list('contact.fields', /^\/api\/v1\/contacts\/fields$/, 'contactFields', 'list'),
	{
		name: 'contact.list',
		method: 'GET',
		path: /^\/api\/v1\/contacts$/,
		check: (shape) => {
			shape.noBody();
			shape.paging();
			shape.query(['keyword', 'page', 'pageSize', 'socialPlatformId']);
		},
		answer: (request, _params, state) => {
			const id = request.query.socialPlatformId;
			const records =
				id === undefined
					? state.lists.contacts
					: state.lists.contacts.filter((contact) =>
							(contact.platformContacts as Obj[]).some((p) => p.socialPlatformId === id),
						);
			return page(request, records, 'list');
		},
	},
	{
		name: 'contact.create',
		method: 'POST',
		path: /^\/api\/v1\/contacts$/,
		check: (shape) => contactBodyCheck(shape, true),
		answer: (request) => ({
			status: 201,
			body: {
				status: 'success',
				message: 'contact',
				data: { id: randomUUID(), ...(request.body as Obj) },
			},
		}),
	},
	{
		name: 'contact.updateTags',
		method: 'PATCH',
		path: new RegExp(`^/api/v1/contacts/${ID}/tags$`),
		check: (shape) => {
			const body = shape.json();
			shape.oneOf(body, 'actionType', ['MERGE']);
			shape.string(body, 'actionType', { required: true });
			shape.stringArray(body, 'tags', { required: true });
			shape.only(body, ['actionType', 'tags']);
		},
		answer: () => ({
			status: 200,
			body: { status: 'success', message: 'Contact tags updated successfully', data: null },
		}),
	},
	detail('contact.get', 'GET', new RegExp(`^/api/v1/contacts/${ID}$`), 'contacts', (record) => ({
		status: 'success',
		message: 'contact',
		data: record,
	})),
	detail(
		'contact.update',
		'PATCH',
		new RegExp(`^/api/v1/contacts/${ID}$`),
		'contacts',
		(record, request) => ({
			status: 'success',
			message: 'contact updated',
			data: { ...record, ...(request.body as Obj) },
		}),
		(shape) => contactBodyCheck(shape, false),
	),
	detail('contact.delete', 'DELETE', new RegExp(`^/api/v1/contacts/${ID}$`), 'contacts', () => ({
		status: 'success',
		message: 'contact deleted',
		data: null,
	})),
	list('contact.groups', /^\/api\/v1\/groups$/, 'groups', 'legacy'),
	list('tag.list', /^\/api\/v1\/tags$/, 'tags', 'list'),
	list('category.list', /^\/api\/v1\/categories$/, 'categories', 'plain', (shape) => {
		shape.noBody();
		shape.query([]);
	}),
	list('ticket.list', /^\/api\/v1\/tickets$/, 'tickets', 'list', (shape) => {
		shape.noBody();
		shape.paging();
	}),
	{
		name: 'ticket.create',
		method: 'POST',
		path: /^\/api\/v1\/tickets$/,
		check: (shape) => ticketBodyCheck(shape, true),
		answer: (request) => ({
			status: 201,
			body: {
				success: true,
				data: { id: randomUUID(), ticketNumber: 'TK-0002', ...(request.body as Obj) },
			},
		}),
	},
	list('ticket.fields', /^\/api\/v1\/tickets\/fields$/, 'ticketFields', 'list'),
	list('ticket.byContact', new RegExp(`^/api/v1/tickets/contact/${ID}$`), 'tickets', 'list'),
	detail(
		'ticket.update',
		'PATCH',
		new RegExp(`^/api/v1/tickets/${ID}$`),
		'tickets',
		(record, request) => ({ success: true, data: { ...record, ...(request.body as Obj) } }),
		(shape) => ticketBodyCheck(shape, false),
	),
	detail(
		'ticket.updateStatus',
		'PUT',
		new RegExp(`^/api/v1/tickets/${ID}/status$`),
		'tickets',
		(record, request) => ({ success: true, data: { ...record, ...(request.body as Obj) } }),
		(shape) => {
			const body = shape.json();
			shape.string(body, 'status', { required: true });
			shape.oneOf(body, 'status', TICKET_STATUSES);
		},
	),
	list('cxLog.list', /^\/api\/v1\/cx-logs$/, 'cxLogs', 'cxLogs', (shape) => {
		shape.noBody();
		shape.paging();
		shape.query(['selectedDate', 'page', 'pageSize']);
		const selected = shape.request.query.selectedDate;
		if (selected === undefined) shape.problems.push('query.selectedDate is required');
		else if (!SELECTED_DATE.test(String(selected))) {
			shape.problems.push(`query.selectedDate is malformed: ${String(selected)}`);
		}
		if (!shape.request.headers['x-client-timezone']) {
			shape.problems.push('the x-client-timezone header is required');
		}
	}),
	list('agentActivity.list', /^\/api\/v1\/user-presence-status-log$/, 'agentActivities', 'list'),
	list('folder.list', /^\/api\/v1\/media-manager\/folders$/, 'folders', 'list'),
	detail(
		'folder.get',
		'GET',
		new RegExp(`^/api/v1/media-manager/folders/${ID}$`),
		'folders',
		(record) => ({ data: record }),
		(shape) => shape.noBody(),
	),
	{
		name: 'folder.create',
		method: 'POST',
		path: /^\/api\/v1\/media-manager\/folders$/,
		check: (shape) => shape.string(shape.json(), 'name', { required: true }),
		answer: (request) => ({
			status: 201,
			body: { data: { id: randomUUID(), ...(request.body as Obj) } },
		}),
	},
	detail(
		'folder.update',
		'PATCH',
		new RegExp(`^/api/v1/media-manager/folders/${ID}$`),
		'folders',
		(record, request) => ({ data: { ...record, ...(request.body as Obj) } }),
		(shape) => shape.string(shape.json(), 'name', { required: true }),
	),
	detail(
		'folder.delete',
		'DELETE',
		new RegExp(`^/api/v1/media-manager/folders/${ID}$`),
		'folders',
		() => ({ data: null }),
	),
	list('file.list', /^\/api\/v1\/media-manager\/files$/, 'files', 'list'),
	detail(
		'file.get',
		'GET',
		new RegExp(`^/api/v1/media-manager/files/${ID}$`),
		'files',
		(record) => ({ data: record }),
	),
	{
		name: 'file.create',
		method: 'POST',
		path: /^\/api\/v1\/media-manager\/files$/,
		check: (shape) => {
			const body = shape.json();
			shape.string(body, 'data', { required: true });
			if (typeof body.data === 'string') {
				const base64 = body.data.replace(/^data:[\w.+-]+\/[\w.+-]+;base64,/, '');
				if (!isBase64(base64)) shape.problems.push('body.data must be base64');
			}
		},
		answer: (request) => {
			const body = request.body as Obj;
			const base64 = String(body.data).replace(/^data:[^,]*,/, '');
			return {
				status: 201,
				body: {
					data: {
						id: randomUUID(),
						uploadId: randomUUID(),
						fileSize: Buffer.from(base64, 'base64').length,
						fileName: body.fileName ?? null,
					},
				},
			};
		},
	},
	detail(
		'file.update',
		'PATCH',
		new RegExp(`^/api/v1/media-manager/files/${ID}$`),
		'files',
		(record, request) => ({ data: { ...record, ...(request.body as Obj) } }),
		(shape) => shape.json(),
	),
	detail(
		'file.delete',
		'DELETE',
		new RegExp(`^/api/v1/media-manager/files/${ID}$`),
		'files',
		() => ({ data: null }),
	),
];

// ---------------------------------------------------------------------------------------------
// Server

interface ProgrammedHandler {
	method: string;
	path: string | RegExp;
	handler: MockHandler;
	remaining: number;
}

function matches(path: string | RegExp, actual: string): boolean {
	return typeof path === 'string' ? path === actual : path.test(actual);
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function send(response: ServerResponse, { status, body, headers, destroy }: MockResponse): void {
	if (destroy) {
		response.socket?.destroy();
		return;
	}
	if (body === undefined) {
		response.writeHead(status, headers);
		response.end();
		return;
	}
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	response.writeHead(status, {
		'content-type':
			typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
		...headers,
	});
	response.end(text);
}

export async function startMockKlink(token = KLINK_TOKEN): Promise<MockKlink> {
	const requests: KlinkMockRequest[] = [];
	let handlers: ProgrammedHandler[] = [];
	const state: MockState = { lists: defaultLists() };
	const generations = new Generations();

	async function answer(request: KlinkMockRequest): Promise<MockResponse> {
		if (request.headers.authorization !== `Bearer ${token}`) {
			return { status: 401, body: { status: 'error', message: 'Unauthenticated.' } };
		}
		const route = ROUTES.find((r) => r.method === request.method && r.path.test(request.path));
		const params = route ? (route.path.exec(request.path) ?? []).slice(1) : [];
		if (route) {
			request.endpoint = route.name;
			const shape = new Shape(request);
			route.check(shape, params);
			request.problems.push(...shape.problems);
			if (request.problems.length > 0) {
				return {
					status: 400,
					body: { status: 'error', message: 'Validation failed', errors: request.problems },
				};
			}
		}
		for (const programmed of handlers) {
			if (programmed.remaining <= 0) continue;
			if (programmed.method !== request.method || !matches(programmed.path, request.path)) continue;
			const response = await programmed.handler(request);
			if (response === undefined) continue;
			programmed.remaining--;
			return response;
		}
		if (!route) {
			return {
				status: 404,
				body: {
					statusCode: 404,
					message: `Cannot ${request.method} ${request.path}`,
					error: 'Not Found',
				},
			};
		}
		return route.answer(request, params, state);
	}

	const server = http.createServer((incoming, response) => {
		const { isCurrent } = generations.begin(incoming, response);
		void (async () => {
			const raw = await readAll(incoming);
			// A request of a test that has ended (the mock was reset since): not logged, dropped.
			if (!isCurrent()) return;
			const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
			const query: Record<string, string | string[]> = {};
			for (const key of new Set(url.searchParams.keys())) {
				const values = url.searchParams.getAll(key);
				query[key] = values.length === 1 ? values[0] : values;
			}
			const rawBody = raw.toString('utf8');
			let body: unknown;
			if (rawBody !== '') {
				try {
					body = JSON.parse(rawBody);
				} catch {
					body = rawBody;
				}
			}
			const request: KlinkMockRequest = {
				method: incoming.method ?? 'GET',
				path: url.pathname,
				url: incoming.url ?? '/',
				query,
				headers: incoming.headers,
				rawBody,
				body,
				problems: [],
				response: { status: 0, body: undefined },
			};
			requests.push(request);
			const result = await answer(request);
			if (!isCurrent()) return;
			request.response = { status: result.status, body: result.body };
			send(response, result);
		})();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	const mock: MockKlink = {
		url: `http://127.0.0.1:${port}`,
		requests,
		get lists() {
			return state.lists;
		},
		on(method, path, handler, { times = Infinity } = {}) {
			handlers.push({ method, path, handler, remaining: times });
			return mock;
		},
		once(method, path, handler) {
			return mock.on(method, path, handler, { times: 1 });
		},
		invalidRequests: () => requests.filter((request) => request.problems.length > 0),
		requestsTo: (method, path) =>
			requests.filter((request) => request.method === method && matches(path, request.path)),
		reset() {
			generations.next();
			requests.length = 0;
			handlers = [];
			state.lists = defaultLists();
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
	return mock;
}

/** `count` records with IDs `prefix-1`…, for paging tests. */
export function records(count: number, prefix = 'r'): Obj[] {
	return Array.from({ length: count }, (_, index) => ({
		id: `${prefix}-${index + 1}`,
		name: `${prefix} ${index + 1}`,
	}));
}
