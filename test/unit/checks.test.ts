import { checkMessages, checkRecipientId } from '../../nodes/Line/helpers/checks';
import { InputError as LineInputError } from '../../nodes/shared/errors';
import { validateSchema } from '../support/openapi';

// ---------------------------------------------------------------------------------------------
// Valid LINE messages of every type

const USER_ID = 'U4af4980629b06f3b9d3f8a1b2c3d4e5f';
const GROUP_ID = 'Ca56f94637c1234567890abcdef012345';
const ROOM_ID = 'Ra8dbf4b3c21234567890abcdef012345';

type Message = Record<string, unknown>;

const bubble = (bodyText = 'Order #42'): Message => ({
	type: 'bubble',
	hero: { type: 'image', url: 'https://example.com/hero.png', size: 'full' },
	body: {
		type: 'box',
		layout: 'vertical',
		contents: [
			{ type: 'text', text: bodyText, weight: 'bold' },
			{ type: 'text', contents: [{ type: 'span', text: 'Total ' }, { type: 'span', text: '42' }] },
			{ type: 'icon', url: 'https://example.com/star.png' },
			{ type: 'separator' },
			{ type: 'filler' },
		],
	},
	footer: {
		type: 'box',
		layout: 'horizontal',
		contents: [
			{ type: 'button', action: { type: 'uri', label: 'Track', uri: 'https://example.com/42' } },
			{ type: 'button', action: { type: 'postback', label: 'Cancel', data: 'cancel=42' } },
		],
	},
});

const validMessages = (): Record<string, Message> => ({
	text: { type: 'text', text: 'Hello 🍎' },
	textWithEmojis: {
		type: 'text',
		text: '$ LINE emoji',
		emojis: [{ index: 0, productId: '5ac1bfd5040ab15980c9b435', emojiId: '001' }],
	},
	textV2: {
		type: 'textV2',
		text: 'Welcome {user}! {smile} Use {{braces}} freely.',
		substitution: {
			user: { type: 'mention', mentionee: { type: 'user', userId: USER_ID } },
			smile: { type: 'emoji', productId: '5ac1bfd5040ab15980c9b435', emojiId: '002' },
		},
	},
	sticker: { type: 'sticker', packageId: '446', stickerId: '1988' },
	image: {
		type: 'image',
		originalContentUrl: 'https://example.com/original.jpg',
		previewImageUrl: 'https://example.com/preview.jpg',
	},
	video: {
		type: 'video',
		originalContentUrl: 'https://example.com/video.mp4',
		previewImageUrl: 'https://example.com/preview.jpg',
		trackingId: 'track-1',
	},
	audio: { type: 'audio', originalContentUrl: 'https://example.com/audio.m4a', duration: 60000 },
	location: {
		type: 'location',
		title: 'LINE Tokyo',
		address: '1-6-1 Yotsuya, Shinjuku-ku, Tokyo',
		latitude: 35.687574,
		longitude: 139.72922,
	},
	imagemap: {
		type: 'imagemap',
		baseUrl: 'https://example.com/imagemap/1',
		altText: 'A map of the shop',
		baseSize: { width: 1040, height: 700 },
		actions: [
			{ type: 'uri', linkUri: 'https://example.com', area: { x: 0, y: 0, width: 520, height: 700 } },
			{ type: 'message', text: 'Hello', area: { x: 520, y: 0, width: 520, height: 700 } },
			{ type: 'clipboard', clipboardText: 'CODE42', area: { x: 0, y: 0, width: 10, height: 10 } },
		],
		video: {
			originalContentUrl: 'https://example.com/video.mp4',
			previewImageUrl: 'https://example.com/preview.jpg',
			area: { x: 0, y: 0, width: 1040, height: 585 },
			externalLink: { linkUri: 'https://example.com/more', label: 'See more' },
		},
	},
	buttons: {
		type: 'template',
		altText: 'Menu',
		template: {
			type: 'buttons',
			thumbnailImageUrl: 'https://example.com/thumb.jpg',
			imageAspectRatio: 'rectangle',
			imageSize: 'cover',
			title: 'Menu',
			text: 'Please select',
			defaultAction: { type: 'uri', label: 'View detail', uri: 'https://example.com/page/123' },
			actions: [
				{ type: 'postback', label: 'Buy', data: 'action=buy&itemid=123', displayText: 'Buy' },
				{ type: 'message', label: 'Add to cart', text: 'Add to cart' },
				{ type: 'uri', label: 'Call us', uri: 'tel:+81312345678' },
				{ type: 'datetimepicker', label: 'Pick a day', data: 'day', mode: 'date', initial: '2025-12-25' },
			],
		},
	},
	confirm: {
		type: 'template',
		altText: 'Are you sure?',
		template: {
			type: 'confirm',
			text: 'Are you sure?',
			actions: [
				{ type: 'message', label: 'Yes', text: 'yes' },
				{ type: 'message', label: 'No', text: 'no' },
			],
		},
	},
	carousel: {
		type: 'template',
		altText: 'Our products',
		template: {
			type: 'carousel',
			columns: [
				{
					thumbnailImageUrl: 'https://example.com/1.jpg',
					title: 'Item 1',
					text: 'Description 1',
					actions: [
						{ type: 'postback', label: 'Buy', data: 'buy=1' },
						{ type: 'uri', label: 'Open', uri: 'line://app/123' },
					],
				},
				{
					text: 'Description 2',
					actions: [
						{ type: 'postback', label: 'Buy', data: 'buy=2' },
						{ type: 'clipboard', label: 'Copy', clipboardText: 'ITEM2' },
					],
				},
			],
		},
	},
	imageCarousel: {
		type: 'template',
		altText: 'Pictures',
		template: {
			type: 'image_carousel',
			columns: [
				{ imageUrl: 'https://example.com/1.jpg', action: { type: 'uri', label: 'Open', uri: 'https://example.com' } },
				{ imageUrl: 'https://example.com/2.jpg', action: { type: 'postback', data: 'two' } },
			],
		},
	},
	flexBubble: { type: 'flex', altText: 'Order', contents: bubble() },
	flexCarousel: {
		type: 'flex',
		altText: 'Orders',
		contents: { type: 'carousel', contents: [bubble('One'), bubble('Two')] },
	},
	coupon: { type: 'coupon', couponId: 'coupon-1', deliveryTag: 'spring' },
	withQuickReplyAndSender: {
		type: 'text',
		text: 'Pick one',
		sender: { name: 'Cony', iconUrl: 'https://example.com/cony.png' },
		quickReply: {
			items: [
				{ type: 'action', imageUrl: 'https://example.com/i.png', action: { type: 'message', label: 'Sushi', text: 'Sushi' } },
				{ type: 'action', action: { type: 'camera', label: 'Camera' } },
				{ type: 'action', action: { type: 'cameraRoll', label: 'Camera roll' } },
				{ type: 'action', action: { type: 'location', label: 'Location' } },
				{ type: 'action', action: { type: 'datetimepicker', label: 'When', data: 'when', mode: 'datetime', min: '2025-01-01T00:00' } },
			],
		},
	},
});

// ---------------------------------------------------------------------------------------------
// Helpers

function problem(run: () => unknown): LineInputError {
	let caught: unknown;
	try {
		run();
	} catch (error) {
		caught = error;
	}
	if (caught instanceof LineInputError) return caught;
	throw new Error(`expected a LineInputError, got ${caught === undefined ? 'no error' : String(caught)}`);
}

/** Sets (or, with undefined, deletes) the value at a dotted path such as `template.actions.2.uri`. */
function setPath(target: Message, path: string, value: unknown): void {
	const keys = path.split('.');
	let node = target as Record<string, unknown>;
	for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
	const last = keys[keys.length - 1];
	if (value === undefined) delete node[last];
	else node[last] = value;
}

function variant(name: string, path: string, value: unknown): Message {
	const message = validMessages()[name];
	if (!message) throw new Error(`no fixture ${name}`);
	setPath(message, path, value);
	return message;
}

const text = { type: 'text', text: 'First' };
const long = (n: number, unit = 'a') => unit.repeat(n);
const action = (label: string) => ({ type: 'message', label, text: label });
const family = '👨‍👩‍👧'; // one grapheme cluster, 8 UTF-16 code units

// ---------------------------------------------------------------------------------------------

describe('checkMessages: valid messages', () => {
	const all = validMessages();

	it.each(Object.keys(all))('accepts a valid %s message', (name) => {
		expect(() => checkMessages([all[name]])).not.toThrow();
	});

	it('uses fixtures that LINE\'s OpenAPI accepts', () => {
		for (const [name, message] of Object.entries(all)) {
			expect({ name, problems: validateSchema('messaging-api', 'Message', message) }).toEqual({ name, problems: [] });
		}
	});

	it('accepts five messages, the most one request may carry', () => {
		const list = Object.values(all).slice(0, 5);
		expect(() => checkMessages(list)).not.toThrow();
	});

	it('counts labels and template texts in grapheme clusters, not code units', () => {
		const buttons = variant('buttons', 'template.actions.0.label', long(20, family));
		expect(() => checkMessages([buttons])).not.toThrow();
		const plain = validMessages().buttons;
		const template = plain.template as Message;
		delete template.title;
		delete template.thumbnailImageUrl;
		template.text = long(160, 'e\u0301');
		expect(() => checkMessages([plain])).not.toThrow();
	});

	it('accepts exactly 5000 UTF-16 code units of text, emoji counting two', () => {
		expect(() => checkMessages([{ type: 'text', text: long(2500, '🍎') }])).not.toThrow();
	});

	it('accepts 13 quick reply buttons, 50 imagemap actions, 10 carousel columns and 12 bubbles', () => {
		const quick = variant('text', 'quickReply', {
			items: Array.from({ length: 13 }, (_, i) => ({ type: 'action', action: action(`Q${i}`) })),
		});
		const imagemap = validMessages().imagemap;
		imagemap.actions = Array.from({ length: 50 }, () => (validMessages().imagemap.actions as unknown[])[0]);
		const carousel = validMessages().carousel;
		const columns = (carousel.template as Message).columns as unknown[];
		(carousel.template as Message).columns = Array.from({ length: 10 }, () => columns[0]);
		const flex = variant('flexCarousel', 'contents.contents', Array.from({ length: 12 }, () => bubble()));
		expect(() => checkMessages([quick, imagemap, carousel, flex])).not.toThrow();
	});

	it('does not change the messages it checks', () => {
		const list = Object.values(validMessages()).slice(0, 5);
		const before = JSON.stringify(list);
		checkMessages(list);
		expect(JSON.stringify(list)).toBe(before);
	});
});

describe('checkMessages: the messages array', () => {
	it.each([
		['not an array', { type: 'text', text: 'x' }, /must be a list of 1 to 5 message objects, got an object/],
		['empty', [], /is empty/],
		['six messages', Array.from({ length: 6 }, () => text), /holds 6 messages; LINE accepts at most 5/],
	])('refuses %s, naming "messages"', (_title, messages, pattern) => {
		const error = problem(() => checkMessages(messages));
		expect(error.field).toBe('messages');
		expect(error.message).toMatch(pattern);
	});

	it('uses the field name it is given', () => {
		expect(problem(() => checkMessages([text, { type: 'text' }], 'body.messages')).field).toBe(
			'body.messages[1].text',
		);
	});

	it.each([
		['a string', 'hello', 'messages[1]', /must be a message object, got "hello"/],
		['no type', { text: 'x' }, 'messages[1].type', /is required/],
		['an unknown type', { type: 'html', text: 'x' }, 'messages[1].type', /"html" is not a message type LINE accepts/],
	])('refuses a message that is %s', (_title, message, field, pattern) => {
		const error = problem(() => checkMessages([text, message]));
		expect(error.field).toBe(field);
		expect(error.message).toMatch(pattern);
	});
});

// Every rule, as [fixture, path to change, new value (undefined deletes), field LINE would
// refuse, what the error says]. The changed message is sent second, so every path starts with
// messages[1].
const rules: Array<[string, string, unknown, string, RegExp?]> = [
	// text
	['text', 'text', '', 'text', /is empty/],
	['text', 'text', undefined, 'text', /is required/],
	['text', 'text', 42, 'text', /must be text, got number 42/],
	['text', 'text', long(5001), 'text', /too long: 5001 characters, LINE allows at most 5000/],
	['text', 'text', long(2501, '🍎'), 'text', /too long: 5002 characters/],
	['textWithEmojis', 'emojis.0.productId', undefined, 'emojis[0].productId', /is required/],
	['textWithEmojis', 'emojis.0.index', -1, 'emojis[0].index'],
	// textV2
	['textV2', 'substitution.user', undefined, 'substitution.user', /is required for \{user\} in text/],
	['textV2', 'text', 'Hi {bad key}', 'text', /\{bad key\} is not a valid placeholder/],
	['textV2', 'substitution.a-b', { type: 'emoji', productId: 'p', emojiId: 'e' }, 'substitution', /key "a-b"/],
	['textV2', 'substitution.user.mentionee.userId', 'Uabc', 'substitution.user.mentionee.userId', /not a LINE user ID/],
	['textV2', 'substitution.user.mentionee.userId', GROUP_ID, 'substitution.user.mentionee.userId', /group ID/],
	['textV2', 'substitution.smile.emojiId', undefined, 'substitution.smile.emojiId', /is required/],
	['textV2', 'substitution.user.type', 'hashtag', 'substitution.user.type', /expected one of mention, emoji/],
	['textV2', 'text', '', 'text', /is empty/],
	// sticker
	['sticker', 'packageId', undefined, 'packageId', /is required/],
	['sticker', 'stickerId', 1988, 'stickerId', /must be a sticker ID, got number 1988/],
	['sticker', 'stickerId', '', 'stickerId', /is empty/],
	// image, video, audio
	['image', 'originalContentUrl', 'http://example.com/a.jpg', 'originalContentUrl', /is not an HTTPS URL/],
	['image', 'originalContentUrl', undefined, 'originalContentUrl', /is required/],
	['image', 'previewImageUrl', `https://example.com/${long(1981)}`, 'previewImageUrl', /2001 characters, LINE allows at most 2000/],
	['image', 'previewImageUrl', undefined, 'previewImageUrl', /is required/],
	['video', 'previewImageUrl', 'ftp://example.com/p.jpg', 'previewImageUrl', /not an HTTPS URL/],
	['video', 'originalContentUrl', ' https://example.com/v.mp4', 'originalContentUrl', /not an HTTPS URL/],
	['video', 'trackingId', long(101), 'trackingId', /at most 100/],
	['video', 'trackingId', null, 'trackingId', /must be text, got null/],
	['audio', 'duration', undefined, 'duration', /is required; expected the length in milliseconds/],
	['audio', 'duration', 0, 'duration'],
	['audio', 'duration', 1.5, 'duration'],
	['audio', 'duration', '60000', 'duration'],
	['audio', 'originalContentUrl', 'example.com/a.m4a', 'originalContentUrl', /not an HTTPS URL/],
	// location
	['location', 'title', '', 'title', /is empty/],
	['location', 'title', long(101), 'title', /at most 100/],
	['location', 'address', undefined, 'address', /is required/],
	['location', 'address', long(101), 'address', /at most 100/],
	['location', 'latitude', '35.6', 'latitude', /expected a number from -90 to 90/],
	['location', 'latitude', 91, 'latitude'],
	['location', 'longitude', -181, 'longitude', /-180 to 180/],
	['location', 'longitude', Number.NaN, 'longitude'],
	['location', 'longitude', undefined, 'longitude'],
	// imagemap
	['imagemap', 'baseUrl', 'http://example.com/imagemap/1', 'baseUrl', /not an HTTPS URL/],
	['imagemap', 'altText', undefined, 'altText', /is required/],
	['imagemap', 'altText', long(1501), 'altText', /at most 1500/],
	['imagemap', 'baseSize', undefined, 'baseSize', /is required/],
	['imagemap', 'baseSize.width', 1000, 'baseSize.width', /LINE requires 1040/],
	['imagemap', 'baseSize.height', 0, 'baseSize.height'],
	['imagemap', 'actions', [], 'actions', /must hold 1 to 50 imagemap actions, got 0/],
	['imagemap', 'actions', undefined, 'actions', /must be a list/],
	['imagemap', 'actions.1.text', long(401), 'actions[1].text', /at most 400/],
	['imagemap', 'actions.1.text', undefined, 'actions[1].text', /is required/],
	['imagemap', 'actions.0.linkUri', 'ftp://example.com', 'actions[0].linkUri', /must start with http/],
	['imagemap', 'actions.0.linkUri', `https://example.com/${long(981)}`, 'actions[0].linkUri', /at most 1000/],
	['imagemap', 'actions.0.area', undefined, 'actions[0].area', /is required/],
	['imagemap', 'actions.0.area.width', 0, 'actions[0].area.width'],
	['imagemap', 'actions.0.area.x', -1, 'actions[0].area.x'],
	['imagemap', 'actions.0.type', 'postback', 'actions[0].type', /expected one of message, uri, clipboard/],
	['imagemap', 'actions.2.clipboardText', '', 'actions[2].clipboardText', /is empty/],
	['imagemap', 'video.area', undefined, 'video.area', /is required/],
	['imagemap', 'video.previewImageUrl', 'http://example.com/p.jpg', 'video.previewImageUrl'],
	['imagemap', 'video.externalLink.label', long(31), 'video.externalLink.label', /at most 30/],
	// template: common and buttons
	['buttons', 'altText', '', 'altText', /is empty/],
	['buttons', 'altText', long(1501), 'altText', /at most 1500/],
	['buttons', 'template', undefined, 'template', /is required/],
	['buttons', 'template.type', 'list', 'template.type', /expected one of buttons, confirm, carousel, image_carousel/],
	['buttons', 'template.actions', [1, 2, 3, 4, 5].map((n) => action(`A${n}`)), 'template.actions', /must hold 1 to 4 actions, got 5/],
	['buttons', 'template.actions', [], 'template.actions', /got 0/],
	['buttons', 'template.text', long(61), 'template.text', /61 characters, LINE allows at most 60/],
	['buttons', 'template.text', undefined, 'template.text', /is required/],
	['buttons', 'template.title', long(41), 'template.title', /at most 40/],
	['buttons', 'template.thumbnailImageUrl', 'http://example.com/t.jpg', 'template.thumbnailImageUrl', /HTTPS/],
	['buttons', 'template.imageAspectRatio', 'wide', 'template.imageAspectRatio', /rectangle, square/],
	['buttons', 'template.imageSize', 'fill', 'template.imageSize', /cover, contain/],
	['buttons', 'template.defaultAction.uri', 'javascript:alert(1)', 'template.defaultAction.uri', /must start with/],
	// actions
	['buttons', 'template.actions.0.data', undefined, 'template.actions[0].data', /is required/],
	['buttons', 'template.actions.0.data', long(301), 'template.actions[0].data', /at most 300/],
	['buttons', 'template.actions.0.text', 'Buy', 'template.actions[0].text', /displayText/],
	['buttons', 'template.actions.0.displayText', long(301), 'template.actions[0].displayText', /at most 300/],
	['buttons', 'template.actions.0.inputOption', 'openCamera', 'template.actions[0].inputOption'],
	['buttons', 'template.actions.1.text', undefined, 'template.actions[1].text', /is required/],
	['buttons', 'template.actions.1.text', long(301), 'template.actions[1].text', /at most 300/],
	['buttons', 'template.actions.2.uri', 'ftp://example.com', 'template.actions[2].uri', /must start with http:\/\/, https:\/\/, line:\/\/ or tel:/],
	['buttons', 'template.actions.2.uri', `https://example.com/${long(981)}`, 'template.actions[2].uri', /1001 characters, LINE allows at most 1000/],
	['buttons', 'template.actions.2.uri', undefined, 'template.actions[2].uri', /is required/],
	['buttons', 'template.actions.2.altUri', { desktop: 'mailto:x' }, 'template.actions[2].altUri.desktop'],
	['buttons', 'template.actions.3.mode', undefined, 'template.actions[3].mode', /expected one of date, time, datetime/],
	['buttons', 'template.actions.3.data', undefined, 'template.actions[3].data', /is required/],
	['buttons', 'template.actions.3.initial', '25/12/2025', 'template.actions[3].initial', /does not match mode "date" \(expected e.g. 2025-12-25\)/],
	['buttons', 'template.actions.0.label', long(21), 'template.actions[0].label', /21 characters, LINE allows at most 20/],
	['buttons', 'template.actions.0.label', long(21, family), 'template.actions[0].label', /21 characters/],
	['buttons', 'template.actions.0.label', undefined, 'template.actions[0].label', /is required/],
	['buttons', 'template.actions.0.type', 'camera', 'template.actions[0].type', /only allowed in quick reply buttons/],
	['buttons', 'template.actions.0.type', 'cameraRoll', 'template.actions[0].type', /only allowed in quick reply/],
	['buttons', 'template.actions.0.type', 'location', 'template.actions[0].type', /only allowed in quick reply/],
	['buttons', 'template.actions.0.type', 'richmenuswitch', 'template.actions[0].type', /only in rich menus/],
	['buttons', 'template.actions.0.type', 'open', 'template.actions[0].type', /"open" is not an action type/],
	['buttons', 'template.actions.0.type', undefined, 'template.actions[0].type', /is required/],
	['buttons', 'template.actions.0', 'buy', 'template.actions[0]', /must be an action object/],
	['buttons', 'template.actions.1', { type: 'clipboard', label: 'Copy', clipboardText: long(1001) }, 'template.actions[1].clipboardText', /at most 1000/],
	// confirm
	['confirm', 'template.actions', [action('A'), action('B'), action('C')], 'template.actions', /must hold exactly 2 actions, got 3/],
	['confirm', 'template.actions', [action('A')], 'template.actions', /exactly 2/],
	['confirm', 'template.text', long(241), 'template.text', /at most 240/],
	// carousel
	['carousel', 'template.columns', [], 'template.columns', /must hold 1 to 10 columns/],
	['carousel', 'template.columns.1.actions', [action('Only')], 'template.columns[1].actions', /has 1 actions but columns\[0\] has 2/],
	['carousel', 'template.columns.0.actions', [1, 2, 3, 4].map((n) => action(`A${n}`)), 'template.columns[0].actions', /1 to 3/],
	['carousel', 'template.columns.0.text', long(61), 'template.columns[0].text', /at most 60/],
	['carousel', 'template.columns.1.text', long(121), 'template.columns[1].text', /at most 120/],
	['carousel', 'template.columns.0.title', long(41), 'template.columns[0].title', /at most 40/],
	['carousel', 'template.columns.0.thumbnailImageUrl', 'http://example.com/1.jpg', 'template.columns[0].thumbnailImageUrl'],
	['carousel', 'template.columns.1.actions.1.clipboardText', '', 'template.columns[1].actions[1].clipboardText', /is empty/],
	['carousel', 'template.columns.1.actions.0.label', long(21), 'template.columns[1].actions[0].label'],
	['carousel', 'template.imageAspectRatio', 'round', 'template.imageAspectRatio'],
	['carousel', 'template.columns.0', 'column', 'template.columns[0]', /must be a carousel column/],
	// image carousel
	['imageCarousel', 'template.columns.0.action.label', long(13), 'template.columns[0].action.label', /at most 12/],
	['imageCarousel', 'template.columns.1.imageUrl', 'http://example.com/2.jpg', 'template.columns[1].imageUrl', /HTTPS/],
	['imageCarousel', 'template.columns.1.action', undefined, 'template.columns[1].action', /is required/],
	['imageCarousel', 'template.columns', [], 'template.columns', /1 to 10/],
	// flex
	['flexBubble', 'altText', undefined, 'altText', /is required/],
	['flexBubble', 'contents', undefined, 'contents', /is required/],
	['flexBubble', 'contents', '{"type":"bubble"}', 'contents', /must be a flex bubble or carousel/],
	['flexBubble', 'contents.type', 'flex', 'contents.type', /expected "bubble" or "carousel"/],
	['flexBubble', 'contents.body.contents.0.text', undefined, 'contents.body.contents[0].text', /is required/],
	['flexBubble', 'contents.body.contents.1.contents.0.text', undefined, 'contents.body.contents[1].contents[0].text'],
	['flexBubble', 'contents.body.contents.1.contents.0.type', 'text', 'contents.body.contents[1].contents[0].type', /expected one of span/],
	['flexBubble', 'contents.body.contents.2.url', 'http://example.com/star.png', 'contents.body.contents[2].url', /HTTPS/],
	['flexBubble', 'contents.hero.url', undefined, 'contents.hero.url', /is required/],
	['flexBubble', 'contents.hero.type', 'text', 'contents.hero.type', /expected one of box, image, video/],
	['flexBubble', 'contents.body.contents.3.type', 'spacer', 'contents.body.contents[3].type'],
	['flexBubble', 'contents.body.layout', undefined, 'contents.body.layout', /horizontal, vertical, baseline/],
	['flexBubble', 'contents.body.contents', undefined, 'contents.body.contents', /must be a list/],
	['flexBubble', 'contents.footer.type', 'image', 'contents.footer.type', /expected one of box/],
	['flexBubble', 'contents.footer.contents.0.action.uri', 'ftp://example.com', 'contents.footer.contents[0].action.uri'],
	['flexBubble', 'contents.footer.contents.0.action.label', long(41), 'contents.footer.contents[0].action.label', /at most 40/],
	['flexBubble', 'contents.footer.contents.0.action', undefined, 'contents.footer.contents[0].action', /is required/],
	['flexBubble', 'contents.footer.contents.1.action.type', 'camera', 'contents.footer.contents[1].action.type', /quick reply/],
	['flexBubble', 'contents.action', { type: 'uri', uri: 'https://example.com', label: long(41) }, 'contents.action.label'],
	['flexCarousel', 'contents.contents', [], 'contents.contents', /1 to 12 bubbles/],
	['flexCarousel', 'contents.contents.1.type', 'box', 'contents.contents[1].type', /expected "bubble"/],
	['flexCarousel', 'contents.contents.1.body.contents.0.text', undefined, 'contents.contents[1].body.contents[0].text'],
	// coupon
	['coupon', 'couponId', undefined, 'couponId', /is required/],
	['coupon', 'deliveryTag', long(31), 'deliveryTag', /at most 30/],
	// quick reply
	['withQuickReplyAndSender', 'quickReply', [], 'quickReply', /must be an object with items/],
	['withQuickReplyAndSender', 'quickReply.items', [], 'quickReply.items', /1 to 13 quick reply buttons, got 0/],
	['withQuickReplyAndSender', 'quickReply.items.3.action.label', long(21), 'quickReply.items[3].action.label', /at most 20/],
	['withQuickReplyAndSender', 'quickReply.items.1.action.label', undefined, 'quickReply.items[1].action.label', /is required/],
	['withQuickReplyAndSender', 'quickReply.items.0.type', undefined, 'quickReply.items[0].type', /expected "action"/],
	['withQuickReplyAndSender', 'quickReply.items.0.imageUrl', 'http://example.com/i.png', 'quickReply.items[0].imageUrl'],
	['withQuickReplyAndSender', 'quickReply.items.0.action', undefined, 'quickReply.items[0].action', /is required/],
	['withQuickReplyAndSender', 'quickReply.items.0.action.text', undefined, 'quickReply.items[0].action.text'],
	['withQuickReplyAndSender', 'quickReply.items.4.action.min', '2025-01-01', 'quickReply.items[4].action.min', /does not match mode "datetime"/],
	['withQuickReplyAndSender', 'quickReply.items.0.action.type', 'richmenuswitch', 'quickReply.items[0].action.type'],
	// sender
	['withQuickReplyAndSender', 'sender.name', long(21), 'sender.name', /at most 20/],
	['withQuickReplyAndSender', 'sender.iconUrl', 'http://example.com/cony.png', 'sender.iconUrl', /HTTPS/],
	['withQuickReplyAndSender', 'sender', 'Cony', 'sender', /must be an object with name/],
];

describe('checkMessages: rules', () => {
	// Padded to five columns: jest hands a shorter row a `done` callback as the last argument.
	const table = rules.map(([name, path, value, field, pattern]) => [name, path, value, field, pattern ?? null] as const);
	it.each(table)('%s: %s = %p is refused at %s', (name, path, value, field, pattern) => {
		const error = problem(() => checkMessages([text, variant(name, path, value)]));
		expect(error.field).toBe(`messages[1].${field}`);
		expect(error.message.startsWith(`messages[1].${field}: `)).toBe(true);
		if (pattern) expect(error.message).toMatch(pattern);
	});

	it('refuses more than 100 textV2 substitutions', () => {
		const message = validMessages().textV2;
		message.text = 'x';
		message.substitution = Object.fromEntries(
			Array.from({ length: 101 }, (_, i) => [`k${i}`, { type: 'mention', mentionee: { type: 'all' } }]),
		);
		expect(problem(() => checkMessages([message])).field).toBe('messages[0].substitution');
	});

	it('allows a longer buttons text only without image and title', () => {
		const message = validMessages().buttons;
		const template = message.template as Message;
		delete template.thumbnailImageUrl;
		delete template.title;
		template.text = long(160);
		expect(() => checkMessages([message])).not.toThrow();
		template.text = long(161);
		expect(problem(() => checkMessages([message])).message).toMatch(/161 characters, LINE allows at most 160/);
	});

	it('refuses too many imagemap actions, carousel columns, flex bubbles and quick reply buttons', () => {
		const imagemap = validMessages().imagemap;
		imagemap.actions = Array.from({ length: 51 }, () => (validMessages().imagemap.actions as unknown[])[0]);
		expect(problem(() => checkMessages([imagemap])).field).toBe('messages[0].actions');

		const carousel = validMessages().carousel;
		const template = carousel.template as Message;
		template.columns = Array.from({ length: 11 }, () => (template.columns as unknown[])[0]);
		expect(problem(() => checkMessages([carousel])).field).toBe('messages[0].template.columns');

		const images = validMessages().imageCarousel;
		const imageTemplate = images.template as Message;
		imageTemplate.columns = Array.from({ length: 11 }, () => (imageTemplate.columns as unknown[])[0]);
		expect(problem(() => checkMessages([images])).field).toBe('messages[0].template.columns');

		const flex = variant('flexCarousel', 'contents.contents', Array.from({ length: 13 }, () => bubble()));
		expect(problem(() => checkMessages([flex])).message).toMatch(/^messages\[0\]\.contents\.contents: must hold 1 to 12 bubbles, got 13/);

		const quick = variant('text', 'quickReply', {
			items: Array.from({ length: 14 }, (_, i) => ({ type: 'action', action: action(`Q${i}`) })),
		});
		expect(problem(() => checkMessages([quick])).message).toMatch(/^messages\[0\]\.quickReply\.items: must hold 1 to 13/);
	});

	it('limits a bubble to 30 KB and a carousel to 50 KB of JSON', () => {
		const kb = 1024;
		const big = (bytes: number) => bubble(long(bytes));
		expect(() => checkMessages([variant('flexBubble', 'contents', big(29 * kb))])).not.toThrow();
		const tooBig = problem(() => checkMessages([variant('flexBubble', 'contents', big(30 * kb))]));
		expect(tooBig.field).toBe('messages[0].contents');
		expect(tooBig.message).toMatch(/KB of JSON; LINE allows at most 30 KB/);

		const carousel = (...bubbles: Message[]) => variant('flexCarousel', 'contents.contents', bubbles);
		expect(() => checkMessages([carousel(big(20 * kb), big(20 * kb))])).not.toThrow();
		const heavy = problem(() => checkMessages([carousel(big(20 * kb), big(20 * kb), big(11 * kb))]));
		expect(heavy.field).toBe('messages[0].contents');
		expect(heavy.message).toMatch(/at most 50 KB/);
		const oneTooBig = problem(() => checkMessages([carousel(big(kb), big(31 * kb))]));
		expect(oneTooBig.field).toBe('messages[0].contents.contents[1]');
		expect(oneTooBig.message).toMatch(/at most 30 KB/);
	});

	it('measures the JSON size in UTF-8 bytes', () => {
		// 10,500 Thai characters are 10,500 UTF-16 units but 31,500 UTF-8 bytes.
		const thai = bubble(long(10500, 'ก'));
		expect(problem(() => checkMessages([variant('flexBubble', 'contents', thai)])).field).toBe('messages[0].contents');
	});
});

describe('checkRecipientId', () => {
	it('returns the trimmed ID of an allowed kind', () => {
		expect(checkRecipientId(`  ${USER_ID}\n`, 'to', ['user'])).toBe(USER_ID);
		expect(checkRecipientId(GROUP_ID, 'to', ['user', 'group', 'room'])).toBe(GROUP_ID);
		expect(checkRecipientId(ROOM_ID, 'to', ['user', 'group', 'room'])).toBe(ROOM_ID);
	});

	it('says what it got, what is allowed and what a valid ID looks like', () => {
		const error = problem(() => checkRecipientId('abc', 'to', ['user', 'group', 'room']));
		expect(error.field).toBe('to');
		expect(error.message).toBe(
			'to: "abc" is not a LINE user, group or room ID (expected U, C or R followed by 32 hex characters, e.g. U4af4980629...)',
		);
		expect(error.hint).toMatch(/source\.userId/);
	});

	it('names only the allowed kinds', () => {
		expect(problem(() => checkRecipientId('@shop', 'to[3]', ['user'])).message).toBe(
			'to[3]: "@shop" is not a LINE user ID (expected U followed by 32 hex characters, e.g. U4af4980629...)',
		);
	});

	it('refuses a valid ID of a kind not allowed here', () => {
		const error = problem(() => checkRecipientId(GROUP_ID, 'chatId', ['user']));
		expect(error.field).toBe('chatId');
		expect(error.message).toMatch(/is a group ID, but only user IDs are allowed here/);
	});

	it.each([
		['upper-case hex', USER_ID.toUpperCase()],
		['31 hex characters', USER_ID.slice(0, -1)],
		['33 hex characters', `${USER_ID}0`],
		['an unknown prefix', `X${USER_ID.slice(1)}`],
		['empty', ''],
		['only spaces', '   '],
	])('refuses %s', (_title, id) => {
		expect(problem(() => checkRecipientId(id, 'to', ['user', 'group', 'room'])).field).toBe('to');
	});

	it('truncates a long value in the message', () => {
		const error = problem(() => checkRecipientId(long(500, 'x'), 'to', ['user']));
		expect(error.message).toContain(`"${long(40, 'x')}…"`);
		expect(error.message.length).toBeLessThan(200);
	});
});
