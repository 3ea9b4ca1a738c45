import {
	backoffMs,
	Delivery,
	DEFAULT_DELIVERY,
	DeliveryFailure,
	deliveryNote,
	retryAfterMs,
	type DeliverySettings,
	type RequestPolicy,
} from '../../nodes/shared/delivery';
import { useRecordedWaits } from '../support/waits';

/**
 * The delivery engine on its own: which failures are repeated under which policy, how long it
 * waits, and what it says about a request that finally failed. Waits are recorded, not spent;
 * the clock is fixed so the pacing arithmetic is exact.
 */

jest.mock('n8n-workflow', () => jest.requireActual('../support/waits').workflowWithRecordedSleep());

const NOW = Date.parse('2026-11-21T08:00:00Z');
const mockWaits = useRecordedWaits({ clock: { frozenAt: NOW } });
afterEach(() => jest.restoreAllMocks());

/** What n8n's request helper throws for an HTTP answer. */
const httpError = (status: number, headers: Record<string, string> = {}) =>
	Object.assign(new Error(`HTTP ${status}`), { response: { status, headers, data: {} } });
/** What it throws when the connection failed. */
const networkError = (code: string) => Object.assign(new Error(code), { code });

/** An attempt that fails with `failures` in turn, then answers `ok`; counts its calls. */
function scripted(...failures: unknown[]) {
	const script = { calls: 0, attempt: async () => 'ok' as const };
	script.attempt = async () => {
		const failure = failures[script.calls++];
		if (failure !== undefined) throw failure;
		return 'ok' as const;
	};
	return script;
}

const settings = (overrides: Partial<DeliverySettings> = {}): DeliverySettings => ({
	...DEFAULT_DELIVERY,
	...overrides,
});

async function failureOf(promise: Promise<unknown>): Promise<DeliveryFailure> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(DeliveryFailure);
		return error as DeliveryFailure;
	}
	throw new Error('expected the request to fail');
}

describe('backoffMs', () => {
	it('lies between half and all of base · 2^attempt', () => {
		for (let attempt = 0; attempt < 5; attempt++) {
			const ceiling = 500 * 2 ** attempt;
			for (let n = 0; n < 200; n++) {
				const wait = backoffMs(attempt, 500, 100_000);
				expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
				expect(wait).toBeLessThanOrEqual(ceiling);
			}
		}
	});

	it('reaches both ends of the range, and never passes the cap', () => {
		jest.spyOn(Math, 'random').mockReturnValue(0);
		expect([0, 1, 2].map((a) => backoffMs(a, 500, 10_000))).toEqual([250, 500, 1000]);
		expect(backoffMs(10, 500, 10_000)).toBe(5000);
		jest.spyOn(Math, 'random').mockReturnValue(0.999999);
		expect([0, 1, 2].map((a) => backoffMs(a, 500, 10_000))).toEqual([500, 1000, 2000]);
		expect(backoffMs(10, 500, 10_000)).toBe(10_000);
	});
});

describe('retryAfterMs', () => {
	it('reads delay-seconds', () => {
		expect(retryAfterMs({ 'retry-after': '5' }, NOW)).toBe(5000);
		expect(retryAfterMs({ 'retry-after': ' 1.5 ' }, NOW)).toBe(1500);
		expect(retryAfterMs({ 'retry-after': '0' }, NOW)).toBe(0);
	});

	it('reads an HTTP date as the time from now until then', () => {
		const at = new Date(NOW + 42_000).toUTCString();
		expect(retryAfterMs({ 'retry-after': at }, NOW)).toBe(42_000);
		expect(retryAfterMs({ 'retry-after': new Date(NOW - 5000).toUTCString() }, NOW)).toBe(0);
	});

	it('is undefined when absent or unreadable', () => {
		expect(retryAfterMs({}, NOW)).toBeUndefined();
		expect(retryAfterMs({ 'retry-after': '' }, NOW)).toBeUndefined();
		expect(retryAfterMs({ 'retry-after': 'soon' }, NOW)).toBeUndefined();
	});
});

describe('Delivery.run: what is repeated', () => {
	const run = (policy: RequestPolicy, script: ReturnType<typeof scripted>, s = settings()) =>
		new Delivery('LINE', s).run(policy, script.attempt);

	it.each(['read', 'keyedSend'] as const)(
		'%s: repeated after 5xx, resets and timeouts, up to maxAttempts, with backoff',
		async (policy) => {
			const script = scripted(httpError(503), networkError('ECONNRESET'));
			await expect(run(policy, script)).resolves.toBe('ok');
			expect(script.calls).toBe(3);
			expect(mockWaits).toHaveLength(2);
			expect(mockWaits[0]).toBeGreaterThanOrEqual(250);
			expect(mockWaits[0]).toBeLessThanOrEqual(500);
			expect(mockWaits[1]).toBeGreaterThanOrEqual(500);
			expect(mockWaits[1]).toBeLessThanOrEqual(1000);

			const timedOut = scripted(networkError('ETIMEDOUT'), networkError('ECONNABORTED'));
			await expect(run(policy, timedOut)).resolves.toBe('ok');
			expect(timedOut.calls).toBe(3);
		},
	);

	it('keyedSend: after maxAttempts the message may have been accepted, and a rerun is safe', async () => {
		const script = scripted(httpError(500), httpError(502), httpError(504), httpError(500));
		const failure = await failureOf(run('keyedSend', script));
		expect(script.calls).toBe(3);
		expect(failure.outcome).toBe('maybeSent');
		expect(failure.failure.statusCode).toBe(504);
		expect(failure.note).toBe(
			'No reliable answer from LINE (3 attempts): the message may have been accepted. Running this again is safe: the same retry key makes LINE ignore a message it already accepted.',
		);
		expect(deliveryNote(failure)).toBe(failure.note);
	});

	it('unkeyedSend: not repeated after a 5xx or a reset; the message may have been sent', async () => {
		for (const error of [httpError(500), networkError('ECONNRESET'), networkError('ETIMEDOUT')]) {
			const script = scripted(error);
			const failure = await failureOf(run('unkeyedSend', script));
			expect(script.calls).toBe(1);
			expect(failure.outcome).toBe('maybeSent');
			expect(failure.note).toMatch(
				/^No reliable answer from LINE: the message may have been sent\. It was not repeated/,
			);
		}
		expect(mockWaits).toEqual([]);
	});

	it('unkeyedSend: repeated when no connection was made (it certainly did not arrive)', async () => {
		const script = scripted(networkError('ECONNREFUSED'), networkError('ENOTFOUND'));
		await expect(run('unkeyedSend', script)).resolves.toBe('ok');
		expect(script.calls).toBe(3);

		const never = scripted(...Array(5).fill(networkError('ECONNREFUSED')));
		const failure = await failureOf(run('unkeyedSend', never));
		expect(never.calls).toBe(3);
		expect(failure.outcome).toBe('notSent');
		expect(failure.note).toBe('No connection to LINE (3 attempts): the request was not sent.');
	});

	it.each(['read', 'keyedSend', 'unkeyedSend'] as const)(
		'%s: a 4xx is not repeated and was not carried out',
		async (policy) => {
			const script = scripted(httpError(400));
			const failure = await failureOf(run(policy, script));
			expect(script.calls).toBe(1);
			expect(failure.outcome).toBe('notSent');
			expect(failure.note).toBe('LINE refused the request: it was not carried out.');
			expect(mockWaits).toEqual([]);
		},
	);

	it('a read that keeps failing has no reliable answer, without talk of messages', async () => {
		const failure = await failureOf(run('read', scripted(...Array(3).fill(httpError(503)))));
		expect(failure.note).toBe('No reliable answer from LINE (3 attempts).');
	});

	it('maxAttempts 1: never repeated', async () => {
		const script = scripted(httpError(500));
		await failureOf(run('keyedSend', script, settings({ maxAttempts: 1 })));
		expect(script.calls).toBe(1);
		expect(mockWaits).toEqual([]);
	});

	it('counts what it repeated', async () => {
		const delivery = new Delivery('LINE', settings());
		await delivery.run('read', scripted(httpError(500)).attempt);
		await delivery.run('read', scripted(httpError(429, { 'retry-after': '2' })).attempt);
		expect(delivery.stats).toEqual({ retried: 1, rateLimited: 1, rateLimitWaitMs: 2000 });
	});
});

describe('Delivery.run: 429', () => {
	it.each(['read', 'keyedSend', 'unkeyedSend'] as const)(
		'%s: waited out as Retry-After says, without using up attempts',
		async (policy) => {
			const script = scripted(
				httpError(429, { 'retry-after': '3' }),
				httpError(429, { 'retry-after': '3' }),
				httpError(429, { 'retry-after': '3' }),
			);
			const delivery = new Delivery('LINE', settings({ maxAttempts: 1 }));
			await expect(delivery.run(policy, script.attempt)).resolves.toBe('ok');
			expect(script.calls).toBe(4);
			expect(mockWaits).toEqual([3000, 3000, 3000]);
		},
	);

	it('without Retry-After: backoff of 1 s base with jitter', async () => {
		const script = scripted(httpError(429), httpError(429), httpError(429));
		await new Delivery('LINE', settings()).run('keyedSend', script.attempt);
		expect(mockWaits).toHaveLength(3);
		[
			[500, 1000],
			[1000, 2000],
			[2000, 4000],
		].forEach(([min, max], n) => {
			expect(mockWaits[n]).toBeGreaterThanOrEqual(min);
			expect(mockWaits[n]).toBeLessThanOrEqual(max);
		});
	});

	it('fails, not sent, when the waits would pass maxRateLimitWaitMs', async () => {
		const script = scripted(...Array(10).fill(httpError(429, { 'retry-after': '4' })));
		const failure = await failureOf(
			new Delivery('LINE', settings({ maxRateLimitWaitMs: 10_000 })).run(
				'keyedSend',
				script.attempt,
			),
		);
		// 4 s + 4 s are waited out; another 4 s would make 12 s.
		expect(script.calls).toBe(3);
		expect(mockWaits).toEqual([4000, 4000]);
		expect(failure.outcome).toBe('rateLimited');
		expect(failure.failure.statusCode).toBe(429);
		expect(failure.note).toBe(
			'Rate limit: LINE kept answering 429 (too many requests) for longer than this node waits (10 s, Delivery → Max Wait on Rate Limit), so this request was not sent. Lower Requests in Parallel or set a Speed Limit.',
		);
	});

	// "Bounded by a total wait" must also bound a server that keeps answering 429 with
	// `Retry-After: 0` (or with an HTTP date already past, e.g. a clock a little behind ours):
	// each such answer adds 0 ms to the total, so the request is sent again at once, for as long
	// as the 429s last. The script below stops after 1,000 answers; the engine should have given
	// up (or waited) long before.
	it.each([
		['Retry-After: 0', '0'],
		['a Retry-After date already past', new Date(NOW - 2000).toUTCString()],
	])('a server answering 429 with %s is not re-sent without end or pause', async (_name, value) => {
		const script = scripted(...Array(1000).fill(httpError(429, { 'retry-after': value })));
		await new Delivery('LINE', settings())
			.run('keyedSend', script.attempt)
			.catch((error: unknown) => error);
		const waited = mockWaits.reduce((sum, ms) => sum + ms, 0);
		// Either it gave up within a bounded number of answers, or it paused between them.
		const unbounded = script.calls > 1000 && waited === 0;
		expect(unbounded ? `sent ${script.calls} times without a pause` : 'bounded').toBe('bounded');
	});

	it('a 429 without Retry-After delays only the request that got it', async () => {
		const delivery = new Delivery('LINE', settings());
		await delivery.run('read', scripted(httpError(429)).attempt);
		expect(mockWaits).toHaveLength(1);
		mockWaits.length = 0;
		await delivery.run('read', scripted().attempt);
		expect(mockWaits).toEqual([]);
	});

	it('a 429 with Retry-After pauses every request of the run, not only the one that got it', async () => {
		const delivery = new Delivery('LINE', settings());
		await delivery.run('read', scripted(httpError(429, { 'retry-after': '7' })).attempt);
		mockWaits.length = 0;
		// The clock has not moved: the next request waits for the rest of the pause.
		await delivery.run('read', scripted().attempt);
		expect(mockWaits).toEqual([7000]);
	});
});

describe('Delivery.run: speed limit', () => {
	it('spaces requests minIntervalMs apart', async () => {
		const delivery = new Delivery('LINE', settings({ minIntervalMs: 250 }));
		for (let n = 0; n < 4; n++) await delivery.run('read', scripted().attempt);
		// The clock is fixed: each request waits for its slot, 250 ms after the previous one.
		expect(mockWaits).toEqual([250, 500, 750]);
	});

	it('no speed limit: no waits', async () => {
		const delivery = new Delivery('LINE', settings());
		for (let n = 0; n < 4; n++) await delivery.run('read', scripted().attempt);
		expect(mockWaits).toEqual([]);
	});
});

describe('Delivery.run: cancelled execution', () => {
	it('sends nothing once the execution is cancelled', async () => {
		const controller = new AbortController();
		controller.abort();
		const script = scripted();
		const failure = await failureOf(
			new Delivery('LINE', settings(), controller.signal).run('keyedSend', script.attempt),
		);
		expect(script.calls).toBe(0);
		expect(failure.outcome).toBe('notSent');
		expect(failure.note).toBe('The execution was cancelled, so this request was not sent.');
	});

	// The first attempt got a 500: LINE may have accepted it. A cancel during the wait for the
	// second attempt must not turn that into "not sent" (the user would send it again, under a
	// new execution with new retry keys, and the recipients could get it twice).
	it('a cancel after an attempt with no reliable answer: not tried again, and it may have been sent', async () => {
		const controller = new AbortController();
		let calls = 0;
		const failure = await failureOf(
			new Delivery('LINE', settings(), controller.signal).run('keyedSend', async () => {
				calls++;
				controller.abort();
				throw httpError(500);
			}),
		);
		expect(calls).toBe(1);
		expect(failure.outcome).toBe('maybeSent');
		expect(failure.note).toMatch(/may have been/);
	});

	it('a cancel after a refused connection: not tried again, and not sent', async () => {
		const controller = new AbortController();
		let calls = 0;
		const failure = await failureOf(
			new Delivery('LINE', settings(), controller.signal).run('unkeyedSend', async () => {
				calls++;
				controller.abort();
				throw networkError('ECONNREFUSED');
			}),
		);
		expect(calls).toBe(1);
		expect(failure.outcome).toBe('notSent');
	});
});
