import { asTrimmed, compact } from '../helpers/fieldValues';
import { checkString } from '../helpers/fieldChecks';
import { checkQuoteToken, QUOTE_TOKEN_FIELD, readQuoteToken } from './common';
import type { MessageTypeDefinition } from './types';

export const sticker: MessageTypeDefinition = {
	type: 'sticker',
	builder: {
		option: { name: 'Sticker', description: 'A LINE sticker' },
		fields: [
			{
				displayName: 'Package ID',
				name: 'packageId',
				type: 'string',
				required: true,
				default: '',
				placeholder: '446',
				description:
					'Package ID of the sticker, see the <a href="https://developers.line.biz/en/docs/messaging-api/sticker-list/">list of stickers</a>',
			},
			{
				displayName: 'Sticker ID',
				name: 'stickerId',
				type: 'string',
				required: true,
				default: '',
				placeholder: '1988',
				description:
					'Sticker ID within the package, see the <a href="https://developers.line.biz/en/docs/messaging-api/sticker-list/">list of stickers</a>',
			},
			QUOTE_TOKEN_FIELD,
		],
		read: (fields) =>
			compact({
				type: 'sticker',
				packageId: asTrimmed(fields.packageId),
				stickerId: asTrimmed(fields.stickerId),
				quoteToken: readQuoteToken(fields),
			}),
	},
	check: (message, field) => {
		checkString(message.packageId, `${field}.packageId`, { max: Infinity, what: 'a package ID' });
		checkString(message.stickerId, `${field}.stickerId`, { max: Infinity, what: 'a sticker ID' });
		checkQuoteToken(message, field);
	},
};
