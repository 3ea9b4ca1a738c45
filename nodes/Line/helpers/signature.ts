import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * LINE signs every webhook request: `x-line-signature` is the Base64 HMAC-SHA256 of the request
 * body's exact bytes, keyed with the channel secret. Only the raw bytes verify: a body parsed and
 * serialised again (other whitespace, other escaping of emoji or Thai/Japanese text) does not.
 */

/** The signature LINE computes for `body` (its exact bytes; a string is taken as UTF-8). */
export function lineSignature(channelSecret: string, body: Buffer | string): string {
	return createHmac('sha256', channelSecret).update(body).digest('base64');
}

/**
 * True when `signature` (the `x-line-signature` header as received) is LINE's signature of
 * `rawBody`. Compared in constant time; an empty secret, a missing or repeated header never verify.
 */
export function isValidLineSignature(
	channelSecret: string,
	rawBody: Buffer | string,
	signature: unknown,
): boolean {
	if (channelSecret === '' || typeof signature !== 'string' || signature === '') return false;
	const expected = Buffer.from(lineSignature(channelSecret, rawBody), 'utf8');
	const received = Buffer.from(signature, 'utf8');
	// The length of a Base64 SHA-256 digest is public (44 characters): checking it leaks nothing.
	if (expected.length !== received.length) return false;
	return timingSafeEqual(expected, received);
}
