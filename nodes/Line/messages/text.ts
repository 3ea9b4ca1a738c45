import { checkInteger, checkList, checkObject, checkString } from '../helpers/fieldChecks';
import { asText, compact } from '../helpers/fieldValues';
import { checkQuoteToken, MAX_TEXT, QUOTE_TOKEN_FIELD, readQuoteToken } from './common';
import type { MessageTypeDefinition } from './types';

export const text: MessageTypeDefinition = {
	type: 'text',
	builder: {
		option: { name: 'Text', description: 'Plain text' },
		fields: [
			{
				displayName: 'Text',
				name: 'text',
				type: 'string',
				typeOptions: { rows: 4 },
				required: true,
				default: '',
				description: 'Text of the message, up to 5000 characters',
			},
			QUOTE_TOKEN_FIELD,
		],
		read: (fields) =>
			compact({ type: 'text', text: asText(fields.text), quoteToken: readQuoteToken(fields) }),
	},
	check: (message, field) => {
		checkString(message.text, `${field}.text`, { max: MAX_TEXT });
		if (message.emojis !== undefined) {
			const emojis = checkList(message.emojis, `${field}.emojis`, 0, 20, 'emojis');
			emojis.forEach((value, i) => {
				const emoji = checkObject(value, `${field}.emojis[${i}]`, 'an emoji object');
				checkInteger(emoji.index, `${field}.emojis[${i}].index`, 0, 'the position in text');
				checkString(emoji.productId, `${field}.emojis[${i}].productId`, { max: Infinity });
				checkString(emoji.emojiId, `${field}.emojis[${i}].emojiId`, { max: Infinity });
			});
		}
		checkQuoteToken(message, field);
	},
};
