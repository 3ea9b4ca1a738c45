import { asTrimmed, compact } from '../helpers/fieldValues';
import { checkString } from '../helpers/fieldChecks';
import { ORIGINAL_CONTENT_URL_FIELD, PREVIEW_IMAGE_URL_FIELD } from './common';
import { checkImageUrls } from './image';
import type { MessageTypeDefinition } from './types';

export const video: MessageTypeDefinition = {
	type: 'video',
	builder: {
		option: { name: 'Video', description: 'An MP4 video' },
		fields: [
			ORIGINAL_CONTENT_URL_FIELD,
			PREVIEW_IMAGE_URL_FIELD,
			{
				displayName: 'Tracking ID',
				name: 'trackingId',
				type: 'string',
				default: '',
				description:
					'ID that identifies the video in the video viewing complete webhook event, up to 100 characters',
			},
		],
		read: (fields) =>
			compact({
				type: 'video',
				originalContentUrl: asTrimmed(fields.originalContentUrl),
				previewImageUrl: asTrimmed(fields.previewImageUrl),
				trackingId: asTrimmed(fields.trackingId),
			}),
	},
	check: (message, field) => {
		checkImageUrls(message, field);
		checkString(message.trackingId, `${field}.trackingId`, { max: 100, optional: true });
	},
};
