import type { INodeProperties } from 'n8n-workflow';

import { checkList } from '../helpers/fieldChecks';
import { asText, collectionEntries, compact } from '../helpers/fieldValues';
import { CARD_FIELDS, readCard } from './cardFields';
import { ALT_TEXT_FIELD } from './common';
import type { MessageTypeDefinition } from './types';

/** Flex Card Carousel: a flex carousel of 1 to 12 cards made from fields (./cardFields.ts). */

const MAX_CARDS = 12;

const CARDS_FIELD: INodeProperties = {
	displayName: 'Cards',
	name: 'cards',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true, maxAllowedFields: MAX_CARDS },
	placeholder: 'Add Card',
	default: {},
	description: '1 to 12 cards, side by side in this order; the user swipes through them',
	options: [{ displayName: 'Card', name: 'card', values: CARD_FIELDS }],
};

export const cardCarousel: MessageTypeDefinition = {
	type: 'cardCarousel',
	builder: {
		option: {
			name: 'Flex Card Carousel',
			description: 'Up to 12 flex cards made from fields, swiped sideways',
		},
		fields: [ALT_TEXT_FIELD, CARDS_FIELD],
		read: (fields, field) => {
			const cardsField = `${field}.cards`;
			const cards = collectionEntries(fields.cards, 'card');
			checkList(cards, cardsField, 1, MAX_CARDS, 'cards');
			return compact({
				type: 'flex',
				altText: asText(fields.altText),
				contents: {
					type: 'carousel',
					contents: cards.map((entry, i) => readCard(entry, `${cardsField}[${i}]`)),
				},
			});
		},
	},
};
