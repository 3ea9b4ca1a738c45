import { createHmac } from 'node:crypto';
import { validateSignature } from '@line/bot-sdk';

import { isValidLineSignature, lineSignature } from '../../nodes/Line/helpers/signature';

/**
 * LINE's webhook signature: Base64(HMAC-SHA256(channel secret, raw body bytes)). Vectors are
 * computed here with node:crypto and cross-checked with LINE's own SDK (`validateSignature`).
 */

const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const OTHER_SECRET = 'ffffffffffffffffffffffffffffffff';

function hmac(secret: string, body: Buffer | string): string {
	return createHmac('sha256', secret).update(body).digest('base64');
}

const event = (text: string) =>
	`{"destination":"U1234567890abcdef1234567890abcdef","events":[{"type":"message","message":{"type":"text","id":"468789577898262530","quoteToken":"q","text":${JSON.stringify(text)}},"webhookEventId":"01H810YECXQQZ37VAXPF6H9E6T","deliveryContext":{"isRedelivery":false},"timestamp":1692251666727,"source":{"type":"user","userId":"U4af4980629b06f3b9d3f8a1b2c3d4e5f"},"replyToken":"38ef843bde154d9b91c21320ffd17a0f","mode":"active"}]}`;

const BODIES: Record<string, string> = {
	ascii: event('Hello'),
	emoji: event('Hi 🍎👍🏽👨‍👩‍👧 ✨'),
	thai: event('สวัสดีครับ ขอบคุณ'),
	japanese: event('こんにちは、LINEです。漢字とカタカナ'),
	// LINE sends non-ASCII either raw or \u-escaped; both are different bytes, both must verify.
	escaped:
		'{"destination":"U1","events":[{"message":{"text":"\\u0e2a\\u0e27\\u0e31\\u0e2a\\u0e14\\u0e35"}}]}',
	verify: '{"destination":"U1234567890abcdef1234567890abcdef","events":[]}',
};

describe('lineSignature', () => {
	it.each(Object.entries(BODIES))(
		'is Base64 HMAC-SHA256 of the raw bytes, accepted by @line/bot-sdk (%s)',
		(_name, body) => {
			const signature = lineSignature(SECRET, Buffer.from(body, 'utf8'));
			expect(signature).toBe(hmac(SECRET, Buffer.from(body, 'utf8')));
			expect(signature).toMatch(/^[A-Za-z0-9+/]{43}=$/);
			expect(validateSignature(body, SECRET, signature)).toBe(true);
			// A string body is its UTF-8 bytes.
			expect(lineSignature(SECRET, body)).toBe(signature);
		},
	);

	it('matches a fixed vector', () => {
		// RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
		expect(lineSignature('Jefe', 'what do ya want for nothing?')).toBe(
			Buffer.from(
				'5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
				'hex',
			).toString('base64'),
		);
	});
});

describe('isValidLineSignature', () => {
	it.each(Object.entries(BODIES))('accepts LINE’s signature of the raw body (%s)', (_n, body) => {
		const raw = Buffer.from(body, 'utf8');
		const signature = hmac(SECRET, raw);
		expect(isValidLineSignature(SECRET, raw, signature)).toBe(true);
		expect(isValidLineSignature(SECRET, body, signature)).toBe(true);
		expect(validateSignature(raw, SECRET, signature)).toBe(true);
	});

	it('refuses an altered body (one character, one byte, appended whitespace)', () => {
		const body = BODIES.thai;
		const signature = hmac(SECRET, body);
		const altered = [
			body.replace('สวัสดี', 'สวัสดิ'),
			body.replace('ครับ', 'ค่ะ'),
			`${body}\n`,
			` ${body}`,
		];
		for (const candidate of altered) {
			expect(isValidLineSignature(SECRET, candidate, signature)).toBe(false);
			expect(validateSignature(candidate, SECRET, signature)).toBe(false);
		}
		const bytes = Buffer.from(body, 'utf8');
		bytes[bytes.length - 3] ^= 0x01;
		expect(isValidLineSignature(SECRET, bytes, signature)).toBe(false);
	});

	it('refuses the same JSON serialised again (other whitespace or escaping)', () => {
		for (const body of [BODIES.emoji, BODIES.japanese, BODIES.escaped]) {
			const signature = hmac(SECRET, body);
			const parsed = JSON.parse(body) as unknown;
			for (const reserialised of [
				JSON.stringify(parsed),
				JSON.stringify(parsed, null, 2),
				JSON.stringify(parsed, null, '\t'),
			]) {
				if (reserialised === body) continue;
				expect(isValidLineSignature(SECRET, reserialised, signature)).toBe(false);
				expect(validateSignature(reserialised, SECRET, signature)).toBe(false);
			}
		}
		// The escaped body and its re-serialisation differ only in escaping, not in meaning.
		expect(JSON.stringify(JSON.parse(BODIES.escaped))).not.toBe(BODIES.escaped);
	});

	it('refuses an altered signature', () => {
		const body = BODIES.emoji;
		const signature = hmac(SECRET, body);
		const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
		const candidates = [
			flipped,
			signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'E' : 'A') + '=',
			signature.slice(0, -1), // without padding
			`${signature}=`,
			signature.toLowerCase(),
			Buffer.from(signature, 'base64').toString('hex'),
		];
		for (const candidate of candidates) {
			expect(isValidLineSignature(SECRET, body, candidate)).toBe(false);
		}
		expect(validateSignature(body, SECRET, flipped)).toBe(false);
		expect(validateSignature(body, SECRET, signature.toLowerCase())).toBe(false);
	});

	it('is stricter than the SDK about what surrounds a right signature', () => {
		// Base64 decoding ignores trailing junk, so the SDK accepts these; the node does not,
		// since LINE sends the signature exactly.
		const body = BODIES.ascii;
		const signature = hmac(SECRET, body);
		for (const padded of [`${signature} `, `${signature}\n`]) {
			expect(validateSignature(body, SECRET, padded)).toBe(true);
			expect(isValidLineSignature(SECRET, body, padded)).toBe(false);
		}
	});

	it('refuses a signature made with another secret', () => {
		const body = BODIES.japanese;
		const signature = hmac(OTHER_SECRET, body);
		expect(isValidLineSignature(SECRET, body, signature)).toBe(false);
		expect(validateSignature(body, SECRET, signature)).toBe(false);
		expect(isValidLineSignature(OTHER_SECRET, body, signature)).toBe(true);
	});

	it('refuses a missing, empty or repeated header, and never verifies with an empty secret', () => {
		const body = BODIES.ascii;
		const signature = hmac(SECRET, body);
		expect(isValidLineSignature(SECRET, body, undefined)).toBe(false);
		expect(isValidLineSignature(SECRET, body, '')).toBe(false);
		expect(isValidLineSignature(SECRET, body, [signature, signature])).toBe(false);
		expect(isValidLineSignature('', body, hmac('', body))).toBe(false);
	});

	it('handles an empty body: only the signature of zero bytes verifies', () => {
		const empty = Buffer.alloc(0);
		const signature = hmac(SECRET, empty);
		expect(signature).toBe(lineSignature(SECRET, ''));
		expect(isValidLineSignature(SECRET, empty, signature)).toBe(true);
		expect(validateSignature(empty, SECRET, signature)).toBe(true);
		expect(isValidLineSignature(SECRET, empty, hmac(SECRET, BODIES.verify))).toBe(false);
		expect(isValidLineSignature(SECRET, BODIES.verify, signature)).toBe(false);
	});
});
