import { asText, asTrimmed, compact } from '../helpers/fieldValues';
import { ALT_TEXT_FIELD } from './common';
import {
	DEFAULT_ACTION_FIELD,
	IMAGE_BACKGROUND_COLOR_FIELD,
	IMAGE_OPTION_FIELDS,
	readImageOptions,
	readTemplateCard,
	TEMPLATE_TITLE_FIELD,
	templateButtonsField,
	templateTextField,
	THUMBNAIL_IMAGE_URL_FIELD,
} from './templateFields';
import type { MessageTypeDefinition } from './types';

/** Buttons Template: a template message of an optional image and title, a text and 1 to 4 buttons. */
export const buttons: MessageTypeDefinition = {
	type: 'buttons',
	builder: {
		option: {
			name: 'Buttons Template',
			description: 'A text with up to 4 buttons, an optional image and title, made from fields',
		},
		fields: [
			ALT_TEXT_FIELD,
			THUMBNAIL_IMAGE_URL_FIELD,
			...IMAGE_OPTION_FIELDS,
			IMAGE_BACKGROUND_COLOR_FIELD,
			TEMPLATE_TITLE_FIELD,
			templateTextField(160),
			DEFAULT_ACTION_FIELD,
			templateButtonsField('templateButtons', 4, '1 to 4 buttons below the text'),
		],
		read: (fields, field) => {
			const hasImage = Boolean(asTrimmed(fields.thumbnailImageUrl));
			return compact({
				type: 'template',
				altText: asText(fields.altText),
				template: {
					type: 'buttons',
					...readImageOptions(fields, hasImage),
					...readTemplateCard(fields, `${field}.template`),
				},
			});
		},
	},
};
