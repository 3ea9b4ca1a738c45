import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { describeValue, InputError } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import { DownloadedFiles, outputBinaryField, readOutputBinaryField } from '../../helpers/binary';
import { contentFileName, getMessageContent as download } from '../../transport/content';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['content'], operation: ['getMessageContent'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '={{ $json.message?.id }}',
		placeholder: '325708',
		description:
			'ID of an image, video, audio or file message a user sent (the ID in the message of a LINE Trigger event). LINE keeps the content for a limited time only.',
	},
	{
		displayName: 'Preview',
		name: 'preview',
		type: 'boolean',
		default: false,
		description:
			'Whether to get the preview image of an image or video message instead of the file itself',
	},
	{
		displayName: 'Wait for Transcoding (Seconds)',
		name: 'waitForTranscoding',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 30,
		displayOptions: { show: { preview: [false] } },
		description:
			'LINE may still be preparing a video or audio when the event arrives: how long to wait until it is ready, checking every second. 0 downloads at once without checking.',
	},
	outputBinaryField('file'),
];

function readMessageId(value: unknown): string {
	const messageId = typeof value === 'number' ? String(value) : (value ?? '');
	if (typeof messageId !== 'string') {
		throw new InputError('messageId', `must be text, got ${describeValue(messageId)}`);
	}
	if (messageId.trim() === '') {
		throw new InputError(
			'messageId',
			'is empty',
			'Map the message ID of an image, video, audio or file message event of the LINE Trigger, e.g. {{ $json.message.id }}. Text and sticker messages have no content.',
		);
	}
	return messageId.trim();
}

export const getMessageContent: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { fn, client, params } = context;
		const files = new DownloadedFiles();
		const output = await runPerItem(context, {
			prepare: (itemIndex) => {
				const messageId = readMessageId(params.get('messageId', itemIndex));
				const preview = params.get<boolean>('preview', itemIndex, false);
				const waitSeconds = preview ? 0 : params.get<number>('waitForTranscoding', itemIndex, 30);
				if (typeof waitSeconds !== 'number' || !(waitSeconds >= 0)) {
					throw new InputError(
						'waitForTranscoding',
						`must be a number of seconds, 0 or more; got ${JSON.stringify(waitSeconds)}`,
					);
				}
				const binaryPropertyName = readOutputBinaryField(params, itemIndex, 'file');
				return { messageId, preview, waitForTranscodingMs: waitSeconds * 1000, binaryPropertyName };
			},
			send: async ({ messageId, preview, waitForTranscodingMs, binaryPropertyName }, itemIndex) => {
				const content = await download(fn, client, messageId, itemIndex, {
					preview,
					waitForTranscodingMs,
				});
				const fileName = contentFileName(messageId, content, preview);
				const binary = await fn.helpers.prepareBinaryData(content.data, fileName, content.mimeType);
				files.add(itemIndex, binaryPropertyName, binary);
				return { messageId, mimeType: content.mimeType, fileName, fileSize: content.data.length };
			},
		});
		return files.attachTo(output);
	},
};
