import type { INodeProperties } from 'n8n-workflow';

import { asText, collectionEntries, compact } from '../helpers/fieldValues';
import { ALT_TEXT_FIELD } from './common';
import {
	IMAGE_CAROUSEL_COLUMN_VALUES,
	MAX_TEMPLATE_COLUMNS,
	readImageCarouselColumn,
} from './templateFields';
import type { MessageTypeDefinition } from './types';

/** Image Carousel Template: 1 to 10 images side by side, each doing one action when tapped. */

const IMAGE_COLUMNS_FIELD: INodeProperties = {
	displayName: 'Columns',
	name: 'imageColumns',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true, maxAllowedFields: MAX_TEMPLATE_COLUMNS },
	placeholder: 'Add Column',
	default: {},
	description:
		'1 to 10 images, side by side in this order; the user swipes through them and taps one',
	options: [{ displayName: 'Column', name: 'column', values: IMAGE_CAROUSEL_COLUMN_VALUES }],
};

export const imageCarousel: MessageTypeDefinition = {
	type: 'imageCarousel',
	builder: {
		option: {
			name: 'Image Carousel Template',
			description: 'Up to 10 tappable images, swiped sideways, made from fields',
		},
		fields: [ALT_TEXT_FIELD, IMAGE_COLUMNS_FIELD],
		read: (fields, field) =>
			compact({
				type: 'template',
				altText: asText(fields.altText),
				template: {
					type: 'image_carousel',
					columns: collectionEntries(fields.imageColumns, 'column').map((entry, i) =>
						readImageCarouselColumn(entry, `${field}.template.columns[${i}]`),
					),
				},
			}),
	},
};
