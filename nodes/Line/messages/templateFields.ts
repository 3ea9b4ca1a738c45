import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { actionFields, actionPlaceInMessages, readAction } from '../helpers/actions';
import { asText, asTrimmed, collectionEntries, compact, readColor } from '../helpers/fieldValues';

/**
 * What the template messages made from fields share (Buttons, Confirm, Carousel and Image
 * Carousel Template): their shared fields, the buttons made of the action fields, and the readers
 * of a card (a buttons template or a carousel column) and of the carousels' columns. The readers
 * make LINE's objects; the template check (./template.ts) then checks them against LINE's rules.
 */

/** LINE's most columns in a carousel or image carousel template. */
export const MAX_TEMPLATE_COLUMNS = 10;

/** The action types LINE takes in templates (the camera and location ones work in quick replies only). */
const TEMPLATE_ACTION_TYPES = actionPlaceInMessages('templates', 20, true).types;

/** The fields of one button, for the `values` of a buttons entry. */
export const TEMPLATE_BUTTON_VALUES: INodeProperties[] = actionFields(TEMPLATE_ACTION_TYPES, {
	target: 'button',
	labelRequired: true,
	labelDescription: 'Text of the button, up to 20 characters',
});

/** A list of buttons (`name`, option `button`) of at most `max` entries. */
export function templateButtonsField(
	name: string,
	max: number,
	description: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Buttons',
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true, maxAllowedFields: max },
		placeholder: 'Add Button',
		default: {},
		description,
		options: [{ displayName: 'Button', name: 'button', values: TEMPLATE_BUTTON_VALUES }],
		...extra,
	};
}

export const THUMBNAIL_IMAGE_URL_FIELD: INodeProperties = {
	displayName: 'Thumbnail Image URL',
	name: 'thumbnailImageUrl',
	type: 'string',
	default: '',
	placeholder: 'https://example.com/menu.jpg',
	description:
		'HTTPS URL of a JPEG or PNG shown above the title, at most 1024 pixels wide. Optional.',
};

export const IMAGE_BACKGROUND_COLOR_FIELD: INodeProperties = {
	displayName: 'Image Background Color',
	name: 'imageBackgroundColor',
	type: 'color',
	default: '',
	placeholder: '#FFFFFF',
	description:
		'Color around the thumbnail image where it does not fill its area, as a hex code #RRGGBB (white unless set). Used only with a thumbnail image.',
};

/** The shape and fit of the thumbnail images: of the buttons template, or of every carousel column. */
export const IMAGE_OPTION_FIELDS: INodeProperties[] = [
	{
		displayName: 'Image Aspect Ratio',
		name: 'imageAspectRatio',
		type: 'options',
		options: [
			{ name: 'Rectangle', value: 'rectangle', description: 'Wider than high, 1.51:1' },
			{ name: 'Square', value: 'square', description: 'As high as wide, 1:1' },
		],
		default: 'rectangle',
		description: 'Shape of the thumbnail image area. Used only with thumbnail images.',
	},
	{
		displayName: 'Image Size',
		name: 'imageSize',
		type: 'options',
		options: [
			{
				name: 'Contain',
				value: 'contain',
				description:
					'Shows the whole image, with the background color where it does not fill the area',
			},
			{
				name: 'Cover',
				value: 'cover',
				description: 'Fills the area, cropping the image where it does not fit',
			},
		],
		default: 'cover',
		description: 'How the thumbnail image fills its area. Used only with thumbnail images.',
	},
];

/** What tapping the image, title or text does: one action, whose label is optional. */
export const DEFAULT_ACTION_FIELD: INodeProperties = {
	displayName: 'Default Action',
	name: 'defaultAction',
	type: 'fixedCollection',
	placeholder: 'Add Default Action',
	default: {},
	description: 'What tapping the image, title or text does. Optional.',
	options: [
		{
			displayName: 'Action',
			name: 'action',
			values: actionFields(TEMPLATE_ACTION_TYPES, {
				target: 'image, title or text',
				labelRequired: false,
				labelDescription: 'Label of the action, up to 20 characters. Optional.',
			}),
		},
	],
};

/** The title of a card, for the buttons template and each carousel column. */
export const TEMPLATE_TITLE_FIELD: INodeProperties = {
	displayName: 'Title',
	name: 'templateTitle',
	type: 'string',
	default: '',
	description: 'Bold title above the text, up to 40 characters. Optional.',
};

/** The text of a card: `limit` characters alone, 60 beside a thumbnail image or a title. */
export function templateTextField(limit: number): INodeProperties {
	return {
		displayName: 'Text',
		name: 'templateText',
		type: 'string',
		typeOptions: { rows: 2 },
		required: true,
		default: '',
		description: `Text of the message, up to ${limit} characters, or 60 with a thumbnail image or a title`,
	};
}

/** The fields of one carousel column, for the `values` of a columns entry. */
export const CAROUSEL_COLUMN_VALUES: INodeProperties[] = [
	THUMBNAIL_IMAGE_URL_FIELD,
	IMAGE_BACKGROUND_COLOR_FIELD,
	TEMPLATE_TITLE_FIELD,
	templateTextField(120),
	DEFAULT_ACTION_FIELD,
	templateButtonsField(
		'templateButtons',
		3,
		'1 to 3 buttons below the text; every column needs the same number',
	),
];

/** The fields of one image carousel column: its image, then the action of tapping it. */
export const IMAGE_CAROUSEL_COLUMN_VALUES: INodeProperties[] = [
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/photo.jpg',
		description: 'HTTPS URL of a square JPEG or PNG, at most 1024 pixels wide',
	},
	...actionFields(TEMPLATE_ACTION_TYPES, {
		target: 'image',
		labelRequired: false,
		labelDescription: 'Text shown at the bottom of the image, up to 12 characters. Optional.',
	}),
];

// ---------------------------------------------------------------------------------------------
// Reading the fields back

/** The actions of a buttons field's entries (named `name` in `fields`). */
export function readTemplateButtons(fields: IDataObject, name: string): IDataObject[] {
	return collectionEntries(fields[name], 'button').map(readAction);
}

function readDefaultAction(fields: IDataObject): IDataObject | undefined {
	const [entry] = collectionEntries(fields.defaultAction, 'action');
	return entry ? readAction(entry) : undefined;
}

/**
 * A buttons template's or a carousel column's image, title, text, default action and actions;
 * `field` is its path in the LINE message, e.g. `messages[0].template.columns[1]`. The image's
 * background color is sent only with an image.
 */
export function readTemplateCard(fields: IDataObject, field: string): IDataObject {
	const thumbnailImageUrl = asTrimmed(fields.thumbnailImageUrl);
	const color = readColor(fields.imageBackgroundColor, `${field}.imageBackgroundColor`);
	return compact({
		thumbnailImageUrl,
		imageBackgroundColor: thumbnailImageUrl ? color : undefined,
		title: asText(fields.templateTitle),
		text: asText(fields.templateText),
		defaultAction: readDefaultAction(fields),
		actions: readTemplateButtons(fields, 'templateButtons'),
	});
}

/** The image aspect ratio and size as chosen, when some image uses them. */
export function readImageOptions(fields: IDataObject, hasImage: boolean): IDataObject {
	if (!hasImage) return {};
	return compact({
		imageAspectRatio: asText(fields.imageAspectRatio),
		imageSize: asText(fields.imageSize),
	});
}

/**
 * One column of a carousel from one column entry of the fields (an entry of Columns, or one input
 * item's fields); `field` is the column's path in the LINE message, e.g.
 * `messages[0].template.columns[2]`.
 */
export type ColumnReader = (entry: IDataObject, field: string) => IDataObject;

/** A carousel template column: image, title, text, default action and 1 to 3 buttons. */
export const readCarouselColumn: ColumnReader = readTemplateCard;

/** An image carousel column: its image and the action of tapping it. */
export const readImageCarouselColumn: ColumnReader = (entry) =>
	compact({ imageUrl: asTrimmed(entry.imageUrl), action: readAction(entry) });
