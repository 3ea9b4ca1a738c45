import { describeValue, fail } from '../../shared/errors';
import { actionPlaceInMessages, checkAction, QUICK_REPLY_ACTION_PLACE } from './actions';
import {
	checkEnum,
	checkInteger,
	checkLinkUri,
	checkList,
	checkMediaUrl,
	checkObject,
	checkString,
	type Obj,
} from './fieldChecks';

/**
 * Local checks of what LINE would refuse with a 400: the rules of LINE's OpenAPI (required
 * fields, limits) plus those it leaves out (../shared/reference/LINE-RULES.md). Each failure
 * throws an InputError naming the exact field as a path into the request body. The actions in
 * templates, flex messages and quick replies are checked as rich menu areas are, by ./actions.ts.
 */

export type RecipientKind = 'user' | 'group' | 'room';

export const MESSAGE_TYPES = [
	'text',
	'textV2',
	'sticker',
	'image',
	'video',
	'audio',
	'location',
	'imagemap',
	'template',
	'flex',
	'coupon',
] as const;

export const MAX_MESSAGES = 5;
const MAX_TEXT = 5000;
const MAX_ALT_TEXT = 1500;
const MAX_QUICK_REPLY_ITEMS = 13;
const KB = 1024;

// ---------------------------------------------------------------------------------------------
// Recipients

const ID_PREFIX: Record<RecipientKind, string> = { user: 'U', group: 'C', room: 'R' };
const ID_EXAMPLE: Record<RecipientKind, string> = {
	user: 'U4af4980629...',
	group: 'Ca56f94637c...',
	room: 'Ra8dbf4b3c2...',
};
const KIND_OF_PREFIX: Record<string, RecipientKind> = { U: 'user', C: 'group', R: 'room' };

function orList(words: string[]): string {
	if (words.length <= 1) return words.join('');
	return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/**
 * Checks a user (U…), group (C…) or room (R…) ID of one of the allowed kinds and returns it
 * trimmed.
 */
export function checkRecipientId(id: string, field: string, kinds: RecipientKind[]): string {
	const trimmed = typeof id === 'string' ? id.trim() : '';
	const match = /^([UCR])[0-9a-f]{32}$/.exec(trimmed);
	const kind = match ? KIND_OF_PREFIX[match[1]] : undefined;
	if (kind && kinds.includes(kind)) return trimmed;
	const expected = `expected ${orList(kinds.map((k) => ID_PREFIX[k]))} followed by 32 hex characters, e.g. ${ID_EXAMPLE[kinds[0]]}`;
	if (kind) {
		fail(
			field,
			`${describeValue(trimmed)} is a ${kind} ID, but only ${orList(kinds)} IDs are allowed here (${expected})`,
		);
	}
	fail(
		field,
		`${describeValue(trimmed || id)} is not a LINE ${orList(kinds)} ID (${expected})`,
		'Use the ID from a webhook event (source.userId, source.groupId or source.roomId), not the LINE ID shown in the app',
	);
}

// ---------------------------------------------------------------------------------------------
// Message types

function checkQuoteToken(message: Obj, field: string): void {
	checkString(message.quoteToken, `${field}.quoteToken`, { max: Infinity, optional: true });
}

function checkText(message: Obj, field: string): void {
	checkString(message.text, `${field}.text`, { max: MAX_TEXT });
	if (message.emojis !== undefined) {
		const emojis = checkList(message.emojis, `${field}.emojis`, 0, 20, 'emojis');
		emojis.forEach((value, i) => {
			const emoji = checkObject(value, `${field}.emojis[${i}]`, 'an emoji object');
			checkInteger(emoji.index, `${field}.emojis[${i}].index`, 0, 'the position in text');
			checkString(emoji.productId, `${field}.emojis[${i}].productId`, { max: Infinity });
			checkString(emoji.emojiId, `${field}.emojis[${i}].emojiId`, { max: Infinity });
		});
	}
	checkQuoteToken(message, field);
}

const SUBSTITUTION_KEY = /^[a-zA-Z0-9_]{1,20}$/;

/** The `{key}` placeholders of a textV2 text; `{{` and `}}` are literal braces. */
function placeholderKeys(text: string): string[] {
	const keys: string[] = [];
	for (const match of text.matchAll(/\{\{|\}\}|\{([^{}]*)\}/g)) {
		if (match[1] !== undefined) keys.push(match[1]);
	}
	return keys;
}

function checkSubstitution(value: unknown, field: string): void {
	const substitution = checkObject(value, field, 'a substitution object (mention or emoji)');
	checkEnum(substitution.type, `${field}.type`, ['mention', 'emoji']);
	if (substitution.type === 'emoji') {
		checkString(substitution.productId, `${field}.productId`, { max: Infinity });
		checkString(substitution.emojiId, `${field}.emojiId`, { max: Infinity });
		return;
	}
	const mentionee = checkObject(substitution.mentionee, `${field}.mentionee`, 'a mention target');
	checkEnum(mentionee.type, `${field}.mentionee.type`, ['user', 'all']);
	if (mentionee.type === 'user') {
		checkRecipientId(mentionee.userId as string, `${field}.mentionee.userId`, ['user']);
	}
}

function checkTextV2(message: Obj, field: string): void {
	const text = checkString(message.text, `${field}.text`, { max: MAX_TEXT }) as string;
	const substitution = message.substitution === undefined ? {} : message.substitution;
	const entries = checkObject(substitution, `${field}.substitution`, 'an object of substitutions');
	const keys = Object.keys(entries);
	if (keys.length > 100) {
		fail(`${field}.substitution`, `has ${keys.length} entries, LINE allows at most 100`);
	}
	for (const key of keys) {
		if (!SUBSTITUTION_KEY.test(key)) {
			fail(
				`${field}.substitution`,
				`key ${describeValue(key)} must be 1 to 20 letters, digits or underscores`,
			);
		}
		checkSubstitution(entries[key], `${field}.substitution.${key}`);
	}
	for (const key of placeholderKeys(text)) {
		if (!SUBSTITUTION_KEY.test(key)) {
			fail(
				`${field}.text`,
				`{${key}} is not a valid placeholder (1 to 20 letters, digits or underscores); write {{ and }} for literal braces`,
			);
		}
		if (!(key in entries)) fail(`${field}.substitution.${key}`, `is required for {${key}} in text`);
	}
	checkQuoteToken(message, field);
}

function checkSticker(message: Obj, field: string): void {
	checkString(message.packageId, `${field}.packageId`, { max: Infinity, what: 'a package ID' });
	checkString(message.stickerId, `${field}.stickerId`, { max: Infinity, what: 'a sticker ID' });
	checkQuoteToken(message, field);
}

function checkImage(message: Obj, field: string): void {
	checkMediaUrl(message.originalContentUrl, `${field}.originalContentUrl`);
	checkMediaUrl(message.previewImageUrl, `${field}.previewImageUrl`);
}

function checkVideo(message: Obj, field: string): void {
	checkImage(message, field);
	checkString(message.trackingId, `${field}.trackingId`, { max: 100, optional: true });
}

function checkAudio(message: Obj, field: string): void {
	checkMediaUrl(message.originalContentUrl, `${field}.originalContentUrl`);
	checkInteger(message.duration, `${field}.duration`, 1, 'the length in milliseconds');
}

function checkCoordinate(value: unknown, field: string, limit: number): void {
	if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit) return;
	fail(field, `is ${describeValue(value)}; expected a number from -${limit} to ${limit}`);
}

function checkLocation(message: Obj, field: string): void {
	checkString(message.title, `${field}.title`, { max: 100 });
	checkString(message.address, `${field}.address`, { max: 100 });
	checkCoordinate(message.latitude, `${field}.latitude`, 90);
	checkCoordinate(message.longitude, `${field}.longitude`, 180);
}

function checkCoupon(message: Obj, field: string): void {
	checkString(message.couponId, `${field}.couponId`, { max: Infinity, what: 'a coupon ID' });
	checkString(message.deliveryTag, `${field}.deliveryTag`, { max: 30, optional: true });
}

function checkAltText(message: Obj, field: string): void {
	checkString(message.altText, `${field}.altText`, { max: MAX_ALT_TEXT });
}

// --- imagemap

function checkArea(value: unknown, field: string): void {
	const area = checkObject(value, field, 'an area with x, y, width and height');
	checkInteger(area.x, `${field}.x`, 0, 'a position in pixels');
	checkInteger(area.y, `${field}.y`, 0, 'a position in pixels');
	checkInteger(area.width, `${field}.width`, 1, 'a width in pixels');
	checkInteger(area.height, `${field}.height`, 1, 'a height in pixels');
}

const IMAGEMAP_ACTION_CHECKS: Record<string, (action: Obj, field: string) => void> = {
	message: (action, field) => checkString(action.text, `${field}.text`, { max: 400 }),
	uri: (action, field) => checkLinkUri(action.linkUri, `${field}.linkUri`),
	clipboard: (action, field) =>
		checkString(action.clipboardText, `${field}.clipboardText`, { max: 1000 }),
};

function checkImagemapAction(value: unknown, field: string): void {
	const action = checkObject(value, field, 'an imagemap action');
	checkEnum(action.type, `${field}.type`, Object.keys(IMAGEMAP_ACTION_CHECKS));
	IMAGEMAP_ACTION_CHECKS[action.type as string](action, field);
	checkString(action.label, `${field}.label`, { max: Infinity, optional: true });
	checkArea(action.area, `${field}.area`);
}

function checkImagemapVideo(value: unknown, field: string): void {
	const video = checkObject(value, field, 'a video object');
	checkMediaUrl(video.originalContentUrl, `${field}.originalContentUrl`);
	checkMediaUrl(video.previewImageUrl, `${field}.previewImageUrl`);
	checkArea(video.area, `${field}.area`);
	if (video.externalLink !== undefined) {
		const link = checkObject(
			video.externalLink,
			`${field}.externalLink`,
			'a link with linkUri and label',
		);
		checkLinkUri(link.linkUri, `${field}.externalLink.linkUri`);
		checkString(link.label, `${field}.externalLink.label`, { max: 30 });
	}
}

function checkImagemap(message: Obj, field: string): void {
	checkMediaUrl(message.baseUrl, `${field}.baseUrl`);
	checkAltText(message, field);
	const baseSize = checkObject(
		message.baseSize,
		`${field}.baseSize`,
		'an object with width and height',
	);
	if (baseSize.width !== 1040) {
		fail(`${field}.baseSize.width`, `is ${describeValue(baseSize.width)}; LINE requires 1040`);
	}
	checkInteger(
		baseSize.height,
		`${field}.baseSize.height`,
		1,
		'the height in pixels at width 1040',
	);
	const actions = checkList(message.actions, `${field}.actions`, 1, 50, 'imagemap actions');
	actions.forEach((action, i) => checkImagemapAction(action, `${field}.actions[${i}]`));
	if (message.video !== undefined) checkImagemapVideo(message.video, `${field}.video`);
}

// --- template

const TEMPLATE_ACTION = actionPlaceInMessages('templates', 20, true);
const DEFAULT_ACTION = actionPlaceInMessages('templates', 20, false);
const IMAGE_CAROUSEL_ACTION = actionPlaceInMessages('templates', 12, false);

function checkTemplateImageOptions(template: Obj, field: string): void {
	checkEnum(template.imageAspectRatio, `${field}.imageAspectRatio`, ['rectangle', 'square'], true);
	checkEnum(template.imageSize, `${field}.imageSize`, ['cover', 'contain'], true);
}

function checkActions(value: unknown, field: string, min: number, max: number): number {
	const actions = checkList(value, field, min, max, 'actions');
	actions.forEach((action, i) => checkAction(action, `${field}[${i}]`, TEMPLATE_ACTION));
	return actions.length;
}

/** A buttons template or a carousel column: both allow a shorter text beside an image or title. */
function checkCard(card: Obj, field: string, maxText: number, maxActions: number): number {
	checkMediaUrl(card.thumbnailImageUrl, `${field}.thumbnailImageUrl`, true);
	checkString(card.title, `${field}.title`, { max: 40, optional: true, unit: 'graphemes' });
	const decorated = card.thumbnailImageUrl !== undefined || card.title !== undefined;
	checkString(card.text, `${field}.text`, { max: decorated ? 60 : maxText, unit: 'graphemes' });
	if (card.defaultAction !== undefined) {
		checkAction(card.defaultAction, `${field}.defaultAction`, DEFAULT_ACTION);
	}
	return checkActions(card.actions, `${field}.actions`, 1, maxActions);
}

const TEMPLATE_CHECKS: Record<string, (template: Obj, field: string) => void> = {
	buttons: (template, field) => {
		checkTemplateImageOptions(template, field);
		checkCard(template, field, 160, 4);
	},
	confirm: (template, field) => {
		checkString(template.text, `${field}.text`, { max: 240, unit: 'graphemes' });
		checkActions(template.actions, `${field}.actions`, 2, 2);
	},
	carousel: (template, field) => {
		checkTemplateImageOptions(template, field);
		const columns = checkList(template.columns, `${field}.columns`, 1, 10, 'columns');
		let firstCount = 0;
		columns.forEach((value, i) => {
			const column = checkObject(value, `${field}.columns[${i}]`, 'a carousel column');
			const count = checkCard(column, `${field}.columns[${i}]`, 120, 3);
			if (i === 0) firstCount = count;
			else if (count !== firstCount) {
				fail(
					`${field}.columns[${i}].actions`,
					`has ${count} actions but columns[0] has ${firstCount}; every column needs the same number`,
				);
			}
		});
	},
	image_carousel: (template, field) => {
		const columns = checkList(template.columns, `${field}.columns`, 1, 10, 'columns');
		columns.forEach((value, i) => {
			const column = checkObject(value, `${field}.columns[${i}]`, 'an image carousel column');
			checkMediaUrl(column.imageUrl, `${field}.columns[${i}].imageUrl`);
			checkAction(column.action, `${field}.columns[${i}].action`, IMAGE_CAROUSEL_ACTION);
		});
	},
};

function checkTemplateMessage(message: Obj, field: string): void {
	checkAltText(message, field);
	const template = checkObject(message.template, `${field}.template`, 'a template object');
	checkEnum(template.type, `${field}.template.type`, Object.keys(TEMPLATE_CHECKS));
	TEMPLATE_CHECKS[template.type as string](template, `${field}.template`);
}

// --- flex

const FLEX_ACTION = actionPlaceInMessages('flex messages', 40, false);
const FLEX_COMPONENT_TYPES = [
	'box',
	'button',
	'image',
	'video',
	'icon',
	'text',
	'span',
	'separator',
	'filler',
];

const FLEX_COMPONENT_CHECKS: Record<string, (component: Obj, field: string) => void> = {
	box: (box, field) => {
		checkEnum(box.layout, `${field}.layout`, ['horizontal', 'vertical', 'baseline']);
		const contents = checkList(box.contents, `${field}.contents`, 0, Infinity, 'components');
		contents.forEach((child, i) => checkFlexComponent(child, `${field}.contents[${i}]`));
	},
	button: (button, field) => {
		if (button.action === undefined)
			fail(`${field}.action`, 'is required (a button needs an action)');
	},
	image: (image, field) => checkMediaUrl(image.url, `${field}.url`),
	icon: (icon, field) => checkMediaUrl(icon.url, `${field}.url`),
	video: (video, field) => {
		checkMediaUrl(video.url, `${field}.url`);
		checkMediaUrl(video.previewUrl, `${field}.previewUrl`);
		checkFlexComponent(video.altContent, `${field}.altContent`);
	},
	text: (text, field) => {
		const spans = Array.isArray(text.contents) ? text.contents : [];
		spans.forEach((span, i) => checkFlexComponent(span, `${field}.contents[${i}]`, ['span']));
		if (spans.length === 0) checkString(text.text, `${field}.text`, { max: Infinity });
	},
	span: (span, field) => checkString(span.text, `${field}.text`, { max: Infinity }),
	separator: () => {},
	filler: () => {},
};

function checkFlexComponent(value: unknown, field: string, allowed = FLEX_COMPONENT_TYPES): void {
	const component = checkObject(value, field, `a flex component (${allowed.join(', ')})`);
	checkEnum(component.type, `${field}.type`, allowed);
	FLEX_COMPONENT_CHECKS[component.type as string](component, field);
	if (component.action !== undefined) checkAction(component.action, `${field}.action`, FLEX_ACTION);
}

function checkBubble(value: unknown, field: string): void {
	const bubble = checkObject(value, field, 'a bubble object');
	if (bubble.type !== 'bubble')
		fail(`${field}.type`, `is ${describeValue(bubble.type)}; expected "bubble"`);
	for (const block of ['header', 'body', 'footer']) {
		if (bubble[block] !== undefined)
			checkFlexComponent(bubble[block], `${field}.${block}`, ['box']);
	}
	if (bubble.hero !== undefined)
		checkFlexComponent(bubble.hero, `${field}.hero`, ['box', 'image', 'video']);
	if (bubble.action !== undefined) checkAction(bubble.action, `${field}.action`, FLEX_ACTION);
}

function jsonBytes(value: unknown): number {
	return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

function checkJsonSize(
	value: unknown,
	field: string,
	maxKb: number,
	bytes = jsonBytes(value),
): void {
	if (bytes > maxKb * KB) {
		fail(field, `is ${(bytes / KB).toFixed(1)} KB of JSON; LINE allows at most ${maxKb} KB`);
	}
}

function checkFlexMessage(message: Obj, field: string): void {
	checkAltText(message, field);
	const contentsField = `${field}.contents`;
	const contents = checkObject(message.contents, contentsField, 'a flex bubble or carousel');
	if (contents.type === 'bubble') {
		checkBubble(contents, contentsField);
		checkJsonSize(contents, contentsField, 30);
		return;
	}
	if (contents.type !== 'carousel') {
		fail(
			`${contentsField}.type`,
			`is ${describeValue(contents.type)}; expected "bubble" or "carousel"`,
		);
	}
	const bubbles = checkList(contents.contents, `${contentsField}.contents`, 1, 12, 'bubbles');
	bubbles.forEach((bubble, i) => checkBubble(bubble, `${contentsField}.contents[${i}]`));
	const total = jsonBytes(contents);
	checkJsonSize(contents, contentsField, 50, total);
	// Only a carousel over 30 KB can hold a bubble over 30 KB, so most never measure bubbles.
	if (total > 30 * KB) {
		bubbles.forEach((bubble, i) => checkJsonSize(bubble, `${contentsField}.contents[${i}]`, 30));
	}
}

// ---------------------------------------------------------------------------------------------
// Properties common to all messages

function checkQuickReply(value: unknown, field: string): void {
	const quickReply = checkObject(value, field, 'an object with items');
	const items = checkList(
		quickReply.items,
		`${field}.items`,
		1,
		MAX_QUICK_REPLY_ITEMS,
		'quick reply buttons',
	);
	items.forEach((value, i) => {
		const itemField = `${field}.items[${i}]`;
		const item = checkObject(value, itemField, 'a quick reply button');
		if (item.type !== 'action')
			fail(`${itemField}.type`, `is ${describeValue(item.type)}; expected "action"`);
		checkMediaUrl(item.imageUrl, `${itemField}.imageUrl`, true);
		checkAction(item.action, `${itemField}.action`, QUICK_REPLY_ACTION_PLACE);
	});
}

function checkSender(value: unknown, field: string): void {
	const sender = checkObject(value, field, 'an object with name and/or iconUrl');
	checkString(sender.name, `${field}.name`, { max: 20, optional: true, what: 'a display name' });
	checkMediaUrl(sender.iconUrl, `${field}.iconUrl`, true);
}

type MessageType = (typeof MESSAGE_TYPES)[number];

const MESSAGE_CHECKS: Record<MessageType, (message: Obj, field: string) => void> = {
	text: checkText,
	textV2: checkTextV2,
	sticker: checkSticker,
	image: checkImage,
	video: checkVideo,
	audio: checkAudio,
	location: checkLocation,
	imagemap: checkImagemap,
	template: checkTemplateMessage,
	flex: checkFlexMessage,
	coupon: checkCoupon,
};

/** One message object. */
export function checkMessage(value: unknown, field: string): void {
	const message = checkObject(value, field, 'a message object');
	const type = message.type;
	if (type === undefined) fail(`${field}.type`, `is required (one of ${MESSAGE_TYPES.join(', ')})`);
	if (typeof type !== 'string' || !(MESSAGE_TYPES as readonly string[]).includes(type)) {
		fail(
			`${field}.type`,
			`${describeValue(type)} is not a message type LINE accepts; expected one of ${MESSAGE_TYPES.join(', ')}`,
		);
	}
	MESSAGE_CHECKS[type as MessageType](message, field);
	if (message.quickReply !== undefined) checkQuickReply(message.quickReply, `${field}.quickReply`);
	if (message.sender !== undefined) checkSender(message.sender, `${field}.sender`);
}

/** The `messages` array of a reply, push, multicast, narrowcast or broadcast request. */
export function checkMessages(messages: unknown, field = 'messages'): void {
	if (!Array.isArray(messages)) {
		fail(
			field,
			`must be a list of 1 to ${MAX_MESSAGES} message objects, got ${describeValue(messages)}`,
		);
	}
	if (messages.length === 0) fail(field, `is empty; send 1 to ${MAX_MESSAGES} messages`);
	if (messages.length > MAX_MESSAGES) {
		fail(
			field,
			`holds ${messages.length} messages; LINE accepts at most ${MAX_MESSAGES} per request`,
			'Split the messages over several requests',
		);
	}
	messages.forEach((message, i) => checkMessage(message, `${field}[${i}]`));
}
