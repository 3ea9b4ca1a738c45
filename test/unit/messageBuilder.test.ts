import type { messagingApi } from '@line/bot-sdk';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { InputError as LineInputError } from '../../nodes/shared/errors';
import { messageBuilderFields, readMessages } from '../../nodes/Line/helpers/messageBuilder';
import { ItemParameters } from '../../nodes/shared/parameters';
import { validateSchema } from '../support/openapi';

// ---------------------------------------------------------------------------------------------
// Helpers

type Parameters = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Stands in for ItemParameters: reads a plain parameters object by dotted path. */
function fakeParams(parameters: Parameters): ItemParameters {
	const get = (name: string, _itemIndex: number, fallback?: unknown) => {
		let value: unknown = parameters;
		for (const key of name.split('.')) value = isRecord(value) ? value[key] : undefined;
		return value === undefined ? fallback : value;
	};
	return { get } as unknown as ItemParameters;
}

function deepFreeze<T>(value: T): T {
	if (value !== null && typeof value === 'object') {
		for (const child of Object.values(value)) deepFreeze(child);
		Object.freeze(value);
	}
	return value;
}

/** Parameters of the builder with these message entries and options. */
function builder(entries: Parameters[], messageOptions: Parameters = {}): Parameters {
	return { messagesInput: 'builder', messages: { message: entries }, messageOptions };
}

function jsonInput(messagesJson: unknown, messageOptions: Parameters = {}): Parameters {
	return { messagesInput: 'json', messagesJson, messageOptions };
}

function read(parameters: Parameters, itemIndex = 0): IDataObject[] {
	return readMessages(fakeParams(parameters), itemIndex);
}

function problem(run: () => unknown): LineInputError {
	let caught: unknown;
	try {
		run();
	} catch (error) {
		caught = error;
	}
	if (caught instanceof LineInputError) return caught;
	throw new Error(
		`expected a LineInputError, got ${caught === undefined ? 'no error' : String(caught)}`,
	);
}

function expectSpecShaped(messages: unknown[]): void {
	messages.forEach((message, i) => {
		expect(validateSchema('messaging-api', 'Message', message, `messages[${i}]`)).toEqual([]);
	});
}

const USER_ID = 'U4af4980629b06f3b9d3f8a1b2c3d4e5f';
const showFor = { show: { resource: ['message'], operation: ['sendPush'] } };

const bubble: messagingApi.FlexBubble = {
	type: 'bubble',
	body: {
		type: 'box',
		layout: 'vertical',
		contents: [
			{ type: 'text', text: 'Order #42' },
			{ type: 'button', action: { type: 'uri', label: 'Track', uri: 'https://example.com/42' } },
		],
	},
};

const confirm: messagingApi.ConfirmTemplate = {
	type: 'confirm',
	text: 'Are you sure?',
	actions: [
		{ type: 'message', label: 'Yes', text: 'yes' },
		{ type: 'message', label: 'No', text: 'no' },
	],
};

const imagemapActions: messagingApi.ImagemapAction[] = [
	{ type: 'uri', linkUri: 'https://example.com', area: { x: 0, y: 0, width: 1040, height: 700 } },
];

// ---------------------------------------------------------------------------------------------

describe('messageBuilderFields', () => {
	const fields = messageBuilderFields(deepFreeze(structuredClone(showFor)));
	const byName = (name: string) => fields.find((field) => field.name === name) as INodeProperties;
	const messageValues = (byName('messages').options as Array<{ values: INodeProperties[] }>)[0]
		.values;
	const quickReply = (byName('messageOptions').options as INodeProperties[]).find(
		(option) => option.name === 'quickReply',
	) as INodeProperties;
	const quickReplyValues = (quickReply.options as Array<{ values: INodeProperties[] }>)[0].values;

	it('defines the input switch, the builder, the JSON field and the options', () => {
		expect(fields.map((field) => field.name)).toEqual([
			'messagesInput',
			'messages',
			'messagesJson',
			'messageOptions',
		]);
		expect(byName('messagesInput')).toMatchObject({ type: 'options', default: 'builder' });
		expect(
			(byName('messagesInput').options as INodePropertyOptions[]).map((o) => [o.value, o.name]),
		).toEqual([
			['builder', 'Using Fields Below'],
			['json', 'Using JSON'],
		]);
		expect(byName('messages')).toMatchObject({
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			default: {},
		});
		expect(byName('messagesJson').type).toBe('json');
		expect(byName('messageOptions')).toMatchObject({
			type: 'collection',
			displayName: 'Message Options',
			default: {},
		});
		expect(quickReply).toMatchObject({
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
		});
		expect((byName('messageOptions').options as INodeProperties[]).map((o) => o.name)).toEqual([
			'quickReply',
			'senderIconUrl',
			'senderName',
		]);
	});

	it('shows every field only where the caller says, and each input mode only when chosen', () => {
		for (const field of fields) expect(field.displayOptions?.show).toMatchObject(showFor.show);
		expect(byName('messages').displayOptions?.show?.messagesInput).toEqual(['builder']);
		expect(byName('messagesJson').displayOptions?.show?.messagesInput).toEqual(['json']);
		expect(byName('messageOptions').displayOptions?.show?.messagesInput).toBeUndefined();
	});

	it('gives every parameter, however deep, a display name, a description and a default', () => {
		const walk = (properties: INodeProperties[], where: string) => {
			for (const property of properties) {
				const at = `${where}.${property.name}`;
				expect({ at, displayName: typeof property.displayName }).toEqual({
					at,
					displayName: 'string',
				});
				expect({ at, description: typeof property.description }).toEqual({
					at,
					description: 'string',
				});
				expect({ at, hasDefault: property.default !== undefined }).toEqual({
					at,
					hasDefault: true,
				});
				for (const option of (property.options ?? []) as Array<
					Partial<INodeProperties> & { values?: INodeProperties[] }
				>) {
					if (option.values) walk(option.values, `${at}.${option.name}`);
					else if (option.type) walk([option as INodeProperties], at);
				}
			}
		};
		walk(fields, 'fields');
	});

	it('keeps option lists alphabetical, as n8n lints them', () => {
		const lists = [messageValues[0], quickReplyValues[0]];
		for (const list of lists) {
			const names = (list.options as INodePropertyOptions[]).map((o) => o.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});

	it('uses each name once inside a message and inside a quick reply button', () => {
		for (const values of [messageValues, quickReplyValues]) {
			const names = values.map((value) => value.name);
			expect(new Set(names).size).toBe(names.length);
		}
	});

	it('shows, for each message type, exactly the fields of that type', () => {
		const typeOptions = (messageValues[0].options as INodePropertyOptions[]).map((o) => o.value);
		const shown = (type: string) =>
			messageValues
				.filter(
					(value) => value.name !== 'type' && value.displayOptions?.show?.type?.includes(type),
				)
				.map((value) => value.name)
				.sort();
		expect(Object.fromEntries(typeOptions.map((type) => [type, shown(type as string)]))).toEqual({
			audio: ['duration', 'originalContentUrl'],
			buttons: [
				'altText',
				'defaultAction',
				'imageAspectRatio',
				'imageBackgroundColor',
				'imageSize',
				'templateButtons',
				'templateText',
				'templateTitle',
				'thumbnailImageUrl',
			],
			card: [
				'altText',
				'cardButtons',
				'cardLines',
				'cardOptions',
				'cardRows',
				'cardTitle',
				'heroImageUrl',
			],
			cardCarousel: ['altText', 'cards', 'joinItems'],
			carousel: ['altText', 'columns', 'imageAspectRatio', 'imageSize', 'joinItems'],
			confirm: ['altText', 'confirmButtons', 'confirmText'],
			flex: ['altText', 'contents'],
			image: ['originalContentUrl', 'previewImageUrl'],
			imageCarousel: ['altText', 'imageColumns', 'joinItems'],
			imagemap: ['actions', 'altText', 'baseHeight', 'baseUrl', 'imagemapAreas', 'imagemapVideo'],
			json: ['json'],
			location: ['address', 'latitude', 'longitude', 'title'],
			sticker: ['packageId', 'quoteToken', 'stickerId'],
			template: ['altText', 'template'],
			text: ['quoteToken', 'text'],
			textV2: ['quoteToken', 'substitution', 'textWithPlaceholders'],
			video: ['originalContentUrl', 'previewImageUrl', 'trackingId'],
		});
		expect(messageValues[0]).toMatchObject({ name: 'type', default: 'text' });
		expect(messageValues.find((value) => value.name === 'text')?.typeOptions).toEqual({ rows: 4 });
	});

	it('shows, for each quick reply action type, exactly its fields', () => {
		const shownFor = (type: string) =>
			quickReplyValues
				.filter((value) => value.name !== 'type')
				.filter((value) => !value.displayOptions || value.displayOptions.show?.type?.includes(type))
				.map((value) => value.name)
				.sort();
		expect(shownFor('message')).toEqual(['imageUrl', 'label', 'text']);
		expect(shownFor('postback')).toEqual([
			'data',
			'displayText',
			'fillInText',
			'imageUrl',
			'inputOption',
			'label',
		]);
		expect(shownFor('uri')).toEqual(['imageUrl', 'label', 'uri']);
		expect(shownFor('datetimepicker')).toEqual([
			'data',
			'imageUrl',
			'initial',
			'label',
			'max',
			'min',
			'mode',
		]);
		expect(shownFor('camera')).toEqual(['imageUrl', 'label']);
		expect(shownFor('clipboard')).toEqual(['clipboardText', 'imageUrl', 'label']);
		expect((quickReplyValues[0].options as INodePropertyOptions[]).map((o) => o.value)).toEqual([
			'camera',
			'cameraRoll',
			'clipboard',
			'datetimepicker',
			'location',
			'message',
			'postback',
			'uri',
		]);
	});
});

describe('readMessages: builder', () => {
	it('builds a text message', () => {
		const expected: messagingApi.TextMessage = { type: 'text', text: '  Hello 🍎\nworld  ' };
		expect(read(builder([{ type: 'text', text: '  Hello 🍎\nworld  ' }]))).toEqual([expected]);
	});

	it('builds a sticker message, with IDs as strings', () => {
		const expected: messagingApi.StickerMessage = {
			type: 'sticker',
			packageId: '446',
			stickerId: '1988',
		};
		expect(read(builder([{ type: 'sticker', packageId: ' 446 ', stickerId: 1988 }]))).toEqual([
			expected,
		]);
	});

	it('builds an image message, using the original as preview when none is given', () => {
		const expected: messagingApi.ImageMessage = {
			type: 'image',
			originalContentUrl: 'https://example.com/a.jpg',
			previewImageUrl: 'https://example.com/a.jpg',
		};
		expect(
			read(
				builder([
					{ type: 'image', originalContentUrl: 'https://example.com/a.jpg', previewImageUrl: '' },
				]),
			),
		).toEqual([expected]);
		expect(
			read(builder([{ type: 'image', originalContentUrl: 'https://example.com/a.jpg' }])),
		).toEqual([expected]);
		const withPreview = read(
			builder([
				{
					type: 'image',
					originalContentUrl: 'https://example.com/a.jpg',
					previewImageUrl: 'https://example.com/s.jpg',
				},
			]),
		);
		expect(withPreview[0].previewImageUrl).toBe('https://example.com/s.jpg');
	});

	it('builds a video message, leaving out an empty tracking ID', () => {
		const entry = {
			type: 'video',
			originalContentUrl: 'https://example.com/v.mp4',
			previewImageUrl: 'https://example.com/p.jpg',
			trackingId: '',
		};
		const expected: messagingApi.VideoMessage = {
			type: 'video',
			originalContentUrl: 'https://example.com/v.mp4',
			previewImageUrl: 'https://example.com/p.jpg',
		};
		expect(read(builder([entry]))).toEqual([expected]);
		expect(read(builder([{ ...entry, trackingId: 'track-1' }]))).toEqual([
			{ ...expected, trackingId: 'track-1' },
		]);
	});

	it('builds an audio message, reading a duration given as text', () => {
		const expected: messagingApi.AudioMessage = {
			type: 'audio',
			originalContentUrl: 'https://example.com/a.m4a',
			duration: 60000,
		};
		expect(
			read(
				builder([
					{ type: 'audio', originalContentUrl: 'https://example.com/a.m4a', duration: 60000 },
				]),
			),
		).toEqual([expected]);
		expect(
			read(
				builder([
					{ type: 'audio', originalContentUrl: 'https://example.com/a.m4a', duration: '60000' },
				]),
			),
		).toEqual([expected]);
	});

	it('builds a location message', () => {
		const expected: messagingApi.LocationMessage = {
			type: 'location',
			title: 'LINE Tokyo',
			address: 'Shinjuku, Tokyo',
			latitude: 35.687574,
			longitude: 139.72922,
		};
		expect(
			read(
				builder([
					{
						type: 'location',
						title: 'LINE Tokyo',
						address: 'Shinjuku, Tokyo',
						latitude: 35.687574,
						longitude: '139.72922',
					},
				]),
			),
		).toEqual([expected]);
	});

	it('builds a flex message from JSON text or an already parsed object', () => {
		const expected: messagingApi.FlexMessage = { type: 'flex', altText: 'Order', contents: bubble };
		expect(
			read(
				builder([{ type: 'flex', altText: 'Order', contents: JSON.stringify(bubble, null, 2) }]),
			),
		).toEqual([expected]);
		expect(read(builder([{ type: 'flex', altText: 'Order', contents: bubble }]))).toEqual([
			expected,
		]);
	});

	it('builds a template message', () => {
		const expected: messagingApi.TemplateMessage = {
			type: 'template',
			altText: 'Sure?',
			template: confirm,
		};
		expect(
			read(builder([{ type: 'template', altText: 'Sure?', template: JSON.stringify(confirm) }])),
		).toEqual([expected]);
	});

	it('builds an imagemap message with the fixed base width of 1040', () => {
		const expected: messagingApi.ImagemapMessage = {
			type: 'imagemap',
			baseUrl: 'https://example.com/imagemap/1',
			altText: 'Shop map',
			baseSize: { width: 1040, height: 700 },
			actions: imagemapActions,
		};
		const entry = {
			type: 'imagemap',
			baseUrl: 'https://example.com/imagemap/1',
			altText: 'Shop map',
			baseHeight: 700,
			actions: JSON.stringify(imagemapActions),
		};
		expect(read(builder([entry]))).toEqual([expected]);
	});

	it('takes a raw JSON message as it is', () => {
		const coupon: messagingApi.CouponMessage = { type: 'coupon', couponId: 'coupon-1' };
		const textV2: messagingApi.TextMessageV2 = {
			type: 'textV2',
			text: 'Hi {user}',
			substitution: {
				user: {
					type: 'mention',
					mentionee: { type: 'user', userId: USER_ID },
				} as messagingApi.SubstitutionObject,
			},
		};
		expect(
			read(
				builder([
					{ type: 'json', json: JSON.stringify(coupon) },
					{ type: 'json', json: textV2 },
				]),
			),
		).toEqual([coupon, textV2]);
	});

	it("builds every type in order, in shapes LINE's OpenAPI accepts", () => {
		const entries = [
			{ type: 'text', text: 'Hello' },
			{ type: 'sticker', packageId: '446', stickerId: '1988' },
			{ type: 'image', originalContentUrl: 'https://example.com/a.jpg' },
			{
				type: 'video',
				originalContentUrl: 'https://example.com/v.mp4',
				previewImageUrl: 'https://example.com/p.jpg',
			},
			{ type: 'audio', originalContentUrl: 'https://example.com/a.m4a', duration: 1000 },
			{ type: 'location', title: 'Here', address: 'There', latitude: 1.5, longitude: -2.25 },
			{ type: 'flex', altText: 'Order', contents: bubble },
			{ type: 'template', altText: 'Sure?', template: confirm },
			{
				type: 'imagemap',
				baseUrl: 'https://example.com/m',
				altText: 'Map',
				baseHeight: 1040,
				actions: imagemapActions,
			},
			{ type: 'json', json: { type: 'text', text: 'raw' } },
		];
		const built = [0, 5].flatMap((start) => read(builder(entries.slice(start, start + 5))));
		expect(built.map((message) => message.type)).toEqual([
			'text',
			'sticker',
			'image',
			'video',
			'audio',
			'location',
			'flex',
			'template',
			'imagemap',
			'text',
		]);
		expectSpecShaped(built);
	});

	it('never sends an empty string, so a missing required field is reported as required', () => {
		const error = problem(() => read(builder([{ type: 'text', text: '' }])));
		expect(error.message).toBe('messages[0].text: is required (text, 1 to 5000 characters)');
		const built = read(
			builder(
				[
					{
						type: 'video',
						originalContentUrl: 'https://example.com/v.mp4',
						previewImageUrl: 'https://example.com/p.jpg',
						trackingId: '',
					},
				],
				{
					senderName: '',
					senderIconUrl: '',
					quickReply: {
						items: [{ type: 'postback', label: 'Go', data: 'go', displayText: '', imageUrl: '' }],
					},
				},
			),
		);
		expect(JSON.stringify(built)).not.toContain('""');
	});

	it('checks the built messages, naming the field', () => {
		expect(
			problem(() =>
				read(
					builder([
						{ type: 'text', text: 'ok' },
						{ type: 'image', originalContentUrl: 'http://x.com/a.jpg' },
					]),
				),
			).field,
		).toBe('messages[1].originalContentUrl');
		expect(problem(() => read(builder([]))).message).toMatch(/^messages: is empty/);
		expect(problem(() => read({ messagesInput: 'builder', messageOptions: {} })).field).toBe(
			'messages',
		);
		expect(
			problem(() => read(builder(Array.from({ length: 6 }, () => ({ type: 'text', text: 'x' })))))
				.message,
		).toMatch(/holds 6 messages/);
	});

	it.each([
		[
			'flex',
			{ type: 'flex', altText: 'a', contents: '{"type": "bubble",}' },
			'messages[1].contents',
		],
		[
			'template',
			{ type: 'template', altText: 'a', template: '{type: confirm}' },
			'messages[1].template',
		],
		[
			'imagemap',
			{
				type: 'imagemap',
				baseUrl: 'https://e.com/m',
				altText: 'a',
				baseHeight: 1040,
				actions: '[',
			},
			'messages[1].actions',
		],
		['raw', { type: 'json', json: '{"type":"text"' }, 'messages[1]'],
	])('names the %s field whose JSON is malformed', (_title, entry, field) => {
		const error = problem(() => read(builder([{ type: 'text', text: 'ok' }, entry])));
		expect(error.field).toBe(field);
		expect(error.message).toMatch(
			new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}: not valid JSON \\(.+\\)$`),
		);
	});

	it('refuses raw JSON that is not one message object', () => {
		expect(
			problem(() => read(builder([{ type: 'json', json: '[{"type":"text","text":"a"}]' }]))).field,
		).toBe('messages[0]');
	});

	it('treats empty JSON fields as missing', () => {
		expect(
			problem(() => read(builder([{ type: 'flex', altText: 'a', contents: '  ' }]))).message,
		).toMatch(/^messages\[0\]\.contents: is required/);
	});
});

describe('readMessages: JSON input', () => {
	const messages: messagingApi.Message[] = [
		{ type: 'text', text: 'One' },
		{ type: 'sticker', packageId: '446', stickerId: '1988' },
	];

	it('accepts an array, one object, JSON text, or a whole request body', () => {
		expect(read(jsonInput(messages))).toEqual(messages);
		expect(read(jsonInput(messages[0]))).toEqual([messages[0]]);
		expect(read(jsonInput(JSON.stringify(messages)))).toEqual(messages);
		expect(read(jsonInput(JSON.stringify(messages[1])))).toEqual([messages[1]]);
		expect(read(jsonInput({ to: USER_ID, messages }))).toEqual(messages);
	});

	it('names "messages" when the JSON is malformed or not messages', () => {
		const malformed = problem(() => read(jsonInput('[{"type": "text", "text": }]')));
		expect(malformed.field).toBe('messages');
		expect(malformed.message).toMatch(/^messages: not valid JSON \(.+\)$/);
		expect(problem(() => read(jsonInput('[]'))).message).toMatch(/^messages: is empty/);
		expect(problem(() => read(jsonInput(''))).message).toMatch(/^messages: is empty/);
		expect(problem(() => read(jsonInput('"hello"'))).field).toBe('messages[0]');
		expect(problem(() => read(jsonInput([{ type: 'text', text: 'a' }, 42]))).field).toBe(
			'messages[1]',
		);
	});

	it('checks the messages', () => {
		expect(
			problem(() =>
				read(
					jsonInput([
						{ type: 'text', text: 'a' },
						{ type: 'text', text: '' },
					]),
				),
			).field,
		).toBe('messages[1].text');
	});
});

describe('readMessages: quick reply and sender', () => {
	const items = [
		{
			type: 'message',
			label: 'Sushi',
			text: 'I want sushi',
			imageUrl: 'https://example.com/sushi.png',
		},
		{ type: 'postback', label: 'Buy', data: 'action=buy', displayText: 'Buy it' },
		{ type: 'postback', label: 'Quiet', data: 'quiet', displayText: '' },
		{ type: 'uri', label: 'Site', uri: ' https://example.com ' },
		{
			type: 'datetimepicker',
			label: 'When',
			data: 'when',
			mode: 'date',
			initial: '2025-12-25',
			max: '',
			min: '2025-01-01',
		},
		{ type: 'camera', label: 'Camera' },
		{ type: 'cameraRoll', label: 'Photos' },
		{ type: 'location', label: 'Where' },
	];
	const expectedQuickReply: messagingApi.QuickReply = {
		items: [
			{
				type: 'action',
				imageUrl: 'https://example.com/sushi.png',
				action: { type: 'message', label: 'Sushi', text: 'I want sushi' },
			},
			{
				type: 'action',
				action: { type: 'postback', label: 'Buy', data: 'action=buy', displayText: 'Buy it' },
			},
			{ type: 'action', action: { type: 'postback', label: 'Quiet', data: 'quiet' } },
			{ type: 'action', action: { type: 'uri', label: 'Site', uri: 'https://example.com' } },
			{
				type: 'action',
				action: {
					type: 'datetimepicker',
					label: 'When',
					data: 'when',
					mode: 'date',
					initial: '2025-12-25',
					min: '2025-01-01',
				},
			},
			{ type: 'action', action: { type: 'camera', label: 'Camera' } },
			{ type: 'action', action: { type: 'cameraRoll', label: 'Photos' } },
			{ type: 'action', action: { type: 'location', label: 'Where' } },
		],
	};
	const texts = [
		{ type: 'text', text: 'One' },
		{ type: 'text', text: 'Two' },
		{ type: 'text', text: 'Three' },
	];

	it('builds every quick reply action type and attaches the buttons to the last message only', () => {
		const built = read(builder(texts, { quickReply: { items } }));
		expect(built.map((message) => message.quickReply)).toEqual([
			undefined,
			undefined,
			expectedQuickReply,
		]);
		expect(built[0]).not.toHaveProperty('quickReply');
		expectSpecShaped(built);
	});

	it('attaches the quick reply to the last message in JSON mode too, replacing one already there', () => {
		const own = {
			items: [{ type: 'action', action: { type: 'message', label: 'Old', text: 'old' } }],
		};
		const built = read(
			jsonInput([texts[0], { ...texts[1], quickReply: own }], { quickReply: { items } }),
		);
		expect(built[0]).not.toHaveProperty('quickReply');
		expect(built[1].quickReply).toEqual(expectedQuickReply);
	});

	it('defaults a date-time picker to date and time', () => {
		const built = read(
			builder(texts.slice(0, 1), {
				quickReply: { items: [{ type: 'datetimepicker', label: 'When', data: 'w' }] },
			}),
		);
		expect((built[0].quickReply as messagingApi.QuickReply).items?.[0].action).toEqual({
			type: 'datetimepicker',
			label: 'When',
			data: 'w',
			mode: 'datetime',
		});
	});

	it('sends no quick reply when no button is defined', () => {
		expect(read(builder(texts, { quickReply: {} }))[2]).not.toHaveProperty('quickReply');
		expect(read(builder(texts, { quickReply: { items: [] } }))[2]).not.toHaveProperty('quickReply');
	});

	it('checks the quick reply buttons, naming the field', () => {
		const tooLong = problem(() =>
			read(
				builder(texts, {
					quickReply: {
						items: [...items.slice(0, 3), { type: 'message', label: 'x'.repeat(21), text: 'x' }],
					},
				}),
			),
		);
		expect(tooLong.field).toBe('messages[2].quickReply.items[3].action.label');
		const missing = problem(() =>
			read(builder(texts, { quickReply: { items: [{ type: 'uri', label: 'Site' }] } })),
		);
		expect(missing.field).toBe('messages[2].quickReply.items[0].action.uri');
	});

	it('applies the sender to every message', () => {
		const sender: messagingApi.Sender = { name: 'Cony', iconUrl: 'https://example.com/cony.png' };
		const built = read(
			builder(texts, { senderName: 'Cony', senderIconUrl: ' https://example.com/cony.png ' }),
		);
		expect(built.map((message) => message.sender)).toEqual([sender, sender, sender]);
		const fromJson = read(jsonInput(texts, { senderName: 'Cony' }));
		expect(fromJson.map((message) => message.sender)).toEqual([
			{ name: 'Cony' },
			{ name: 'Cony' },
			{ name: 'Cony' },
		]);
		expectSpecShaped(built);
	});

	it('sends no sender when its fields are empty', () => {
		for (const message of read(builder(texts, { senderName: '', senderIconUrl: '' }))) {
			expect(message).not.toHaveProperty('sender');
		}
	});

	it('checks the sender, naming the field', () => {
		expect(problem(() => read(builder(texts, { senderName: 'x'.repeat(21) }))).field).toBe(
			'messages[0].sender.name',
		);
		expect(
			problem(() => read(builder(texts, { senderIconUrl: 'http://example.com/i.png' }))).field,
		).toBe('messages[0].sender.iconUrl');
	});
});

describe('readMessages: parameter values stay untouched', () => {
	const options = {
		senderName: 'Cony',
		quickReply: { items: [{ type: 'message', label: 'Hi', text: 'Hi' }] },
	};

	it('does not change frozen builder parameters', () => {
		const parameters = builder(
			[
				{ type: 'flex', altText: 'Order', contents: bubble },
				{ type: 'json', json: { type: 'text', text: 'raw' } },
				{ type: 'template', altText: 'Sure?', template: confirm },
			],
			options,
		);
		const before = structuredClone(parameters);
		deepFreeze(parameters);
		const built = read(parameters);
		expect(parameters).toEqual(before);
		expect(built[2].quickReply).toBeDefined();
		expect(built.every((message) => (message.sender as IDataObject).name === 'Cony')).toBe(true);
	});

	it('does not change frozen JSON parameters, and returns new message objects', () => {
		const list = [
			{ type: 'text', text: 'One' },
			{
				type: 'text',
				text: 'Two',
				quickReply: { items: [{ type: 'action', action: { type: 'camera', label: 'Cam' } }] },
			},
		];
		const parameters = jsonInput(list, options);
		const before = structuredClone(parameters);
		deepFreeze(parameters);
		const built = read(parameters);
		expect(parameters).toEqual(before);
		expect(built[0]).not.toBe(list[0]);
		expect(built[1].quickReply).toEqual({
			items: [{ type: 'action', action: { type: 'message', label: 'Hi', text: 'Hi' } }],
		});
	});

	it('gives every item its own messages when ItemParameters shares one cached value', () => {
		const parameters = deepFreeze(builder([{ type: 'text', text: 'Same' }], options));
		const calls: string[] = [];
		const context = {
			getNode: () => ({ parameters }),
			getNodeParameter: (name: string, _item: number, fallback?: unknown) => {
				calls.push(name);
				return fakeParams(parameters).get(name, 0, fallback);
			},
		} as unknown as IExecuteFunctions;
		const params = new ItemParameters(context);
		const first = readMessages(params, 0);
		const second = readMessages(params, 1);
		expect(second).toEqual(first);
		first[0].text = 'changed by a later step';
		(first[0].sender as IDataObject).name = 'changed';
		expect(readMessages(params, 2)[0]).toMatchObject({ text: 'Same', sender: { name: 'Cony' } });
		// Nothing in these parameters is an expression, so each is resolved once for all items.
		expect(new Set(calls).size).toBe(calls.length);
	});
});
