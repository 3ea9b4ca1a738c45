import { createPrivateKey, sign, type JsonWebKey, type KeyObject } from 'node:crypto';

import { describeValue, fail } from '../../shared/errors';
import { isObject } from '../../shared/values';

/**
 * JWT assertions for LINE's channel access tokens v2.1 and stateless tokens: signed here with
 * node:crypto (RS256), as https://developers.line.biz/en/docs/messaging-api/generate-json-web-token/
 * describes. Pure functions: nothing is kept between calls.
 */

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
export const ASSERTION_AUDIENCE = 'https://api.line.me/';
/** LINE takes assertions that expire within 30 minutes. */
export const MAX_ASSERTION_SECONDS = 30 * 60;
/** A channel access token v2.1 lives at most 30 days (`token_exp`). */
export const MAX_TOKEN_SECONDS = 30 * 24 * 60 * 60;
/** How long the assertions signed here are valid: enough for one request. */
const ASSERTION_SECONDS = 5 * 60;

const PRIVATE_RSA_MEMBERS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'];

/**
 * The assertion signing key's private key, from the JWK (JSON) the user keeps, checked: an RSA
 * private key for RS256. Throws an InputError naming `field` and saying what is wrong.
 */
export function readPrivateJwk(value: unknown, field = 'privateKey'): KeyObject {
	const hint =
		'Paste the private key of the assertion signing key as a JWK: JSON such as {"kty":"RSA","alg":"RS256","n":"…","e":"AQAB","d":"…","p":"…",…}, the key whose public half you registered in the LINE Developers console (your channel → Basic settings → Assertion Signing Key).';
	let jwk: unknown = value;
	if (typeof value === 'string') {
		const text = value.trim();
		if (text === '') fail(field, 'is empty', hint);
		if (text.startsWith('-----BEGIN')) {
			fail(field, 'is a PEM key; LINE assertion keys are JWKs (JSON)', hint);
		}
		try {
			jwk = JSON.parse(text);
		} catch (error) {
			fail(field, `is not valid JSON (${(error as Error).message})`, hint);
		}
	}
	if (!isObject(jwk)) fail(field, `must be a JWK (a JSON object), got ${describeValue(jwk)}`, hint);
	if (jwk.kty !== 'RSA') {
		fail(
			field,
			`is not an RSA key ("kty" is ${describeValue(jwk.kty)}); LINE signs assertions with RSA keys (RS256) only`,
			hint,
		);
	}
	if (jwk.d === undefined) {
		fail(
			field,
			'is a public key (it has no "d"); the credential needs the private key, LINE keeps only the public one',
			hint,
		);
	}
	if (jwk.alg !== undefined && jwk.alg !== 'RS256') {
		fail(field, `is a key for ${describeValue(jwk.alg)}; LINE assertions use RS256`, hint);
	}
	const missing = PRIVATE_RSA_MEMBERS.filter((name) => typeof jwk[name] !== 'string');
	if (missing.length > 0) {
		fail(field, `is not a complete RSA private key (missing ${missing.join(', ')})`, hint);
	}
	try {
		return createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' });
	} catch (error) {
		return fail(field, `is not a usable RSA private key (${(error as Error).message})`, hint);
	}
}

export interface AssertionClaims {
	/** The channel ID: both `iss` and `sub`. */
	channelId: string;
	/** The key ID LINE gave the public key when it was registered (`kid` of the header). */
	keyId: string;
	/** Lifetime of the channel access token to issue, in seconds (`token_exp`); omit for none. */
	tokenExp?: number;
	/** Seconds since the epoch, for tests; default now. */
	now?: number;
}

function base64url(value: object): string {
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A JWT assertion signed with the channel's assertion signing key (RS256). */
export function signAssertion(privateKey: KeyObject, claims: AssertionClaims): string {
	const now = claims.now ?? Math.floor(Date.now() / 1000);
	const header = { alg: 'RS256', typ: 'JWT', kid: claims.keyId };
	const payload: Record<string, string | number> = {
		iss: claims.channelId,
		sub: claims.channelId,
		aud: ASSERTION_AUDIENCE,
		exp: now + ASSERTION_SECONDS,
	};
	if (claims.tokenExp !== undefined) payload.token_exp = claims.tokenExp;
	const signingInput = `${base64url(header)}.${base64url(payload)}`;
	const signature = sign('sha256', Buffer.from(signingInput), privateKey);
	return `${signingInput}.${signature.toString('base64url')}`;
}

/** The token lifetime (`token_exp`) as LINE takes it: a whole number of seconds, 1 to 30 days. */
export function checkTokenExp(value: unknown, field: string): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
		fail(field, `must be a whole number of seconds of at least 1, got ${describeValue(value)}`);
	}
	if (value > MAX_TOKEN_SECONDS) {
		fail(
			field,
			`is ${value} seconds; LINE issues tokens for at most ${MAX_TOKEN_SECONDS} seconds (30 days)`,
		);
	}
	return value;
}

export interface DecodedJwt {
	header: Record<string, unknown>;
	payload: Record<string, unknown>;
}

function decodePart(part: string): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
		return isObject(value) ? value : undefined;
	} catch {
		return undefined;
	}
}

/** Header and payload of a compact JWT (the signature is not checked), or undefined. */
export function decodeJwt(token: string): DecodedJwt | undefined {
	const parts = token.split('.');
	if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return undefined;
	const header = decodePart(parts[0]);
	const payload = decodePart(parts[1]);
	return header && payload ? { header, payload } : undefined;
}

/**
 * An assertion the user signed elsewhere, checked for what LINE would refuse: a compact RS256
 * JWT with a `kid`, for https://api.line.me/, not expired, expiring within 30 minutes, and with
 * a `token_exp` of at most 30 days (required when `requireTokenExp`).
 */
export function checkAssertion(
	value: unknown,
	field: string,
	{ requireTokenExp = false, now = Math.floor(Date.now() / 1000) } = {},
): string {
	const hint =
		'Give a JWT signed with your assertion signing key (RS256): header {alg, typ, kid}, payload {iss and sub: the channel ID, aud: "https://api.line.me/", exp, token_exp}.';
	const assertion = typeof value === 'string' ? value.trim() : '';
	if (assertion === '') fail(field, `must be a signed JWT, got ${describeValue(value)}`, hint);
	const jwt = decodeJwt(assertion);
	if (!jwt) fail(field, 'is not a JWT (three base64url parts separated by dots)', hint);
	const { header, payload } = jwt;
	if (header.alg !== 'RS256') {
		fail(field, `is signed with ${describeValue(header.alg)}; LINE takes RS256 only`, hint);
	}
	if (typeof header.kid !== 'string' || header.kid === '') {
		fail(field, 'has no "kid" in its header (the key ID of the assertion signing key)', hint);
	}
	for (const claim of ['iss', 'sub']) {
		if (typeof payload[claim] !== 'string' || payload[claim] === '') {
			fail(field, `has no "${claim}" (the channel ID)`, hint);
		}
	}
	if (payload.iss !== payload.sub) fail(field, '"iss" and "sub" must both be the channel ID', hint);
	if (payload.aud !== ASSERTION_AUDIENCE) {
		fail(field, `has "aud" ${describeValue(payload.aud)}; LINE expects "${ASSERTION_AUDIENCE}"`);
	}
	const exp = payload.exp;
	if (typeof exp !== 'number') fail(field, 'has no "exp" (when the assertion expires)', hint);
	if (exp <= now) {
		fail(
			field,
			`expired at ${new Date(exp * 1000).toISOString()}; sign a new one (assertions live at most 30 minutes)`,
		);
	}
	if (exp > now + MAX_ASSERTION_SECONDS) {
		fail(field, `expires more than 30 minutes from now ("exp" ${exp}); LINE refuses that`);
	}
	if (payload.token_exp === undefined) {
		if (requireTokenExp) {
			fail(field, 'has no "token_exp" (how many seconds the token should live)', hint);
		}
	} else {
		checkTokenExp(payload.token_exp, `${field} token_exp`);
	}
	return assertion;
}

export interface JwtCredential {
	channelId: string;
	keyId: string;
	/** Lifetime of the tokens the credential asks for, in seconds. */
	tokenExp: number;
	privateKey: KeyObject;
}

/**
 * What the LINE Channel (JWT Assertion) credential holds, checked: channel ID, key ID, token
 * lifetime and the private key. Errors name the credential's fields as the user sees them.
 */
export function readJwtCredential(data: Record<string, unknown>): JwtCredential {
	const channelId = String(data.channelId ?? '').trim();
	const keyId = String(data.keyId ?? '').trim();
	if (!/^\d+$/.test(channelId)) {
		fail('Channel ID', `must be the channel's numeric ID, got ${describeValue(channelId)}`);
	}
	if (keyId === '') {
		fail(
			'Key ID',
			'is empty',
			'Give the kid LINE showed when you registered the public key (Basic settings → Assertion Signing Key).',
		);
	}
	return {
		channelId,
		keyId,
		tokenExp: checkTokenExp(data.lifetime ?? MAX_TOKEN_SECONDS, 'Token Lifetime'),
		privateKey: readPrivateJwk(data.privateKey, 'Private Key'),
	};
}
