import type { JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import type { LineClient, LineContext } from './index';
import { header } from './index';

export interface ContentOptions {
	/** The preview image of an image or video instead of the file itself. */
	preview?: boolean;
	/**
	 * Video and audio may still be transcoding when the event arrives: ask LINE until it is ready,
	 * for at most this long. 0 skips the check (for images and files, which need none).
	 */
	waitForTranscodingMs?: number;
}

export interface MessageContent {
	data: Buffer;
	mimeType: string;
	/** The file name LINE gives in `content-disposition`, for file messages. */
	fileName?: string;
}

const POLL_INTERVAL_MS = 1000;

function encodedPath(messageId: string): string {
	return `/v2/bot/message/${encodeURIComponent(messageId)}/content`;
}

async function waitForTranscoding(
	context: LineContext,
	client: LineClient,
	messageId: string,
	itemIndex: number,
	limitMs: number,
): Promise<void> {
	const started = Date.now();
	for (;;) {
		let body: { status?: string };
		try {
			({ body } = await client.request<{ status?: string }>(
				{ method: 'GET', path: `${encodedPath(messageId)}/transcoding`, host: 'data' },
				itemIndex,
			));
		} catch (error) {
			// LINE documents this check for video and audio only; for other content, or content
			// that is gone, the download itself gives the answer (and the clearer error).
			const status = Number((error as { httpCode?: string }).httpCode);
			if (status >= 400 && status < 500) return;
			// Already a NodeApiError from the transport: n8n hands the same error back.
			throw new NodeApiError(context.getNode(), error as JsonObject);
		}
		if (body.status === 'succeeded') return;
		if (body.status === 'failed') {
			throw new NodeOperationError(
				context.getNode(),
				`LINE could not prepare the content of message ${messageId} (transcoding failed)`,
				{ itemIndex },
			);
		}
		if (Date.now() - started + POLL_INTERVAL_MS > limitMs) {
			throw new NodeOperationError(
				context.getNode(),
				`The content of message ${messageId} is still being prepared by LINE after ${Math.round(limitMs / 1000)} s`,
				{
					itemIndex,
					description:
						'Large videos take longer to transcode: raise the waiting time, or fetch the content later with Content → Get Message Content.',
				},
			);
		}
		await sleep(POLL_INTERVAL_MS);
	}
}

function fileNameOf(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
	if (encoded) return decodeURIComponent(encoded[1]);
	return /filename="?([^";]+)"?/i.exec(disposition)?.[1];
}

/** Downloads what a user sent (image, video, audio, file) from LINE's data host. */
export async function getMessageContent(
	context: LineContext,
	client: LineClient,
	messageId: string,
	itemIndex: number,
	{ preview = false, waitForTranscodingMs = 0 }: ContentOptions = {},
): Promise<MessageContent> {
	if (!preview && waitForTranscodingMs > 0) {
		await waitForTranscoding(context, client, messageId, itemIndex, waitForTranscodingMs);
	}
	const response = await client.request<Buffer>(
		{
			method: 'GET',
			path: preview ? `${encodedPath(messageId)}/preview` : encodedPath(messageId),
			host: 'data',
			binary: true,
		},
		itemIndex,
	);
	return {
		data: Buffer.isBuffer(response.body)
			? response.body
			: Buffer.from(response.body as ArrayBuffer),
		mimeType: header(response.headers, 'content-type')?.split(';')[0] ?? 'application/octet-stream',
		fileName: fileNameOf(header(response.headers, 'content-disposition')),
	};
}

/** Default file extension by MIME type, for content LINE sends without a file name. */
const EXTENSIONS: Record<string, string> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/gif': 'gif',
	'video/mp4': 'mp4',
	'audio/x-m4a': 'm4a',
	'audio/m4a': 'm4a',
	'audio/mp4': 'm4a',
};

export function contentFileName(
	messageId: string,
	content: MessageContent,
	preview = false,
): string {
	if (content.fileName && !preview) return content.fileName;
	const extension = EXTENSIONS[content.mimeType] ?? 'bin';
	return `${messageId}${preview ? '-preview' : ''}.${extension}`;
}
