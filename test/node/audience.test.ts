import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { idsOfFile } from '../../nodes/Line/actions/audience/upload';
import type { MockRequest } from '../support/mockLine';
import { parseMultipart, validateRequest } from '../support/openapi';
import { AUDIENCE_GROUPS, AUDIENCE_ID, CREATED, textFile } from './contracts/audience';
import {
	apiRequests,
	GROUP,
	header,
	runLine,
	runLineOk,
	tokenCredential,
	USER,
	USER_2,
	useMockLine,
	userIds,
} from './fixtures';

/**
 * Audiences: IDs checked before anything is sent, uploads of any size split into LINE's requests
 * of 10,000 (each sent once), files read from binary fields and sent as multipart/form-data to
 * the data host, lists followed page by page.
 */

const line = useMockLine();

const UPLOAD = '/v2/bot/audienceGroup/upload';
const BY_FILE = '/v2/bot/audienceGroup/upload/byFile';
const IFA = '8d5b6b1e-3f4a-4c2b-9e1d-2a3b4c5d6e7f';
const BROADCAST_REQUEST_ID = 'bb9744f9-47fa-4a29-941e-1234567890ab';

const audience = (operation: string, parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'audience',
	operation,
	...parameters,
});

const idsOf = (request: MockRequest) =>
	(request.body as { audiences: Array<{ id: string }> }).audiences.map(({ id }) => id);

function acceptUploads(): void {
	line.mock.on('POST', UPLOAD, () => ({ status: 202, body: CREATED }));
	line.mock.on('PUT', UPLOAD, () => ({ status: 202, body: {} }));
}

/** The error a run stopped with, and that nothing went to LINE. */
async function refused(parameters: INodeParameters, input?: IDataObject[]) {
	const result = await runLine(line.mock, parameters, { input });
	expect(apiRequests(line.mock)).toEqual([]);
	expect(result.error).toBeDefined();
	return result.error!;
}

describe('checked before sending, naming the item and the field', () => {
	it.each([
		['a name of spaces only', '={{ "   " }}', 'description: is empty [item 0]'],
		[
			'a name of 61 emoji (122 UTF-16 code units)',
			'🍎'.repeat(61),
			'description: is too long: 122 characters, LINE allows at most 120 [item 0]',
		],
		[
			'a name with a line break',
			'Spring\ncampaign',
			'description: contains the control character U+000A at position 6; LINE refuses line breaks, tabs and other control characters in audience names [item 0]',
		],
	])('%s', async (_, description, message) => {
		const error = await refused(audience('create', { description, audiences: USER }));
		expect(error.message).toBe(message);
	});

	it('a name of 60 emoji (120 code units) is accepted', async () => {
		acceptUploads();
		await runLineOk(
			line.mock,
			audience('create', { description: '🍎'.repeat(60), audiences: USER }),
		);
		expect(apiRequests(line.mock)[0].body).toMatchObject({ description: '🍎'.repeat(60) });
	});

	it.each([
		[
			'an IFA in an audience of user IDs, with the way out',
			{ audiences: `${USER}, ${IFA}` },
			`audiences[1]: "${IFA}" is an IFA, but this audience holds user IDs [item 0]`,
			'Turn on IFA Audience to create an audience of IFAs.',
		],
		[
			'a user ID in an audience of IFAs',
			{ audiences: USER, options: { isIfaAudience: true } },
			`audiences[0]: "${USER}" is a user ID, but this audience holds IFAs [item 0]`,
			expect.stringContaining('turn off IFA Audience'),
		],
		[
			'a group ID',
			{ audiences: GROUP },
			`audiences[0]: "${GROUP}" is a group or room ID; audiences hold users only [item 0]`,
			undefined,
		],
		[
			'the LINE ID shown in the app',
			{ audiences: '@shop123' },
			'audiences[0]: "@shop123" is not a LINE user ID (U followed by 32 hex characters, e.g. U4af4980629...) [item 0]',
			expect.stringContaining('source.userId'),
		],
		[
			'no IDs at all (the default expression finds no userId)',
			{},
			'audiences: holds no user IDs or IFAs [item 0]',
			expect.stringContaining('Give at least one'),
		],
	])('%s', async (_, parameters, message, hint) => {
		const error = await refused(
			audience('create', { description: 'Spring', ...parameters } as INodeParameters),
		);
		expect(error.message).toBe(message);
		if (hint !== undefined) expect(error.description).toEqual(hint);
	});

	it('an item naming another audience than the first under Combine All Items', async () => {
		const error = await refused(
			audience('create', {
				description: '={{ $json.name }}',
				options: { combineItems: true },
			}),
			[
				{ userId: USER, name: 'Spring' },
				{ userId: USER_2, name: 'Summer' },
			],
		);
		expect(error.message).toBe(
			'description: is "Summer" here but "Spring" for item 0; Combine All Items creates one audience [item 1]',
		);
	});

	it('user IDs and IFAs mixed in one addition', async () => {
		const error = await refused(
			audience('addUserIds', { audienceGroupId: String(AUDIENCE_ID), audiences: `${IFA} ${USER}` }),
		);
		expect(error.message).toBe(
			`audiences[1]: "${USER}" is a user ID, but this audience holds IFAs [item 0]`,
		);
	});

	it.each([
		['digits with a fraction', '12.5', 'audienceGroupId: "12.5" is not an audience ID'],
		['a name', 'Spring', 'audienceGroupId: "Spring" is not an audience ID'],
		['nothing (no audienceGroupId in the item)', undefined, 'audienceGroupId: is empty [item 0]'],
	])('an audience ID that is %s', async (_, audienceGroupId, message) => {
		const parameters = audience('delete');
		if (audienceGroupId !== undefined) parameters.audienceGroupId = audienceGroupId;
		const error = await refused(parameters);
		expect(error.message).toContain(message);
	});

	it('a click-based audience for a message ID instead of a request ID, or with a relative URL', async () => {
		const byMessageId = await refused(
			audience('createClickBased', { description: 'Clicked', requestId: '477123456789' }),
		);
		expect(byMessageId.message).toBe(
			'requestId: "477123456789" is not a LINE request ID (a UUID such as bb9744f9-47fa-4a29-941e-1234567890ab) [item 0]',
		);
		const relative = await refused(
			audience('createClickBased', {
				description: 'Clicked',
				requestId: BROADCAST_REQUEST_ID,
				options: { clickUrl: '/sale' },
			}),
		);
		expect(relative.message).toBe('clickUrl: "/sale" is not an absolute URL [item 0]');
		const long = await refused(
			audience('createClickBased', {
				description: 'Clicked',
				requestId: BROADCAST_REQUEST_ID,
				options: { clickUrl: `https://example.com/${'a'.repeat(1981)}` },
			}),
		);
		expect(long.message).toBe(
			'clickUrl: is too long: 2001 characters, LINE allows at most 2000 [item 0]',
		);
	});

	it('under continueOnFail a bad item becomes an error item and the others are sent', async () => {
		acceptUploads();
		const result = await runLine(
			line.mock,
			audience('create', { description: '={{ $json.name }}', audiences: '={{ $json.ids }}' }),
			{
				input: [
					{ name: 'A', ids: [USER] },
					{ name: 'B', ids: ['not-an-id'] },
					{ name: 'C', ids: [USER_2] },
				],
				continueOnFail: true,
			},
		);
		expect(apiRequests(line.mock).map((r) => (r.body as IDataObject).description)).toEqual([
			'A',
			'C',
		]);
		expect(
			result.items.map((item) => [item.json.error ?? item.json.uploadedIdCount, item.pairedItem]),
		).toEqual([
			[1, { item: 0 }],
			[expect.stringContaining('audiences[0]: "not-an-id" is not a LINE user ID'), { item: 1 }],
			[1, { item: 2 }],
		]);
	});
});

describe('uploads by JSON: 10,000 IDs per request, each sent once', () => {
	it('25,000 IDs: created with the first 10,000, then 10,000 and 5,000 added, in order, each ID once', async () => {
		acceptUploads();
		const ids = userIds(25_000);
		const items = await runLineOk(
			line.mock,
			audience('create', { description: 'Everyone', audiences: '={{ $json.ids }}' }),
			{ input: [{ ids: [...ids, ...ids.slice(0, 100)] }] },
		);

		const requests = apiRequests(line.mock);
		expect(requests.map((r) => `${r.method} ${idsOf(r).length}`)).toEqual([
			'POST 10000',
			'PUT 10000',
			'PUT 5000',
		]);
		expect(requests.flatMap(idsOf)).toEqual(ids);
		expect(requests.slice(1).map((r) => (r.body as IDataObject).audienceGroupId)).toEqual([
			AUDIENCE_ID,
			AUDIENCE_ID,
		]);
		expect(items).toEqual([
			{ json: { ...CREATED, uploadedIdCount: 25_000 }, pairedItem: { item: 0 } },
		]);
	});

	it('Combine All Items: 20,001 items of one user each make one audience of 3 requests, one output item', async () => {
		acceptUploads();
		const ids = userIds(20_001);
		const items = await runLineOk(
			line.mock,
			audience('create', { description: 'Followers', options: { combineItems: true } }),
			{ input: ids.map((userId) => ({ userId })) },
		);
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => `${r.method} ${idsOf(r).length}`)).toEqual([
			'POST 10000',
			'PUT 10000',
			'PUT 1',
		]);
		expect(requests.flatMap(idsOf)).toEqual(ids);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({ ...CREATED, uploadedIdCount: 20_001 });
		expect(items[0].pairedItem).toEqual(ids.map((_, item) => ({ item })));
	});

	it('a chunk LINE refuses (even with a 500) is not sent again, and the error says how far the upload got', async () => {
		line.mock.once('POST', UPLOAD, () => ({ status: 202, body: CREATED }));
		line.mock.once('PUT', UPLOAD, () => ({
			status: 500,
			body: { message: 'An error occurred in the internal server' },
		}));
		const result = await runLine(
			line.mock,
			audience('create', { description: 'Everyone', audiences: '={{ $json.ids }}' }),
			{ input: [{ ids: userIds(25_000) }] },
		);
		expect(apiRequests(line.mock).map((r) => r.method)).toEqual(['POST', 'PUT']);
		expect(result.error?.message).toContain('500');
		expect(result.error?.description).toContain(
			`Audience ${AUDIENCE_ID}: 10000 of 25000 IDs were uploaded, the other 15000 were not. Add them with Audience → Add User IDs`,
		);
	});

	it('Add User IDs, combined: the items of each audience go together, one output item per audience', async () => {
		line.mock.on('PUT', UPLOAD, () => ({ status: 202, body: {} }));
		const items = await runLineOk(
			line.mock,
			audience('addUserIds', { options: { combineItems: true } }),
			{
				input: [
					{ audienceGroupId: 1, userId: USER },
					{ audienceGroupId: 2, userId: USER },
					{ audienceGroupId: 1, userId: USER_2 },
					{ audienceGroupId: 1, userId: USER },
				],
			},
		);
		expect(apiRequests(line.mock).map((r) => r.body)).toEqual([
			{ audienceGroupId: 1, audiences: [{ id: USER }, { id: USER_2 }] },
			{ audienceGroupId: 2, audiences: [{ id: USER }] },
		]);
		expect(items).toEqual([
			{
				json: { audienceGroupId: 1, uploadedIdCount: 2 },
				pairedItem: [{ item: 0 }, { item: 2 }, { item: 3 }],
			},
			{ json: { audienceGroupId: 2, uploadedIdCount: 1 }, pairedItem: [{ item: 1 }] },
		]);
	});

	it('Add User IDs of 20,001 IDs for one item: 3 requests, one after another', async () => {
		// LINE limits concurrent operations per audience: count the additions in flight at once.
		let inFlight = 0;
		let most = 0;
		line.mock.on('PUT', UPLOAD, async () => {
			most = Math.max(most, ++inFlight);
			await new Promise((resolve) => setTimeout(resolve, 20));
			inFlight--;
			return { status: 202, body: {} };
		});
		const ids = userIds(20_001);
		const items = await runLineOk(
			line.mock,
			audience('addUserIds', { audiences: '={{ $json.ids }}' }),
			{ input: [{ audienceGroupId: AUDIENCE_ID, ids }] },
		);
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => idsOf(r).length)).toEqual([10_000, 10_000, 1]);
		expect(requests.flatMap(idsOf)).toEqual(ids);
		expect(most).toBe(1);
		expect(items[0].json).toEqual({ audienceGroupId: AUDIENCE_ID, uploadedIdCount: 20_001 });
	});
});

describe('uploads by file: a binary field sent as multipart/form-data to the data host', () => {
	const filePartOf = (request: MockRequest) => {
		const parts = parseMultipart(request.bodyBytes, header(request, 'content-type'));
		if (typeof parts === 'string') throw new Error(parts);
		return parts.find((part) => part.name === 'file')!;
	};

	it('goes to the data host only (the API host is not reachable here)', async () => {
		line.mock.once('POST', BY_FILE, () => ({ status: 202, body: CREATED }));
		const credential = tokenCredential(line.mock);
		credential.data = { ...credential.data, baseUrl: 'http://127.0.0.1:9' };
		const result = await runLine(
			line.mock,
			audience('createFromFile', { description: 'From file' }),
			{ credentials: credential, files: [textFile('data', 'ids.txt', `${USER}\n`)] },
		);
		expect(result.error).toBeUndefined();
		expect(apiRequests(line.mock).map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${BY_FILE}`]);
		expect(result.items[0].json).toEqual({ ...CREATED, uploadedIdCount: 1 });
	});

	it('the file part: text/plain, the binary’s file name with its quote escaped, one checked ID per line', async () => {
		line.mock.once('PUT', BY_FILE, () => ({ status: 202, body: {} }));
		const items = await runLineOk(
			line.mock,
			audience('addUserIdsFromFile', { binaryPropertyName: 'list' }),
			{
				input: [{ audienceGroupId: AUDIENCE_ID }],
				files: [
					textFile(
						'list',
						'say "hi".txt',
						`${IFA.toUpperCase()}\r\n\r\n${IFA}\n`,
						'application/octet-stream',
					),
				],
			},
		);
		const [request] = apiRequests(line.mock);
		expect(request.problems).toEqual([]);
		expect(filePartOf(request)).toEqual({
			name: 'file',
			fileName: 'say %22hi%22.txt',
			contentType: 'text/plain',
			value: `${IFA.toUpperCase()}\n`,
		});
		expect(items[0].json).toEqual({ audienceGroupId: AUDIENCE_ID, uploadedIdCount: 1 });
	});

	it('each upload gets its own random boundary', async () => {
		line.mock.on('PUT', BY_FILE, () => ({ status: 202, body: {} }));
		await runLineOk(
			line.mock,
			audience('addUserIdsFromFile', { source: 'list', audiences: '={{ $json.userId }}' }),
			{
				input: [
					{ audienceGroupId: 1, userId: USER },
					{ audienceGroupId: 2, userId: USER_2 },
				],
			},
		);
		const boundaries = apiRequests(line.mock).map((r) => header(r, 'content-type'));
		expect(boundaries[0]).toMatch(/^multipart\/form-data; boundary=\S{20,}$/);
		expect(new Set(boundaries).size).toBe(2);
	});

	it('a bad line names the field and the line; nothing is sent', async () => {
		const result = await runLine(line.mock, audience('createFromFile', { description: 'CSV' }), {
			files: [textFile('data', 'ids.csv', `userId\n${USER}\n`)],
		});
		expect(apiRequests(line.mock)).toEqual([]);
		expect(result.error?.message).toBe(
			'data line 1: "userId" is not a LINE user ID (U followed by 32 hex characters, e.g. U4af4980629...) [item 0]',
		);
	});

	it('an empty file, and an item without the binary field', async () => {
		const empty = await runLine(line.mock, audience('createFromFile', { description: 'Empty' }), {
			files: [textFile('data', 'empty.txt', '\n\n')],
		});
		expect(empty.error?.message).toBe('data: holds no user IDs or IFAs [item 0]');

		const missing = await runLine(line.mock, audience('createFromFile', { description: 'None' }));
		expect(missing.error?.message).toBe(
			"This operation expects the node's input data to contain a binary file 'data', but none was found [item 0]",
		);
		expect(apiRequests(line.mock)).toEqual([]);
	});

	it('at most 1,500,000 IDs a file: the first one too many is named', () => {
		const lines = userIds(1_500_001).join('\n');
		expect(() => idsOfFile(Buffer.from(lines), 'data', 'userId')).toThrow(
			'data: holds more than 1,500,000 IDs (line 1500001 is one too many); LINE takes at most that many per file',
		);
	});
});

describe('the mock checks multipart bodies against the spec', () => {
	const BOUNDARY = 'test-boundary';
	const part = (headers: string, content: string) =>
		`--${BOUNDARY}\r\n${headers}\r\n\r\n${content}\r\n`;
	const problems = (body: string, method = 'POST') =>
		validateRequest('manage-audience', {
			method,
			path: BY_FILE,
			headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
			body: `${body}--${BOUNDARY}--\r\n`,
		});
	const filePart = part(
		'Content-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain',
		`${USER}\n`,
	);

	it('accepts what the node sends', () => {
		expect(
			problems(part('Content-Disposition: form-data; name="description"', 'A') + filePart),
		).toEqual([]);
	});

	it.each([
		[
			'without the file',
			part('Content-Disposition: form-data; name="description"', 'A'),
			'body.file: required',
		],
		[
			'a file of another content type',
			part(
				'Content-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv',
				USER,
			),
			'body.file: Content-Type must be text/plain (got text/csv)',
		],
		[
			'a file without a content type',
			part('Content-Disposition: form-data; name="file"; filename="a.txt"', USER),
			'body.file: Content-Type must be text/plain (got none)',
		],
		[
			'the file sent as a plain field',
			part('Content-Disposition: form-data; name="file"\r\nContent-Type: text/plain', USER),
			'body.file: must be sent as a file (Content-Disposition filename)',
		],
		[
			'a field the spec does not know',
			part('Content-Disposition: form-data; name="name"', 'A') + filePart,
			'body.name: unknown property',
		],
		[
			'a name over 120 characters',
			part('Content-Disposition: form-data; name="description"', 'a'.repeat(121)) + filePart,
			'body.description: must be at most 120 characters (got 121)',
		],
		[
			'isIfaAudience that is not a boolean',
			part('Content-Disposition: form-data; name="isIfaAudience"', 'yes') + filePart,
			'body.isIfaAudience: must be a boolean (got a string)',
		],
	])('refuses %s', (_, body, problem) => {
		expect(problems(body)).toContain(problem);
	});

	it('refuses a body that does not end with the closing boundary', () => {
		expect(
			validateRequest('manage-audience', {
				method: 'POST',
				path: BY_FILE,
				headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
				body: filePart,
			}),
		).toEqual([`body: does not end with the closing boundary --${BOUNDARY}--`]);
	});

	it('checks the audience ID of an addition as an integer', () => {
		expect(
			problems(
				part('Content-Disposition: form-data; name="audienceGroupId"', 'abc') + filePart,
				'PUT',
			),
		).toContain('body.audienceGroupId: must be an integer (got a string)');
	});
});

describe('Get Many: page by page', () => {
	const LIST = '/v2/bot/audienceGroup/list';
	const audiences = (count: number, offset = 0) =>
		Array.from({ length: count }, (_, i) => ({
			...AUDIENCE_GROUPS[1],
			audienceGroupId: 1000 + offset + i,
		}));

	function pages(...contents: IDataObject[][]): void {
		contents.forEach((audienceGroups, index) => {
			line.mock.on(
				'GET',
				LIST,
				(request) =>
					request.query.page === String(index + 1)
						? {
								status: 200,
								body: { audienceGroups, hasNextPage: index < contents.length - 1, page: index + 1 },
							}
						: undefined,
				{ times: 1 },
			);
		});
	}

	it('Return All follows hasNextPage over 3 pages of 40 and outputs one item per audience', async () => {
		const all = audiences(90);
		pages(all.slice(0, 40), all.slice(40, 80), all.slice(80));
		const items = await runLineOk(line.mock, audience('list', { returnAll: true }));
		expect(apiRequests(line.mock).map((r) => r.query)).toEqual([
			{ page: '1', size: '40' },
			{ page: '2', size: '40' },
			{ page: '3', size: '40' },
		]);
		expect(items.map((item) => item.json)).toEqual(all);
	});

	it('Limit 45 keeps the page size at 40 (pages count in that size) and stops after the second page', async () => {
		const all = audiences(120);
		pages(all.slice(0, 40), all.slice(40, 80), all.slice(80));
		const items = await runLineOk(line.mock, audience('list', { limit: 45 }));
		expect(apiRequests(line.mock).map((r) => r.query)).toEqual([
			{ page: '1', size: '40' },
			{ page: '2', size: '40' },
		]);
		expect(items.map((item) => item.json)).toEqual(all.slice(0, 45));
	});

	it('no audiences: no items', async () => {
		pages([]);
		expect(await runLineOk(line.mock, audience('list', { returnAll: true }))).toEqual([]);
	});
});
