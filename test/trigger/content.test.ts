import type { IBinaryData, IDataObject, INodeParameters } from 'n8n-workflow';

import { LineConnectorChannelAccessTokenApi } from '../../credentials/LineConnectorChannelAccessTokenApi.credentials';
import { LineConnectorChannelIdSecretApi } from '../../credentials/LineConnectorChannelIdSecretApi.credentials';
import { LineTrigger } from '../../nodes/Line/LineTrigger.node';
import type { TestCredential } from '../support/engine';
import {
	DEFAULT_CHANNEL_ID,
	DEFAULT_CHANNEL_SECRET,
	startMockLine,
	type MockLine,
	type MockResponse,
} from '../support/mockLine';
import {
	createTriggerHarness,
	fileMessage,
	mediaMessage,
	messageEvent,
	signedBy,
	textMessage,
	webhookBody,
	type Delivery,
} from '../support/webhook';

/**
 * Option "Download Content": the content of image, video, audio and file messages goes into the
 * item's binary data, fetched from (mock) LINE after LINE was answered; a failure never loses
 * the event.
 */

const SECRET = DEFAULT_CHANNEL_SECRET;
const nodeType = new LineTrigger();
let mock: MockLine;

beforeAll(async () => {
	mock = await startMockLine();
});
afterAll(async () => {
	await mock.close();
});
beforeEach(() => mock.reset());
afterEach(() => {
	expect(mock.invalidRequests().map((r) => [r.method, r.path, r.problems])).toEqual([]);
});

function tokenCredential(): TestCredential {
	return {
		type: 'lineConnectorChannelAccessTokenApi',
		credentialType: new LineConnectorChannelAccessTokenApi(),
		data: {
			accessToken: 'test-channel-access-token',
			channelSecret: SECRET,
			baseUrl: mock.url,
			dataBaseUrl: mock.url,
		},
	};
}

function idSecretCredential(): TestCredential {
	return {
		type: 'lineConnectorChannelIdSecretApi',
		credentialType: new LineConnectorChannelIdSecretApi(),
		data: {
			channelId: DEFAULT_CHANNEL_ID,
			channelSecret: SECRET,
			baseUrl: mock.url,
			dataBaseUrl: mock.url,
		},
	};
}

const download = (options: IDataObject = {}): INodeParameters => ({
	options: { downloadContent: true, ...options },
});

async function deliver(
	events: IDataObject[],
	parameters: INodeParameters = download(),
	{
		credential = tokenCredential(),
		onResponse,
	}: { credential?: TestCredential; onResponse?: () => void } = {},
): Promise<Delivery> {
	const body = webhookBody(events);
	const harness = createTriggerHarness({ nodeType, parameters, credentials: [credential] });
	const delivery = await harness.deliver(body, { headers: signedBy(SECRET, body), onResponse });
	expect(delivery.error).toBeUndefined();
	expect(delivery.status).toBe(200);
	expect(delivery.ran).toBe(true);
	return delivery;
}

const contentPath = (id: string) => `/v2/bot/message/${id}/content`;

function bytesOf(label: string): Buffer {
	return Buffer.concat([Buffer.from([0x00, 0x01, 0xfe, 0xff]), Buffer.from(label)]);
}

function serve(id: string, answer: MockResponse): void {
	mock.on('GET', contentPath(id), () => answer);
}

function decoded(binary: IBinaryData | undefined): Buffer {
	return Buffer.from(binary?.data ?? '', 'base64');
}

function transcoding(id: string, statuses: string[]): void {
	let call = 0;
	mock.on('GET', `${contentPath(id)}/transcoding`, () => ({
		status: 200,
		body: { status: statuses[Math.min(call++, statuses.length - 1)] },
	}));
}

describe('Download Content', () => {
	it('answers LINE before downloading, then puts the image into binary "data"', async () => {
		const image = bytesOf('jpeg bytes');
		let answered = false;
		let answeredBeforeDownload: boolean | undefined;
		mock.on('GET', contentPath('4001'), () => {
			answeredBeforeDownload = answered;
			return { status: 200, body: image, headers: { 'content-type': 'image/jpeg' } };
		});

		const delivery = await deliver([messageEvent(mediaMessage('image', '4001'))], download(), {
			onResponse: () => {
				answered = true;
			},
		});

		expect(answeredBeforeDownload).toBe(true);
		expect(delivery.answeredBy).toBe('node');
		expect(delivery.body).toBe('');
		expect(delivery.result?.noWebhookResponse).toBe(true);
		const [item] = delivery.items;
		expect(item.json).toMatchObject({ messageType: 'image', messageId: '4001' });
		expect(item.json.contentError).toBeUndefined();
		expect(item.binary?.data).toMatchObject({
			mimeType: 'image/jpeg',
			fileName: '4001.jpg',
			fileExtension: 'jpg',
		});
		expect(decoded(item.binary?.data)).toEqual(image);
		// Images need no transcoding check.
		expect(mock.requests.map((r) => [r.method, r.path])).toEqual([['GET', contentPath('4001')]]);
		expect(mock.requests[0].headers.authorization).toBe('Bearer test-channel-access-token');
	});

	it('uses the file name LINE gives, into the binary property chosen', async () => {
		const pdf = bytesOf('%PDF-1.7');
		serve('4002', {
			status: 200,
			body: pdf,
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': "attachment; filename*=UTF-8''%E5%A0%B1%E5%91%8A%E6%9B%B8.pdf",
			},
		});
		const delivery = await deliver(
			[messageEvent(fileMessage('4002', '報告書.pdf'))],
			download({ binaryPropertyName: 'attachment' }),
		);
		const [item] = delivery.items;
		expect(Object.keys(item.binary ?? {})).toEqual(['attachment']);
		expect(item.binary?.attachment).toMatchObject({
			mimeType: 'application/pdf',
			fileName: '報告書.pdf',
		});
		expect(decoded(item.binary?.attachment)).toEqual(pdf);
	});

	it('waits for a video to be transcoded, then downloads it', async () => {
		transcoding('4003', ['processing', 'succeeded']);
		serve('4003', { status: 200, body: bytesOf('mp4'), headers: { 'content-type': 'video/mp4' } });
		const delivery = await deliver([messageEvent(mediaMessage('video', '4003'))]);
		const [item] = delivery.items;
		expect(item.json.contentError).toBeUndefined();
		expect(item.binary?.data).toMatchObject({ mimeType: 'video/mp4', fileName: '4003.mp4' });
		expect(mock.requests.map((r) => r.path)).toEqual([
			`${contentPath('4003')}/transcoding`,
			`${contentPath('4003')}/transcoding`,
			contentPath('4003'),
		]);
	});

	it('gives up on audio still transcoding after the time set, and still outputs the event', async () => {
		transcoding('4004', ['processing']);
		const delivery = await deliver(
			[messageEvent(mediaMessage('audio', '4004')), messageEvent(textMessage('after it'))],
			download({ transcodingTimeout: 1 }),
		);
		expect(delivery.items).toHaveLength(2);
		const [audio, text] = delivery.items;
		expect(audio.binary).toBeUndefined();
		expect(audio.json).toMatchObject({ messageType: 'audio', messageId: '4004' });
		expect(audio.json.contentError).toBe(
			'The content of message 4004 is still being prepared by LINE after 1 s',
		);
		expect(text.json).toMatchObject({ text: 'after it' });
		expect(text.json.contentError).toBeUndefined();
		// Never asked for the content itself.
		expect(mock.requestsTo('GET', contentPath('4004'))).toEqual([]);
	});

	it('reports transcoding that LINE says failed', async () => {
		transcoding('4005', ['failed']);
		const delivery = await deliver([messageEvent(mediaMessage('video', '4005'))]);
		expect(delivery.items[0].json.contentError).toMatch(/transcoding failed/);
	});

	it('keeps every event, in order, when one download fails', async () => {
		serve('4006', { status: 200, body: bytesOf('one'), headers: { 'content-type': 'image/png' } });
		serve('4007', { status: 404, body: { message: 'Not found' } });
		serve('4008', {
			status: 200,
			body: bytesOf('three'),
			headers: { 'content-type': 'image/gif' },
		});
		const delivery = await deliver([
			messageEvent(mediaMessage('image', '4006')),
			messageEvent(mediaMessage('image', '4007')),
			messageEvent(textMessage('no content here', '4009')),
			messageEvent(mediaMessage('image', '4008')),
		]);
		expect(delivery.items.map((item) => item.json.messageId)).toEqual([
			'4006',
			'4007',
			'4009',
			'4008',
		]);
		const [first, failed, text, last] = delivery.items;
		expect(decoded(first.binary?.data)).toEqual(bytesOf('one'));
		expect(failed.binary).toBeUndefined();
		expect(failed.json.contentError).toMatch(/^LINE API error 404/);
		expect(text.binary).toBeUndefined();
		expect(text.json.contentError).toBeUndefined();
		expect(last.binary?.data).toMatchObject({ mimeType: 'image/gif', fileName: '4008.gif' });
	});

	it('does not try to download content hosted outside LINE', async () => {
		const external = mediaMessage('image', '4010', {
			type: 'external',
			originalContentUrl: 'https://example.com/original.jpg',
			previewImageUrl: 'https://example.com/preview.jpg',
		});
		const delivery = await deliver([messageEvent(external)]);
		expect(mock.requests).toEqual([]);
		expect(delivery.items[0].binary).toBeUndefined();
		expect(delivery.items[0].json.contentError).toBeUndefined();
		// Nothing to wait for: n8n answers LINE as usual.
		expect(delivery.answeredBy).toBe('n8n');
	});

	it('leaves n8n to answer when no event has content', async () => {
		const delivery = await deliver([messageEvent(textMessage('just text'))]);
		expect(delivery.answeredBy).toBe('n8n');
		expect(mock.requests).toEqual([]);
	});

	it('downloads nothing when the option is off', async () => {
		const delivery = await deliver([messageEvent(mediaMessage('image', '4011'))], {});
		expect(mock.requests).toEqual([]);
		expect(delivery.items[0].binary).toBeUndefined();
		expect(delivery.answeredBy).toBe('n8n');
	});

	it('downloads with the Channel ID and Secret credential when it is the one chosen', async () => {
		serve('4012', { status: 200, body: bytesOf('img'), headers: { 'content-type': 'image/jpeg' } });
		const delivery = await deliver(
			[messageEvent(mediaMessage('image', '4012'))],
			{ authentication: 'channelIdSecret', ...download() },
			{ credential: idSecretCredential() },
		);
		expect(decoded(delivery.items[0].binary?.data)).toEqual(bytesOf('img'));
		expect(mock.tokensIssued).toBe(1);
		expect(mock.requestsTo('GET', contentPath('4012'))[0].headers.authorization).toBe(
			`Bearer ${mock.issuedTokens[0]}`,
		);
	});
});
