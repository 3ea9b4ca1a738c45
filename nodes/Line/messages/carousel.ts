import type { INodeProperties } from 'n8n-workflow';

import { asText, collectionEntries, compact } from '../helpers/fieldValues';
import { ALT_TEXT_FIELD } from './common';
import {
	CAROUSEL_COLUMN_VALUES,
	IMAGE_OPTION_FIELDS,
	MAX_TEMPLATE_COLUMNS,
	readCarouselColumn,
	readImageOptions,
} from './templateFields';
import type { MessageTypeDefinition } from './types';

/** Carousel Template: 1 to 10 columns side by side, each an optional image and title, a text and buttons. */

const COLUMNS_FIELD: INodeProperties = {
	displayName: 'Columns',
	name: 'columns',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true, maxAllowedFields: MAX_TEMPLATE_COLUMNS },
	placeholder: 'Add Column',
	default: {},
	description:
		'1 to 10 columns, side by side in this order; the user swipes through them. Every column needs the same number of buttons.',
	options: [{ displayName: 'Column', name: 'column', values: CAROUSEL_COLUMN_VALUES }],
};

export const carousel: MessageTypeDefinition = {
	type: 'carousel',
	builder: {
		option: {
			name: 'Carousel Template',
			description: 'Up to 10 columns of text and buttons, swiped sideways, made from fields',
		},
		fields: [ALT_TEXT_FIELD, ...IMAGE_OPTION_FIELDS, COLUMNS_FIELD],
		read: (fields, field) => {
			const columns = collectionEntries(fields.columns, 'column').map((entry, i) =>
				readCarouselColumn(entry, `${field}.template.columns[${i}]`),
			);
			const hasImage = columns.some((column) => column.thumbnailImageUrl !== undefined);
			return compact({
				type: 'template',
				altText: asText(fields.altText),
				template: { type: 'carousel', ...readImageOptions(fields, hasImage), columns },
			});
		},
	},
};
