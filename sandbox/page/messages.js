// How the chat shows a message the bot sent, like LINE: text (with LINE emojis and the message
// it quotes), textV2 (mentions as "@Display Name", "@All", emojis), stickers, media, locations,
// flex messages, templates, imagemaps (tappable areas over the image) and coupons.

import { describeAction, el, image, link, styled, tappable } from './dom.js';
import { flexMessage } from './flex.js';
import { templateMessage } from './templates.js';

const bubble = (...children) => el('div', { class: 'bubble' }, children);

/** A LINE emoji: a small marker (the page loads no images from LINE). */
const emoji = (productId, emojiId) =>
	el(
		'span',
		{ class: 'emoji', title: `LINE emoji ${productId}/${emojiId}`, 'data-emoji': emojiId },
		'☺',
	);

/** A text message's text, its `emojis` drawn where their `$` placeholders are (UTF-16 indexes). */
function textParts(message) {
	const text = String(message.text ?? '');
	const emojis = (Array.isArray(message.emojis) ? message.emojis : [])
		.filter((item) => text[item.index] === '$')
		.sort((a, b) => a.index - b.index);
	const parts = [];
	let from = 0;
	for (const item of emojis) {
		if (item.index < from) continue;
		parts.push(text.slice(from, item.index), emoji(item.productId, item.emojiId));
		from = item.index + 1;
	}
	parts.push(text.slice(from));
	return parts;
}

const PLACEHOLDER = /\{\{|\}\}|\{([a-zA-Z0-9_]{1,20})\}/g;

/** What a textV2 `{key}` stands for: a mention or an emoji (undefined: left as it is). */
function substitute(part, nameOf) {
	if (part?.type === 'emoji') return emoji(part.productId, part.emojiId);
	if (part?.type !== 'mention') return undefined;
	const { mentionee } = part;
	if (mentionee?.type === 'all')
		return el('span', { class: 'mention', 'data-mention': 'all' }, '@All');
	const userId = String(mentionee?.userId ?? '');
	return el('span', { class: 'mention', 'data-mention': userId }, `@${nameOf(userId)}`);
}

/** textV2: `{key}` placeholders replaced by their substitution; `{{` and `}}` are braces. */
function textV2Parts(message, nameOf) {
	const text = String(message.text ?? '');
	const parts = [];
	let from = 0;
	for (const match of text.matchAll(PLACEHOLDER)) {
		parts.push(text.slice(from, match.index));
		from = match.index + match[0].length;
		if (match[0] === '{{' || match[0] === '}}') parts.push(match[0][0]);
		else parts.push(substitute(message.substitution?.[match[1]], nameOf) ?? match[0]);
	}
	parts.push(text.slice(from));
	return parts;
}

/**
 * The message a text or sticker quotes, above it: who said it and what (the sandbox resolves the
 * quote token; `null` when it quotes nothing in this chat).
 */
function quote(entry, context) {
	if (entry.quoted === undefined) return null;
	if (entry.quoted === null) {
		return el('div', { class: 'quote missing' }, 'The quoted message is not in this chat');
	}
	const { from, userId, text } = entry.quoted;
	return el(
		'div',
		{ class: 'quote' },
		el('span', { class: 'quote-name' }, from === 'bot' ? context.botName : context.nameOf(userId)),
		el('span', { class: 'quote-text' }, text),
	);
}

/** Where an area of an imagemap is, as percentages of the image (its `baseSize`). */
function placeArea(node, bounds, size) {
	const percent = (value, of) => `${(Number(value) / Number(of)) * 100}%`;
	return styled(node, {
		left: percent(bounds?.x, size.width),
		top: percent(bounds?.y, size.height),
		width: percent(bounds?.width, size.width),
		height: percent(bounds?.height, size.height),
	});
}

/** The video an imagemap plays in one area: its preview and a link to it. */
function imagemapVideo(video, size) {
	if (!video) return null;
	const external = video.externalLink;
	return placeArea(
		el(
			'div',
			{ class: 'imagemap-video' },
			image(video.previewImageUrl, 'imagemap-image'),
			el('span', { class: 'play' }, link(video.originalContentUrl, '▶')),
			external && el('span', { class: 'video-link' }, link(external.linkUri, external.label)),
		),
		video.area,
		size,
	);
}

/** The image (the 1040 px wide one, else the 700 px one) with a tappable region per area. */
function imagemap(message, perform) {
	const size = message.baseSize ?? { width: 1040, height: 1040 };
	const base = String(message.baseUrl ?? '');
	const areas = (message.actions ?? []).map((action, index) =>
		placeArea(
			tappable(
				el('button', {
					class: 'imagemap-area',
					type: 'button',
					'data-area': index,
					'aria-label': action.label ?? describeAction(action),
					title: action.label ?? describeAction(action),
				}),
				action,
				perform,
			),
			action.area,
			size,
		),
	);
	const panel = el(
		'div',
		{ class: 'imagemap', 'data-base-url': base },
		image(`${base}/1040`, 'imagemap-image', [`${base}/700`]),
		imagemapVideo(message.video, size),
		areas,
	);
	return styled(panel, { 'aspect-ratio': `${size.width} / ${size.height}` });
}

/**
 * A bot entry's message as LINE shows it. `context`: `perform(action)` (what a tap does),
 * `nameOf(userId)` (display names for mentions and quotes) and the bot's `botName`.
 */
export function botMessage(entry, context) {
	const { message } = entry;
	const { perform } = context;
	switch (message.type) {
		case 'text':
			return bubble(quote(entry, context), textParts(message));
		case 'textV2':
			return bubble(quote(entry, context), textV2Parts(message, context.nameOf));
		case 'sticker':
			return el(
				'div',
				{ class: 'sticker' },
				quote(entry, context),
				el('div', { class: 'placeholder' }, `🧸 sticker ${message.packageId}/${message.stickerId}`),
			);
		case 'image':
			return image(message.previewImageUrl ?? message.originalContentUrl);
		case 'video':
			return el('div', { class: 'placeholder' }, '▶ ', link(message.originalContentUrl, 'video'));
		case 'audio':
			return el(
				'div',
				{ class: 'placeholder' },
				'♪ ',
				link(message.originalContentUrl, 'audio'),
				` (${Math.round(message.duration / 1000)} s)`,
			);
		case 'location':
			return bubble(
				el('span', { class: 'bold' }, `📍 ${message.title}`),
				`\n${message.address}\n${message.latitude}, ${message.longitude}`,
			);
		case 'flex':
			return flexMessage(message.contents, perform);
		case 'template':
			return templateMessage(message.template, perform);
		case 'imagemap':
			return imagemap(message, perform);
		case 'coupon':
			return el('div', { class: 'placeholder' }, `🎟 coupon ${message.couponId}`);
		default:
			return bubble(JSON.stringify(message, null, 2));
	}
}
