// Flex messages drawn roughly as LINE draws them: bubbles (header, hero, body, footer) and
// carousels of bubbles; boxes (horizontal, vertical, baseline) with their spacing, margins,
// paddings, borders and colours; texts and spans, images, icons, buttons, separators, fillers
// and videos. LINE's keywords (sizes, spacing) become its pixel values; anything else a style
// takes must be a px or % length or a #RRGGBB(AA) colour.

import { el, image, link, styled, tappable } from './dom.js';

const SPACING = {
	none: '0px',
	xs: '2px',
	sm: '4px',
	md: '8px',
	lg: '12px',
	xl: '16px',
	xxl: '20px',
};
const TEXT_SIZES = {
	xxs: '11px',
	xs: '13px',
	sm: '14px',
	md: '16px',
	lg: '19px',
	xl: '22px',
	xxl: '29px',
	'3xl': '35px',
	'4xl': '48px',
	'5xl': '74px',
};
const IMAGE_SIZES = {
	xxs: '40px',
	xs: '60px',
	sm: '80px',
	md: '100px',
	lg: '120px',
	xl: '140px',
	xxl: '160px',
	'3xl': '180px',
	'4xl': '200px',
	'5xl': '240px',
	full: '100%',
};
const BUBBLE_WIDTHS = {
	nano: '120px',
	micro: '160px',
	deca: '220px',
	hecto: '241px',
	kilo: '260px',
	mega: '300px',
	giga: '500px',
};
const BORDER_WIDTHS = {
	none: '0px',
	light: '0.5px',
	normal: '1px',
	medium: '2px',
	'semi-bold': '3px',
	bold: '4px',
};
const GRAVITY = { top: 'flex-start', center: 'center', bottom: 'flex-end' };
const ALIGN_SELF = { start: 'flex-start', center: 'center', end: 'flex-end' };
const TEXT_ALIGN = { start: 'start', center: 'center', end: 'end' };
const FLEX_ALIGNMENTS = [
	'flex-start',
	'center',
	'flex-end',
	'space-between',
	'space-around',
	'space-evenly',
];
/** Padding of a bubble's blocks when their box sets none. */
const BLOCK_PADDING = { header: '20px', hero: '0px', body: '20px', footer: '10px' };

const has = (table, key) => typeof key === 'string' && Object.hasOwn(table, key);
/** `table[key]` for LINE's own keywords only. */
const pick = (table, key) => (has(table, key) ? table[key] : undefined);
const LENGTH = /^\d+(?:\.\d+)?(?:px|%)$/;

/** A LINE length: one of `keywords`, or px / %; undefined for anything else. */
function length(value, keywords = {}) {
	if (has(keywords, value)) return keywords[value];
	return typeof value === 'string' && LENGTH.test(value) ? value : undefined;
}

const color = (value) =>
	typeof value === 'string' && /^#(?:[0-9a-f]{6}|[0-9a-f]{8})$/i.test(value) ? value : undefined;

/** `"20:13"` as CSS's `20 / 13`. */
function aspectRatio(value, fallback = '1 / 1') {
	const match = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(String(value ?? ''));
	return match ? `${match[1]} / ${match[2]}` : fallback;
}

/** How a component shares its box's main axis: `flex` 1 in horizontal boxes, 0 in vertical ones. */
function flexStyle(node, layout) {
	const horizontal = layout !== 'vertical';
	const grow = Number.isInteger(node.flex) && node.flex >= 0 ? node.flex : horizontal ? 1 : 0;
	if (grow === 0) return { flex: '0 0 auto' };
	return { flex: horizontal ? `${grow} 1 0%` : `${grow} 1 auto` };
}

/** Position (relative or absolute) and offsets. */
function positionStyle(node) {
	return {
		position: node.position === 'absolute' ? 'absolute' : 'relative',
		top: length(node.offsetTop, SPACING),
		bottom: length(node.offsetBottom, SPACING),
		'inset-inline-start': length(node.offsetStart, SPACING),
		'inset-inline-end': length(node.offsetEnd, SPACING),
	};
}

/** What every component has: its share of the box, its position, its tap action. */
function placed(node, component, parent, perform) {
	const styles = { ...positionStyle(node), 'min-width': '0' };
	if (node.type !== 'filler' && node.type !== 'separator')
		Object.assign(styles, flexStyle(node, parent.layout));
	if (parent.layout === 'horizontal') styles['align-self'] = pick(GRAVITY, node.gravity);
	styled(component, styles);
	return node.action ? tappable(component, node.action, perform) : component;
}

function box(node, perform, blockPadding) {
	const layout = ['horizontal', 'vertical', 'baseline'].includes(node.layout)
		? node.layout
		: 'vertical';
	const padding = length(node.paddingAll, SPACING) ?? blockPadding;
	const gradient = node.background?.type === 'linearGradient' ? node.background : undefined;
	const stops =
		gradient && [gradient.startColor, gradient.centerColor, gradient.endColor].map(color);
	const component = styled(el('div', { class: `flex-box flex-${layout}` }), {
		'background-color': color(node.backgroundColor),
		'background-image':
			stops?.[0] && stops[2] && /^-?\d+(?:\.\d+)?deg$/.test(gradient.angle ?? '')
				? `linear-gradient(${gradient.angle}, ${stops.filter(Boolean).join(', ')})`
				: undefined,
		'border-color': color(node.borderColor),
		'border-style': node.borderWidth || node.borderColor ? 'solid' : undefined,
		'border-width':
			length(node.borderWidth, BORDER_WIDTHS) ?? (node.borderColor ? '1px' : undefined),
		'border-radius': length(node.cornerRadius, SPACING),
		width: length(node.width),
		'max-width': length(node.maxWidth),
		height: length(node.height),
		'max-height': length(node.maxHeight),
		padding,
		'padding-top': length(node.paddingTop, SPACING),
		'padding-bottom': length(node.paddingBottom, SPACING),
		'padding-inline-start': length(node.paddingStart, SPACING),
		'padding-inline-end': length(node.paddingEnd, SPACING),
		'justify-content': FLEX_ALIGNMENTS.includes(node.justifyContent)
			? node.justifyContent
			: undefined,
		'align-items': FLEX_ALIGNMENTS.includes(node.alignItems) ? node.alignItems : undefined,
	});
	const children = Array.isArray(node.contents) ? node.contents : [];
	children.forEach((child, index) => {
		const drawn = drawComponent(child, { layout }, perform);
		if (!drawn) return;
		// The space before a component: its margin, else the box's spacing (none before the first).
		const gap =
			length(child.margin, SPACING) ?? (index > 0 ? length(node.spacing, SPACING) : undefined);
		if (gap) styled(drawn, { [layout === 'vertical' ? 'margin-top' : 'margin-inline-start']: gap });
		component.append(drawn);
	});
	return component;
}

function span(node) {
	return styled(el('span', {}, String(node.text ?? '')), textStyle(node));
}

/** What a text and its spans share: size, colour, weight, style, decoration. */
function textStyle(node) {
	return {
		'font-size': length(node.size, TEXT_SIZES),
		color: color(node.color),
		'font-weight': node.weight === 'bold' ? '700' : undefined,
		'font-style': node.style === 'italic' ? 'italic' : undefined,
		'text-decoration':
			node.decoration === 'underline' || node.decoration === 'line-through'
				? node.decoration
				: undefined,
	};
}

function text(node) {
	const spans = Array.isArray(node.contents) && node.contents.length > 0;
	const component = el(
		'p',
		{ class: node.wrap === true ? 'flex-text wrap' : 'flex-text' },
		spans ? node.contents.map(span) : String(node.text ?? ''),
	);
	styled(component, {
		...textStyle(node),
		'text-align': pick(TEXT_ALIGN, node.align),
		'line-height': length(node.lineSpacing) ? `calc(1.4em + ${node.lineSpacing})` : undefined,
	});
	if (Number.isInteger(node.maxLines) && node.maxLines > 0) {
		component.classList.add('clamped');
		styled(component, { '-webkit-line-clamp': node.maxLines });
	}
	return component;
}

function flexImage(node) {
	const img = image(node.url, 'flex-image');
	styled(img, {
		width: length(node.size, IMAGE_SIZES) ?? IMAGE_SIZES.md,
		'aspect-ratio': aspectRatio(node.aspectRatio),
		'object-fit': node.aspectMode === 'cover' ? 'cover' : 'contain',
		'background-color': color(node.backgroundColor),
	});
	return styled(el('div', { class: 'flex-image-area' }, img), {
		'justify-content': pick(ALIGN_SELF, node.align) ?? 'center',
	});
}

function icon(node) {
	const size = length(node.size, TEXT_SIZES) ?? TEXT_SIZES.md;
	const [width, height] = aspectRatio(node.aspectRatio).split(' / ').map(Number);
	return styled(image(node.url, 'flex-icon'), {
		height: size,
		width: `calc(${size} * ${width / height})`,
	});
}

function button(node, perform) {
	const style = ['primary', 'secondary'].includes(node.style) ? node.style : 'link';
	const label = node.action?.label ?? node.action?.type ?? 'button';
	const component = el('button', { class: `flex-button ${style}`, type: 'button' }, label);
	styled(component, {
		height: node.height === 'sm' ? '40px' : '52px',
		[style === 'link' ? 'color' : 'background-color']: color(node.color),
	});
	// The button performs its action; `placed` must not add a second handler.
	return tappable(component, node.action, perform);
}

function video(node) {
	const preview = node.previewUrl ? image(node.previewUrl, 'flex-image') : null;
	if (preview)
		styled(preview, { width: '100%', 'aspect-ratio': aspectRatio(node.aspectRatio, '16 / 9') });
	return el(
		'div',
		{ class: 'flex-video' },
		preview,
		el('div', { class: 'play' }, link(node.url, '▶ video')),
	);
}

/** One component inside a box whose layout is `parent.layout`. */
function drawComponent(node, parent, perform, blockPadding) {
	if (!node || typeof node !== 'object') return null;
	let drawn;
	switch (node.type) {
		case 'box':
			drawn = box(node, perform, blockPadding);
			break;
		case 'text':
			drawn = text(node);
			break;
		case 'image':
			drawn = flexImage(node);
			break;
		case 'icon':
			// Icons belong to baseline boxes and keep their size.
			return icon(node);
		case 'button':
			return placed({ ...node, action: undefined }, button(node, perform), parent, perform);
		case 'video':
			drawn = video(node);
			break;
		case 'separator':
			drawn = styled(
				el('div', { class: `flex-separator ${parent.layout === 'vertical' ? 'across' : 'down'}` }),
				{
					'background-color': color(node.color),
				},
			);
			break;
		case 'filler':
			drawn = styled(el('div', { class: 'flex-filler' }), {
				flex: `${Number.isInteger(node.flex) ? node.flex : 1} 1 0%`,
			});
			break;
		case 'span':
			return span(node);
		default:
			return el('div', { class: 'placeholder' }, `[${String(node.type)}]`);
	}
	return placed(node, drawn, parent, perform);
}

function bubble(node, perform) {
	const styles = node.styles ?? {};
	const blocks = ['header', 'hero', 'body', 'footer'].filter((name) => node[name]);
	const card = el(
		'div',
		{ class: 'flex-bubble', dir: node.direction === 'rtl' ? 'rtl' : 'ltr' },
		blocks.map((name, index) => {
			const style = styles[name] ?? {};
			const block = el(
				'div',
				{ class: `flex-block flex-${name}` },
				drawComponent(node[name], { layout: 'vertical' }, perform, BLOCK_PADDING[name]),
			);
			return styled(block, {
				'background-color': color(style.backgroundColor),
				'border-top':
					style.separator === true && index > 0
						? `1px solid ${color(style.separatorColor) ?? '#dddddd'}`
						: undefined,
			});
		}),
	);
	styled(card, { width: pick(BUBBLE_WIDTHS, node.size) ?? BUBBLE_WIDTHS.mega });
	return node.action ? tappable(card, node.action, perform) : card;
}

/**
 * The contents of a flex message (a bubble or a carousel of bubbles); `perform` does what
 * tapping a button or a part with an action does.
 */
export function flexMessage(contents, perform) {
	if (contents?.type === 'carousel') {
		const bubbles = Array.isArray(contents.contents) ? contents.contents : [];
		return el(
			'div',
			{ class: 'carousel flex-carousel' },
			bubbles.map((node) => bubble(node, perform)),
		);
	}
	if (contents?.type === 'bubble') return bubble(contents, perform);
	return el('div', { class: 'placeholder' }, '[flex]');
}
