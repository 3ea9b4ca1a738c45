// Template messages drawn as LINE draws them: buttons (thumbnail, title, text, a row per
// action), confirm (text over two actions side by side), carousel (columns of the buttons
// layout, scrolling sideways) and image carousel (square images with their action's label).

import { actionButton, el, image, styled, tappable } from './dom.js';

const ASPECT_RATIOS = { rectangle: '1.51 / 1', square: '1 / 1' };

const color = (value) =>
	typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value) ? value : undefined;

/** The image on top of a buttons template or carousel column, as its template says to fit it. */
function thumbnail(url, template, backgroundColor) {
	if (!url) return null;
	return styled(image(url, 'template-image'), {
		'aspect-ratio':
			template.imageAspectRatio === 'square' ? ASPECT_RATIOS.square : ASPECT_RATIOS.rectangle,
		'object-fit': template.imageSize === 'contain' ? 'contain' : 'cover',
		'background-color': color(backgroundColor) ?? '#ffffff',
	});
}

/** A buttons template, or one column of a carousel (`template` has the image settings). */
function column(item, template, perform) {
	const body = el(
		'div',
		{ class: 'template-body' },
		item.title && el('p', { class: 'template-title' }, String(item.title)),
		el('p', { class: 'template-text' }, String(item.text ?? '')),
	);
	const picture = thumbnail(item.thumbnailImageUrl, template, item.imageBackgroundColor);
	// The default action: what tapping the image, the title or the text does.
	if (item.defaultAction) {
		tappable(body, item.defaultAction, perform);
		if (picture) tappable(picture, item.defaultAction, perform);
	}
	return el(
		'div',
		{ class: 'template-card' },
		picture,
		body,
		el(
			'div',
			{ class: 'template-actions' },
			(item.actions ?? []).map((action) => actionButton(action, perform, 'template-action')),
		),
	);
}

function confirm(template, perform) {
	return el(
		'div',
		{ class: 'template-card confirm' },
		el('p', { class: 'template-text' }, String(template.text ?? '')),
		el(
			'div',
			{ class: 'template-actions side-by-side' },
			(template.actions ?? []).map((action) => actionButton(action, perform, 'template-action')),
		),
	);
}

function imageColumn(item, perform) {
	const label = item.action?.label;
	const tile = el(
		'div',
		{ class: 'image-column' },
		image(item.imageUrl, 'template-image'),
		label && el('span', { class: 'image-label' }, String(label)),
	);
	return tappable(tile, item.action, perform);
}

/** A template message's `template`; `perform` does what tapping an action does. */
export function templateMessage(template, perform) {
	switch (template?.type) {
		case 'buttons':
			return column(template, template, perform);
		case 'confirm':
			return confirm(template, perform);
		case 'carousel':
			return el(
				'div',
				{ class: 'carousel' },
				(template.columns ?? []).map((item) => column(item, template, perform)),
			);
		case 'image_carousel':
			return el(
				'div',
				{ class: 'carousel' },
				(template.columns ?? []).map((item) => imageColumn(item, perform)),
			);
		default:
			return el('div', { class: 'placeholder' }, `[template ${String(template?.type)}]`);
	}
}
