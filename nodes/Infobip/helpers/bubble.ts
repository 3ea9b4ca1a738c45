import { fail } from '../../shared/errors';
import { isObject } from '../../shared/values';

/**
 * Local checks of the bubble in `content.contents` against Infobip's LINE OpenAPI (v3.210.0):
 * types, enums and required fields. Infobip spells every enum in UPPERCASE (`BUBBLE`, `BOX`,
 * `VERTICAL`, `URI`), unlike LINE's own Flex JSON (`bubble`, `box`, `vertical`, `uri`).
 */

type Obj = Record<string, unknown>;

export const ENUMS = {
	containerType: ['BUBBLE'],
	size: ['NANO', 'MICRO', 'KILO', 'MEGA', 'GIGA'],
	direction: ['LEFT_TO_RIGHT', 'RIGHT_TO_LEFT'],
	layout: ['HORIZONTAL', 'VERTICAL', 'BASELINE'],
	componentType: ['BOX', 'BUTTON', 'ICON', 'IMAGE', 'SEPARATOR', 'TEXT', 'SPAN'],
	actionType: ['URI', 'POSTBACK'],
	align: ['START', 'END', 'CENTER'],
	gravity: ['TOP', 'BOTTOM', 'CENTER'],
	weight: ['BOLD', 'REGULAR'],
	textStyle: ['NORMAL', 'ITALIC'],
	decoration: ['NONE', 'UNDERLINE', 'LINE_THROUGH'],
	position: ['RELATIVE', 'ABSOLUTE'],
	aspectMode: ['COVER', 'FIT'],
	height: ['SMALL', 'MEDIUM'],
} as const;

const CONVERT_HINT = 'or turn on Options → Convert LINE Flex Values';

const OFFSETS = ['offsetTop', 'offsetBottom', 'offsetStart', 'offsetEnd'];

/** The properties line.json declares for each object of a bubble. */
const PROPERTIES: Record<string, readonly string[]> = {
	BUBBLE: ['type', 'size', 'direction', 'header', 'body', 'footer', 'style', 'action'],
	BOX: [
		'type',
		'layout',
		'backgroundColor',
		'borderColor',
		'borderWidth',
		'cornerRadius',
		'width',
		'height',
		'flex',
		'margin',
		'spacing',
		'paddingAll',
		'paddingTop',
		'paddingBottom',
		'paddingStart',
		'paddingEnd',
		...OFFSETS,
		'position',
		'action',
		'contents',
	],
	BUTTON: [
		'type',
		'action',
		'flex',
		'margin',
		'position',
		...OFFSETS,
		'height',
		'style',
		'color',
		'gravity',
	],
	ICON: ['type', 'url', 'margin', 'position', ...OFFSETS, 'size', 'aspectRatio'],
	IMAGE: [
		'type',
		'url',
		'flex',
		'margin',
		'position',
		...OFFSETS,
		'align',
		'gravity',
		'size',
		'aspectRatio',
		'aspectMode',
		'backgroundColor',
		'action',
	],
	SEPARATOR: ['type', 'margin', 'color'],
	TEXT: [
		'type',
		'text',
		'contents',
		'flex',
		'margin',
		'size',
		'align',
		'gravity',
		'wrap',
		'maxLines',
		'color',
		'weight',
		'position',
		...OFFSETS,
		'action',
	],
	SPAN: ['type', 'text', 'color', 'size', 'weight', 'style', 'decoration'],
	URI: ['type', 'label', 'uri', 'altUri'],
	POSTBACK: ['type', 'label', 'data', 'altUri'],
	STYLE: ['header', 'body', 'footer'],
	BLOCK_STYLE: ['backgroundColor', 'separator', 'separatorColor'],
};

/** Refuses a property Infobip's LINE API does not have (LINE's Flex has more, e.g. `hero`). */
function checkKnown(object: Obj, kind: keyof typeof PROPERTIES, where: string): void {
	const known = PROPERTIES[kind];
	for (const key of Object.keys(object)) {
		if (known.includes(key) || object[key] === undefined) continue;
		fail(
			`${where}.${key}`,
			`Infobip's LINE notifications have no "${key}" here`,
			`Remove it. Allowed here: ${known.join(', ')}.`,
		);
	}
}

/** LINE Flex values whose Infobip name is not just the value in uppercase. */
const RENAMED: Readonly<Record<string, string>> = {
	LTR: 'LEFT_TO_RIGHT',
	RTL: 'RIGHT_TO_LEFT',
	SM: 'SMALL',
	MD: 'MEDIUM',
};

/** LINE Flex spelling → Infobip spelling, e.g. `line-through` → `LINE_THROUGH`, `ltr` → `LEFT_TO_RIGHT`. */
function infobipSpelling(value: string): string {
	const upper = value.trim().toUpperCase().replace(/-/g, '_');
	return RENAMED[upper] ?? upper;
}

function checkEnum(
	object: Obj,
	key: string,
	allowed: readonly string[],
	where: string,
	isRequired = false,
): void {
	const value = object[key];
	const field = `${where}.${key}`;
	if (value === undefined || value === null) {
		if (isRequired) fail(field, `is required (one of ${allowed.join(', ')})`);
		return;
	}
	if (typeof value === 'string' && allowed.includes(value)) return;
	const suggestion = typeof value === 'string' ? infobipSpelling(value) : undefined;
	fail(
		field,
		`${JSON.stringify(value)} is not one of ${allowed.join(', ')}`,
		suggestion && allowed.includes(suggestion)
			? `Infobip spells it ${suggestion} (uppercase, unlike LINE's Flex JSON): write "${suggestion}", ${CONVERT_HINT}.`
			: undefined,
	);
}

function checkString(object: Obj, key: string, where: string, max?: number, isRequired = false) {
	const value = object[key];
	const field = `${where}.${key}`;
	if (value === undefined || value === null) {
		if (isRequired) fail(field, 'is required');
		return;
	}
	if (typeof value !== 'string') fail(field, `must be text, got ${JSON.stringify(value)}`);
	if (isRequired && value.trim() === '') fail(field, 'is required');
	if (max !== undefined && [...value].length > max) {
		fail(field, `is ${[...value].length} characters long; Infobip accepts at most ${max}`);
	}
}

function checkFlex(object: Obj, where: string): void {
	const value = object.flex;
	if (value === undefined || value === null) return;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 20) {
		fail(`${where}.flex`, `must be a whole number from 0 to 20, got ${JSON.stringify(value)}`);
	}
}

function checkObject(value: unknown, field: string): Obj {
	if (!isObject(value)) fail(field, `must be an object, got ${JSON.stringify(value)}`);
	return value;
}

function checkAction(value: unknown, where: string): void {
	const action = checkObject(value, where);
	checkEnum(action, 'type', ENUMS.actionType, where, true);
	checkKnown(action, action.type as 'URI' | 'POSTBACK', where);
	checkString(action, 'label', where, 20, true);
	if (action.type === 'URI') checkString(action, 'uri', where, 1000, true);
	else checkString(action, 'data', where, 1000, true);
	if (action.altUri !== undefined) {
		checkString(checkObject(action.altUri, `${where}.altUri`), 'desktop', `${where}.altUri`, 1000);
	}
}

function checkOptionalAction(object: Obj, where: string): void {
	if (object.action !== undefined && object.action !== null)
		checkAction(object.action, `${where}.action`);
}

function checkSpan(value: unknown, where: string): void {
	const span = checkObject(value, where);
	checkEnum(span, 'type', ['SPAN'], where, true);
	checkKnown(span, 'SPAN', where);
	checkString(span, 'text', where, undefined, true);
	checkEnum(span, 'weight', ENUMS.weight, where);
	checkEnum(span, 'style', ENUMS.textStyle, where);
	checkEnum(span, 'decoration', ENUMS.decoration, where);
}

function checkBox(value: unknown, where: string): void {
	const box = checkObject(value, where);
	checkEnum(box, 'type', ['BOX'], where);
	checkKnown(box, 'BOX', where);
	checkEnum(box, 'layout', ENUMS.layout, where, true);
	checkEnum(box, 'position', ENUMS.position, where);
	checkFlex(box, where);
	checkOptionalAction(box, where);
	if (box.contents !== undefined) {
		if (!Array.isArray(box.contents)) fail(`${where}.contents`, 'must be a list of components');
		box.contents.forEach((component, index) =>
			checkComponent(component, `${where}.contents[${index}]`),
		);
	}
}

function checkComponent(value: unknown, where: string): void {
	const component = checkObject(value, where);
	checkEnum(component, 'type', ENUMS.componentType, where, true);
	checkKnown(component, component.type as keyof typeof PROPERTIES, where);
	switch (component.type) {
		case 'BOX':
			return checkBox(component, where);
		case 'SPAN':
			return checkSpan(component, where);
		case 'BUTTON':
			if (component.action === undefined) fail(`${where}.action`, 'is required for a button');
			checkAction(component.action, `${where}.action`);
			checkEnum(component, 'height', ENUMS.height, where);
			checkEnum(component, 'gravity', ENUMS.gravity, where);
			checkEnum(component, 'position', ENUMS.position, where);
			return checkFlex(component, where);
		case 'ICON':
			checkString(component, 'url', where, undefined, true);
			return checkEnum(component, 'position', ENUMS.position, where);
		case 'IMAGE':
			checkString(component, 'url', where, undefined, true);
			checkEnum(component, 'align', ENUMS.align, where);
			checkEnum(component, 'gravity', ENUMS.gravity, where);
			checkEnum(component, 'aspectMode', ENUMS.aspectMode, where);
			checkEnum(component, 'position', ENUMS.position, where);
			checkFlex(component, where);
			return checkOptionalAction(component, where);
		case 'TEXT':
			checkEnum(component, 'align', ENUMS.align, where);
			checkEnum(component, 'gravity', ENUMS.gravity, where);
			checkEnum(component, 'weight', ENUMS.weight, where);
			checkEnum(component, 'position', ENUMS.position, where);
			checkFlex(component, where);
			checkOptionalAction(component, where);
			if (component.contents !== undefined) {
				if (!Array.isArray(component.contents))
					fail(`${where}.contents`, 'must be a list of spans');
				component.contents.forEach((span, index) => checkSpan(span, `${where}.contents[${index}]`));
			}
			return;
		default:
			return;
	}
}

/** Checks `content.contents`: one BUBBLE container. Throws an InputError naming the field. */
export function checkBubble(value: unknown, where = 'content.contents'): void {
	const container = checkObject(value, where);
	const type = typeof container.type === 'string' ? container.type.toUpperCase() : container.type;
	if (type === 'FLEX' && isObject(container.contents)) {
		fail(
			`${where}.type`,
			'this is a whole LINE Flex message',
			'Paste only the bubble: the value of its "contents".',
		);
	}
	if (type === 'CAROUSEL') {
		fail(`${where}.type`, 'Infobip LINE notifications hold a single bubble, not a carousel');
	}
	checkEnum(container, 'type', ENUMS.containerType, where, true);
	checkKnown(container, 'BUBBLE', where);
	checkEnum(container, 'size', ENUMS.size, where);
	checkEnum(container, 'direction', ENUMS.direction, where);
	for (const block of ['header', 'body', 'footer'] as const) {
		if (container[block] !== undefined) checkBox(container[block], `${where}.${block}`);
	}
	if (container.style !== undefined) {
		const style = checkObject(container.style, `${where}.style`);
		checkKnown(style, 'STYLE', `${where}.style`);
		for (const block of ['header', 'body', 'footer'] as const) {
			if (style[block] === undefined) continue;
			const blockStyle = checkObject(style[block], `${where}.style.${block}`);
			checkKnown(blockStyle, 'BLOCK_STYLE', `${where}.style.${block}`);
		}
	}
	checkOptionalAction(container, where);
}

// ---------------------------------------------------------------------------------------------
// LINE Flex → Infobip spelling

/** Keys whose string values are enums wherever they appear. */
const ENUM_KEYS = new Set([
	'type',
	'layout',
	'align',
	'gravity',
	'weight',
	'decoration',
	'position',
	'aspectMode',
]);

function convertNode(value: unknown, level: 'container' | 'component'): unknown {
	if (Array.isArray(value)) return value.map((entry) => convertNode(entry, 'component'));
	if (!isObject(value)) return value;
	const kind = typeof value.type === 'string' ? infobipSpelling(value.type) : undefined;
	const converted: Obj = {};
	for (const [key, entry] of Object.entries(value)) {
		const isEnum =
			ENUM_KEYS.has(key) ||
			(level === 'container' && (key === 'size' || key === 'direction')) ||
			(key === 'style' && (kind === 'TEXT' || kind === 'SPAN')) ||
			(key === 'height' && kind === 'BUTTON');
		if (typeof entry === 'string' && isEnum) converted[key] = infobipSpelling(entry);
		else if (key === 'styles' && level === 'container') converted.style = entry;
		else converted[key] = convertNode(entry, 'component');
	}
	return converted;
}

/**
 * A bubble written for LINE's Flex Message (lowercase enums, `ltr`, `line-through`, button
 * height `sm`) in Infobip's spelling. Values that are free text (sizes like `xl`, colours,
 * margins) are left alone; anything without an Infobip equivalent is left for checkBubble to report.
 */
export function convertLineFlex(value: unknown): unknown {
	return convertNode(value, 'container');
}
