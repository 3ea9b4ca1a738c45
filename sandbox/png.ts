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
