import { apiRequests, builder, runLine, runLineOk, USER, useMockLine } from './fixtures';
import { shown } from '../support/failures';

/** LINE refuses media and link URLs that are not percent-encoded; the node says so first. */

const line = useMockLine();

const pushImage = (url: string, preview?: string) => ({
	resource: 'message',
	operation: 'sendPush',
	to: USER,
	...builder({
		type: 'image',
		originalContentUrl: url,
		...(preview ? { previewImageUrl: preview } : {}),
	}),
});

describe('URLs that are not percent-encoded', () => {
	it('a raw space in an image URL is refused once, naming the field and the encoded URL, before sending', async () => {
		const result = await runLine(
			line.mock,
			pushImage('https://example.com/photos/summer sale.jpg'),
		);

		expect(result.status).toBe('error');
		const text = shown(result);
		expect(text).toContain('messages[0].originalContentUrl');
		expect(text).toContain('contains a space at position 33');
		expect(text).toContain('https://example.com/photos/summer%20sale.jpg');
		// the preview copies the original: one mistake, reported once
		expect(text).not.toContain('previewImageUrl');
		expect(apiRequests(line.mock)).toEqual([]);
	});

	it('Thai in a file name is refused with its code point and the UTF-8 encoding to use', async () => {
		const result = await runLine(line.mock, pushImage('https://example.com/โปรโมชั่น.jpg'));
		const text = shown(result);
		expect(text).toContain('"โ" (U+0E42)');
		expect(text).toContain('https://example.com/%E0%B9%82%E0%B8%9B');
		expect(apiRequests(line.mock)).toEqual([]);
	});

	it('a line break pasted into a preview URL is refused on that field', async () => {
		const result = await runLine(
			line.mock,
			pushImage('https://example.com/a.jpg', 'https://example.com/\npreview.jpg'),
		);
		const text = shown(result);
		expect(text).toContain('messages[0].previewImageUrl');
		expect(text).toContain('U+000A');
		expect(apiRequests(line.mock)).toEqual([]);
	});

	it('a link action with a raw space is refused too', async () => {
		const result = await runLine(line.mock, {
			resource: 'message',
			operation: 'sendPush',
			to: USER,
			messagesInput: 'json',
			messagesJson: JSON.stringify([
				{
					type: 'template',
					altText: 'Menu',
					template: {
						type: 'buttons',
						text: 'Pick one',
						actions: [{ type: 'uri', label: 'Open', uri: 'https://example.com/a b' }],
					},
				},
			]),
		});
		expect(shown(result)).toContain('messages[0].template.actions[0].uri');
		expect(apiRequests(line.mock)).toEqual([]);
	});

	it('percent-encoded URLs go out exactly as given', async () => {
		const url = 'https://example.com/photos/summer%20sale%E0%B8%81.jpg?size=l&tag=%F0%9F%8D%8E';
		await runLineOk(line.mock, pushImage(url));
		const [push] = apiRequests(line.mock);
		expect(push.body).toMatchObject({
			messages: [{ type: 'image', originalContentUrl: url, previewImageUrl: url }],
		});
	});
});
