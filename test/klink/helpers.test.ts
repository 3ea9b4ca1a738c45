import {
	isFailureEnvelope,
	readKlinkError,
	readListPage,
	readRecord,
} from '../../nodes/Klink/helpers/envelopes';
import { isValidKlinkSignature, klinkSignature } from '../../nodes/Klink/helpers/signature';

/** klink.cloud's envelopes and error bodies, and the webhook signature, taken apart. */

describe('readListPage: the records of every list envelope klink.cloud uses', () => {
	const rows = [{ id: 'a' }, { id: 'b' }];

	it.each([
		[
			'list',
			{ total: 12, page: 2, pageSize: 10, lastPage: 2, data: rows },
			{ page: 2, pageSize: 10, lastPage: 2, total: 12 },
		],
		[
			'channels',
			{ requestId: 'r', page: 1, pageSize: 10, lastPage: 8, total: 73, data: rows },
			{ page: 1, lastPage: 8, total: 73 },
		],
		[
			'CX logs',
			{ requestId: 'r', cxLogs: { data: rows, total: 2, page: 1, lastPage: 1 } },
			{ page: 1, lastPage: 1, total: 2 },
		],
		['comments', { requestId: 'r', data: rows }, {}],
		['legacy', { has_more: true, data: rows }, { hasMore: true }],
		['page numbers as text', { page: '3', lastPage: '4', data: rows }, { page: 3, lastPage: 4 }],
		['a bare array', rows, {}],
		[
			'data wrapping a list',
			{ status: 'success', data: { data: rows, lastPage: 5 } },
			{ lastPage: 5 },
		],
	])('%s', (_name, body, paging) => {
		const page = readListPage(body);
		expect(page?.entries).toEqual(rows);
		expect(page).toMatchObject(paging);
	});

	it('a detail answer holds no list', () => {
		expect(
			readListPage({ status: 'success', message: 'contact', data: { id: 'a' } }),
		).toBeUndefined();
		expect(readListPage('oops')).toBeUndefined();
	});

	it('entries that are not objects are kept as { value }', () => {
		expect(readListPage({ data: ['vip', 'new'] })?.entries).toEqual([
			{ value: 'vip' },
			{ value: 'new' },
		]);
	});
});

describe('readRecord', () => {
	it.each([
		['detail', { status: 'success', message: 'contact', data: { id: 'a' } }, { id: 'a' }],
		['ticket create', { success: true, data: { id: 't' } }, { id: 't' }],
		['send', { status: 200, message: 'Message sent successfully', data: { id: 'm' } }, { id: 'm' }],
		['media', { data: { id: 'f' } }, { id: 'f' }],
		[
			'data null',
			{ status: 'success', message: 'updated', data: null },
			{ status: 'success', message: 'updated' },
		],
		[
			'no data',
			{ status: 'success', channel: 'Line', requestId: 'r' },
			{ status: 'success', channel: 'Line', requestId: 'r' },
		],
		['no body', '', {}],
	])('%s', (_name, body, record) => {
		expect(readRecord(body)).toEqual(record);
	});
});

describe('isFailureEnvelope', () => {
	it.each([
		[{ success: false }, true],
		[{ status: 'error', message: 'x' }, true],
		[{ status: 'FAILED' }, true],
		[{ status: 404 }, true],
		[{ status: 200, message: 'Message sent successfully' }, false],
		[{ status: 'success' }, false],
		[{ success: true }, false],
		[[], false],
	])('%j → %s', (body, failed) => {
		expect(isFailureEnvelope(body)).toBe(failed);
	});
});

describe('readKlinkError', () => {
	it('reads class-validator style errors with constraints', () => {
		expect(
			readKlinkError({
				message: 'Validation failed',
				errors: [{ property: 'title', constraints: { isNotEmpty: 'title should not be empty' } }],
			}),
		).toEqual({ message: 'Validation failed', details: ['title: title should not be empty'] });
	});

	it('takes the first listed problem as the message when there is no message', () => {
		expect(readKlinkError({ errors: ['contactId is required'] })).toEqual({
			message: 'contactId is required',
			details: ['contactId is required'],
		});
	});

	it('an empty or unknown body gives nothing to show (the status code is used instead)', () => {
		expect(readKlinkError({})).toEqual({ details: [] });
		expect(readKlinkError(undefined)).toEqual({ details: [] });
		expect(readKlinkError('   ')).toEqual({ message: undefined, details: [] });
	});
});

describe('webhook signature', () => {
	const secret = 'whsec_test';
	const body = Buffer.from('{"event":"contact.create","data":{"name":"สมชาย"}}', 'utf8');

	it('is the hex HMAC-SHA256 of the exact bytes', () => {
		expect(klinkSignature(secret, body)).toMatch(/^[0-9a-f]{64}$/);
		expect(isValidKlinkSignature(secret, body, klinkSignature(secret, body))).toBe(true);
		expect(isValidKlinkSignature(secret, body.toString('utf8'), klinkSignature(secret, body))).toBe(
			true,
		);
	});

	it.each([
		['an empty secret', '', klinkSignature('', body)],
		['a repeated header (array)', secret, [klinkSignature(secret, body)]],
		['no header', secret, undefined],
		['a truncated signature', secret, klinkSignature(secret, body).slice(0, 63)],
		['another body', secret, klinkSignature(secret, `${body.toString()} `)],
	])('never verifies with %s', (_name, key, signature) => {
		expect(isValidKlinkSignature(key, body, signature)).toBe(false);
	});
});
