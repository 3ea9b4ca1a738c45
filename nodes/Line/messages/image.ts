import { asTrimmed, compact } from '../helpers/fieldValues';
import { checkMediaUrl, type Obj } from '../helpers/fieldChecks';
import { ORIGINAL_CONTENT_URL_FIELD, PREVIEW_IMAGE_URL_FIELD } from './common';
import type { MessageTypeDefinition } from './types';

/** The original and the preview, both required: an image message, and the start of a video's. */
export function checkImageUrls(message: Obj, field: string): void {
	checkMediaUrl(message.originalContentUrl, `${field}.originalContentUrl`);
	checkMediaUrl(message.previewImageUrl, `${field}.previewImageUrl`);
}

export const image: MessageTypeDefinition = {
	type: 'image',
	builder: {
		option: { name: 'Image', description: 'A JPEG or PNG image' },
		fields: [ORIGINAL_CONTENT_URL_FIELD, PREVIEW_IMAGE_URL_FIELD],
		read: (fields) => {
			const original = asTrimmed(fields.originalContentUrl);
			return compact({
				type: 'image',
				originalContentUrl: original,
				previewImageUrl: asTrimmed(fields.previewImageUrl) || original,
			});
		},
	},
	check: checkImageUrls,
};
