import type { INodeParameters } from 'n8n-workflow';

import { mockContentBytes, type MockResponse } from '../support/mockLine';
import { useRecordedWaits } from '../support/waits';
import { apiRequests, runLine, runLineOk, useMockLine } from './fixtures';

/** Content → Get Message Content: what a user sent, downloaded into a binary field. */

const line = useMockLine();

jest.mock('n8n-workflow', () => jest.requireActual('../support/waits').workflowWithRecordedSleep());
const mockWaits = useRecordedWaits({ clock: true });

const MESSAGE_ID = '477123456789';
const CONTENT = `/v2/bot/message/${MESSAGE_ID}/content`;
const TRANSCODING = `${CONTENT}/transcoding`;

const getContent = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'content',
	operation: 'getMessageContent',
	...parameters,
});

const event = (type: string, id = MESSAGE_ID) => ({ message: { type, id } });

function transcoding(...statuses: string[]): void {
	for (const status of statuses) {
		line.mock.once('GET', TRANSCODING, () => ({ status: 200, body: { status } }));
	}
}

function decoded(data: string | undefined): Buffer {
	return Buffer.from(data ?? '', 'base64');
}

describe('downloads into a binary field', () => {
	it('a file message: its bytes, MIME type and the file name LINE gives in content-disposition', async () => {
		const pdf = Buffer.from('%PDF-1.7 quarterly report');
		line.mock.once(
			'GET',
			CONTENT,
			(): MockResponse => ({
				status: 200,
				body: pdf,
				headers: {
					'content-type': 'application/pdf',
					'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('見積書 2026.pdf')}`,
				},
			}),
		);
		const items = await runLineOk(line.mock, getContent({ waitForTranscoding: 0 }), {
			input: [event('file')],
		});

		expect(apiRequests(line.mock).map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${CONTENT}`]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			messageId: MESSAGE_ID,
			mimeType: 'application/pdf',
			fileName: '見積書 2026.pdf',
			fileSize: pdf.length,
		});
		const binary = items[0].binary!.data;
		expect(decoded(binary.data)).toEqual(pdf);
		expect(binary).toMatchObject({ mimeType: 'application/pdf', fileName: '見積書 2026.pdf' });
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('a plain filename in content-disposition, MIME parameters dropped', async () => {
		line.mock.once('GET', CONTENT, () => ({
			status: 200,
			body: Buffer.from('hello'),
			headers: {
				'content-type': 'text/plain; charset=utf-8',
				'content-disposition': 'attachment; filename="notes.txt"',
			},
		}));
		const items = await runLineOk(line.mock, getContent({ waitForTranscoding: 0 }), {
			input: [event('file')],
		});
		expect(items[0].json).toMatchObject({ mimeType: 'text/plain', fileName: 'notes.txt' });
		expect(decoded(items[0].binary!.data.data).toString()).toBe('hello');
	});

	it('without a file name: the message ID with the extension of the MIME type, in the chosen field', async () => {
		const m4a = Buffer.from([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70]);
		transcoding('succeeded');
		line.mock.once('GET', CONTENT, () => ({
			status: 200,
			body: m4a,
			headers: { 'content-type': 'audio/x-m4a' },
		}));
		const items = await runLineOk(line.mock, getContent({ binaryPropertyName: 'voice' }), {
			input: [event('audio')],
		});
		expect(items[0].json).toEqual({
			messageId: MESSAGE_ID,
			mimeType: 'audio/x-m4a',
			fileName: `${MESSAGE_ID}.m4a`,
			fileSize: m4a.length,
		});
		expect(Object.keys(items[0].binary!)).toEqual(['voice']);
		expect(decoded(items[0].binary!.voice.data)).toEqual(m4a);
	});

	it('Preview downloads the preview image and skips the transcoding check', async () => {
		const items = await runLineOk(line.mock, getContent({ preview: true }), {
			input: [event('video')],
		});
		expect(apiRequests(line.mock).map((r) => r.path)).toEqual([`${CONTENT}/preview`]);
		expect(items[0].json).toMatchObject({
			mimeType: 'image/jpeg',
			fileName: `${MESSAGE_ID}-preview.jpg`,
		});
		expect(decoded(items[0].binary!.data.data)).toEqual(mockContentBytes(MESSAGE_ID, true));
	});

	it('each item gets its own file', async () => {
		const items = await runLineOk(line.mock, getContent({ waitForTranscoding: 0 }), {
			input: [event('image', '1001'), event('image', '1002')],
		});
		expect(items.map((item) => decoded(item.binary!.data.data))).toEqual([
			mockContentBytes('1001'),
			mockContentBytes('1002'),
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('waiting for transcoding', () => {
	it('asks every second until LINE says succeeded, then downloads', async () => {
		transcoding('processing', 'processing', 'succeeded');
		line.mock.once('GET', CONTENT, () => ({
			status: 200,
			body: Buffer.from('video bytes'),
			headers: { 'content-type': 'video/mp4' },
		}));
		const items = await runLineOk(line.mock, getContent(), { input: [event('video')] });

		expect(apiRequests(line.mock).map((r) => r.path)).toEqual([
			TRANSCODING,
			TRANSCODING,
			TRANSCODING,
			CONTENT,
		]);
		expect(mockWaits).toEqual([1000, 1000]);
		expect(items[0].json).toMatchObject({ mimeType: 'video/mp4', fileName: `${MESSAGE_ID}.mp4` });
	});

	it('failed transcoding is an error naming the message, and nothing is downloaded', async () => {
		transcoding('processing', 'failed');
		const result = await runLine(line.mock, getContent(), { input: [event('video')] });

		expect(result.error?.message).toBe(
			`LINE could not prepare the content of message ${MESSAGE_ID} (transcoding failed)`,
		);
		expect(result.error?.itemIndex).toBe(0);
		expect(line.mock.requestsTo('GET', CONTENT)).toEqual([]);
	});

	it('still processing after the waiting time: an error that says how long it waited', async () => {
		line.mock.on('GET', TRANSCODING, () => ({ status: 200, body: { status: 'processing' } }));
		const result = await runLine(line.mock, getContent({ waitForTranscoding: 5 }), {
			input: [event('video')],
		});

		expect(result.error?.message).toBe(
			`The content of message ${MESSAGE_ID} is still being prepared by LINE after 5 s`,
		);
		expect(result.error?.description).toContain('raise the waiting time');
		expect(line.mock.requestsTo('GET', TRANSCODING).length).toBeGreaterThanOrEqual(4);
		expect(line.mock.requestsTo('GET', TRANSCODING).length).toBeLessThanOrEqual(6);
		expect(mockWaits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5000);
		expect(line.mock.requestsTo('GET', CONTENT)).toEqual([]);
	});

	it('0 seconds downloads at once without asking', async () => {
		await runLineOk(line.mock, getContent({ waitForTranscoding: 0 }), {
			input: [event('image')],
		});
		expect(apiRequests(line.mock).map((r) => r.path)).toEqual([CONTENT]);
	});
});

describe('checks before anything is sent', () => {
	it('an empty message ID (e.g. a text event) names the field and the item', async () => {
		const result = await runLine(line.mock, getContent({ waitForTranscoding: 0 }), {
			input: [event('image'), { message: { type: 'text', text: 'hi' } }],
		});
		expect(result.error?.message).toBe('messageId: is empty [item 1]');
		expect(result.error?.description).toContain('Text and sticker messages have no content');
		expect(apiRequests(line.mock)).toEqual([]);
	});

	it('a negative waiting time is refused', async () => {
		const result = await runLine(line.mock, getContent({ waitForTranscoding: -1 }), {
			input: [event('video')],
		});
		expect(result.error?.message).toMatch(/^waitForTranscoding: must be a number of seconds/);
		expect(apiRequests(line.mock)).toEqual([]);
	});

	it('LINE answering 404 (content gone) fails that item only under continueOnFail', async () => {
		line.mock.once('GET', '/v2/bot/message/1001/content', () => ({
			status: 404,
			body: { message: 'Not found' },
		}));
		const result = await runLine(line.mock, getContent({ waitForTranscoding: 0 }), {
			input: [event('image', '1001'), event('image', '1002')],
			continueOnFail: true,
		});
		expect(result.items[0].json).toMatchObject({
			error: expect.stringContaining('404'),
			httpCode: '404',
		});
		expect(result.items[0].binary).toBeUndefined();
		expect(decoded(result.items[1].binary!.data.data)).toEqual(mockContentBytes('1002'));
	});
});
