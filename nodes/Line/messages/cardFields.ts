import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { describeValue, fail } from '../../shared/errors';
import { isObject } from '../../shared/values';
import { actionFields, actionPlaceInMessages, checkAction, readAction } from '../helpers/actions';
import {
	checkEnum,
	checkLinkUri,
	checkList,
	checkMediaUrl,
	checkString,
} from '../helpers/fieldChecks';
import { asText, asTrimmed, collectionEntries, compact, readColor } from '../helpers/fieldValues';

/**
 * A flex bubble made from fields, for Flex Card and each card of Flex Card Carousel (and any
 * type that builds one bubble per input item): an image across the top, a bold title, lines of
 * text, key–value rows like a receipt, up to 4 buttons, colors and a footer note. The fields are
 * read and checked here, so that errors name the field the user filled in.
 */

const MAX_BUTTONS = 4;
const BUTTON_STYLES = ['primary', 'secondary', 'link'];
const ASPECT_MODES = ['cover', 'fit'];
const DEFAULT_ASPECT_RATIO = '20:13';
const MAX_ASPECT_SIDE = 100000;
const KEY_COLOR = '#aaaaaa';
const NOTE_COLOR = '#aaaaaa';

/** Actions of flex buttons; LINE requires a label on a button's action. */
const BUTTON_PLACE = actionPlaceInMessages('flex messages', 40, true);

const ROW_VALUES: INodeProperties[] = [
	{
		displayName: 'Key',
		name: 'key',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Total',
		description: 'Name of the value, shown on the left in grey',
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		required: true,
		default: '',
		placeholder: '฿1,290',
		description: 'The value, shown on the right in bold',
	},
];

// Not alphabetical: the action type comes first because it decides which fields are shown.
const BUTTON_VALUES: INodeProperties[] = [
	...actionFields(actionPlaceInMessages('flex messages', 40, false).types, {
		target: 'button',
		labelRequired: true,
		labelDescription: 'Text of the button, up to 40 characters',
	}),
	{
		displayName: 'Style',
		name: 'style',
		type: 'options',
		options: [
			{
				name: 'Link',
				value: 'link',
				description: 'Text only, in the button color (blue unless set)',
			},
			{
				name: 'Primary',
				value: 'primary',
				description: 'White text on the button color (green unless set)',
			},
			{
				name: 'Secondary',
				value: 'secondary',
				description: 'Dark text on the button color (light grey unless set)',
			},
		],
		default: 'primary',
		description: 'How the button looks',
	},
];

const OPTION_FIELDS: INodeProperties[] = [
	{
		displayName: 'Background Color',
		name: 'backgroundColor',
		type: 'color',
		default: '',
		placeholder: '#FFFFFF',
		description: 'Background of the whole card, as a hex code #RRGGBB',
	},
	{
		displayName: 'Button Color',
		name: 'buttonColor',
		type: 'color',
		default: '',
		placeholder: '#1DB446',
		description:
			'Color of every button, as a hex code #RRGGBB: the fill of primary and secondary buttons, the text of link buttons',
	},
	{
		displayName: 'Footer Note',
		name: 'footerNote',
		type: 'string',
		default: '',
		description: 'Small grey text at the bottom of the card, below the buttons',
	},
	{
		displayName: 'Image Aspect Mode',
		name: 'heroAspectMode',
		type: 'options',
		options: [
			{
				name: 'Cover',
				value: 'cover',
				description: 'Fills the area, cropping the image where it does not fit',
			},
			{
				name: 'Fit',
				value: 'fit',
				description: 'Shows the whole image, with bars where it does not fill the area',
			},
		],
		default: 'cover',
		description: 'How the image fills its area when their shapes differ',
	},
	{
		displayName: 'Image Aspect Ratio',
		name: 'heroAspectRatio',
		type: 'string',
		default: DEFAULT_ASPECT_RATIO,
		placeholder: DEFAULT_ASPECT_RATIO,
		description:
			'Width to height of the image area as width:height, e.g. 20:13, 1:1 or 16:9: whole numbers from 1 to 100000, the height at most three times the width',
	},
	{
		displayName: 'Image Tap URI',
		name: 'heroActionUri',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/product/1',
		description: 'Link opened by tapping the image: http, https, line or tel',
	},
	{
		displayName: 'Title Color',
		name: 'titleColor',
		type: 'color',
		default: '',
		placeholder: '#111111',
		description: 'Color of the title, as a hex code #RRGGBB',
	},
];

/** The fields of one card, without displayOptions (the types that use them show them). */
export const CARD_FIELDS: INodeProperties[] = [
	{
		displayName: 'Image URL',
		name: 'heroImageUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/product.jpg',
		description:
			'HTTPS URL of a JPEG or PNG shown across the top of the card. Leave empty for a card without an image.',
	},
	{
		displayName: 'Title',
		name: 'cardTitle',
		type: 'string',
		default: '',
		description: 'Heading of the card, in large bold text',
	},
	{
		displayName: 'Text',
		name: 'cardLines',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description:
			'Text below the title: each line is shown as a line of its own, wrapped when long. Empty lines are left out.',
	},
	{
		displayName: 'Rows',
		name: 'cardRows',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Row',
		default: {},
		description: 'Key–value rows below the text, like the lines of a receipt',
		options: [{ displayName: 'Row', name: 'row', values: ROW_VALUES }],
	},
	{
		displayName: 'Buttons',
		name: 'cardButtons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true, maxAllowedFields: MAX_BUTTONS },
		placeholder: 'Add Button',
		default: {},
		description: 'Up to 4 buttons at the bottom of the card',
		options: [{ displayName: 'Button', name: 'button', values: BUTTON_VALUES }],
	},
	{
		displayName: 'Card Options',
		name: 'cardOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'Image layout and tap link, colors and a footer note',
		options: OPTION_FIELDS,
	},
];

// ---------------------------------------------------------------------------------------------
// Reading the fields back

/** Text that shows something: blank text counts as not given. */
function shownText(value: unknown): string | undefined {
	const text = asText(value);
	return text !== undefined && text.trim() !== '' ? text : undefined;
}

/** LINE's rule: `width:height`, each 1 to 100000, the height at most three times the width. */
function readAspectRatio(value: unknown, field: string): string {
	const ratio = asTrimmed(value) || DEFAULT_ASPECT_RATIO;
	const match = /^(\d+):(\d+)$/.exec(ratio);
	const [width, height] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
	const inRange = (side: number) => side >= 1 && side <= MAX_ASPECT_SIDE;
	if (!inRange(width) || !inRange(height)) {
		fail(
			field,
			`${describeValue(ratio)} is not an aspect ratio; expected width:height in whole numbers from 1 to ${MAX_ASPECT_SIDE}, e.g. ${DEFAULT_ASPECT_RATIO}`,
		);
	}
	if (height > 3 * width) {
		fail(
			field,
			`${describeValue(ratio)} is too tall; LINE allows a height of at most three times the width`,
		);
	}
	return ratio;
}

function readHero(
	entry: IDataObject,
	options: IDataObject,
	field: string,
): IDataObject | undefined {
	const url = asTrimmed(entry.heroImageUrl);
	if (!url) return undefined;
	checkMediaUrl(url, `${field}.heroImageUrl`);
	const mode = asText(options.heroAspectMode) || 'cover';
	checkEnum(mode, `${field}.cardOptions.heroAspectMode`, ASPECT_MODES);
	const uri = asTrimmed(options.heroActionUri) || undefined;
	checkLinkUri(uri, `${field}.cardOptions.heroActionUri`, true);
	return compact({
		type: 'image',
		url,
		size: 'full',
		aspectRatio: readAspectRatio(options.heroAspectRatio, `${field}.cardOptions.heroAspectRatio`),
		aspectMode: mode,
		action: uri ? { type: 'uri', uri } : undefined,
	});
}

function readRow(row: IDataObject, field: string): IDataObject {
	const rule = { max: Infinity };
	const key = checkString(asText(row.key), `${field}.key`, rule);
	const value = checkString(asText(row.value), `${field}.value`, rule);
	return {
		type: 'box',
		layout: 'baseline',
		spacing: 'sm',
		contents: [
			{ type: 'text', text: key, size: 'sm', color: KEY_COLOR, flex: 2, wrap: true },
			{ type: 'text', text: value, size: 'sm', weight: 'bold', align: 'end', flex: 3, wrap: true },
		],
	};
}

function titleText(title: string, color: string | undefined): IDataObject {
	return compact({ type: 'text', text: title, weight: 'bold', size: 'xl', wrap: true, color });
}

/** Title, text lines and rows; none of them, no body. */
function readBody(
	entry: IDataObject,
	titleColor: string | undefined,
	field: string,
): IDataObject | undefined {
	const contents: IDataObject[] = [];
	const title = shownText(entry.cardTitle);
	if (title) contents.push(titleText(title, titleColor));
	for (const line of (asText(entry.cardLines) ?? '').split(/\r?\n/)) {
		if (shownText(line)) contents.push({ type: 'text', text: line, wrap: true });
	}
	const rows = collectionEntries(entry.cardRows, 'row').map((row, i) =>
		readRow(row, `${field}.cardRows[${i}]`),
	);
	if (rows.length > 0) {
		contents.push({ type: 'box', layout: 'vertical', margin: 'lg', spacing: 'sm', contents: rows });
	}
	if (contents.length === 0) return undefined;
	return { type: 'box', layout: 'vertical', spacing: 'sm', contents };
}

function readButton(button: IDataObject, color: string | undefined, field: string): IDataObject {
	const action = readAction(button);
	checkAction(action, field, BUTTON_PLACE);
	const style = asText(button.style) || 'primary';
	checkEnum(style, `${field}.style`, BUTTON_STYLES);
	return compact({ type: 'button', style, color, action });
}

function noteText(note: string): IDataObject {
	const look = { size: 'xs', color: NOTE_COLOR, align: 'center', wrap: true, margin: 'md' };
	return { type: 'text', text: note, ...look };
}

/** Buttons and the footer note; none of them, no footer. */
function readFooter(
	entry: IDataObject,
	options: IDataObject,
	field: string,
): IDataObject | undefined {
	const entries = collectionEntries(entry.cardButtons, 'button');
	checkList(entries, `${field}.cardButtons`, 0, MAX_BUTTONS, 'buttons');
	const color = readColor(options.buttonColor, `${field}.cardOptions.buttonColor`);
	const contents = entries.map((button, i) =>
		readButton(button, color, `${field}.cardButtons[${i}]`),
	);
	const note = shownText(options.footerNote);
	if (note) contents.push(noteText(note));
	if (contents.length === 0) return undefined;
	return { type: 'box', layout: 'vertical', spacing: 'sm', contents };
}

/**
 * The flex bubble of one card's fields (`entry`: a builder entry or one entry of Cards); `field`
 * is the entry's path in errors, e.g. `messages[0]` or `messages[0].cards[2]`.
 */
export function readCard(entry: IDataObject, field: string): IDataObject {
	const options = isObject(entry.cardOptions) ? entry.cardOptions : {};
	const titleColor = readColor(options.titleColor, `${field}.cardOptions.titleColor`);
	const background = readColor(options.backgroundColor, `${field}.cardOptions.backgroundColor`);
	const blocks = compact({
		hero: readHero(entry, options, field),
		body: readBody(entry, titleColor, field),
		footer: readFooter(entry, options, field),
	});
	if (Object.keys(blocks).length === 0) {
		fail(field, 'is an empty card; give it an image, a title, text, rows or buttons');
	}
	const styles = background
		? Object.fromEntries(
				Object.keys(blocks).map((block) => [block, { backgroundColor: background }]),
			)
		: undefined;
	return compact({ type: 'bubble', ...blocks, styles });
}
