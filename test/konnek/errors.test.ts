import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { INodeParameters } from 'n8n-workflow';

import { useRecordedWaits } from '../support/waits';
import { failedAnswer } from './mockKonnek';
import { konnekCredential, RECIPIENT, runKonnek, text, useMockKonnek } from './fixtures';

/**
 * What a user sees when Konnek, or the node before Konnek, refuses a send; a send whose answer
 * was lost is never repeated (429s and refused connections: delivery.test.ts).
 */

const konnek = useMockKonnek();

jest.mock('n8n-workflow', () => jest.requireActual('../support/waits').workflowWithRecordedSleep());
const mockWaits = useRecordedWaits();

function shown(error: { message: string; description?: string | null } | undefined): string {
	return `${error?.message ?? ''}\n${error?.description ?? ''}`;
}

describe('errors from Konnek', () => {
	it('meta.status false on HTTP 200 fails with meta.message and every meta.errors entry', async () => {
		konnek.mock.once(() => ({
			status: 200,
			body: {
				meta: {
					status: false,
					code: '422',
					message: 'Validation failed',
					errors: { recipient: 'recipient is not registered', type: ['unsupported type'] },
				},
				data: null,
			},
		}));
		const result = await runKonnek(konnek.mock, text('hi'));

		expect(result.status).toBe('error');
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('Konnek refused the message: Validation failed');
		expect(result.error?.itemIndex).toBe(0);
		expect(result.error?.httpCode).toBe('200');
		const text_ = shown(result.error);
		expect(text_).toContain('recipient: recipient is not registered');
		expect(text_).toContain('type: ["unsupported type"]');
		expect(text_).toContain('Konnek code: 422');
		expect(text_).toContain('POST /line/send/client-42');
		expect(text_).not.toContain('may have been sent');
	});

	it('an HTTP error with the meta envelope shows meta.message and the HTTP code', async () => {
		konnek.mock.once(() => failedAnswer(400, 'Bad Request', 'recipient is required'));
		const result = await runKonnek(konnek.mock, text('hi'));
		expect(result.error).toMatchObject({
			message: 'Konnek refused the message: Bad Request',
			httpCode: '400',
		});
		expect(result.error?.description).toContain('recipient is required');
	});

	it('a wrong password is refused with Konnek’s message, and the password is not shown', async () => {
		const credentials = konnekCredential(konnek.mock.url, { password: 'wrong-password' });
		const result = await runKonnek(konnek.mock, text('hi'), { credentials });
		expect(result.error).toMatchObject({
			message: 'Konnek refused the message: Unauthorized',
			httpCode: '401',
		});
		expect(JSON.stringify(result.error?.raw)).not.toContain('wrong-password');
	});

	it('a 500 is not repeated: exactly one request, and the error says the message may have gone out', async () => {
		konnek.mock.on(() => failedAnswer(500, 'Internal Server Error', null));
		const result = await runKonnek(konnek.mock, text('hi'));
		expect(konnek.mock.requests).toHaveLength(1);
		expect(mockWaits).toEqual([]);
		expect(result.error?.httpCode).toBe('500');
		expect(shown(result.error)).toContain(
			'the message may have been sent. It was not repeated, because Konnek cannot recognise a repeated send',
		);
	});

	it('a 502 without a JSON body is not repeated either', async () => {
		konnek.mock.on(() => ({ status: 502, body: '<html>Bad gateway</html>' }));
		const result = await runKonnek(konnek.mock, text('hi'));
		expect(konnek.mock.requests).toHaveLength(1);
		expect(result.error?.message).toBe('Konnek API error 502');
		expect(shown(result.error)).toContain('may have been sent');
	});

	it('a dropped connection is not repeated: one connection only', async () => {
		let connections = 0;
		const server = net.createServer((socket) => {
			connections++;
			socket.destroy();
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = server.address() as AddressInfo;
			const result = await runKonnek(konnek.mock, text('hi'), {
				credentials: konnekCredential(`http://127.0.0.1:${port}`),
			});
			expect(connections).toBe(1);
			expect(result.error?.message).toBe('No answer from Konnek');
			expect(shown(result.error)).toMatch(/Network error: E[A-Z]+/);
			expect(shown(result.error)).toContain('may have been sent');
		} finally {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	});

	it('a 200 that is not Konnek’s JSON (e.g. a web page at a wrong base URL) is an error', async () => {
		konnek.mock.once(() => ({ status: 200, body: '<html>Welcome</html>' }));
		const result = await runKonnek(konnek.mock, text('hi'));
		expect(result.error?.message).toBe(
			"Konnek's answer is not the documented { meta, data } JSON: check the credential's Base URL",
		);
	});

	it('with continueOnFail the failing item carries error, errorDetails and httpCode; the others are sent', async () => {
		konnek.mock.on((request) =>
			(request.body as { recipient: string }).recipient === 'bad'
				? failedAnswer(400, 'Invalid recipient', null)
				: undefined,
		);
		const result = await runKonnek(konnek.mock, text('hi', { recipient: '={{ $json.to }}' }), {
			input: [{ to: RECIPIENT }, { to: 'bad' }, { to: '628999' }],
			continueOnFail: true,
		});
		expect(result.items).toHaveLength(3);
		expect(result.items[1].json).toMatchObject({
			error: 'Konnek refused the message: Invalid recipient',
			httpCode: '400',
		});
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
		expect(result.items[0].json.statusName).toBe('Pending');
		expect(result.items[2].json.recipient).toBe('628999');
	});
});

describe('checks before anything is sent', () => {
	const cases: Array<[string, INodeParameters, RegExp]> = [
		['no recipient', text('hi', { recipient: ' ' }), /^recipient: is required \[item 0\]/],
		['empty text (by expression)', text('={{ "" }}'), /^body\.text: is required/],
		[
			'a media URL that is not http(s)',
			{ channel: 'line', recipient: RECIPIENT, type: 'image', mediaUrl: 'file:///etc/passwd' },
			/^body\.media\.url: "file:\/\/\/etc\/passwd" is not an http\(s\) URL/,
		],
		[
			'a latitude out of range (by expression)',
			{
				channel: 'line',
				recipient: RECIPIENT,
				type: 'location',
				latitude: '={{ 100 }}',
				longitude: 1,
			},
			/^body\.location\.latitude: 100 is not a coordinate between -90 and 90/,
		],
		[
			'a button message without buttons',
			{ channel: 'line', recipient: RECIPIENT, type: 'button', buttons: {} },
			/^body\.button: add at least one button/,
		],
		[
			'two buttons with one key',
			{
				channel: 'line',
				recipient: RECIPIENT,
				type: 'button',
				buttons: {
					button: [
						{ key: 'a', title: 'A' },
						{ key: 'a', title: 'B' },
					],
				},
			},
			/^body\.button\[1\]\.key: the key "a" is already used by body\.button\[0\]\.key/,
		],
		[
			'list sections that are not JSON',
			{
				channel: 'line',
				recipient: RECIPIENT,
				type: 'list',
				listTitle: 'Menu',
				listSections: '[{',
			},
			/^body\.list\.sections: not valid JSON/,
		],
		[
			'a list action without a description',
			{
				channel: 'line',
				recipient: RECIPIENT,
				type: 'list',
				listTitle: 'Menu',
				listSections: JSON.stringify([
					{ title: 'S', description: 'D', actions: [{ key: 'k', title: 'T' }] },
				]),
			},
			/^body\.list\.sections\[0\]\.actions\[0\]\.description: is required/,
		],
		[
			'an image header without a URL',
			{
				channel: 'line',
				recipient: RECIPIENT,
				type: 'button',
				buttons: { button: [{ key: 'a', title: 'A' }] },
				header: { value: { type: 'image', mediaUrl: '' } },
			},
			/^header\.media_url: is required/,
		],
		[
			'a footer without a title',
			{
				channel: 'line',
				recipient: RECIPIENT,
				type: 'list',
				listTitle: 'Menu',
				listSections: JSON.stringify([
					{ title: 'S', description: 'D', actions: [{ key: 'k', title: 'T', description: 'D' }] },
				]),
				footer: { value: { text: 'only text' } },
			},
			/^footer\.title: is required/,
		],
		[
			'a channel path that is not a path',
			text('hi', { options: { channelPath: 'wa?x=1' } }),
			/^channelPath: "wa\?x=1" is not a URL path/,
		],
	];

	it.each(cases)('%s', async (_name, parameters, message) => {
		const result = await runKonnek(konnek.mock, parameters);
		expect(result.error?.message).toMatch(message);
		expect(konnek.mock.requests).toEqual([]);
	});

	it('a bad item stops the run before any item is sent', async () => {
		const result = await runKonnek(konnek.mock, text('={{ $json.text }}'), {
			input: [{ text: 'fine' }, { text: '' }],
		});
		expect(result.error?.message).toMatch(/^body\.text: is required \[item 1\]/);
		expect(konnek.mock.requests).toEqual([]);
	});

	it('the same Message ID on two items is refused before sending', async () => {
		const result = await runKonnek(konnek.mock, text('hi', { options: { messageId: 'order-1' } }), {
			input: [{}, {}],
		});
		expect(result.error?.message).toMatch(/^id: items 0 and 1 have the same Message ID "order-1"/);
		expect(konnek.mock.requests).toEqual([]);
	});

	it('a credential without a usable base URL fails before sending', async () => {
		const result = await runKonnek(konnek.mock, text('hi'), {
			credentials: konnekCredential('konnek.example.com'),
		});
		expect(result.error?.message).toMatch(
			/Base URL "konnek\.example\.com" is not an http\(s\) address/,
		);
	});
});
