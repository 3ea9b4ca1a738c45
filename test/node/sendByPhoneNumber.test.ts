import { createHash } from 'node:crypto';
import type { INodeParameters } from 'n8n-workflow';

import { useRecordedWaits } from '../support/waits';
import { PHONE, PHONE_HASH } from './contracts/couponsAndMore';
import {
	apiRequests,
	builder,
	header,
	hello,
	HELLO,
	runLine,
	runLineOk,
	useMockLine,
} from './fixtures';

/**
 * Send by Phone Number (LINE notification messages): LINE gets the SHA-256 hash of the number in
 * E.164 form, never the number; numbers that are not E.164 are refused before sending; the
 * messages are composed like every send, without the media LINE does not allow; and without a
 * retry key LINE would accept, a send is never repeated when it may have arrived.
 */

const line = useMockLine();

jest.mock('n8n-workflow', () => jest.requireActual('../support/waits').workflowWithRecordedSleep());
const mockWaits = useRecordedWaits();

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const send = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendByPhoneNumber',
	to: '={{ $json.phone }}',
	...hello,
	...parameters,
});

it("hashes LINE's own example number to LINE's own hash", () => {
	expect(sha256(PHONE)).toBe(PHONE_HASH);
});

describe('phone numbers', () => {
	it.each([
		['in E.164', '+818000001234', '+818000001234'],
		['with spaces and hyphens', '+81 80-0000-1234', '+818000001234'],
		['with parentheses and dots', '+886 (912) 345.678', '+886912345678'],
		['of Thailand', '+66812345678', '+66812345678'],
	])('a number %s goes to LINE hashed, never as it is', async (_what, phone, e164) => {
		const items = await runLineOk(line.mock, send(), { input: [{ phone }] });
		const [request] = apiRequests(line.mock);
		expect(request.body).toEqual({ to: sha256(e164), messages: HELLO });
		expect(request.rawBody).not.toContain(e164.slice(1));
		expect(items[0].json).toEqual({
			phoneNumber: e164,
			to: sha256(e164),
			requestId: request.requestId,
		});
	});

	it.each([
		[
			'a national number',
			'080-0000-1234',
			'Write it with + and the country code instead of the leading 0',
		],
		['a number without +', '818000001234', 'Use +, the country code and the number'],
		['letters', '+81 80 CALL ME', 'Use +, the country code and the number'],
	])('refuses %s, saying how to write it', async (_what, phone, hint) => {
		const result = await runLine(line.mock, send(), { input: [{ phone }] });
		expect(result.error?.message).toBe(
			`to: ${JSON.stringify(phone)} is not a phone number in E.164 form [item 0]`,
		);
		expect(result.error?.description).toContain(hint);
		expect(apiRequests(line.mock)).toEqual([]);
	});

	it('refuses the national 0 kept after the country code, and gives the number without it', async () => {
		const result = await runLine(line.mock, send(), { input: [{ phone: '+81 080-0000-1234' }] });
		expect(result.error?.message).toBe(
			'to: "+81 080-0000-1234" keeps the leading 0 of the national number after the country code [item 0]',
		);
		expect(result.error?.description).toBe('E.164 drops it: +818000001234');
	});

	it('refuses an empty number', async () => {
		const result = await runLine(line.mock, send(), { input: [{}] });
		expect(result.error?.message).toBe('to: is empty [item 0]');
	});

	it('takes a number hashed already as it is (in lowercase), and outputs no number', async () => {
		const items = await runLineOk(line.mock, send(), {
			input: [{ phone: PHONE_HASH.toUpperCase() }],
		});
		expect((apiRequests(line.mock)[0].body as { to: string }).to).toBe(PHONE_HASH);
		expect(items[0].json).not.toHaveProperty('phoneNumber');
	});
});

describe('messages', () => {
	it.each([
		['image', { type: 'image', originalContentUrl: 'https://example.com/a.jpg' }],
		[
			'video',
			{
				type: 'video',
				originalContentUrl: 'https://example.com/a.mp4',
				previewImageUrl: 'https://example.com/a.jpg',
			},
		],
		['audio', { type: 'audio', originalContentUrl: 'https://example.com/a.m4a', duration: 1000 }],
	])(
		'refuses %s messages, which LINE notification messages may not hold',
		async (type, message) => {
			const result = await runLine(
				line.mock,
				send({ ...builder({ type: 'text', text: 'Your parcel' }, message) }),
				{ input: [{ phone: PHONE }] },
			);
			expect(result.error?.message).toBe(
				`messages[1].type: "${type}" messages cannot be sent as LINE notification messages (no images, videos or audio) [item 0]`,
			);
			expect(apiRequests(line.mock)).toEqual([]);
		},
	);

	it('checks the messages like every send (LINE-RULES: text up to 5000)', async () => {
		const result = await runLine(
			line.mock,
			send({ ...builder({ type: 'text', text: 'x'.repeat(5001) }) }),
			{
				input: [{ phone: PHONE }],
			},
		);
		expect(result.error?.message).toBe(
			'messages[0].text: is too long: 5001 characters, LINE allows at most 5000 [item 0]',
		);
	});

	it('sends JSON messages and Disable Notification', async () => {
		await runLineOk(
			line.mock,
			send({
				messagesInput: 'json',
				messagesJson: '[{ "type": "text", "text": "Your parcel arrives today" }]',
				options: { notificationDisabled: true },
			}),
			{ input: [{ phone: PHONE }] },
		);
		expect(apiRequests(line.mock)[0].body).toEqual({
			to: PHONE_HASH,
			messages: [{ type: 'text', text: 'Your parcel arrives today' }],
			notificationDisabled: true,
		});
	});
});

describe('delivery', () => {
	it('sends no retry key (LINE refuses one here) and never repeats a send LINE answered 500 to', async () => {
		line.mock.once('POST', '/bot/pnp/push', () => ({
			status: 500,
			body: { message: 'An error occurred in the internal server' },
		}));
		const result = await runLine(line.mock, send(), { input: [{ phone: PHONE }] });
		const requests = apiRequests(line.mock);
		expect(requests).toHaveLength(1);
		expect(header(requests[0], 'x-line-retry-key')).toBeUndefined();
		expect(result.error?.httpCode).toBe('500');
		expect(`${result.error?.message}\n${result.error?.description}`).toContain(
			'It was not repeated',
		);
		expect(mockWaits).toEqual([]);
	});

	it('a 429 is sent again: LINE did not carry it out', async () => {
		line.mock.once('POST', '/bot/pnp/push', () => ({
			status: 429,
			body: { message: 'Too many requests' },
			headers: { 'retry-after': '1' },
		}));
		const items = await runLineOk(line.mock, send(), { input: [{ phone: PHONE }] });
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => r.response.status)).toEqual([429, 200]);
		expect(requests[1].body).toEqual(requests[0].body);
		expect(items[0].json.requestId).toBe(requests[1].requestId);
	});

	it("shows LINE's 422 for a number it cannot deliver to", async () => {
		line.mock.once('POST', '/bot/pnp/push', () => ({
			status: 422,
			body: { message: 'The destination phone number cannot receive LINE notification messages' },
		}));
		const result = await runLine(line.mock, send(), { input: [{ phone: PHONE }] });
		expect(result.error?.httpCode).toBe('422');
		expect(result.error?.message).toContain('cannot receive LINE notification messages');
	});

	it('outputs one item per input item, in input order, even when sent in parallel', async () => {
		const phones = ['+818000000001', '+818000000002', '+818000000003', '+818000000004'];
		const items = await runLineOk(line.mock, send({ options: { parallelRequests: 4 } }), {
			input: phones.map((phone) => ({ phone })),
		});
		expect(items.map((item) => [item.json.phoneNumber, item.pairedItem])).toEqual(
			phones.map((phone, item) => [phone, { item }]),
		);
		expect(apiRequests(line.mock)).toHaveLength(4);
	});
});

describe('delivery tag', () => {
	const TAG = 'order-2026-0042-shipped';

	it('goes to LINE as X-Line-Delivery-Tag, for the delivery event to carry back', async () => {
		await runLineOk(line.mock, send({ options: { deliveryTag: '={{ $json.tag }}' } }), {
			input: [{ phone: '+818000001234', tag: TAG }, { phone: '+66812345678' }],
		});
		const requests = apiRequests(line.mock);
		expect(requests.map((request) => header(request, 'x-line-delivery-tag'))).toEqual([
			TAG,
			undefined,
		]);
		expect(requests.flatMap((request) => request.problems)).toEqual([]);
	});

	it('shorter than 16 characters is refused before sending, naming the item and field', async () => {
		const result = await runLine(line.mock, send({ options: { deliveryTag: 'order-42' } }), {
			input: [{ phone: '+818000001234' }],
		});
		expect(apiRequests(line.mock)).toEqual([]);
		expect(result.error?.message).toContain(
			'options.deliveryTag: must be 16 to 100 characters, got 8',
		);
		expect(result.error?.message).toContain('[item 0]');
	});
});
