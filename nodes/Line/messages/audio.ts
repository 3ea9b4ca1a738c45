import { asNumber, asTrimmed, compact } from '../helpers/fieldValues';
import { checkInteger, checkMediaUrl } from '../helpers/fieldChecks';
import { ORIGINAL_CONTENT_URL_FIELD } from './common';
import type { MessageTypeDefinition } from './types';

export const audio: MessageTypeDefinition = {
	type: 'audio',
	builder: {
		option: { name: 'Audio', description: 'An M4A or MP3 file' },
		fields: [
			ORIGINAL_CONTENT_URL_FIELD,
			{
				displayName: 'Duration',
				name: 'duration',
				type: 'number',
				required: true,
				default: 0,
				placeholder: '60000',
				description: 'Length of the audio in milliseconds',
			},
		],
		read: (fields) =>
			compact({
				type: 'audio',
				originalContentUrl: asTrimmed(fields.originalContentUrl),
				duration: asNumber(fields.duration),
			}),
	},
	check: (message, field) => {
		checkMediaUrl(message.originalContentUrl, `${field}.originalContentUrl`);
		checkInteger(message.duration, `${field}.duration`, 1, 'the length in milliseconds');
	},
};
