import { closedPort, shown } from '../support/failures';
import { useRecordedWaits } from '../support/waits';
import { failedAnswer } from './mockKonnek';
import { konnekCredential, runKonnek, runKonnekOk, text, useMockKonnek } from './fixtures';

/**
 * Konnek through the delivery engine. Every Konnek request is a send that Konnek cannot
 * recognise when repeated, so: a 429 is waited out (Retry-After or backoff) and the message then
 * goes out once; a send whose answer was lost (5xx, reset) is not repeated and says it may have
 * been sent; a refused connection (nothing arrived) is tried again and says it was not sent.
 */

const konnek = useMockKonnek();

jest.mock('n8n-workflow', () => jest.requireActual('../support/waits').workflowWithRecordedSleep());
const mockWaits = useRecordedWaits({ clock: Date.parse('2026-11-02T09:00:00Z') });

const IO = 30_000;

const tooMany = (headers: Record<string, string> = {}) => ({
	...failedAnswer(429, 'Too Many Requests', 'rate limit exceeded'),
	headers,
});

describe('a 429 is waited out, and the message goes out once', () => {
	it(
		'Retry-After: 3 → waits 3000 ms, sends the same message again, one delivered',
		async () => {
			konnek.mock.once(() => tooMany({ 'Retry-After': '3' }));
			const items = await runKonnekOk(konnek.mock, text('Once only'));

			const requests = konnek.mock.requests;
			expect(requests.map((r) => r.response.status)).toEqual([429, 200]);
			// The same message, with the same id: not a second message.
			expect(requests[1].body).toEqual(requests[0].body);
			expect(mockWaits).toEqual([3000]);
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				id: (requests[0].body as { id: string }).id,
				message: 'OK',
				statusName: 'Pending',
			});
		},
		IO,
	);

	it(
		'without Retry-After → a backoff of 0.5–1 s, then one delivered',
		async () => {
			konnek.mock.once(() => tooMany());
			const items = await runKonnekOk(konnek.mock, text('Once only'));
			expect(konnek.mock.requests.map((r) => r.response.status)).toEqual([429, 200]);
			expect(mockWaits).toHaveLength(1);
			expect(mockWaits[0]).toBeGreaterThanOrEqual(500);
			expect(mockWaits[0]).toBeLessThanOrEqual(1000);
			expect(items).toHaveLength(1);
		},
		IO,
	);

	it(
		'a 429 that lasts past Max Wait on Rate Limit fails, saying the rate limit was hit and the message was not sent',
		async () => {
			konnek.mock.on(() => tooMany({ 'Retry-After': '2' }));
			const result = await runKonnek(konnek.mock, {
				...text('Once only'),
				delivery: { maxRateLimitWait: 5 },
			});

			expect(result.status).toBe('error');
			expect(result.error?.httpCode).toBe('429');
			// 2 s + 2 s fit in the 5 s allowed; a third wait would not.
			expect(konnek.mock.requests).toHaveLength(3);
			expect(mockWaits).toEqual([2000, 2000]);
			expect(result.error?.message).toBe('Konnek refused the message: Too Many Requests');
			expect(result.error?.description).toContain(
				'Rate limit: Konnek kept answering 429 (too many requests) for longer than this node waits (5 s, Delivery → Max Wait on Rate Limit), so this request was not sent.',
			);
			expect(shown(result)).not.toContain('may have been sent');
		},
		IO,
	);
});

describe('a send whose answer was lost is not repeated, and says it may have been sent', () => {
	const MAYBE_SENT =
		'No reliable answer from Konnek: the message may have been sent. It was not repeated, because Konnek cannot recognise a repeated send and it could arrive twice: check before sending it again.';

	it(
		'a 500: exactly one request',
		async () => {
			konnek.mock.on(() => failedAnswer(500, 'Internal Server Error', null));
			const result = await runKonnek(konnek.mock, text('hi'));

			expect(konnek.mock.requests).toHaveLength(1);
			expect(mockWaits).toEqual([]);
			expect(result.error?.httpCode).toBe('500');
			expect(result.error?.message).toBe('Konnek refused the message: Internal Server Error');
			expect(result.error?.description).toContain(MAYBE_SENT);
		},
		IO,
	);

	it(
		'a connection dropped after the request arrived: exactly one request',
		async () => {
			konnek.mock.on(() => ({ status: 0, destroy: true }));
			const result = await runKonnek(konnek.mock, text('hi'));

			expect(konnek.mock.requests).toHaveLength(1);
			expect(mockWaits).toEqual([]);
			expect(result.error?.message).toBe('No answer from Konnek');
			expect(result.error?.description).toContain('Network error: ECONNRESET');
			expect(result.error?.description).toContain(MAYBE_SENT);
		},
		IO,
	);

	it(
		'with continueOnFail only the item whose answer was lost fails; the next is sent once',
		async () => {
			konnek.mock.once(() => ({ status: 0, destroy: true }));
			const result = await runKonnek(konnek.mock, text('={{ $json.text }}'), {
				input: [{ text: 'first' }, { text: 'second' }],
				continueOnFail: true,
			});
			expect(konnek.mock.requests.map((r) => r.response.status)).toEqual([0, 200]);
			expect(result.items[0].json).toMatchObject({
				error: 'No answer from Konnek',
				errorDetails: expect.stringContaining(MAYBE_SENT),
			});
			expect(result.items[1].json.statusName).toBe('Pending');
		},
		IO,
	);

	it(
		'a refused connection is tried again (nothing arrived) and then says it was not sent',
		async () => {
			const result = await runKonnek(konnek.mock, text('hi'), {
				credentials: konnekCredential(`http://127.0.0.1:${await closedPort()}`),
			});
			expect(result.error?.message).toBe('No answer from Konnek');
			expect(result.error?.description).toContain('Network error: ECONNREFUSED');
			expect(result.error?.description).toContain(
				'No connection to Konnek (3 attempts): the request was not sent.',
			);
			expect(shown(result)).not.toContain('may have been sent');
			expect(mockWaits).toHaveLength(2);
		},
		IO,
	);
});
