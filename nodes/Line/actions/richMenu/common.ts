import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { describeValue, fail, InputError } from '../../../shared/errors';
import { parseJsonObject } from '../../../shared/json';
import type { ItemParameters } from '../../../shared/parameters';
import { isObject } from '../../../shared/values';
import { locatorField, locatorValue } from '../../methods/resourceLocator';
import {
	actionFields,
	asText,
	checkAction,
	readAction,
	type ActionPlace,
	type ActionType,
} from '../../helpers/actions';

/**
 * What the rich menu operations share: the rich menu ID, the menu's size, and the composer of a
 * rich menu object (fields for the common case, or JSON) with LINE's checks, used by Create and
 * Validate.
 */

// ---------------------------------------------------------------------------------------------
// Rich menu ID

const RICH_MENU_ID = /^richmenu-[0-9a-f]{32}$/;

/** A rich menu: picked from the channel's rich menus, or its ID (by default the input item's). */
export function richMenuIdField(description: string): INodeProperties {
	return locatorField({
		displayName: 'Rich Menu',
		name: 'richMenuId',
		description,
		searchListMethod: 'searchRichMenus',
		idDefault: '={{ $json.richMenuId }}',
		listPlaceholder: 'Select a rich menu...',
		idPlaceholder: 'richmenu-88c05ef6921ae53f8b58a25f3a65faf7',
		idRegex: RICH_MENU_ID.source.slice(1, -1),
		idError: 'Not a rich menu ID: richmenu- followed by 32 hex characters',
	});
}

/** A rich menu ID (`richmenu-` and 32 hex characters), trimmed; also the value of a locator. */
export function checkRichMenuId(value: unknown, field = 'richMenuId'): string {
	const given = locatorValue(value);
	const id = typeof given === 'string' ? given.trim() : given;
	if (typeof id === 'string' && RICH_MENU_ID.test(id)) return id;
	if (id === undefined || id === null || id === '') {
		fail(
			field,
			'is empty',
			'Pick a rich menu from the list, or give the ID LINE returned when it was created (richmenu-…), e.g. {{ $json.richMenuId }} after Create or Get Many.',
		);
	}
	fail(
		field,
		`${describeValue(id)} is not a rich menu ID (richmenu- followed by 32 hex characters)`,
		'Give the ID LINE returned when the rich menu was created. A rich menu alias is not an ID: Rich Menu Alias → Get gives the ID behind an alias.',
	);
}

export function readRichMenuId(params: ItemParameters, itemIndex: number): string {
	return checkRichMenuId(params.get('richMenuId', itemIndex));
}

// ---------------------------------------------------------------------------------------------
// Size

export interface RichMenuSize {
	width: number;
	height: number;
}

/** The sizes LINE suggests (the large and compact menus and their scaled-down versions). */
const STANDARD_SIZES = [
	{ name: '2500 × 1686 (Large)', value: '2500x1686' },
	{ name: '2500 × 843 (Compact)', value: '2500x843' },
	{ name: '1200 × 810', value: '1200x810' },
	{ name: '1200 × 405', value: '1200x405' },
	{ name: '800 × 540', value: '800x540' },
	{ name: '800 × 270', value: '800x270' },
];

const MIN_WIDTH = 800;
const MAX_WIDTH = 2500;
const MIN_HEIGHT = 250;
const MIN_ASPECT_RATIO = 1.45;

/**
 * The size selector and the custom width and height. With `any`, a first choice that checks only
 * LINE's general limits (for the image upload, where the menu's size may not be known).
 */
export function sizeFields({
	any = false,
	description,
}: {
	any?: boolean;
	description: string;
}): INodeProperties[] {
	const custom: IDisplayOptions = { show: { size: ['custom'] } };
	const choices = [
		...STANDARD_SIZES,
		{ name: 'Custom', value: 'custom', description: 'Give the width and height' },
	];
	const selector: INodeProperties = any
		? {
				displayName: 'Rich Menu Size',
				name: 'size',
				type: 'options',
				options: [
					{
						name: 'Any Size LINE Accepts',
						value: 'any',
						description: `Width ${MIN_WIDTH}–${MAX_WIDTH}, height ${MIN_HEIGHT} or more, width at least ${MIN_ASPECT_RATIO} × height`,
					},
					...choices,
				],
				default: 'any',
				description,
			}
		: {
				displayName: 'Size',
				name: 'size',
				type: 'options',
				options: choices,
				default: '2500x1686',
				description,
			};
	return [
		selector,
		{
			displayName: 'Width',
			name: 'width',
			type: 'number',
			typeOptions: { minValue: MIN_WIDTH, maxValue: MAX_WIDTH },
			default: MAX_WIDTH,
			description: `Width in pixels, ${MIN_WIDTH} to ${MAX_WIDTH}`,
			displayOptions: custom,
		},
		{
			displayName: 'Height',
			name: 'height',
			type: 'number',
			typeOptions: { minValue: MIN_HEIGHT },
			default: 1686,
			description: `Height in pixels, at least ${MIN_HEIGHT}; the width must be at least ${MIN_ASPECT_RATIO} times the height`,
			displayOptions: custom,
		},
	];
}

/** The size chosen for one item, or undefined for `any`; custom sizes are checked. */
export function readSize(params: ItemParameters, itemIndex: number): RichMenuSize | undefined {
	const choice = String(params.get('size', itemIndex, '2500x1686') ?? '');
	if (choice === 'any') return undefined;
	if (choice === 'custom') {
		const size = {
			width: params.get<number>('width', itemIndex),
			height: params.get<number>('height', itemIndex),
		};
		checkSize(size, 'size');
		return size;
	}
	const match = /^(\d+)x(\d+)$/.exec(choice);
	if (!match) {
		throw new InputError(
			'size',
			`${describeValue(choice)} is not a size; expected e.g. 2500x1686 or custom`,
		);
	}
	return { width: Number(match[1]), height: Number(match[2]) };
}

function checkInteger(value: unknown, field: string, min: number, what: string): number {
	if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
	const got = value === undefined ? 'is required' : `is ${describeValue(value)}`;
	fail(field, `${got}; expected ${what}, a whole number of at least ${min}`);
}

/** LINE's rules for the size of a rich menu (and of its image). */
export function checkSize(value: unknown, field: string): RichMenuSize {
	if (!isObject(value)) {
		fail(field, `must be an object with width and height, got ${describeValue(value)}`);
	}
	const width = checkInteger(value.width, `${field}.width`, 1, 'the width in pixels');
	const height = checkInteger(value.height, `${field}.height`, 1, 'the height in pixels');
	checkDimensions(width, height, field);
	return { width, height };
}

/**
 * What is wrong with a rich menu's (or its image's) width and height by LINE's rules (width
 * 800–2500, height 250 or more, width at least 1.45 × height), or undefined when nothing is.
 */
export function sizeProblem(
	width: number,
	height: number,
): { part: 'width' | 'height' | 'ratio'; text: string } | undefined {
	if (width < MIN_WIDTH || width > MAX_WIDTH) {
		return {
			part: 'width',
			text: `LINE takes rich menus ${MIN_WIDTH} to ${MAX_WIDTH} pixels wide`,
		};
	}
	if (height < MIN_HEIGHT) {
		return { part: 'height', text: `LINE takes rich menus at least ${MIN_HEIGHT} pixels high` };
	}
	if (width / height < MIN_ASPECT_RATIO) {
		return {
			part: 'ratio',
			text: `LINE needs rich menus at least ${MIN_ASPECT_RATIO} times as wide as high (at most ${Math.floor(width / MIN_ASPECT_RATIO)} pixels high at this width)`,
		};
	}
	return undefined;
}

function checkDimensions(width: number, height: number, field: string): void {
	const problem = sizeProblem(width, height);
	if (!problem) return;
	if (problem.part === 'ratio') fail(field, `${width} × ${height} is too tall: ${problem.text}`);
	const value = problem.part === 'width' ? width : height;
	fail(`${field}.${problem.part}`, `is ${value}; ${problem.text}`);
}

// ---------------------------------------------------------------------------------------------
// The rich menu object: fields or JSON

/** What a rich menu area may do: every action but the camera, camera roll and location ones. */
const AREA_ACTIONS: readonly ActionType[] = [
	'clipboard',
	'datetimepicker',
	'message',
	'postback',
	'richmenuswitch',
	'uri',
];

export const AREA_ACTION_PLACE: ActionPlace = {
	name: 'rich menus',
	types: AREA_ACTIONS,
	labelMax: 20,
	labelRequired: false,
};

export const MAX_AREAS = 20;
const MAX_NAME = 300;
const MAX_CHAT_BAR_TEXT = 14;

// Not alphabetical: the bounds come first, then the action they trigger.
const AREA_VALUES: INodeProperties[] = [
	{
		displayName: 'X',
		name: 'x',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Distance in pixels from the left edge of the menu to the left of the area',
	},
	{
		displayName: 'Y',
		name: 'y',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Distance in pixels from the top edge of the menu to the top of the area',
	},
	{
		displayName: 'Width',
		name: 'width',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 2500,
		description: 'Width of the area in pixels; the area must end inside the menu',
	},
	{
		displayName: 'Height',
		name: 'height',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1686,
		description: 'Height of the area in pixels; the area must end inside the menu',
	},
	...actionFields(AREA_ACTIONS, {
		target: 'area',
		labelRequired: false,
		labelDescription:
			'Name of the area, up to 20 characters: read out by accessibility features, not shown on the image',
	}),
];

/** The composer's parameters: how the menu is given, then its fields or its JSON. */
export function richMenuFields(): INodeProperties[] {
	const fields: IDisplayOptions = { show: { richMenuInput: ['fields'] } };
	const inFields = (property: INodeProperties): INodeProperties => ({
		...property,
		displayOptions: { show: { ...fields.show, ...property.displayOptions?.show } },
	});
	return [
		{
			displayName: 'Specify Rich Menu',
			name: 'richMenuInput',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Using Fields Below',
					value: 'fields',
					description: 'Size, name, chat bar text and up to 20 tappable areas',
				},
				{
					name: 'Using JSON',
					value: 'json',
					description: 'A whole LINE rich menu object, e.g. from an expression',
				},
			],
			default: 'fields',
			description: 'How to define the rich menu',
		},
		...sizeFields({
			description:
				'Width × height of the menu in pixels. The image uploaded for it must have exactly this size.',
		}).map(inFields),
		inFields({
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'Main menu',
			description: 'Name to tell your rich menus apart, up to 300 characters (users do not see it)',
		}),
		inFields({
			displayName: 'Chat Bar Text',
			name: 'chatBarText',
			type: 'string',
			required: true,
			default: 'Menu',
			description:
				'Text of the bar under the chat that opens and closes the menu, up to 14 characters',
		}),
		inFields({
			displayName: 'Selected',
			name: 'selected',
			type: 'boolean',
			default: false,
			description: 'Whether the menu is shown open when a user opens the chat',
		}),
		inFields({
			displayName: 'Areas',
			name: 'areas',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Area',
			default: {},
			description:
				'1 to 20 tappable rectangles of the menu image, in pixels from its top-left corner, each with what tapping it does',
			options: [{ displayName: 'Area', name: 'area', values: AREA_VALUES }],
		}),
		{
			displayName: 'Rich Menu JSON',
			name: 'richMenuJson',
			type: 'json',
			required: true,
			default: '',
			placeholder:
				'{ "size": { "width": 2500, "height": 843 }, "selected": false, "name": "Main menu", "chatBarText": "Menu", "areas": [] }',
			description:
				'A LINE rich menu object with size, selected, name, chatBarText and areas. The output of Get works too (its richMenuId is left out).',
			displayOptions: { show: { richMenuInput: ['json'] } },
		},
	];
}

function asNumber(value: unknown): unknown {
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
		return Number(value);
	}
	return value;
}

function readAreas(value: unknown): IDataObject[] {
	const entries = Array.isArray(value) ? (value as unknown[]) : [];
	return entries.map((value) => {
		const entry = isObject(value) ? value : {};
		return {
			bounds: {
				x: asNumber(entry.x ?? 0),
				y: asNumber(entry.y ?? 0),
				width: asNumber(entry.width),
				height: asNumber(entry.height),
			} as IDataObject,
			action: readAction(entry),
		};
	});
}

function readJsonRichMenu(value: unknown): IDataObject {
	const parsed = parseJsonObject(value, 'richMenuJson');
	// A menu read with Get carries its ID, which a new menu must not have.
	const richMenu: IDataObject = { ...(parsed as IDataObject) };
	delete richMenu.richMenuId;
	return richMenu;
}

/** The rich menu object of one item, composed from the fields or taken from JSON, and checked. */
export function readRichMenu(params: ItemParameters, itemIndex: number): IDataObject {
	const input = params.get<string>('richMenuInput', itemIndex, 'fields');
	const richMenu =
		input === 'json'
			? readJsonRichMenu(params.get('richMenuJson', itemIndex))
			: {
					size: readSize(params, itemIndex) as unknown as IDataObject,
					selected: params.get<boolean>('selected', itemIndex, false),
					name: asText(params.get('name', itemIndex, '')) ?? '',
					chatBarText: asText(params.get('chatBarText', itemIndex, '')) ?? '',
					areas: readAreas(params.get('areas.area', itemIndex, [])),
				};
	checkRichMenu(richMenu);
	return richMenu;
}

// ---------------------------------------------------------------------------------------------
// Checks

function checkTextField(value: unknown, field: string, max: number): void {
	if (value === undefined) fail(field, `is required (text, 1 to ${max} characters)`);
	if (typeof value !== 'string') fail(field, `must be text, got ${describeValue(value)}`);
	if (value.length === 0) fail(field, `is empty (text, 1 to ${max} characters)`);
	if (value.length > max) {
		fail(field, `is too long: ${value.length} characters, LINE allows at most ${max}`);
	}
}

function checkBounds(value: unknown, field: string, size: RichMenuSize): void {
	if (!isObject(value)) {
		fail(field, `must be an object with x, y, width and height, got ${describeValue(value)}`);
	}
	const x = checkInteger(value.x, `${field}.x`, 0, 'a position in pixels');
	const y = checkInteger(value.y, `${field}.y`, 0, 'a position in pixels');
	const width = checkInteger(value.width, `${field}.width`, 1, 'a width in pixels');
	const height = checkInteger(value.height, `${field}.height`, 1, 'a height in pixels');
	if (x + width > size.width) {
		fail(
			field,
			`ends at x ${x + width}, outside the menu (${size.width} pixels wide)`,
			`Make x + width at most ${size.width}.`,
		);
	}
	if (y + height > size.height) {
		fail(
			field,
			`ends at y ${y + height}, outside the menu (${size.height} pixels high)`,
			`Make y + height at most ${size.height}.`,
		);
	}
}

/**
 * A rich menu object against LINE's rules: size, selected, name, chat bar text and 1 to 20 areas
 * inside the menu, each with an action that works in rich menus.
 */
export function checkRichMenu(richMenu: IDataObject): void {
	const size = checkSize(richMenu.size, 'size');
	if (typeof richMenu.selected !== 'boolean') {
		fail(
			'selected',
			richMenu.selected === undefined
				? 'is required (true or false)'
				: `must be true or false, got ${describeValue(richMenu.selected)}`,
		);
	}
	checkTextField(richMenu.name, 'name', MAX_NAME);
	checkTextField(richMenu.chatBarText, 'chatBarText', MAX_CHAT_BAR_TEXT);
	const areas = richMenu.areas;
	if (!Array.isArray(areas)) {
		fail('areas', `must be a list of 1 to ${MAX_AREAS} areas, got ${describeValue(areas)}`);
	}
	if (areas.length === 0) {
		fail('areas', `is empty; a rich menu needs 1 to ${MAX_AREAS} areas`, 'Add an area.');
	}
	if (areas.length > MAX_AREAS) {
		fail('areas', `holds ${areas.length} areas; LINE allows at most ${MAX_AREAS}`);
	}
	areas.forEach((value: unknown, index) => {
		const field = `areas[${index}]`;
		if (!isObject(value)) fail(field, `must be an area object, got ${describeValue(value)}`);
		checkBounds(value.bounds, `${field}.bounds`, size);
		checkAction(value.action, `${field}.action`, AREA_ACTION_PLACE);
	});
}
