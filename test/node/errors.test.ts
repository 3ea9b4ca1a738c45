import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { apiRequests, builder, GROUP, hello, runLine, USER, USER_2, useMockLine } from './fixtures';

/** What a user sees when LINE, or the node before LINE, refuses the input. */

const line = useMockLine();

const push = (parameters: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation: 'sendPush',
	to: USER,
	...parameters,
});

const LINE_400 = {
	status: 400,
	body: {
		message: 'The request body has 2 error(s)',
		details: [
			{ message: 'May not be empty', property: 'messages[0].text' },
			{ message: 'Length must be between 0 and 5000', property: 'messages[1].text' },
		],
	},
};

describe('errors from LINE', () => {
	it("show LINE's message, every detail with its property, the endpoint and the HTTP code", async () => {
		line.mock.once('POST', '/v2/bot/message/push', () => LINE_400);
		const result = await runLine(line.mock, push(hello));

		expect(result.status).toBe('error');
		expect(result.items).toEqual([]);
		const error = result.error!;
		expect(error.message).toContain('The request body has 2 error(s)');
		expect(error.httpCode).toBe('400');
		expect(error.itemIndex).toBe(0);
		const shown = `${error.message}\n${error.description ?? ''}`;
		expect(shown).toContain('messages[0].text: May not be empty');
		expect(shown).toContain('messages[1].text: Length must be between 0 and 5000');
		expect(shown).toContain('POST /v2/bot/message/push');
		expect(shown).toContain(`LINE request ID: ${line.mock.requests[0].requestId}`);
	});

	it('a LINE error without details still shows its message and code', async () => {
		line.mock.once('GET', '/v2/bot/info', () => ({
			status: 403,
			body: { message: 'Access to this API is not available for your account' },
		}));
		const result = await runLine(line.mock, { resource: 'bot', operation: 'getBotInfo' });
		expect(result.error).toMatchObject({
			message: expect.stringContaining('Access to this API is not available for your account'),
			httpCode: '403',
		});
	});

	it('with continueOnFail the failing item carries error, errorDetails and httpCode; the others are sent', async () => {
		line.mock.on('POST', '/v2/bot/message/push', (request) =>
			(request.body as { to: string }).to === USER_2 ? LINE_400 : undefined,
		);
		const result = await runLine(line.mock, push({ to: '={{ $json.to }}', ...hello }), {
			input: [{ to: USER }, { to: USER_2 }, { to: USER }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(apiRequests(line.mock)).toHaveLength(3);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json.requestId).toBe(line.mock.requests[0].requestId);
		expect(result.items[2].json.requestId).toBe(line.mock.requests[2].requestId);
		expect(result.items[1].json).toEqual({
			error: expect.stringContaining('The request body has 2 error(s)'),
			errorDetails: expect.stringContaining(
				'messages[0].text: May not be empty\nmessages[1].text: Length must be between 0 and 5000',
			),
			httpCode: '400',
		});
	});
});

describe('local checks: nothing is sent, and the error names the field and the item', () => {
	const longText = 'x'.repeat(5001);
	const sixTexts = builder(
		...Array.from({ length: 6 }, (_, i) => ({ type: 'text', text: `m${i}` })),
	);

	const cases: Array<[string, INodeParameters, RegExp, IDataObject[]?]> = [
		[
			'empty text',
			push(builder({ type: 'text', text: '={{ $json.text }}' })),
			/^messages\[0\]\.text: is required \(text, 1 to 5000 characters\)/,
			[{ text: '' }],
		],
		['no messages at all', push({ messagesInput: 'builder', messages: {} }), /^messages: is empty/],
		['6 messages', push(sixTexts), /^messages: holds 6 messages; LINE accepts at most 5/],
		[
			'text of 5001 characters',
			push(builder({ type: 'text', text: longText })),
			/^messages\[0\]\.text: is too long: 5001 characters/,
		],
		[
			'text of 2501 emoji (5002 UTF-16 units)',
			push(builder({ type: 'text', text: '🍎'.repeat(2501) })),
			/^messages\[0\]\.text: is too long: 5002 characters/,
		],
		[
			'http:// image URL',
			push(builder({ type: 'image', originalContentUrl: 'http://example.com/photo.jpg' })),
			/^messages\[0\]\.originalContentUrl: "http:\/\/example\.com\/photo\.jpg" is not an HTTPS URL/,
		],
		[
			'video without preview',
			push(
				builder(
					{ type: 'text', text: 'hi' },
					{ type: 'video', originalContentUrl: 'https://example.com/v.mp4' },
				),
			),
			/^messages\[1\]\.previewImageUrl: is required/,
		],
		[
			'malformed flex JSON',
			push(builder({ type: 'flex', altText: 'alt', contents: '{ "type": "bubble", ' })),
			/^messages\[0\]\.contents: not valid JSON/,
		],
		[
			'flex without alt text',
			push(
				builder({ type: 'flex', altText: '={{ $json.alt }}', contents: '{ "type": "bubble" }' }),
			),
			/^messages\[0\]\.altText: is required/,
			[{ alt: '' }],
		],
		[
			'malformed messages JSON',
			push({ messagesInput: 'json', messagesJson: '[{ "type": "text", ' }),
			/^messages: not valid JSON/,
		],
		[
			'quick reply label over 20 characters',
			push({
				...hello,
				messageOptions: {
					quickReply: {
						items: [{ type: 'message', label: 'A label that is far too long', text: 'x' }],
					},
				},
			}),
			/^messages\[0\]\.quickReply\.items\[0\]\.action\.label: is too long: 28 characters/,
		],
		[
			'http:// sender icon',
			push({ ...hello, messageOptions: { senderIconUrl: 'http://example.com/i.png' } }),
			/^messages\[0\]\.sender\.iconUrl: .* is not an HTTPS URL/,
		],
		[
			'bad user ID for push',
			push({ to: 'U123', ...hello }),
			/^to: "U123" is not a LINE user, group or room ID/,
		],
		[
			'LINE ID instead of a user ID',
			push({ to: '@mybot', ...hello }),
			/^to: "@mybot" is not a LINE user, group or room ID/,
		],
		[
			'no reply token in the event',
			{
				resource: 'message',
				operation: 'sendReply',
				replyToken: '={{ $json.replyToken }}',
				...hello,
			},
			/^replyToken: is empty/,
			[{ type: 'follow' }],
		],
		[
			'group ID for a multicast',
			{ resource: 'message', operation: 'sendMulticast', to: `${USER}, ${GROUP}`, ...hello },
			/^to\[1\]: .* is a group ID, but only user IDs are allowed here/,
		],
		[
			'no multicast recipients',
			{ resource: 'message', operation: 'sendMulticast', to: ' , ', ...hello },
			/^to: no recipients given/,
		],
		[
			'group ID for the loading animation',
			{ resource: 'chat', operation: 'showLoadingAnimation', chatId: GROUP, loadingSeconds: 20 },
			/^chatId: LINE shows loading animations only in one-to-one chats/,
		],
		[
			'loadingSeconds 7',
			{ resource: 'chat', operation: 'showLoadingAnimation', chatId: USER, loadingSeconds: 7 },
			/^loadingSeconds: must be 5, 10, … or 60; got 7/,
		],
		[
			'loadingSeconds 65',
			{ resource: 'chat', operation: 'showLoadingAnimation', chatId: USER, loadingSeconds: 65 },
			/^loadingSeconds: must be 5, 10, … or 60; got 65/,
		],
		[
			'malformed narrowcast recipient JSON',
			{ resource: 'message', operation: 'sendNarrowcast', recipient: '{ "type": ', ...hello },
			/^recipient: not valid JSON/,
		],
		[
			'bad aggregation unit',
			push({ ...hello, options: { customAggregationUnits: 'spring campaign!' } }),
			/^customAggregationUnits\[0\]: "spring campaign!" is not a valid aggregation unit name/,
		],
		[
			'no narrowcast request ID',
			{
				resource: 'message',
				operation: 'getNarrowcastProgress',
				requestId: '={{ $json.requestId }}',
			},
			/^requestId: is empty/,
			[{ other: 1 }],
		],
		[
			'a date that is not a date',
			{
				resource: 'quota',
				operation: 'getNumberOfSentMessages',
				messageKind: 'push',
				date: '2026-02-30',
			},
			/^date: "2026-02-30" is not a date/,
		],
	];

	it.each(
		cases.map(
			([name, parameters, message, input]) => [name, parameters, message, input ?? [{}]] as const,
		),
	)('%s', async (_name, parameters, message, input) => {
		const result = await runLine(line.mock, parameters, { input: [...input] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.message).toMatch(/ \[item 0\]$/);
		expect(result.error?.itemIndex).toBe(0);
		expect(line.mock.requests).toHaveLength(0);
	});

	it('names the item whose expression gave bad input', async () => {
		const result = await runLine(
			line.mock,
			{
				resource: 'chat',
				operation: 'showLoadingAnimation',
				chatId: '={{ $json.source.userId }}',
				loadingSeconds: 5,
			},
			{
				input: [
					{ source: { userId: USER } },
					{ source: { userId: USER_2 } },
					{ source: { userId: 'nobody' } },
				],
			},
		);
		expect(result.error?.message).toMatch(/^chatId: "nobody" is not a LINE user ID .*\[item 2\]$/);
		expect(result.error?.itemIndex).toBe(2);
	});

	// README: local checks "name the item and the field before anything is sent". Today the
	// per-item operations send items 0 and 1 before finding that item 2 is invalid, and a re-run
	// after fixing item 2 sends items 0 and 1 again with new retry keys. Multicast already checks
	// every item first (test below).
	it('a bad item stops a push run before any item is sent', async () => {
		const result = await runLine(
			line.mock,
			push({ ...builder({ type: 'text', text: '={{ $json.text }}' }) }),
			{
				input: [{ text: 'one' }, { text: 'two' }, { text: '' }],
			},
		);
		expect(result.error?.message).toMatch(/^messages\[0\]\.text: is required .*\[item 2\]$/);
		expect(line.mock.requests).toHaveLength(0);
	});

	it('a bad item stops a multicast run before any item is sent', async () => {
		const result = await runLine(
			line.mock,
			{ resource: 'message', operation: 'sendMulticast', to: '={{ $json.to }}', ...hello },
			{ input: [{ to: USER }, { to: USER_2 }, { to: GROUP }] },
		);
		expect(result.error?.message).toMatch(/^to\[0\]: .* is a group ID.*\[item 2\]$/);
		expect(line.mock.requests).toHaveLength(0);
	});
});

describe('continueOnFail with invalid input', () => {
	it.each<[string, INodeParameters, RegExp]>([
		[
			'push',
			push({ ...builder({ type: 'text', text: '={{ $json.text }}' }) }),
			/^messages\[0\]\.text: is required \(text, 1 to 5000 characters\) \[item 1\]$/,
		],
		[
			'multicast',
			{
				resource: 'message',
				operation: 'sendMulticast',
				to: USER,
				...builder({ type: 'text', text: '={{ $json.text }}' }),
			},
			/^messages\[0\]\.text: is required \(text, 1 to 5000 characters\) \[item 1\]$/,
		],
		[
			'validate',
			{
				resource: 'message',
				operation: 'validate',
				messageKind: 'broadcast',
				...builder({ type: 'text', text: '={{ $json.text }}' }),
			},
			/^messages\[0\]\.text: is required \(text, 1 to 5000 characters\) \[item 1\]$/,
		],
	])(
		'%s: the bad item becomes an error item, the others are still sent',
		async (_name, parameters, message) => {
			const result = await runLine(line.mock, parameters, {
				input: [{ text: 'one' }, { text: '' }, { text: 'three' }],
				continueOnFail: true,
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(3);
			expect(result.items[1]).toEqual({
				json: { error: expect.stringMatching(message) },
				pairedItem: { item: 1 },
			});
			expect([result.items[0].pairedItem, result.items[2].pairedItem].flat()).toEqual([
				{ item: 0 },
				{ item: 2 },
			]);
			expect(result.items[0].json.error).toBeUndefined();
			expect(result.items[2].json.error).toBeUndefined();
			const texts = apiRequests(line.mock).map(
				(r) => (r.body as { messages: Array<{ text: string }> }).messages[0].text,
			);
			expect(texts).toEqual(['one', 'three']);
		},
	);

	it('an error item keeps the hint as errorDetails', async () => {
		const result = await runLine(line.mock, push({ to: '={{ $json.to }}', ...hello }), {
			input: [{ to: 'not-an-id' }],
			continueOnFail: true,
		});
		expect(result.items).toEqual([
			{
				json: {
					error:
						'to: "not-an-id" is not a LINE user, group or room ID (expected U, C or R followed by 32 hex characters, e.g. U4af4980629...) [item 0]',
					errorDetails: expect.stringContaining('source.userId'),
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(line.mock.requests).toHaveLength(0);
	});
});
