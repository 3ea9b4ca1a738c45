import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * klink.cloud signs webhook requests: `x-signature` is 64 hex characters, an HMAC-SHA256 keyed
 * with the webhook's signing secret. klink.cloud's docs do not say which string is signed; the
 * request body's exact bytes is the usual choice and the one assumed here (unverified). Only
 * the raw bytes verify: a body parsed and serialised again does not.
 */

/** The hex HMAC-SHA256 of `body` (its exact bytes; a string is taken as UTF-8). */
export function klinkSignature(secret: string, body: Buffer | string): string {
	return createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * True when `signature` (the header as received; any case, an optional `sha256=` prefix) is
 * the signature of `rawBody`. Compared in constant time; an empty secret, a missing or repeated
 * header never verify.
 */
export function isValidKlinkSignature(
	secret: string,
	rawBody: Buffer | string,
	signature: unknown,
): boolean {
	if (secret === '' || typeof signature !== 'string') return false;
	const received = signature
		.trim()
		.replace(/^sha256=/i, '')
		.toLowerCase();
	// A SHA-256 hex digest is always 64 characters: checking the length leaks nothing.
	if (!/^[0-9a-f]{64}$/.test(received)) return false;
	const expected = Buffer.from(klinkSignature(secret, rawBody), 'hex');
	return timingSafeEqual(expected, Buffer.from(received, 'hex'));
}
