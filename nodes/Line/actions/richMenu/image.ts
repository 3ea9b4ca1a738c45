import type { IExecuteFunctions } from 'n8n-workflow';

import { fail } from '../../../shared/errors';
import type { ItemParameters } from '../../../shared/parameters';
import type { LineClient, LineResponse } from '../../transport';
import { sizeProblem, type RichMenuSize } from './common';

/**
 * The rich menu image: read from an n8n binary field, recognised by its first bytes (PNG or
 * JPEG, whatever its MIME type says), its pixel size read from the PNG or JPEG header, and checked
 * against LINE's rules before anything is uploaded.
 */

export type ImageType = 'image/png' | 'image/jpeg';

export interface ImageInfo {
	mimeType: ImageType;
	/** Undefined when the header is cut short or holds no frame size. */
	width?: number;
	height?: number;
}

/** LINE's limit for a rich menu image: 1 MB. */
export const MAX_IMAGE_BYTES = 1024 * 1024;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngInfo(bytes: Buffer): ImageInfo {
	// The first chunk is IHDR: length (4), "IHDR" (4), width (4), height (4), big-endian.
	if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') {
		return { mimeType: 'image/png' };
	}
	return { mimeType: 'image/png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Start-of-frame markers (baseline, progressive, lossless…); C4, C8 and CC are not frames. */
function isStartOfFrame(marker: number): boolean {
	return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegInfo(bytes: Buffer): ImageInfo {
	const info: ImageInfo = { mimeType: 'image/jpeg' };
	let offset = 2;
	while (offset + 1 < bytes.length) {
		if (bytes[offset] !== 0xff) return info;
		// Any number of 0xFF fill bytes may come before a marker.
		while (offset < bytes.length && bytes[offset] === 0xff) offset++;
		const marker = bytes[offset++];
		if (marker === undefined) return info;
		// Markers without a length: TEM, the restart markers, start of image.
		if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue;
		// End of image, or the scan began without a frame header.
		if (marker === 0xd9 || marker === 0xda) return info;
		if (offset + 2 > bytes.length) return info;
		const length = bytes.readUInt16BE(offset);
		if (isStartOfFrame(marker)) {
			// Length (2), sample precision (1), height (2), width (2).
			if (offset + 7 > bytes.length) return info;
			return {
				...info,
				height: bytes.readUInt16BE(offset + 3),
				width: bytes.readUInt16BE(offset + 5),
			};
		}
		if (length < 2) return info;
		offset += length;
	}
	return info;
}

/** The type and pixel size of a PNG or JPEG file; undefined for anything else. */
export function imageInfo(bytes: Buffer): ImageInfo | undefined {
	if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return pngInfo(bytes);
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
		return jpegInfo(bytes);
	}
	return undefined;
}

function megabytes(bytes: number): string {
	return `${(bytes / MAX_IMAGE_BYTES).toFixed(2)} MB`;
}

export interface CheckedImage {
	mimeType: ImageType;
	width: number;
	height: number;
	fileSize: number;
}

/**
 * Checks a rich menu image against LINE's rules: PNG or JPEG, at most 1 MB, 800–2500 pixels wide,
 * at least 250 high, width at least 1.45 × height, and, when the menu's size is known, exactly
 * that size. `field` is the binary field the image came from; `mimeType` what n8n says it is.
 */
export function checkRichMenuImage(
	bytes: Buffer,
	field: string,
	mimeType: string | undefined,
	menuSize?: RichMenuSize,
): CheckedImage {
	if (bytes.length === 0) fail(field, 'the file is empty', 'Give a PNG or JPEG image.');
	const info = imageInfo(bytes);
	if (!info) {
		fail(
			field,
			`is not a PNG or JPEG image${mimeType ? ` (its MIME type is ${mimeType})` : ''}`,
			'LINE takes rich menu images as PNG or JPEG only: convert it first, e.g. with the Edit Image node.',
		);
	}
	if (bytes.length > MAX_IMAGE_BYTES) {
		fail(
			field,
			`is ${megabytes(bytes.length)} (${bytes.length} bytes); LINE takes rich menu images of at most 1 MB (${MAX_IMAGE_BYTES} bytes)`,
			info.mimeType === 'image/png'
				? 'Save it as JPEG or with fewer colours to make it smaller.'
				: 'Save it with a lower JPEG quality to make it smaller.',
		);
	}
	const { width, height } = info;
	if (width === undefined || height === undefined) {
		fail(
			field,
			`its ${info.mimeType === 'image/png' ? 'PNG' : 'JPEG'} header is incomplete: the pixel size cannot be read`,
			'The file may be cut short or damaged; export the image again.',
		);
	}
	const problem = sizeProblem(width, height);
	if (problem) {
		fail(
			field,
			`is ${width} × ${height} pixels: ${problem.text}`,
			'LINE suggests 2500 × 1686, 2500 × 843, 1200 × 810, 1200 × 405, 800 × 540 or 800 × 270.',
		);
	}
	if (menuSize && (menuSize.width !== width || menuSize.height !== height)) {
		fail(
			field,
			`is ${width} × ${height} pixels but the rich menu is ${menuSize.width} × ${menuSize.height}; LINE needs the image to have the menu's size`,
		);
	}
	return { mimeType: info.mimeType, width, height, fileSize: bytes.length };
}

// ---------------------------------------------------------------------------------------------
// Reading the image of each item from its binary field

export interface LoadedImage {
	binaryPropertyName: string;
	bytes: Buffer;
	mimeType?: string;
}

/**
 * The image of every item that has one to upload, read before the item runner starts (n8n reads
 * binary data asynchronously; the runner checks items synchronously before sending anything). A
 * failure is kept for its item, so that it is reported like any other bad input of that item.
 */
export async function loadImages(
	fn: IExecuteFunctions,
	params: ItemParameters,
	itemCount: number,
	binaryFieldOf: (params: ItemParameters, itemIndex: number) => string | undefined,
): Promise<Map<number, LoadedImage | Error>> {
	const images = new Map<number, LoadedImage | Error>();
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			const binaryPropertyName = binaryFieldOf(params, itemIndex);
			if (binaryPropertyName === undefined) continue;
			// Throws, naming the field and the item, when the item has no such binary data.
			const binary = fn.helpers.assertBinaryData(itemIndex, binaryPropertyName);
			const bytes = await fn.helpers.getBinaryDataBuffer(itemIndex, binaryPropertyName);
			images.set(itemIndex, { binaryPropertyName, bytes, mimeType: binary.mimeType });
		} catch (error) {
			images.set(itemIndex, error as Error);
		}
	}
	return images;
}

/** The checked image of one item, taken out of `images` (it travels with the item from now on). */
export function takeImage(
	images: Map<number, LoadedImage | Error>,
	itemIndex: number,
	menuSize?: RichMenuSize,
): (CheckedImage & { bytes: Buffer }) | undefined {
	const loaded = images.get(itemIndex);
	images.delete(itemIndex);
	if (loaded === undefined) return undefined;
	if (loaded instanceof Error) throw loaded;
	const checked = checkRichMenuImage(
		loaded.bytes,
		loaded.binaryPropertyName,
		loaded.mimeType,
		menuSize,
	);
	return { ...checked, bytes: loaded.bytes };
}

/** Uploads a checked image to a rich menu (LINE's data host; the body is the file's bytes). */
export async function uploadRichMenuImage(
	client: LineClient,
	richMenuId: string,
	image: CheckedImage & { bytes: Buffer },
	itemIndex: number,
): Promise<LineResponse> {
	return await client.request(
		{
			method: 'POST',
			path: `/v2/bot/richmenu/${richMenuId}/content`,
			host: 'data',
			body: image.bytes,
			contentType: image.mimeType,
		},
		itemIndex,
	);
}
