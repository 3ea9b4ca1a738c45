import { asText, compact } from '../helpers/fieldValues';
import { CARD_FIELDS, readCard } from './cardFields';
import { ALT_TEXT_FIELD } from './common';
import type { MessageTypeDefinition } from './types';

/** Flex Card: a flex message of one bubble made from fields (./cardFields.ts), no JSON. */
export const card: MessageTypeDefinition = {
	type: 'card',
	builder: {
		option: {
			name: 'Flex Card',
			description: 'A flex card made from fields: image, title, text, rows and buttons',
		},
		fields: [ALT_TEXT_FIELD, ...CARD_FIELDS],
		read: (fields, field) =>
			compact({ type: 'flex', altText: asText(fields.altText), contents: readCard(fields, field) }),
	},
};
