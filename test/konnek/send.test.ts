import {
	getGlobalState,
	setGlobalState,
	type IDataObject,
	type INodeParameters,
} from 'n8n-workflow';

import { CLIENT_ID, okAnswer, PASSWORD, USERNAME } from './mockKonnek';
import { konnekCredential, RECIPIENT, runKonnekOk, text, useMockKonnek, UUID } from './fixtures';

/**
 * Send through n8n's real engine to a mock Konnek: the request that goes out (path, headers,
 * documented body with generated id / times / timestamp) and the item that comes out.
 */

// The workflow's time zone gives the timestamp's offset: n8n sets its default from
// GENERIC_TIMEZONE through n8n-workflow's global state.
const globalState = getGlobalState();
beforeAll(() => setGlobalState({ ...globalState, defaultTimezone: 'Asia/Jakarta' }));
afterAll(() => setGlobalState(globalState));

const konnek = useMockKonnek();

function sentBody(index = 0): IDataObject {
	return konnek.mock.requests[index].body as IDataObject;
}

describe('Konnek send: the request', () => {
	it('posts a text to <base>/line/send/<clientID> with Auth-username / Auth-password headers (not Basic)', async () => {
		const before = Math.floor(Date.now() / 1000);
		await runKonnekOk(konnek.mock, text('Hello from n8n'));
		const after = Math.ceil(Date.now() / 1000);

		expect(konnek.mock.requests).toHaveLength(1);
		const request = konnek.mock.requests[0];
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`/line/send/${CLIENT_ID}`);
		expect(request.headers['auth-username']).toBe(USERNAME);
		expect(request.headers['auth-password']).toBe(PASSWORD);
		expect(request.headers.authorization).toBeUndefined();
		expect(request.headers['content-type']).toMatch(/^application\/json/);

		const body = sentBody();
		expect(Object.keys(body)).toEqual([
			'id',
			'times',
			'timestamp',
			'timestampt',
			'recipient',
			'type',
			'body',
		]);
		expect(body).toMatchObject({
			recipient: RECIPIENT,
			type: 'text',
			body: { text: 'Hello from n8n' },
		});
		expect(body.id).toMatch(UUID);
		expect(body.times).toBeGreaterThanOrEqual(before);
		expect(body.times).toBeLessThanOrEqual(after);
		// One instant: RFC 3339 with the workflow time zone's offset, the sample's shape.
		expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/);
		expect(Math.floor(Date.parse(body.timestamp as string) / 1000)).toBe(body.times);
		expect(body.timestampt).toBe(body.timestamp);
	});

	it('every item gets its own UUID; a given Message ID, Reply To Message ID are sent as id and reply_id', async () => {
		await runKonnekOk(konnek.mock, text('a'), { input: [{}, {}] });
		expect(sentBody(0).id).not.toBe(sentBody(1).id);

		konnek.mock.reset();
		await runKonnekOk(
			konnek.mock,
			text('a', { options: { messageId: 'order-1', replyId: 'in-9' } }),
		);
		expect(sentBody()).toMatchObject({ id: 'order-1', reply_id: 'in-9' });
		expect(Object.keys(sentBody()).slice(0, 2)).toEqual(['id', 'reply_id']);
	});

	it('leaves out the misspelt "timestampt" when Also Send Timestampt is off', async () => {
		await runKonnekOk(konnek.mock, text('a', { options: { sendTimestampt: false } }));
		expect(sentBody()).not.toHaveProperty('timestampt');
		expect(sentBody()).toHaveProperty('timestamp');
	});

	it.each([
		['whatsapp', '/whatsapp/send/'],
		['telegram', '/telegram/send/'],
		['facebook', '/facebook/send/'],
		['line', '/line/send/'],
	])('channel %s posts to %s<clientID>', async (channel, path) => {
		await runKonnekOk(konnek.mock, text('a', { channel }));
		expect(konnek.mock.requests[0].path).toBe(`${path}${CLIENT_ID}`);
	});

	it('Channel Path replaces the inferred slug; the client ID is URL-encoded', async () => {
		const credentials = konnekCredential(konnek.mock.url, { clientId: 'client/42 a' });
		await runKonnekOk(
			konnek.mock,
			text('a', { channel: 'whatsapp', options: { channelPath: '/wa/' } }),
			{ credentials },
		);
		expect(konnek.mock.requests[0].path).toBe('/wa/send/client%2F42%20a');
	});

	it('a base URL with a path and a trailing slash is joined without a double slash', async () => {
		const credentials = konnekCredential(`${konnek.mock.url}/api/`);
		await runKonnekOk(konnek.mock, text('a'), { credentials });
		expect(konnek.mock.requests[0].path).toBe(`/api/line/send/${CLIENT_ID}`);
	});

	it('reply_token is sent on Telegram only', async () => {
		await runKonnekOk(
			konnek.mock,
			text('a', { channel: 'telegram', options: { replyToken: 'tg-1' } }),
		);
		expect(sentBody().reply_token).toBe('tg-1');

		konnek.mock.reset();
		await runKonnekOk(konnek.mock, text('a', { channel: 'line', options: { replyToken: 'tg-1' } }));
		expect(sentBody()).not.toHaveProperty('reply_token');
	});
});

describe('Konnek send: every message type as documented', () => {
	const header = { value: { type: 'image', mediaUrl: 'https://example.com/banner.jpg' } };
	const footer = { value: { title: 'Shop', text: 'Reply STOP to stop' } };
	const sections = [
		{
			title: 'Section 1',
			description: 'Description section 1',
			actions: [
				{ key: 'sec1act1', title: 'Action 1', description: 'Description action 1' },
				{ key: 'sec1act2', title: 'Action 2', description: 'Description action 2' },
			],
		},
	];
	const cases: Array<[string, INodeParameters, IDataObject]> = [
		...['image', 'video', 'audio', 'voice', 'document'].map(
			(type): [string, INodeParameters, IDataObject] => [
				type,
				{ type, mediaUrl: 'https://example.com/file.bin', mediaName: 'file.bin' },
				{ body: { media: { url: 'https://example.com/file.bin', name: 'file.bin' } } },
			],
		),
		[
			'location',
			{ type: 'location', latitude: -6.2, longitude: 106.816666 },
			{ body: { location: { latitude: -6.2, longitude: 106.816666 } } },
		],
		[
			'button with header and footer',
			{
				type: 'button',
				text: 'Pick one',
				buttons: {
					button: [
						{ key: 'btn1', title: 'Button 1' },
						{ key: 'btn2', title: 'Button 2' },
					],
				},
				header,
				footer,
			},
			{
				body: {
					text: 'Pick one',
					button: [
						{ key: 'btn1', title: 'Button 1' },
						{ key: 'btn2', title: 'Button 2' },
					],
				},
				header: { type: 'image', media_url: 'https://example.com/banner.jpg' },
				footer: { title: 'Shop', text: 'Reply STOP to stop' },
			},
		],
		[
			'list with a text header',
			{
				type: 'list',
				listTitle: 'Menu',
				listSections: JSON.stringify(sections),
				header: { value: { type: 'text', text: 'Our menu' } },
			},
			{ body: { list: { title: 'Menu', sections } }, header: { type: 'text', text: 'Our menu' } },
		],
	];

	it.each(cases)('%s', async (_name, parameters, expected) => {
		await runKonnekOk(konnek.mock, { channel: 'whatsapp', recipient: RECIPIENT, ...parameters });
		const body = sentBody();
		expect(body.type).toBe(parameters.type);
		expect({ body: body.body, header: body.header, footer: body.footer }).toEqual({
			body: expected.body,
			header: expected.header,
			footer: expected.footer,
		});
	});

	it('a list given by an expression (an array, not JSON text) is sent as is', async () => {
		await runKonnekOk(
			konnek.mock,
			{
				channel: 'whatsapp',
				recipient: RECIPIENT,
				type: 'list',
				listTitle: 'Menu',
				listSections: '={{ $json.sections }}',
			},
			{ input: [{ sections }] },
		);
		expect((sentBody().body as IDataObject).list).toEqual({ title: 'Menu', sections });
	});
});

describe('Konnek send: the output', () => {
	it('one item per input item with the IDs and status, paired to its item', async () => {
		konnek.mock.on((request) => okAnswer(request.body, 1));
		const items = await runKonnekOk(konnek.mock, text('={{ $json.text }}'), {
			input: [{ text: 'one' }, { text: 'two' }],
		});
		expect(items).toHaveLength(2);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const [first] = items;
		const request = konnek.mock.requests[0];
		const answer = request.response.body as { data: IDataObject };
		expect(first.json).toEqual({
			id: sentBody(0).id,
			messageId: answer.data.message_id,
			tid: answer.data.tid,
			status: 1,
			statusName: 'Sent',
			message: 'OK',
			channel: 'line',
			recipient: RECIPIENT,
			type: 'text',
			times: sentBody(0).times,
			timestamp: sentBody(0).timestamp,
		});
		expect((sentBody(1).body as IDataObject).text).toBe('two');
	});

	it.each([
		[-3, 'Failed'],
		[-2, 'Undelivered'],
		[-1, 'Unsent'],
		[0, 'Pending'],
		[1, 'Sent'],
		[2, 'Delivered'],
		[3, 'Read'],
		[7, 'Unknown (7)'],
	])('data.status %i is named %s', async (status, name) => {
		konnek.mock.on((request) => okAnswer(request.body, status));
		const [item] = await runKonnekOk(konnek.mock, text('a'));
		expect(item.json).toMatchObject({ status, statusName: name });
	});
});
