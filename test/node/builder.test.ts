import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { apiRequests, builder, runLineOk, USER, USER_2, useMockLine } from './fixtures';

/**
 * The message builder through the real node: every message type and option ends up in a request
 * the mock accepts as valid against LINE's OpenAPI (each message against its concrete schema).
 */

const line = useMockLine();

const BUBBLE = {
	type: 'bubble',
	body: {
		type: 'box',
		layout: 'vertical',
		contents: [
			{ type: 'text', text: 'Order shipped', weight: 'bold' },
			{
				type: 'button',
				action: { type: 'uri', label: 'Track', uri: 'https://example.com/track/1' },
			},
		],
	},
};

const BUTTONS = {
	type: 'buttons',
	thumbnailImageUrl: 'https://example.com/menu.jpg',
	title: 'Menu',
	text: 'Please select',
	actions: [
		{ type: 'postback', label: 'Buy', data: 'action=buy&itemid=123' },
		{ type: 'message', label: 'Ask', text: 'I have a question' },
		{ type: 'uri', label: 'View', uri: 'https://example.com/item/123' },
	],
};

const IMAGEMAP_ACTIONS = [
	{ type: 'uri', linkUri: 'https://example.com/a', area: { x: 0, y: 0, width: 520, height: 1040 } },
	{ type: 'message', text: 'Right side', area: { x: 520, y: 0, width: 520, height: 1040 } },
];

const TEXT_V2 = {
	type: 'textV2',
	text: 'Welcome, {user}! {smile}',
	substitution: {
		user: { type: 'mention', mentionee: { type: 'user', userId: USER } },
		smile: { type: 'emoji', productId: '5ac1bfd5040ab15980c9b435', emojiId: '002' },
	},
};

/** Pushes with the given message parameters and returns the `messages` LINE received. */
async function pushedMessages(
	parameters: INodeParameters,
	input?: IDataObject[],
): Promise<IDataObject[][]> {
	await runLineOk(
		line.mock,
		{ resource: 'message', operation: 'sendPush', to: USER, ...parameters },
		{ input },
	);
	const requests = apiRequests(line.mock);
	expect(requests.every((r) => r.operationId === 'pushMessage' && r.problems.length === 0)).toBe(
		true,
	);
	return requests.map((r) => (r.body as { messages: IDataObject[] }).messages);
}

describe('each message type of the builder', () => {
	it.each<[string, IDataObject, IDataObject]>([
		['text', { type: 'text', text: 'Hello 🍎' }, { type: 'text', text: 'Hello 🍎' }],
		[
			'sticker',
			{ type: 'sticker', packageId: '446', stickerId: '1988' },
			{ type: 'sticker', packageId: '446', stickerId: '1988' },
		],
		[
			'image (preview defaults to the original)',
			{ type: 'image', originalContentUrl: 'https://example.com/photo.jpg' },
			{
				type: 'image',
				originalContentUrl: 'https://example.com/photo.jpg',
				previewImageUrl: 'https://example.com/photo.jpg',
			},
		],
		[
			'image with its own preview',
			{
				type: 'image',
				originalContentUrl: ' https://example.com/photo.jpg ',
				previewImageUrl: 'https://example.com/small.jpg',
			},
			{
				type: 'image',
				originalContentUrl: 'https://example.com/photo.jpg',
				previewImageUrl: 'https://example.com/small.jpg',
			},
		],
		[
			'video',
			{
				type: 'video',
				originalContentUrl: 'https://example.com/v.mp4',
				previewImageUrl: 'https://example.com/v.jpg',
				trackingId: 'campaign-1',
			},
			{
				type: 'video',
				originalContentUrl: 'https://example.com/v.mp4',
				previewImageUrl: 'https://example.com/v.jpg',
				trackingId: 'campaign-1',
			},
		],
		[
			'audio',
			{ type: 'audio', originalContentUrl: 'https://example.com/a.m4a', duration: 60000 },
			{ type: 'audio', originalContentUrl: 'https://example.com/a.m4a', duration: 60000 },
		],
		[
			'location',
			{
				type: 'location',
				title: 'LINE Office',
				address: 'Shinjuku, Tokyo',
				latitude: 35.6870197,
				longitude: 139.7031663,
			},
			{
				type: 'location',
				title: 'LINE Office',
				address: 'Shinjuku, Tokyo',
				latitude: 35.6870197,
				longitude: 139.7031663,
			},
		],
		[
			'flex (contents as JSON text)',
			{ type: 'flex', altText: 'Your order', contents: JSON.stringify(BUBBLE) },
			{ type: 'flex', altText: 'Your order', contents: BUBBLE },
		],
		[
			'flex carousel',
			{
				type: 'flex',
				altText: 'Choices',
				contents: JSON.stringify({ type: 'carousel', contents: [BUBBLE, BUBBLE] }),
			},
			{
				type: 'flex',
				altText: 'Choices',
				contents: { type: 'carousel', contents: [BUBBLE, BUBBLE] },
			},
		],
		[
			'template (buttons)',
			{ type: 'template', altText: 'Menu', template: JSON.stringify(BUTTONS) },
			{ type: 'template', altText: 'Menu', template: BUTTONS },
		],
		[
			'template (confirm)',
			{
				type: 'template',
				altText: 'Sure?',
				template:
					'{ "type": "confirm", "text": "Are you sure?", "actions": [{ "type": "message", "label": "Yes", "text": "yes" }, { "type": "message", "label": "No", "text": "no" }] }',
			},
			{
				type: 'template',
				altText: 'Sure?',
				template: {
					type: 'confirm',
					text: 'Are you sure?',
					actions: [
						{ type: 'message', label: 'Yes', text: 'yes' },
						{ type: 'message', label: 'No', text: 'no' },
					],
				},
			},
		],
		[
			'imagemap',
			{
				type: 'imagemap',
				baseUrl: 'https://example.com/imagemap/1',
				altText: 'Map',
				baseHeight: 700,
				actions: JSON.stringify(IMAGEMAP_ACTIONS),
			},
			{
				type: 'imagemap',
				baseUrl: 'https://example.com/imagemap/1',
				altText: 'Map',
				baseSize: { width: 1040, height: 700 },
				actions: IMAGEMAP_ACTIONS,
			},
		],
		[
			'raw JSON (a textV2 message with a mention)',
			{ type: 'json', json: JSON.stringify(TEXT_V2) },
			TEXT_V2,
		],
	])('%s', async (_name, entry, expected) => {
		const [messages] = await pushedMessages(builder(entry));
		expect(messages).toEqual([expected]);
	});

	it('sends up to five messages of different types in the order given', async () => {
		const [messages] = await pushedMessages(
			builder(
				{ type: 'text', text: 'one' },
				{ type: 'sticker', packageId: '446', stickerId: '1988' },
				{ type: 'image', originalContentUrl: 'https://example.com/p.png' },
				{ type: 'flex', altText: 'alt', contents: JSON.stringify(BUBBLE) },
				{ type: 'text', text: 'five' },
			),
		);
		expect(messages.map((m) => m.type)).toEqual(['text', 'sticker', 'image', 'flex', 'text']);
		expect([messages[0].text, messages[4].text]).toEqual(['one', 'five']);
	});

	it('takes flex contents given as an object by an expression', async () => {
		const [messages] = await pushedMessages(
			builder({ type: 'flex', altText: 'Your order', contents: '={{ $json.bubble }}' }),
			[{ bubble: BUBBLE }],
		);
		expect(messages).toEqual([{ type: 'flex', altText: 'Your order', contents: BUBBLE }]);
	});
});

describe('JSON mode', () => {
	it('sends the messages array written as JSON', async () => {
		const [messages] = await pushedMessages({
			messagesInput: 'json',
			messagesJson: JSON.stringify([{ type: 'text', text: 'a' }, TEXT_V2]),
		});
		expect(messages).toEqual([{ type: 'text', text: 'a' }, TEXT_V2]);
	});

	it('takes one message object, an array from an expression, or a whole request body', async () => {
		const input = [
			{ messages: { type: 'text', text: 'single' } },
			{ messages: [{ type: 'sticker', packageId: '446', stickerId: '1988' }] },
			{ messages: { to: USER_2, messages: [{ type: 'text', text: 'from a body' }] } },
		];
		const sent = await pushedMessages(
			{ messagesInput: 'json', messagesJson: '={{ $json.messages }}' },
			input,
		);
		expect(sent).toEqual([
			[{ type: 'text', text: 'single' }],
			[{ type: 'sticker', packageId: '446', stickerId: '1988' }],
			[{ type: 'text', text: 'from a body' }],
		]);
	});
});

describe('message options', () => {
	const quickReply = {
		items: [
			{ type: 'message', label: 'Yes', text: 'yes' },
			{ type: 'postback', label: 'Buy', data: 'action=buy&id=1', displayText: 'Buy it' },
			{
				type: 'uri',
				label: 'Website',
				uri: 'https://example.com',
				imageUrl: 'https://example.com/icon.png',
			},
			{
				type: 'datetimepicker',
				label: 'Pick a day',
				data: 'pick',
				mode: 'date',
				initial: '2026-12-25',
				max: '2026-12-31',
				min: '2026-12-01',
			},
			{ type: 'camera', label: 'Camera' },
			{ type: 'cameraRoll', label: 'Photos' },
			{ type: 'location', label: 'Where are you?' },
		],
	};
	const expectedQuickReply = {
		items: [
			{ type: 'action', action: { type: 'message', label: 'Yes', text: 'yes' } },
			{
				type: 'action',
				action: { type: 'postback', label: 'Buy', data: 'action=buy&id=1', displayText: 'Buy it' },
			},
			{
				type: 'action',
				imageUrl: 'https://example.com/icon.png',
				action: { type: 'uri', label: 'Website', uri: 'https://example.com' },
			},
			{
				type: 'action',
				action: {
					type: 'datetimepicker',
					label: 'Pick a day',
					data: 'pick',
					mode: 'date',
					initial: '2026-12-25',
					max: '2026-12-31',
					min: '2026-12-01',
				},
			},
			{ type: 'action', action: { type: 'camera', label: 'Camera' } },
			{ type: 'action', action: { type: 'cameraRoll', label: 'Photos' } },
			{ type: 'action', action: { type: 'location', label: 'Where are you?' } },
		],
	};

	it('attaches every kind of quick reply button to the last message only', async () => {
		const [messages] = await pushedMessages({
			...builder({ type: 'text', text: 'first' }, { type: 'text', text: 'Choose one' }),
			messageOptions: { quickReply },
		});
		expect(messages).toEqual([
			{ type: 'text', text: 'first' },
			{ type: 'text', text: 'Choose one', quickReply: expectedQuickReply },
		]);
	});

	it('puts the sender on every message', async () => {
		const [messages] = await pushedMessages({
			...builder(
				{ type: 'text', text: 'a' },
				{ type: 'sticker', packageId: '446', stickerId: '1988' },
			),
			messageOptions: { senderName: 'Support', senderIconUrl: 'https://example.com/support.png' },
		});
		const sender = { name: 'Support', iconUrl: 'https://example.com/support.png' };
		expect(messages).toEqual([
			{ type: 'text', text: 'a', sender },
			{ type: 'sticker', packageId: '446', stickerId: '1988', sender },
		]);
	});

	it('adds quick reply and sender to JSON messages, replacing a quick reply already there, and the same for every item', async () => {
		const withOldQuickReply = {
			type: 'text',
			text: 'Pick',
			quickReply: {
				items: [{ type: 'action', action: { type: 'message', label: 'Old', text: 'old' } }],
			},
		};
		const sent = await pushedMessages(
			{
				messagesInput: 'json',
				messagesJson: JSON.stringify([withOldQuickReply]),
				messageOptions: { quickReply: { items: [quickReply.items[0]] }, senderName: 'Bot' },
			},
			[{}, {}],
		);
		const expected = [
			{
				type: 'text',
				text: 'Pick',
				sender: { name: 'Bot' },
				quickReply: { items: [expectedQuickReply.items[0]] },
			},
		];
		expect(sent).toEqual([expected, expected]);
	});
});

describe('expressions resolve per item', () => {
	it('recipient and text come from each item', async () => {
		const input = [
			{ userId: USER, name: 'Ann' },
			{ userId: USER_2, name: 'Bob' },
			{ userId: USER, name: 'Chloé' },
		];
		const items = await runLineOk(
			line.mock,
			{
				resource: 'message',
				operation: 'sendPush',
				to: '={{ $json.userId }}',
				...builder(
					{ type: 'text', text: '=Hello {{ $json.name }}!' },
					{ type: 'sticker', packageId: '446', stickerId: '1988' },
				),
			},
			{ input },
		);
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => r.body)).toEqual(
			input.map(({ userId, name }) => ({
				to: userId,
				messages: [
					{ type: 'text', text: `Hello ${name}!` },
					{ type: 'sticker', packageId: '446', stickerId: '1988' },
				],
			})),
		);
		expect(items.map((i) => i.json.to)).toEqual([USER, USER_2, USER]);
	});

	it('quick reply labels and sender names resolve per item', async () => {
		const sent = await pushedMessages(
			{
				...builder({ type: 'text', text: 'Hi' }),
				messageOptions: {
					quickReply: {
						items: [{ type: 'message', label: '={{ $json.choice }}', text: '={{ $json.choice }}' }],
					},
					senderName: '={{ $json.agent }}',
				},
			},
			[
				{ choice: 'Red', agent: 'Ann' },
				{ choice: 'Blue', agent: 'Bob' },
			],
		);
		expect(sent.map(([m]) => [(m.sender as IDataObject).name, m.quickReply])).toEqual([
			[
				'Ann',
				{ items: [{ type: 'action', action: { type: 'message', label: 'Red', text: 'Red' } }] },
			],
			[
				'Bob',
				{ items: [{ type: 'action', action: { type: 'message', label: 'Blue', text: 'Blue' } }] },
			],
		]);
	});
});

describe('the builder in every send operation', () => {
	const messages = builder({ type: 'image', originalContentUrl: 'https://example.com/p.png' });
	const expected = [
		{
			type: 'image',
			originalContentUrl: 'https://example.com/p.png',
			previewImageUrl: 'https://example.com/p.png',
		},
	];

	it.each<[string, INodeParameters, string]>([
		['sendReply', { replyToken: 'token-1' }, '/v2/bot/message/reply'],
		['sendMulticast', { to: USER }, '/v2/bot/message/multicast'],
		['sendBroadcast', {}, '/v2/bot/message/broadcast'],
		['sendNarrowcast', {}, '/v2/bot/message/narrowcast'],
		['validate', { messageKind: 'push' }, '/v2/bot/message/validate/push'],
	])('%s', async (operation, parameters, path) => {
		await runLineOk(line.mock, { resource: 'message', operation, ...parameters, ...messages });
		const [request] = apiRequests(line.mock);
		expect(request.path).toBe(path);
		expect((request.body as IDataObject).messages).toEqual(expected);
	});
});
