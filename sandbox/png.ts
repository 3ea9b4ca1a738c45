import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/**
 * Small PNG pictures made on the fly (a diagonal gradient whose colours come from `seed`), for the
 * images users "send", message content and profile pictures: no image files, no network.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Buffer): number {
	let crc = 0xffffffff;
	for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typed));
	return Buffer.concat([length, typed, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function picturePng(seed: string, width: number, height: number): Buffer {
	const [r1, g1, b1, r2, g2, b2] = createHash('sha256').update(seed).digest();
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
	const rows = Buffer.alloc((width * 3 + 1) * height);
	let offset = 0;
	for (let y = 0; y < height; y++) {
		rows[offset++] = 0; // filter: none
		for (let x = 0; x < width; x++) {
			const t = (x / width + y / height) / 2;
			rows[offset++] = Math.round(r1 + (r2 - r1) * t);
			rows[offset++] = Math.round(g1 + (g2 - g1) * t);
			rows[offset++] = Math.round(b1 + (b2 - b1) * t);
		}
	}
	return Buffer.concat([
		PNG_SIGNATURE,
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows)),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

export type ImageType = 'image/png' | 'image/jpeg';

/** The type and pixel size of PNG or JPEG bytes (as their headers say); undefined for others. */
export function imageSize(
	bytes: Buffer,
): { type: ImageType; width?: number; height?: number } | undefined {
	if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
		if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR')
			return { type: 'image/png' };
		return { type: 'image/png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
	}
	if (bytes.length < 3 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) {
		return undefined;
	}
	// JPEG: walk the segments to the first start-of-frame marker (not DHT C4, JPG C8, DAC CC).
	let offset = 2;
	while (offset + 9 < bytes.length && bytes[offset] === 0xff) {
		const marker = bytes[offset + 1];
		if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
			offset += 2;
			continue;
		}
		if (marker === 0xff) {
			offset += 1;
			continue;
		}
		if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
			return {
				type: 'image/jpeg',
				height: bytes.readUInt16BE(offset + 5),
				width: bytes.readUInt16BE(offset + 7),
			};
		}
		if (marker === 0xd9 || marker === 0xda) break;
		offset += 2 + bytes.readUInt16BE(offset + 2);
	}
	return { type: 'image/jpeg' };
}
