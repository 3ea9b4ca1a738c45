import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RunNodeResult } from '../support/engine';
import { useRecordedWaits } from '../support/waits';
import { json, klinkCredential, runKlink, runKlinkOk, sent, useMockKlink } from './fixtures';
import { CONTACT_ID, KLINK_TOKEN, LINE_CHANNEL_ID } from './mockKlink';

/**
 * What a user sees when klink.cloud refuses a request (its error bodies are undocumented and
 * differ: every known shape is read), when an inferred path is wrong, and when the node refuses
 * the input itself before sending anything.
 */

const klink = useMockKlink();

jest.mock('n8n-workflow', () => jest.requireActual('../support/waits').workflowWithRecordedSleep());
useRecordedWaits();

const getContact: INodeParameters = {
	resource: 'contact',
	operation: 'get',
	contactId: CONTACT_ID,
};
const createTicket: INodeParameters = { resource: 'ticket', operation: 'create', title: 'Help' };

/** Everything a user can see of a run: items, the error and the stored run data. */
function visible(result: RunNodeResult): string {
	return JSON.stringify([
		result.items,
		result.error?.message,
		result.error?.description,
		result.run.data.resultData,
	]);
}

describe("klink.cloud's errors", () => {
	it('401: names the endpoint, says how to get a new token, and never shows the token', async () => {
		const credentials = klinkCredential(klink.mock, { apiToken: 'kpt_revoked_token_123' });
		const result = await runKlink(klink.mock, getContact, { credentials });

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			`klink.cloud answered 401 on GET /api/v1/contacts/${CONTACT_ID}: Unauthenticated.`,
		);
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.itemIndex).toBe(0);
		expect(result.error?.description).toContain('API Tokens');
		expect(result.error?.description).toContain("check the credential's Base URL");
		expect(visible(result)).not.toContain('kpt_revoked_token_123');
		expect(visible(result)).not.toContain(KLINK_TOKEN);
	});

	it('a validation answer listing its problems in message (array) shows every one', async () => {
		klink.mock.once('POST', '/api/v1/tickets', () => ({
			status: 400,
			body: {
				statusCode: 400,
				message: [
					'title must be shorter than 100 characters',
					'priority must be a valid enum value',
				],
				error: 'Bad Request',
			},
		}));
		const result = await runKlink(klink.mock, createTicket);
		expect(result.error?.message).toBe(
			'klink.cloud answered 400 on POST /api/v1/tickets: title must be shorter than 100 characters; priority must be a valid enum value',
		);
		expect(result.error?.httpCode).toBe('400');
	});

	it('an errors object (field → messages) becomes one line per field', async () => {
		klink.mock.once('POST', '/api/v1/contacts', () => ({
			status: 422,
			body: {
				message: 'The given data was invalid.',
				errors: { name: ['The name has already been taken.'], 'email.0': ['Invalid email.'] },
			},
		}));
		const result = await runKlink(klink.mock, {
			resource: 'contact',
			operation: 'create',
			name: 'Somchai',
		});
		expect(result.error?.message).toBe(
			'klink.cloud answered 422 on POST /api/v1/contacts: The given data was invalid.',
		);
		expect(result.error?.description).toContain('name: The name has already been taken.');
		expect(result.error?.description).toContain('email.0: Invalid email.');
		expect(result.error?.description).toContain('Endpoint: POST /api/v1/contacts');
	});

	it('an errors list of { field, message } and a requestId', async () => {
		klink.mock.once('POST', '/api/v1/messages/send', () => ({
			status: 400,
			body: {
				status: 'error',
				message: 'Bad request',
				requestId: 'req-42',
				errors: [{ field: 'contactId', message: 'contact not found' }, 'message is too long'],
			},
		}));
		const result = await runKlink(klink.mock, {
			resource: 'message',
			operation: 'send',
			contactId: CONTACT_ID,
			message: 'Hi',
		});
		expect(result.error?.message).toBe(
			'klink.cloud answered 400 on POST /api/v1/messages/send: Bad request',
		);
		expect(result.error?.description?.split('\n')).toEqual([
			'contactId: contact not found',
			'message is too long',
			'Endpoint: POST /api/v1/messages/send',
			'klink.cloud request ID: req-42',
			'klink.cloud refused the request: it was not carried out.',
			'This run stopped: 0 of 1 item(s) were sent.',
			'Failed: items 0 (see above).',
		]);
	});

	it('an error as { error: { message } }', async () => {
		klink.mock.once('GET', /^\/api\/v1\/contacts\//, () => ({
			status: 403,
			body: { error: { code: 'FORBIDDEN', message: 'Missing ability contacts:read' } },
		}));
		const result = await runKlink(klink.mock, getContact);
		expect(result.error?.message).toContain(': Missing ability contacts:read');
		expect(result.error?.description).toContain("check the token's abilities");
	});

	it('an HTML gateway page becomes its text; a write is not repeated', async () => {
		klink.mock.on('POST', '/api/v1/tickets', () => ({
			status: 502,
			body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
		}));
		const result = await runKlink(klink.mock, createTicket);
		expect(result.error?.message).toBe(
			'klink.cloud answered 502 on POST /api/v1/tickets: 502 Bad Gateway',
		);
		expect(klink.mock.requests).toHaveLength(1);
	});

	it('a 2xx answer saying { success: false } is an error too', async () => {
		klink.mock.once('POST', '/api/v1/tickets', () => ({
			status: 200,
			body: { success: false, message: 'Contact does not exist' },
		}));
		const result = await runKlink(klink.mock, createTicket);
		expect(result.error?.message).toBe(
			'klink.cloud answered 200 on POST /api/v1/tickets: Contact does not exist',
		);
	});

	it('no answer at all: says so, points at the Base URL, and that nothing was sent', async () => {
		const credentials = klinkCredential(klink.mock, { customBaseUrl: 'http://127.0.0.1:9' });
		const result = await runKlink(klink.mock, createTicket, { credentials });
		expect(result.error?.message).toBe(
			"klink.cloud failed on POST /api/v1/tickets: no answer; check the credential's Base URL",
		);
		expect(result.error?.description).toContain('Network error: ECONNREFUSED');
		expect(result.error?.description).toContain(
			'No connection to klink.cloud (3 attempts): the request was not sent.',
		);
	});

	it('a documented endpoint answering 404 asks to check the IDs', async () => {
		const result = await runKlink(klink.mock, { ...getContact, contactId: 'nobody' });
		expect(result.error?.message).toBe(
			'klink.cloud answered 404 on GET /api/v1/contacts/nobody: contacts nobody not found',
		);
		expect(result.error?.description).toContain('Check the IDs');
	});
});

// Retries (what is repeated and what is not) are in delivery.test.ts.

describe('inferred paths can be corrected under Advanced → Path', () => {
	it('a 404 on an inferred path says how to correct it', async () => {
		klink.mock.once('GET', '/api/v1/tags', () => ({
			status: 404,
			body: { statusCode: 404, message: 'Cannot GET /api/v1/tags', error: 'Not Found' },
		}));
		const result = await runKlink(klink.mock, { resource: 'tag', operation: 'getAll', limit: 5 });
		expect(result.error?.message).toBe(
			'klink.cloud answered 404 on GET /api/v1/tags: Cannot GET /api/v1/tags',
		);
		expect(result.error?.description).toContain("set it in the operation's Advanced → Path");
	});

	it('the path given is used, with its placeholders filled in (encoded)', async () => {
		klink.mock.on('PUT', '/api/v2/tickets/tk%2F1/state', () => ({
			status: 200,
			body: { success: true, data: { id: 'tk/1', status: 'resolved' } },
		}));
		const items = await runKlink(klink.mock, {
			resource: 'ticket',
			operation: 'updateStatus',
			ticketId: 'tk/1',
			status: 'resolved',
			advanced: { path: '/api/v2/tickets/{ticketId}/state' },
		});
		expect(klink.mock.requests.map(sent)).toMatchObject([
			{ method: 'PUT', path: '/api/v2/tickets/tk%2F1/state', body: { status: 'resolved' } },
		]);
		expect(json(items.items)).toEqual([{ id: 'tk/1', status: 'resolved' }]);
	});

	it("a whole URL on the credential's host is accepted (another host: see delivery.test.ts)", async () => {
		const items = await runKlinkOk(klink.mock, {
			resource: 'message',
			operation: 'sendLineTransactional',
			channelId: LINE_CHANNEL_ID,
			contactId: CONTACT_ID,
			message: 'Hello',
			advanced: { path: `${klink.mock.url}/api/v1/message/send` },
		});
		expect(klink.mock.requests.map((r) => r.path)).toEqual(['/api/v1/message/send']);
		expect(items[0].json.status).toBe('success');
	});

	it('extra query parameters and body fields are sent as well', async () => {
		klink.mock.on('POST', '/api/v1/contacts', (request) => ({
			status: 201,
			body: { status: 'success', data: { id: 'new', ...(request.body as IDataObject) } },
		}));
		await runKlinkOk(klink.mock, {
			resource: 'contact',
			operation: 'create',
			name: 'Somchai',
			advanced: {
				bodyJson: '{ "contactNumber": "C-9", "name": "Somchai J." }',
			},
		});
		await runKlinkOk(klink.mock, {
			resource: 'ticket',
			operation: 'getAll',
			limit: 5,
			advanced: { queryParameters: { parameter: [{ name: 'status', value: 'open' }] } },
		});
		expect(klink.mock.requests.map((r) => [r.body, r.query])).toEqual([
			[{ name: 'Somchai J.', contactNumber: 'C-9' }, {}],
			[undefined, { status: 'open', page: '1', pageSize: '5' }],
		]);
	});
});

describe('continueOnFail', () => {
	it('the failing item carries error, errorDetails and httpCode; the others are sent', async () => {
		const items = await runKlink(
			klink.mock,
			{ ...getContact, contactId: '={{ $json.id }}' },
			{ input: [{ id: CONTACT_ID }, { id: 'nobody' }, { id: CONTACT_ID }], continueOnFail: true },
		);
		expect(items.error).toBeUndefined();
		expect(klink.mock.requests).toHaveLength(3);
		expect(items.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(items.items[0].json.id).toBe(CONTACT_ID);
		expect(items.items[1].json).toEqual({
			error: 'klink.cloud answered 404 on GET /api/v1/contacts/nobody: contacts nobody not found',
			errorDetails: expect.stringContaining('Endpoint: GET /api/v1/contacts/nobody'),
			httpCode: '404',
		});
	});
});

describe('local checks: nothing is sent, and the error names the field and the item', () => {
	const cases: Array<[string, INodeParameters, RegExp, IDataObject[]?]> = [
		[
			'a LINE user ID that is not one',
			{
				resource: 'message',
				operation: 'sendLineTransactional',
				channelId: LINE_CHANNEL_ID,
				sendTo: 'platformUserId',
				platformUserId: '@myshop',
				message: 'Hi',
			},
			/^platformUserId: "@myshop" is not a LINE user ID/,
		],
		[
			'an empty contact ID (from an expression)',
			{ ...getContact, contactId: '={{ $json.id }}' },
			/^contactId: is empty/,
			[{ other: 1 }],
		],
		[
			'a custom field key without cf_',
			{
				resource: 'contact',
				operation: 'create',
				name: 'Somchai',
				customFields: { field: [{ key: 'customer_id', value: '1' }] },
			},
			/^customFields\[0\]\.key: "customer_id" does not start with cf_/,
		],
		[
			'a mention without its placeholder in the text',
			{
				resource: 'message',
				operation: 'createComment',
				roomId: 'room-1',
				text: 'Hey, please check',
				mentions: { mention: [{ index: 0, userId: 'u-1' }] },
			},
			/^mentions\[0\]\.index: the text has no \{0\} placeholder/,
		],
		[
			'no tags to merge',
			{ resource: 'contact', operation: 'updateTags', contactId: CONTACT_ID, tags: ' , ' },
			/^tags: is empty/,
		],
		[
			'an update with nothing to update',
			{ resource: 'ticket', operation: 'update', ticketId: 'tk-1', updateFields: {} },
			/^updateFields: nothing to update/,
		],
		[
			'malformed extra body JSON',
			{
				resource: 'contact',
				operation: 'create',
				name: 'Somchai',
				advanced: { bodyJson: '{ "a": ' },
			},
			/^advanced\.bodyJson: not valid JSON/,
		],
		[
			'an extra query parameter without a name',
			{
				resource: 'ticket',
				operation: 'getAll',
				advanced: { queryParameters: { parameter: [{ name: ' ', value: 'open' }] } },
			},
			/^advanced\.queryParameters\[0\]\.name: is empty/,
		],
		[
			'a path that is neither a path nor a URL',
			{ resource: 'tag', operation: 'getAll', advanced: { path: 'api/v1/labels' } },
			/^advanced\.path: "api\/v1\/labels" is neither a path nor a URL/,
		],
		[
			'a path with a placeholder the operation does not fill',
			{
				resource: 'contact',
				operation: 'delete',
				contactId: CONTACT_ID,
				advanced: { path: '/api/v1/contacts/{id}' },
			},
			/^advanced\.path: has \{id\}, which this operation does not fill in/,
		],
	];

	it.each(
		cases.map(
			([name, parameters, message, input]) => [name, parameters, message, input ?? [{}]] as const,
		),
	)('%s', async (_name, parameters, message, input) => {
		const result = await runKlink(klink.mock, parameters, { input: [...input] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.message).toMatch(/ \[item 0\]$/);
		expect(result.error?.itemIndex).toBe(0);
		expect(klink.mock.requests).toEqual([]);
	});

	it('a bad item stops the run before any item is sent', async () => {
		const result = await runKlink(
			klink.mock,
			{ resource: 'message', operation: 'send', contactId: '={{ $json.id }}', message: 'Hi' },
			{ input: [{ id: 'c-1' }, { id: 'c-2' }, { id: '' }] },
		);
		expect(result.error?.message).toMatch(/^contactId: is empty.*\[item 2\]$/);
		expect(result.error?.description).toContain('Find by Social Platform ID');
		expect(klink.mock.requests).toEqual([]);
	});
});
