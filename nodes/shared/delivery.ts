import { sleep } from 'n8n-workflow';

import { describeFailure, header, type HttpFailure } from './http';

/**
 * The delivery engine every provider's client sends through: pacing (a speed limit and the pause
 * a 429 imposes, both shared by all requests of one node run), and repeating a failed request
 * only where its policy makes that safe.
 */

/**
 * How a request may be repeated after a failure.
 * - `read`: repeatable, it changes nothing;
 * - `keyedSend`: repeatable, the provider recognises the repeat by its idempotency key;
 * - `unkeyedSend`: repeated only when it was certainly not carried out (429, no connection made);
 * - `consumingRead`: a read that hands data out once (e.g. Infobip's delivery reports), repeated
 *   like an unkeyed send: a repeat after a lost answer would get the next data, not the lost.
 */
export type RequestPolicy = 'read' | 'keyedSend' | 'unkeyedSend' | 'consumingRead';

/** What a failure says about the request, whatever its policy. */
type FailureKind =
	/** 429: the provider did not carry the request out and asks to slow down. */
	| 'rateLimited'
	/** No connection was made (refused, DNS): certainly not carried out. */
	| 'notConnected'
	/** A server error, a reset or a timeout: the request may or may not have been carried out. */
	| 'ambiguous'
	/** Any other answer (4xx) or error: repeating it would not help. */
	| 'final';

/** What became of a request that finally failed, as far as anyone can know. */
export type DeliveryOutcome = 'notSent' | 'maybeSent' | 'rateLimited';

const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH']);
const AMBIGUOUS = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

function kindOf(failure: HttpFailure): FailureKind {
	const status = failure.statusCode;
	if (status === 429) return 'rateLimited';
	if (status !== undefined) return status >= 500 ? 'ambiguous' : 'final';
	if (NOT_CONNECTED.has(failure.code ?? '')) return 'notConnected';
	return AMBIGUOUS.has(failure.code ?? '') ? 'ambiguous' : 'final';
}

export interface DeliverySettings {
	/** Each attempt is abandoned after this long without a complete answer. */
	timeoutMs: number;
	/** Attempts of one request at most, after server errors and lost connections. */
	maxAttempts: number;
	/** Longest one request waits in total for a rate limit (429) to pass before it fails. */
	maxRateLimitWaitMs: number;
	/** At most one request per this many milliseconds (a speed limit), or 0 for none. */
	minIntervalMs: number;
}

export const DEFAULT_DELIVERY: DeliverySettings = {
	timeoutMs: 30_000,
	maxAttempts: 3,
	maxRateLimitWaitMs: 300_000,
	minIntervalMs: 0,
};

/** Backoff with jitter: between half and all of `base · 2^attempt`, never over `cap`. */
export function backoffMs(attempt: number, baseMs: number, capMs: number): number {
	const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
	return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/** `Retry-After` as milliseconds from now: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(
	headers: HttpFailure['headers'],
	now = Date.now(),
): number | undefined {
	const value = header(headers, 'retry-after')?.trim();
	if (!value) return undefined;
	if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
	// An HTTP date names its day and month; anything else (e.g. "-3") is not one.
	if (!/[a-z]/i.test(value)) return undefined;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A request that failed for good: the error as it came (`cause`), what became of it, and why. */
export class DeliveryFailure extends Error {
	constructor(
		readonly cause: unknown,
		readonly failure: HttpFailure,
		readonly outcome: DeliveryOutcome,
		/** One line for the user: what happened, and whether it may have been carried out. */
		readonly note: string,
	) {
		super(note);
		this.name = 'DeliveryFailure';
	}
}

/** The engine's note on a failure, when the error came through it. */
export function deliveryNote(error: unknown): string | undefined {
	return error instanceof DeliveryFailure ? error.note : undefined;
}

export interface DeliveryStats {
	/** Attempts repeated after a server error or a lost connection. */
	retried: number;
	/** 429 answers received. */
	rateLimited: number;
	/** Time all requests were held back by 429 answers, in milliseconds. */
	rateLimitWaitMs: number;
}

/** Waits `ms`, or less when the execution is cancelled meanwhile. */
async function wait(ms: number, signal?: AbortSignal): Promise<void> {
	if (!signal) return await sleep(ms);
	if (signal.aborted) return;
	let onAbort = () => {};
	const aborted = new Promise<void>((resolve) => (onAbort = resolve));
	signal.addEventListener('abort', onAbort, { once: true });
	try {
		await Promise.race([sleep(ms), aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

/** Spaces requests out: a speed limit, and a pause every request honours after a 429 with Retry-After. */
class Pace {
	private nextSlot = 0;
	private pausedUntil = 0;

	constructor(
		private readonly intervalMs: number,
		private readonly signal?: AbortSignal,
	) {}

	async enter(): Promise<void> {
		for (;;) {
			const now = Date.now();
			const start = Math.max(now, this.pausedUntil, this.intervalMs ? this.nextSlot : 0);
			if (this.intervalMs) this.nextSlot = start + this.intervalMs;
			if (start <= now) return;
			await wait(start - now, this.signal);
			if (this.signal?.aborted) return;
			// Go again only when a 429 moved the pause past the slot this request waited for.
			if (this.pausedUntil <= start) return;
		}
	}

	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
	}
}

const SERVER_RETRY_BASE_MS = 500;
const SERVER_RETRY_CAP_MS = 10_000;
const RATE_LIMIT_BASE_MS = 1_000;
const RATE_LIMIT_CAP_MS = 30_000;

/**
 * One node run's delivery: every request of the run goes through `run`, which paces it, repeats
 * it as its policy allows, and on a final failure throws a DeliveryFailure saying what became of it.
 */
export class Delivery {
	readonly stats: DeliveryStats = { retried: 0, rateLimited: 0, rateLimitWaitMs: 0 };
	private readonly pace: Pace;

	constructor(
		/** The provider's name in notes, e.g. `LINE`. */
		private readonly provider: string,
		readonly settings: DeliverySettings = DEFAULT_DELIVERY,
		/** The execution's cancel signal: once it fires, nothing more is sent and no wait goes on. */
		private readonly signal?: AbortSignal,
	) {
		this.pace = new Pace(settings.minIntervalMs, signal);
	}

	async run<T>(policy: RequestPolicy, attempt: () => Promise<T>): Promise<T> {
		let attempts = 0;
		let rateLimitHits = 0;
		let rateLimitWaited = 0;
		// The last attempt that may have been carried out (no reliable answer), if any.
		let uncertain: { error: unknown; failure: HttpFailure } | undefined;
		for (;;) {
			await this.pace.enter();
			if (this.signal?.aborted) {
				throw uncertain
					? this.failed(uncertain.error, uncertain.failure, 'maybeSent', attempts, policy, true)
					: this.cancelled();
			}
			let error: unknown;
			try {
				return await attempt();
			} catch (caught) {
				error = caught;
			}
			const failure = describeFailure(error);
			const kind = kindOf(failure);
			if (kind === 'rateLimited') {
				this.stats.rateLimited++;
				// No Retry-After, or one that is already over (0, a past date): back off anyway, so
				// every 429 costs time and the total wait stays bounded.
				const advised = retryAfterMs(failure.headers);
				const delay = advised
					? advised
					: backoffMs(rateLimitHits, RATE_LIMIT_BASE_MS, RATE_LIMIT_CAP_MS);
				rateLimitHits++;
				if (rateLimitWaited + delay > this.settings.maxRateLimitWaitMs) {
					throw uncertain
						? this.failed(uncertain.error, uncertain.failure, 'maybeSent', attempts, policy)
						: this.failed(error, failure, 'rateLimited', rateLimitHits);
				}
				rateLimitWaited += delay;
				this.stats.rateLimitWaitMs += delay;
				// A Retry-After speaks to the client as a whole: every request of the run waits it
				// out. Without one, only this request backs off; if the limit is real, the others
				// meet it too and back off each, with jitter, so they do not come back together.
				if (advised) this.pace.pause(delay);
				else await wait(delay, this.signal);
				continue;
			}
			attempts++;
			const repeatable =
				kind === 'notConnected' ||
				(kind === 'ambiguous' && (policy === 'read' || policy === 'keyedSend'));
			if (!repeatable || attempts >= this.settings.maxAttempts) {
				const outcome =
					kind === 'ambiguous' || (kind === 'final' && policy !== 'read' && !failure.statusCode)
						? 'maybeSent'
						: 'notSent';
				throw this.failed(error, failure, outcome, attempts, policy);
			}
			if (kind === 'ambiguous') uncertain = { error, failure };
			this.stats.retried++;
			await wait(backoffMs(attempts - 1, SERVER_RETRY_BASE_MS, SERVER_RETRY_CAP_MS), this.signal);
		}
	}

	private cancelled(): DeliveryFailure {
		const note = 'The execution was cancelled, so this request was not sent.';
		return new DeliveryFailure(new Error(note), { headers: {} }, 'notSent', note);
	}

	private failed(
		error: unknown,
		failure: HttpFailure,
		outcome: DeliveryOutcome,
		attempts: number,
		policy?: RequestPolicy,
		cancelled = false,
	): DeliveryFailure {
		const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
		let note: string;
		if (outcome === 'rateLimited') {
			const waited = Math.round(this.settings.maxRateLimitWaitMs / 1000);
			note = `Rate limit: ${this.provider} kept answering 429 (too many requests) for longer than this node waits (${waited} s, Delivery → Max Wait on Rate Limit), so this request was not sent. Lower Requests in Parallel or set a Speed Limit.`;
		} else if (outcome === 'notSent') {
			note = failure.statusCode
				? `${this.provider} refused the request${tries}: it was not carried out.`
				: `No connection to ${this.provider}${tries}: the request was not sent.`;
		} else if (policy === 'keyedSend') {
			note = `No reliable answer from ${this.provider}${tries}: the message may have been accepted. Running this again is safe: the same retry key makes ${this.provider} ignore a message it already accepted.`;
		} else if (policy === 'consumingRead') {
			note = `No reliable answer from ${this.provider}${tries}: what it handed out in the lost answer may not be handed out again. The request was not repeated.`;
		} else if (policy === 'unkeyedSend') {
			note = `No reliable answer from ${this.provider}${tries}: the message may have been sent. It was not repeated, because ${this.provider} cannot recognise a repeated send and it could arrive twice: check before sending it again.`;
		} else {
			note = `No reliable answer from ${this.provider}${tries}.`;
		}
		if (cancelled)
			note = `The execution was cancelled before this request could be repeated. ${note}`;
		return new DeliveryFailure(error, failure, outcome, note);
	}
}
