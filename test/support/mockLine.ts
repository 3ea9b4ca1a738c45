import {
	createPublicKey,
	generateKeyPairSync,
	randomBytes,
	randomUUID,
	verify,
	type JsonWebKey,
} from 'node:crypto';
import http, {
	type IncomingHttpHeaders,
	type IncomingMessage,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Generations } from './generations';
import { validateLineRequest } from './openapi';

/**
 * A mock LINE platform on 127.0.0.1: checks auth like LINE, validates every request against
 * LINE's OpenAPI documents, honours retry keys, issues stateless tokens, and answers like LINE.
 */

export interface MockRequest {
	/** The `x-line-request-id` the mock answered with. */
	requestId: string;
	/** When the request had arrived in full (Date.now()). */
	receivedAt: number;
	/** The fault injected into this request's answer, if any (see injectFaults). */
	fault?: FaultKind;
	method: string;
	/** Path without the query string. */
	path: string;
	/** Path with the query string, as received. */
	url: string;
	query: Record<string, string | string[]>;
	headers: IncomingHttpHeaders;
	rawBody: string;
	/** The body's bytes as received (file uploads). */
	bodyBytes: Buffer;
	/** Parsed JSON or form body; the raw string for other content types; undefined when empty. */
	body: unknown;
	/** operationId of the OpenAPI operation the request hit, if any. */
	operationId?: string;
	/** OpenAPI problems (empty when the request is valid). */
	problems: string[];
	response: { status: number; body: unknown; headers: Record<string, string> };
}

export interface MockResponse {
	status: number;
	/** JSON, or a Buffer sent as is (message content; give its `content-type` in headers). */
	body?: unknown;
	headers?: Record<string, string>;
}

/** Return undefined to let the next handler (or the default answer) respond. */
export type MockHandler = (
	request: MockRequest,
) => MockResponse | undefined | Promise<MockResponse | undefined>;

export interface MockLineOptions {
	/** Tokens accepted as `Authorization: Bearer <token>` (default `test-channel-access-token`). */
	channelAccessToken?: string | string[];
	/** Channel ID and secret accepted by `POST /oauth2/v3/token`. */
	channelId?: string;
	channelSecret?: string;
	/** Validate requests against the OpenAPI documents (default true). */
	validate?: boolean;
	/** Message sends accepted per second (a sliding window); more get 429 like LINE's rate limit. */
	rateLimitPerSecond?: number;
	/** How long a token from `/oauth2/v3/token` works (default 15 minutes, like LINE's stateless tokens). */
	tokenTtlMs?: number;
	/**
	 * The public keys of the channel's assertion signing keys (JWKs) by key ID (`kid`): JWT
	 * assertions signed with their private halves get tokens v2.1 and stateless tokens, and list
	 * the valid token key IDs. Default: the key of testAssertionKey().
	 */
	assertionKeys?: Record<string, JsonWebKey>;
}

export interface MockLine {
	/** Base URL, e.g. `http://127.0.0.1:40123` (use for both api and api-data hosts). */
	readonly url: string;
	readonly requests: MockRequest[];
	/** Access tokens issued by the token endpoints (v2, v2.1 and v3), oldest first. */
	readonly issuedTokens: string[];
	readonly tokensIssued: number;
	/**
	 * Programs a response for every matching request (until `times` answers were given). Handlers
	 * run after the auth and OpenAPI checks (invalid requests never reach them) and before the
	 * default answer; a 2xx answer to a request with a retry key makes that key "accepted".
	 */
	on(
		method: string,
		path: string | RegExp,
		handler: MockHandler,
		options?: { times?: number },
	): MockLine;
	/** Programs a response for the next matching request only. */
	once(method: string, path: string | RegExp, handler: MockHandler): MockLine;
	/** Requests that failed OpenAPI validation (expect this to be empty). */
	invalidRequests(): MockRequest[];
	/** Received requests to a method + path (path without query, or a RegExp). */
	requestsTo(method: string, path: string | RegExp): MockRequest[];
	/** Makes every token issued so far answer 401 (and fail verification), as if it had expired. */
	expireTokens(): void;
	/**
	 * From now on answers requests to `plan.path` (default: the message sends) with faults drawn
	 * from a generator seeded by `plan.seed`, each kind with its probability in `plan.rates`.
	 */
	injectFaults(plan: FaultPlan): void;
	/** How many requests got each kind of fault. */
	faultCounts(): Partial<Record<FaultKind, number>>;
	/** Sends LINE carried out (a 2xx answer to a message send, also when the answer was then lost). */
	deliveries(): MockRequest[];
	/**
	 * Forgets requests, programmed handlers, faults, retry keys and issued tokens. Requests still
	 * open (a previous test's) are dropped and never enter the new log or touch the new state.
	 */
	reset(): void;
	close(): Promise<void>;
}

/**
 * What can go wrong between a client and LINE:
 * - `rateLimit` / `rateLimitRetryAfter`: 429 without / with `Retry-After: 1`; not carried out;
 * - `serverError` / `unavailable`: 500 / 503; not carried out;
 * - `resetBeforeAnswer`: the connection is dropped before the request is processed;
 * - `acceptThenDrop`: the request is carried out (a send is delivered, its retry key accepted),
 *   then the connection is dropped before the answer: the case that makes duplicates;
 * - `hang`: no answer at all; the connection is dropped after `hangMs` (default 60 s).
 */
export type FaultKind =
	| 'rateLimit'
	| 'rateLimitRetryAfter'
	| 'serverError'
	| 'unavailable'
	| 'resetBeforeAnswer'
	| 'acceptThenDrop'
	| 'hang';

export interface FaultPlan {
	seed: number;
	rates: Partial<Record<FaultKind, number>>;
	path?: RegExp;
	hangMs?: number;
}

const SEND_PATHS = /^\/v2\/bot\/message\/(push|multicast|broadcast|narrowcast|reply)$/;

/** A small seeded generator (mulberry32): the same seed gives the same sequence of draws. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface ActiveFaults {
	plan: FaultPlan;
	random: () => number;
	counts: Partial<Record<FaultKind, number>>;
}

function drawFault(faults: ActiveFaults | undefined, path: string): FaultKind | undefined {
	if (!faults || !(faults.plan.path ?? SEND_PATHS).test(path)) return undefined;
	const draw = faults.random();
	let sum = 0;
	for (const [kind, rate] of Object.entries(faults.plan.rates) as Array<[FaultKind, number]>) {
		sum += rate;
		if (draw < sum) {
			faults.counts[kind] = (faults.counts[kind] ?? 0) + 1;
			return kind;
		}
	}
	return undefined;
}

/** Whether a send exceeds the rate limit (one second's sliding window); counts it if not. */
function overRateLimit(state: MockState, request: MockRequest): boolean {
	const limit = state.rateLimit;
	if (!limit || !SEND_PATHS.test(request.path)) return false;
	const now = Date.now();
	while (limit.recent.length > 0 && limit.recent[0] <= now - 1000) limit.recent.shift();
	if (limit.recent.length >= limit.perSecond) return true;
	limit.recent.push(now);
	return false;
}

const RATE_LIMITED = { message: 'The API rate limit has been exceeded. Try again later.' };

export const DEFAULT_CHANNEL_ACCESS_TOKEN = 'test-channel-access-token';
export const DEFAULT_CHANNEL_ID = '1234567890';
export const DEFAULT_CHANNEL_SECRET = 'test-channel-secret';

const AUTH_FAILED = {
	message:
		'Authentication failed. Confirm that the access token in the authorization header is valid.',
};

interface ProgrammedHandler {
	method: string;
	path: string | RegExp;
	handler: MockHandler;
	remaining: number;
}

interface AcceptedRetry {
	requestId: string;
	body: unknown;
}

interface MockState {
	options: Required<
		Omit<MockLineOptions, 'channelAccessToken' | 'rateLimitPerSecond' | 'assertionKeys'>
	> & {
		staticTokens: Set<string>;
		/** As given; undefined for the default (testAssertionKey(), made when first needed). */
		assertionKeys?: Record<string, JsonWebKey>;
	};
	/** Arrival times of the sends within the rate limit's window. */
	rateLimit?: { perSecond: number; recent: number[] };
	requests: MockRequest[];
	handlers: ProgrammedHandler[];
	retryKeys: Map<string, AcceptedRetry>;
	issuedTokens: string[];
	/** Issued tokens that still work, with the time each stops working. */
	liveTokens: Map<string, LiveToken>;
	/** Configured (long-lived) tokens revoked since the last reset. */
	revokedTokens: Set<string>;
	narrowcasts: Map<string, string>;
	/** The channel's webhook URL, as set with `PUT /v2/bot/channel/webhook/endpoint`. */
	webhookEndpoint?: string;
	faults?: ActiveFaults;
	/** Connections held open by `hang` faults, dropped on close. */
	hanging: Set<ServerResponse>;
	generations: Generations;
}

/** Thrown when a request's generation ended (the mock was reset) while it was being answered. */
class StaleRequest extends Error {}

export async function startMockLine(options: MockLineOptions = {}): Promise<MockLine> {
	const staticTokens = [options.channelAccessToken ?? DEFAULT_CHANNEL_ACCESS_TOKEN].flat();
	const state: MockState = {
		options: {
			channelId: options.channelId ?? DEFAULT_CHANNEL_ID,
			channelSecret: options.channelSecret ?? DEFAULT_CHANNEL_SECRET,
			validate: options.validate ?? true,
			tokenTtlMs: options.tokenTtlMs ?? 900_000,
			staticTokens: new Set(staticTokens),
			assertionKeys: options.assertionKeys,
		},
		requests: [],
		handlers: [],
		retryKeys: new Map(),
		issuedTokens: [],
		liveTokens: new Map(),
		revokedTokens: new Set(),
		narrowcasts: new Map(),
		hanging: new Set(),
		generations: new Generations(),
		rateLimit: options.rateLimitPerSecond
			? { perSecond: options.rateLimitPerSecond, recent: [] }
			: undefined,
	};

	const server = http.createServer((req, res) => {
		handleHttp(state, req, res).catch((error: Error) => {
			if (error instanceof StaleRequest) {
				res.socket?.destroy();
				return;
			}
			if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: `mock LINE failed: ${error.message}` }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return createMockLine(state, server, `http://127.0.0.1:${port}`);
}

function matches(method: string, path: string | RegExp, request: MockRequest): boolean {
	if (method.toUpperCase() !== request.method) return false;
	return typeof path === 'string' ? path === request.path : path.test(request.path);
}

function createMockLine(state: MockState, server: http.Server, url: string): MockLine {
	const mock: MockLine = {
		url,
		requests: state.requests,
		get issuedTokens() {
			return [...state.issuedTokens];
		},
		get tokensIssued() {
			return state.issuedTokens.length;
		},
		on(method, path, handler, options = {}) {
			state.handlers.push({ method, path, handler, remaining: options.times ?? Infinity });
			return mock;
		},
		once(method, path, handler) {
			return mock.on(method, path, handler, { times: 1 });
		},
		invalidRequests: () => state.requests.filter((request) => request.problems.length > 0),
		requestsTo: (method, path) =>
			state.requests.filter((request) => matches(method, path, request)),
		expireTokens() {
			state.liveTokens.clear();
		},
		injectFaults(plan) {
			state.faults = { plan, random: seededRandom(plan.seed), counts: {} };
		},
		faultCounts: () => ({ ...state.faults?.counts }),
		deliveries: () =>
			state.requests.filter(
				(request) =>
					SEND_PATHS.test(request.path) &&
					request.response.status >= 200 &&
					request.response.status < 300,
			),
		reset() {
			state.generations.next();
			state.hanging.clear();
			state.faults = undefined;
			state.requests.length = 0;
			state.handlers.length = 0;
			state.retryKeys.clear();
			state.issuedTokens.length = 0;
			state.liveTokens.clear();
			state.revokedTokens.clear();
			state.narrowcasts.clear();
			state.webhookEndpoint = undefined;
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				for (const res of state.hanging) res.socket?.destroy();
				state.hanging.clear();
				server.close((error) => (error ? reject(error) : resolve()));
				// Keep-alive sockets from the client would otherwise hold the server open.
				server.closeAllConnections();
			}),
	};
	return mock;
}

// ---------------------------------------------------------------------------------------------
// Request handling

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function parseQuery(search: string): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const [key, value] of new URLSearchParams(search)) {
		const existing = query[key];
		query[key] = existing === undefined ? value : [existing, value].flat();
	}
	return query;
}

/** JSON and form bodies are parsed; anything else (or malformed JSON) stays the raw string. */
function parseBody(rawBody: string, contentType: string | undefined): unknown {
	if (rawBody === '') return undefined;
	const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
	if (mediaType === 'application/json') {
		try {
			return JSON.parse(rawBody);
		} catch {
			return rawBody;
		}
	}
	if (mediaType === 'application/x-www-form-urlencoded') {
		return Object.fromEntries(new URLSearchParams(rawBody));
	}
	return rawBody;
}

async function handleHttp(
	state: MockState,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<void> {
	const { isCurrent } = state.generations.begin(req, res);
	const bodyBytes = await readBody(req);
	const rawBody = bodyBytes.toString('utf8');
	if (!isCurrent()) throw new StaleRequest();
	const url = req.url ?? '/';
	const queryIndex = url.indexOf('?');
	const body = parseBody(rawBody, req.headers['content-type']);
	const request: MockRequest = {
		requestId: randomUUID(),
		receivedAt: Date.now(),
		method: (req.method ?? 'GET').toUpperCase(),
		path: queryIndex === -1 ? url : url.slice(0, queryIndex),
		url,
		query: parseQuery(queryIndex === -1 ? '' : url.slice(queryIndex + 1)),
		headers: req.headers,
		rawBody,
		bodyBytes,
		body,
		problems: [],
		response: { status: 0, body: undefined, headers: {} },
	};
	state.requests.push(request);
	if (state.options.validate) {
		// The raw text lets the validator report malformed JSON itself.
		const result = validateLineRequest({
			method: request.method,
			path: url,
			headers: req.headers,
			body: typeof body === 'string' ? rawBody : body,
		});
		request.operationId = result.match?.operationId;
		request.problems.push(...result.problems);
	}

	const fault = drawFault(state.faults, request.path);
	request.fault = fault;
	if (fault === 'resetBeforeAnswer') {
		req.socket.destroy();
		return;
	}
	if (fault === 'hang') {
		state.hanging.add(res);
		const drop = setTimeout(() => {
			state.hanging.delete(res);
			res.socket?.destroy();
		}, state.faults?.plan.hangMs ?? 60_000);
		drop.unref();
		return;
	}
	const answer =
		fault === 'rateLimit' || fault === 'rateLimitRetryAfter' || overRateLimit(state, request)
			? {
					status: 429,
					body: RATE_LIMITED,
					headers: fault === 'rateLimitRetryAfter' ? { 'retry-after': '1' } : {},
				}
			: fault === 'serverError'
				? { status: 500, body: { message: 'An error occurred in the internal server' } }
				: fault === 'unavailable'
					? { status: 503, body: { message: 'Service unavailable' } }
					: await respond(state, request, isCurrent);
	const binary = Buffer.isBuffer(answer.body);
	const headers = {
		'content-type': binary ? 'application/octet-stream' : 'application/json',
		...answer.headers,
		'x-line-request-id': request.requestId,
	};
	const responseBody = binary
		? (answer.body as Buffer)
		: answer.body === undefined
			? ''
			: JSON.stringify(answer.body);
	request.response = { status: answer.status, body: answer.body, headers };
	if (fault === 'acceptThenDrop') {
		req.socket.destroy();
		return;
	}
	res.writeHead(answer.status, headers);
	res.end(responseBody);
}

async function respond(
	state: MockState,
	request: MockRequest,
	isCurrent: () => boolean,
): Promise<MockResponse> {
	if (isTokenEndpoint(request)) {
		if (request.problems.length > 0) {
			return oauthError('invalid_request', request.problems.join('; '));
		}
		const programmed = await programmedAnswer(state, request);
		if (!isCurrent()) throw new StaleRequest();
		return programmed ?? answerTokenRequest(state, request);
	}
	if (!isAuthorized(state, request)) return { status: 401, body: AUTH_FAILED };
	if (state.options.validate && !request.operationId && request.problems.length > 0) {
		return { status: 404, body: { message: 'Not found' } };
	}
	if (request.problems.length > 0) return validationError(request.problems);

	const retryKey = headerOf(request, 'x-line-retry-key');
	const accepted = retryKey ? state.retryKeys.get(retryKey) : undefined;
	if (accepted) return retryConflict(accepted);

	const programmed = await programmedAnswer(state, request);
	if (!isCurrent()) throw new StaleRequest();
	const answer = programmed ?? defaultAnswer(state, request);
	if (retryKey && answer.status >= 200 && answer.status < 300) {
		state.retryKeys.set(retryKey, { requestId: request.requestId, body: answer.body });
	}
	return answer;
}

function headerOf(request: MockRequest, name: string): string | undefined {
	const value = request.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

async function programmedAnswer(
	state: MockState,
	request: MockRequest,
): Promise<MockResponse | undefined> {
	for (const programmed of state.handlers) {
		if (programmed.remaining <= 0 || !matches(programmed.method, programmed.path, request))
			continue;
		const answer = await programmed.handler(request);
		if (answer === undefined) continue;
		programmed.remaining--;
		return answer;
	}
	return undefined;
}

function isAuthorized(state: MockState, request: MockRequest): boolean {
	if (request.path.startsWith('/oauth2/') || request.path.startsWith('/v2/oauth/')) return true;
	const match = /^Bearer (.+)$/.exec(headerOf(request, 'authorization') ?? '');
	return match ? liveToken(state, match[1]) !== undefined : false;
}

/** LINE's format for a request that failed its validation. */
function validationError(problems: string[]): MockResponse {
	return {
		status: 400,
		body: {
			message: `The request body has ${problems.length} error(s)`,
			details: problems.map((problem) => {
				const separator = problem.indexOf(': ');
				const where = problem.slice(0, separator);
				return {
					message: problem.slice(separator + 2),
					property: where.startsWith('body.') ? where.slice('body.'.length) : where,
				};
			}),
		},
	};
}

function retryConflict(accepted: AcceptedRetry): MockResponse {
	const sentMessages = (accepted.body as { sentMessages?: unknown } | undefined)?.sentMessages;
	return {
		status: 409,
		body: {
			message: 'The retry key is already accepted',
			...(sentMessages ? { sentMessages } : {}),
		},
		headers: { 'x-line-accepted-request-id': accepted.requestId },
	};
}

// ---------------------------------------------------------------------------------------------
// Channel access tokens (LINE's Channel Access Token API): short-lived (v2), v2.1 by JWT
// assertion, stateless (v3); verify, list key IDs, revoke

type TokenKind = 'longLived' | 'shortLived' | 'v2.1' | 'stateless';

interface LiveToken {
	kind: TokenKind;
	/** When it stops working (a Date.now() time; Infinity for a configured token). */
	expiresAt: number;
	/** Tokens v2.1: the key ID that identifies the token (listed by `/oauth2/v2.1/tokens/kid`). */
	keyId?: string;
}

const TOKEN_ENDPOINTS = new Set([
	'POST /oauth2/v3/token',
	'POST /oauth2/v2.1/token',
	'GET /oauth2/v2.1/tokens/kid',
	'GET /oauth2/v2.1/verify',
	'POST /oauth2/v2.1/revoke',
	'POST /v2/oauth/accessToken',
	'POST /v2/oauth/verify',
	'POST /v2/oauth/revoke',
]);

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const ASSERTION_AUDIENCE = 'https://api.line.me/';
const MAX_ASSERTION_SECONDS = 30 * 60;
const MAX_TOKEN_SECONDS = 30 * 24 * 60 * 60;
/** What verify says of a configured (long-lived) token: it does not expire soon. */
const LONG_LIVED_SECONDS = 10 * 365 * 24 * 60 * 60;
const TOKEN_SCOPE = 'profile chat_message.write';

function isTokenEndpoint(request: MockRequest): boolean {
	return TOKEN_ENDPOINTS.has(`${request.method} ${request.path}`);
}

export interface TestAssertionKey {
	/** The key ID LINE would give the public key when it is registered. */
	kid: string;
	/** What the user keeps (and puts into the JWT credential). */
	privateJwk: JsonWebKey;
	/** What LINE keeps. */
	publicJwk: JsonWebKey;
}

let testKey: TestAssertionKey | undefined;

/**
 * An assertion signing key pair (RSA 2048, RS256) made once per process, when first needed. The
 * mock accepts assertions signed with it unless it was given other `assertionKeys`.
 */
export function testAssertionKey(): TestAssertionKey {
	if (!testKey) {
		const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		testKey = {
			kid: 'mock-assertion-key-1',
			privateJwk: { ...privateKey.export({ format: 'jwk' }), alg: 'RS256' },
			publicJwk: { ...publicKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig' },
		};
	}
	return testKey;
}

function assertionKeys(state: MockState): Record<string, JsonWebKey> {
	if (state.options.assertionKeys) return state.options.assertionKeys;
	const { kid, publicJwk } = testAssertionKey();
	return { [kid]: publicJwk };
}

function oauthError(error: string, description: string, status = 400): MockResponse {
	return { status, body: { error, error_description: description } };
}

/** The token, if it works now: configured and not revoked, or issued and neither expired nor revoked. */
function liveToken(state: MockState, token: string): LiveToken | undefined {
	if (state.options.staticTokens.has(token)) {
		return state.revokedTokens.has(token) ? undefined : { kind: 'longLived', expiresAt: Infinity };
	}
	const live = state.liveTokens.get(token);
	return live && live.expiresAt > Date.now() ? live : undefined;
}

const TOKEN_PREFIX: Record<TokenKind, string> = {
	longLived: 'mock-long-lived',
	shortLived: 'mock-short-lived',
	'v2.1': 'mock-v2.1',
	stateless: 'mock-stateless',
};

function issue(state: MockState, kind: TokenKind, ttlMs: number, keyId?: string): string {
	const token = `${TOKEN_PREFIX[kind]}-${randomBytes(16).toString('hex')}`;
	state.issuedTokens.push(token);
	state.liveTokens.set(token, { kind, expiresAt: Date.now() + ttlMs, keyId });
	return token;
}

function formOf(request: MockRequest): Record<string, string> {
	return (request.body ?? {}) as Record<string, string>;
}

function wrongGrant(form: Record<string, string>): MockResponse | undefined {
	if (form.grant_type === 'client_credentials') return undefined;
	return oauthError('unsupported_grant_type', 'grant_type must be client_credentials');
}

function wrongClient(state: MockState, form: Record<string, string>): MockResponse | undefined {
	if (
		form.client_id === state.options.channelId &&
		form.client_secret === state.options.channelSecret
	)
		return undefined;
	return oauthError('invalid_client', 'invalid client_id or client_secret');
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
		return value !== null && typeof value === 'object' && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

/**
 * Checks a JWT assertion as LINE does: `client_assertion_type` jwt-bearer; RS256, signed by a
 * registered key (`kid`); iss = sub = the channel ID; aud https://api.line.me/; not expired and
 * expiring within 30 minutes; `token_exp` (required for a token v2.1) of at most 30 days.
 * Returns the payload, or LINE's error answer.
 */
function checkAssertion(
	state: MockState,
	assertionType: unknown,
	assertion: unknown,
	{ requireTokenExp }: { requireTokenExp: boolean },
): { payload: Record<string, unknown> } | { refused: MockResponse } {
	const refuse = (error: string, description: string) => ({
		refused: oauthError(error, description),
	});
	if (assertionType !== JWT_BEARER) {
		return refuse('invalid_request', `client_assertion_type must be ${JWT_BEARER}`);
	}
	const parts = typeof assertion === 'string' ? assertion.split('.') : [];
	const header = parts.length === 3 ? decodeSegment(parts[0]) : undefined;
	const payload = parts.length === 3 ? decodeSegment(parts[1]) : undefined;
	if (!header || !payload) return refuse('invalid_request', 'client_assertion is not a JWT');
	if (header.alg !== 'RS256' || header.typ !== 'JWT') {
		return refuse('invalid_request', 'the JWT header must be {"alg":"RS256","typ":"JWT","kid":…}');
	}
	const key = typeof header.kid === 'string' ? assertionKeys(state)[header.kid] : undefined;
	if (!key) return refuse('invalid_client', `unknown kid ${JSON.stringify(header.kid)}`);
	const signed = verify(
		'sha256',
		Buffer.from(`${parts[0]}.${parts[1]}`),
		createPublicKey({ key, format: 'jwk' }),
		Buffer.from(parts[2], 'base64url'),
	);
	if (!signed) return refuse('invalid_client', 'the JWT signature does not verify');
	if (payload.iss !== state.options.channelId || payload.sub !== state.options.channelId) {
		return refuse('invalid_client', 'iss and sub must be the channel ID');
	}
	if (payload.aud !== ASSERTION_AUDIENCE) {
		return refuse('invalid_request', `aud must be ${ASSERTION_AUDIENCE}`);
	}
	const now = Date.now() / 1000;
	const exp = payload.exp;
	if (typeof exp !== 'number' || exp <= now) return refuse('invalid_request', 'the JWT expired');
	if (exp > now + MAX_ASSERTION_SECONDS) {
		return refuse('invalid_request', 'exp must be at most 30 minutes from now');
	}
	const tokenExp = payload.token_exp;
	if (tokenExp === undefined ? requireTokenExp : !isTokenLifetime(tokenExp)) {
		return refuse('invalid_request', `token_exp must be 1 to ${MAX_TOKEN_SECONDS} seconds`);
	}
	return { payload };
}

function isTokenLifetime(value: unknown): value is number {
	return (
		Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_TOKEN_SECONDS
	);
}

function verifyToken(state: MockState, token: unknown): MockResponse {
	const live = typeof token === 'string' ? liveToken(state, token) : undefined;
	if (!live) return oauthError('invalid_request', 'access token expired');
	const expiresIn =
		live.expiresAt === Infinity
			? LONG_LIVED_SECONDS
			: Math.max(0, Math.floor((live.expiresAt - Date.now()) / 1000));
	return {
		status: 200,
		body: { client_id: state.options.channelId, expires_in: expiresIn, scope: TOKEN_SCOPE },
	};
}

/** LINE answers 200 even for a token it does not know; stateless tokens cannot be revoked. */
function revokeToken(state: MockState, token: unknown): MockResponse {
	if (typeof token === 'string') {
		if (state.options.staticTokens.has(token)) state.revokedTokens.add(token);
		else if (state.liveTokens.get(token)?.kind !== 'stateless') state.liveTokens.delete(token);
	}
	return { status: 200 };
}

function answerTokenRequest(state: MockState, request: MockRequest): MockResponse {
	const form = formOf(request);
	switch (`${request.method} ${request.path}`) {
		case 'POST /oauth2/v3/token': {
			const refused = wrongGrant(form);
			if (refused) return refused;
			if (form.client_assertion !== undefined) {
				const checked = checkAssertion(state, form.client_assertion_type, form.client_assertion, {
					requireTokenExp: false,
				});
				if ('refused' in checked) return checked.refused;
			} else {
				const wrong = wrongClient(state, form);
				if (wrong) return wrong;
			}
			const ttlMs = state.options.tokenTtlMs;
			return {
				status: 200,
				body: {
					access_token: issue(state, 'stateless', ttlMs),
					expires_in: Math.ceil(ttlMs / 1000),
					token_type: 'Bearer',
				},
			};
		}
		case 'POST /v2/oauth/accessToken': {
			const refused = wrongGrant(form) ?? wrongClient(state, form);
			if (refused) return refused;
			return {
				status: 200,
				body: {
					access_token: issue(state, 'shortLived', MAX_TOKEN_SECONDS * 1000),
					expires_in: MAX_TOKEN_SECONDS,
					token_type: 'Bearer',
				},
			};
		}
		case 'POST /oauth2/v2.1/token': {
			const refused = wrongGrant(form);
			if (refused) return refused;
			const checked = checkAssertion(state, form.client_assertion_type, form.client_assertion, {
				requireTokenExp: true,
			});
			if ('refused' in checked) return checked.refused;
			const tokenExp = checked.payload.token_exp as number;
			const keyId = randomBytes(16).toString('base64url');
			return {
				status: 200,
				body: {
					access_token: issue(state, 'v2.1', tokenExp * 1000, keyId),
					token_type: 'Bearer',
					expires_in: tokenExp,
					key_id: keyId,
				},
			};
		}
		case 'GET /oauth2/v2.1/tokens/kid': {
			const checked = checkAssertion(
				state,
				request.query.client_assertion_type,
				request.query.client_assertion,
				{ requireTokenExp: false },
			);
			if ('refused' in checked) return checked.refused;
			const kids = [...state.liveTokens.keys()]
				.map((token) => liveToken(state, token))
				.flatMap((live) => (live?.kind === 'v2.1' && live.keyId ? [live.keyId] : []));
			return { status: 200, body: { kids } };
		}
		case 'GET /oauth2/v2.1/verify':
			return verifyToken(state, request.query.access_token);
		case 'POST /v2/oauth/verify':
			return verifyToken(state, form.access_token);
		case 'POST /v2/oauth/revoke':
			return revokeToken(state, form.access_token);
		case 'POST /oauth2/v2.1/revoke':
			return wrongClient(state, form) ?? revokeToken(state, form.access_token);
		default:
			return { status: 404, body: { message: 'Not found' } };
	}
}

// ---------------------------------------------------------------------------------------------
// Default answers, shaped like LINE's

function messageCount(request: MockRequest): number {
	const messages = (request.body as { messages?: unknown[] } | undefined)?.messages;
	return Array.isArray(messages) ? messages.length : 0;
}

function sentMessages(request: MockRequest): Array<{ id: string; quoteToken: string }> {
	return Array.from({ length: messageCount(request) }, () => ({
		id: String(BigInt(`0x${randomBytes(7).toString('hex')}`)),
		quoteToken: randomBytes(24).toString('base64url'),
	}));
}

function succeeded(state: MockState, operationId: string): MockRequest[] {
	return state.requests.filter(
		(request) =>
			request.operationId === operationId &&
			request.response.status >= 200 &&
			request.response.status < 300,
	);
}

/** Messages delivered so far, counted per recipient like LINE's quota. */
function deliveredMessages(state: MockState): number {
	const push = succeeded(state, 'pushMessage').reduce((sum, r) => sum + messageCount(r), 0);
	const multicast = succeeded(state, 'multicast').reduce((sum, r) => {
		const to = (r.body as { to?: unknown[] }).to ?? [];
		return sum + messageCount(r) * to.length;
	}, 0);
	return push + multicast;
}

const DELIVERY_OPERATIONS: Record<string, string> = {
	push: 'pushMessage',
	multicast: 'multicast',
	broadcast: 'broadcast',
	reply: 'replyMessage',
};

function narrowcastProgress(state: MockState, request: MockRequest): MockResponse {
	const requestId = request.query.requestId as string;
	const acceptedTime = state.narrowcasts.get(requestId);
	if (!acceptedTime) return { status: 404, body: { message: 'Not found' } };
	return {
		status: 200,
		body: {
			phase: 'succeeded',
			successCount: 1,
			failureCount: 0,
			targetCount: 1,
			acceptedTime,
			completedTime: acceptedTime,
		},
	};
}

function defaultAnswer(state: MockState, request: MockRequest): MockResponse {
	switch (request.operationId) {
		case 'pushMessage':
		case 'replyMessage':
			return { status: 200, body: { sentMessages: sentMessages(request) } };
		case 'multicast':
		case 'broadcast':
			return { status: 200, body: {} };
		case 'narrowcast':
			state.narrowcasts.set(request.requestId, new Date().toISOString());
			return { status: 202, body: {} };
		case 'getMessageQuota':
			return { status: 200, body: { type: 'limited', value: 1000 } };
		case 'getMessageQuotaConsumption':
			return { status: 200, body: { totalUsage: deliveredMessages(state) } };
		case 'getNarrowcastProgress':
			return narrowcastProgress(state, request);
		case 'showLoadingAnimation':
			return { status: 202, body: {} };
		case 'getProfile':
			return { status: 200, body: profile(pathUserId(request), true) };
		case 'getGroupMemberProfile':
		case 'getRoomMemberProfile':
			return { status: 200, body: profile(pathUserId(request), false) };
		case 'getFollowers':
			return idPage(request, 'userIds', MOCK_MEMBERS, 300);
		case 'getGroupMembersIds':
		case 'getRoomMembersIds':
			return idPage(request, 'memberIds', MOCK_MEMBERS, 100);
		case 'getGroupSummary':
			return {
				status: 200,
				body: {
					groupId: request.path.split('/')[4],
					groupName: 'Mock group',
					pictureUrl: 'https://profile.line-scdn.net/mock-group',
				},
			};
		case 'getGroupMemberCount':
		case 'getRoomMemberCount':
			return { status: 200, body: { count: MOCK_MEMBERS.length } };
		case 'leaveGroup':
		case 'leaveRoom':
		case 'markMessagesAsReadByToken':
			return { status: 200, body: {} };
		case 'getMessageContent':
		case 'getMessageContentPreview':
			return content(request);
		case 'getMessageContentTranscodingByMessageId':
			return { status: 200, body: { status: 'succeeded' } };
		case 'getWebhookEndpoint':
			return {
				status: 200,
				body: {
					endpoint: state.webhookEndpoint ?? 'https://example.com/line/webhook',
					active: true,
				},
			};
		case 'setWebhookEndpoint':
			state.webhookEndpoint = (request.body as { endpoint: string }).endpoint;
			return { status: 200, body: {} };
		case 'testWebhookEndpoint':
			return {
				status: 200,
				body: {
					success: true,
					timestamp: new Date().toISOString(),
					statusCode: 200,
					reason: 'OK',
					detail: '200',
				},
			};
		case 'getBotInfo':
			return {
				status: 200,
				body: {
					userId: 'Ub9952f8f2fd3e6d5b3f0a1b2c3d4e5f6',
					basicId: '@123abcde',
					displayName: 'Mock LINE Bot',
					chatMode: 'bot',
					markAsReadMode: 'auto',
				},
			};
		default:
			return otherAnswer(state, request);
	}
}

/** The members of every group and room, and the followers, of the mock channel. */
export const MOCK_MEMBERS = [
	'U4af4980629b06f3b9d3f8a1b2c3d4e5f',
	'U0c229f96c4e1a2b3c4d5e6f708192a3b',
	'U95afb1d4df0123456789abcdef012345',
];

/** The last `{userId}` segment of a profile path. */
function pathUserId(request: MockRequest): string {
	return request.path.split('/').pop() ?? '';
}

function profile(userId: string, full: boolean): Record<string, string> {
	const base = {
		displayName: `Mock user ${userId.slice(1, 7)}`,
		userId,
		pictureUrl: `https://profile.line-scdn.net/${userId}`,
	};
	return full ? { ...base, statusMessage: 'Hello, LINE!', language: 'en' } : base;
}

/** One page of IDs: `start` is the offset a previous page's `next` gave, `limit` the page size. */
function idPage(
	request: MockRequest,
	key: 'userIds' | 'memberIds',
	ids: string[],
	pageSize: number,
): MockResponse {
	const start = request.query.start === undefined ? 0 : Number(request.query.start);
	const limit = request.query.limit === undefined ? pageSize : Number(request.query.limit);
	const page = ids.slice(start, start + limit);
	const next = start + limit < ids.length ? String(start + limit) : undefined;
	return { status: 200, body: { [key]: page, ...(next ? { next } : {}) } };
}

/** Bytes that start like a JPEG file and name the message, so tests can tell files apart. */
export function mockContentBytes(messageId: string, preview = false): Buffer {
	return Buffer.concat([
		Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
		Buffer.from(`mock ${preview ? 'preview' : 'content'} of message ${messageId}`),
	]);
}

/** An image message's content or preview (program another answer for video, audio or files). */
function content(request: MockRequest): MockResponse {
	const messageId = decodeURIComponent(request.path.split('/')[4]);
	const preview = request.path.endsWith('/preview');
	return {
		status: 200,
		body: mockContentBytes(messageId, preview),
		headers: { 'content-type': 'image/jpeg' },
	};
}

function otherAnswer(state: MockState, request: MockRequest): MockResponse {
	const delivery = /^\/v2\/bot\/message\/delivery\/(\w+)$/.exec(request.path);
	if (delivery && request.method === 'GET') {
		const operation = DELIVERY_OPERATIONS[delivery[1]];
		return {
			status: 200,
			body: { status: 'ready', success: operation ? succeeded(state, operation).length : 0 },
		};
	}
	if (request.method === 'POST' && request.path.startsWith('/v2/bot/message/validate/')) {
		return { status: 200, body: {} };
	}
	return { status: 200, body: {} };
}
