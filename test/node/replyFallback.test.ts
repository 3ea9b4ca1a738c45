import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { useRecordedWaits } from '../support/waits';
import {
	apiRequests,
	GROUP,
	header,
	hello,
	HELLO,
	REPLY_TOKEN,
	runLine,
	runLineOk,
	USER,
	USER_2,
	useMockLine,
	UUID,
} from './fixtures';

/**
 * Send Reply → "Push If Reply Token Is Invalid": when LINE refuses the reply token (expired,
 * used, wrong), the same messages are pushed to the event's chat instead, billed, with a retry
 * key. Any other refusal stays an error.
 */

const line = useMockLine();

jest.mock('n8n-workflow', () => jest.requireActual('../support/waits').workflowWithRecordedSleep());
const mockWaits = useRecordedWaits();

const INVALID_TOKEN = { status: 400, body: { message: 'Invalid reply token' } };
const REPLY = '/v2/bot/message/reply';
const PUSH = '/v2/bot/message/push';

const reply = (options: IDataObject = {}, parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendReply',
	...hello,
	options: options as INodeParameters,
	...parameters,
});

const withFallback = { pushIfReplyTokenInvalid: true };
/** A LINE Trigger event: reply token and the chat it came from. */
const event = (chatId = USER, replyToken = REPLY_TOKEN) => ({ replyToken, chatId });

describe('option on', () => {
	it('an invalid reply token: pushes the same messages to chatId with a retry key, and says so', async () => {
		line.mock.once('POST', REPLY, () => INVALID_TOKEN);
		const items = await runLineOk(
			line.mock,
			reply({ ...withFallback, notificationDisabled: true }),
			{
				input: [event(GROUP)],
			},
		);

		const [replyRequest, pushRequest] = apiRequests(line.mock);
		expect(apiRequests(line.mock)).toHaveLength(2);
		expect([replyRequest.path, replyRequest.response.status]).toEqual([REPLY, 400]);
		expect(header(replyRequest, 'x-line-retry-key')).toBeUndefined();
		expect(pushRequest.path).toBe(PUSH);
		expect(pushRequest.body).toEqual({ to: GROUP, messages: HELLO, notificationDisabled: true });
		const retryKey = header(pushRequest, 'x-line-retry-key');
		expect(retryKey).toMatch(UUID);

		expect(items).toEqual([
			{
				json: {
					deliveredBy: 'push',
					to: GROUP,
					replyError: 'Invalid reply token',
					requestId: pushRequest.requestId,
					retryKey,
					sentMessages: (pushRequest.response.body as IDataObject).sentMessages,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('a valid reply token: replies, pushes nothing, deliveredBy reply', async () => {
		const items = await runLineOk(line.mock, reply(withFallback), { input: [event()] });
		expect(apiRequests(line.mock).map((r) => r.path)).toEqual([REPLY]);
		expect(items[0].json).toMatchObject({
			deliveredBy: 'reply',
			requestId: apiRequests(line.mock)[0].requestId,
		});
	});

	it('each item falls back to its own chat (Push To resolves per item), others still reply', async () => {
		line.mock.on('POST', REPLY, (request) =>
			(request.body as IDataObject).replyToken === 'expired' ? INVALID_TOKEN : undefined,
		);
		const items = await runLineOk(line.mock, reply(withFallback), {
			input: [event(USER, 'expired'), event(USER_2, 'fresh'), event(GROUP, 'expired')],
		});

		const pushes = line.mock.requestsTo('POST', PUSH);
		expect(pushes.map((r) => (r.body as IDataObject).to)).toEqual([USER, GROUP]);
		expect(new Set(pushes.map((r) => header(r, 'x-line-retry-key'))).size).toBe(2);
		expect(items.map((item) => [item.json.deliveredBy, item.json.to, item.pairedItem])).toEqual([
			['push', USER, { item: 0 }],
			['reply', undefined, { item: 1 }],
			['push', GROUP, { item: 2 }],
		]);
	});

	it('an explicit Push To is used instead of chatId', async () => {
		line.mock.once('POST', REPLY, () => INVALID_TOKEN);
		await runLineOk(line.mock, reply({ ...withFallback, pushTo: '={{ $json.owner }}' }), {
			input: [{ ...event(GROUP), owner: USER_2 }],
		});
		expect(line.mock.requestsTo('POST', PUSH).map((r) => (r.body as IDataObject).to)).toEqual([
			USER_2,
		]);
	});

	it('a failed push after the fallback is retried with the same retry key', async () => {
		line.mock
			.once('POST', REPLY, () => INVALID_TOKEN)
			.once('POST', PUSH, () => ({ status: 500, body: { message: 'Internal error' } }));
		const items = await runLineOk(line.mock, reply(withFallback), { input: [event()] });
		const pushes = line.mock.requestsTo('POST', PUSH);
		expect(pushes.map((r) => r.response.status)).toEqual([500, 200]);
		expect(header(pushes[1], 'x-line-retry-key')).toBe(header(pushes[0], 'x-line-retry-key'));
		// One wait before the second attempt: 250–500 ms (500 ms backoff with jitter).
		expect(mockWaits).toHaveLength(1);
		expect(mockWaits[0]).toBeGreaterThanOrEqual(250);
		expect(mockWaits[0]).toBeLessThanOrEqual(500);
		expect(items[0].json).toMatchObject({ deliveredBy: 'push', requestId: pushes[1].requestId });
	});

	it('another 400 is still an error, and nothing is pushed', async () => {
		line.mock.once('POST', REPLY, () => ({
			status: 400,
			body: {
				message: 'The request body has 1 error(s)',
				details: [{ message: 'May not be empty', property: 'messages[0].text' }],
			},
		}));
		const result = await runLine(line.mock, reply(withFallback), { input: [event()] });
		expect(result.error?.message).toContain('The request body has 1 error(s)');
		expect(result.error?.httpCode).toBe('400');
		expect(line.mock.requestsTo('POST', PUSH)).toEqual([]);
	});

	it('a server error of the reply is an error, and nothing is pushed', async () => {
		line.mock.once('POST', REPLY, () => ({ status: 500, body: { message: 'Internal error' } }));
		const result = await runLine(line.mock, reply(withFallback), { input: [event()] });
		expect(result.error?.httpCode).toBe('500');
		expect(line.mock.requestsTo('POST', REPLY)).toHaveLength(1);
		expect(line.mock.requestsTo('POST', PUSH)).toEqual([]);
		expect(mockWaits).toEqual([]);
		expect(result.error?.description).toContain(
			'No reliable answer from LINE: the message may have been sent.',
		);
	});

	it('a push after the fallback that keeps failing says running again is safe (same retry key)', async () => {
		line.mock
			.once('POST', REPLY, () => INVALID_TOKEN)
			.on('POST', PUSH, () => ({ status: 500, body: { message: 'Internal error' } }));
		const result = await runLine(line.mock, reply(withFallback), { input: [event()] });
		const pushes = line.mock.requestsTo('POST', PUSH);
		expect(pushes).toHaveLength(3);
		expect(header(pushes[0], 'x-line-retry-key')).toMatch(UUID);
		expect(new Set(pushes.map((r) => header(r, 'x-line-retry-key'))).size).toBe(1);
		expect(result.error?.httpCode).toBe('500');
		expect(result.error?.description).toContain(
			'No reliable answer from LINE (3 attempts): the message may have been accepted. Running this again is safe',
		);
	});

	it('a Push To that is not a LINE ID is refused before anything is sent, naming the field and item', async () => {
		const result = await runLine(line.mock, reply(withFallback), {
			input: [event(), { replyToken: 'second' }],
		});
		expect(result.error?.message).toMatch(
			/^pushTo: .* is not a LINE user, group or room ID .*\[item 1\]$/,
		);
		expect(line.mock.requests).toEqual([]);
	});
});

describe('option off (the default)', () => {
	it('an invalid reply token is an error that points to the option, and nothing is pushed', async () => {
		line.mock.once('POST', REPLY, () => INVALID_TOKEN);
		const result = await runLine(line.mock, reply(), { input: [event()] });

		expect(result.error?.message).toContain('Invalid reply token');
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.description).toContain('Push If Reply Token Is Invalid');
		expect(apiRequests(line.mock).map((r) => r.path)).toEqual([REPLY]);
	});

	it('Push To is not even read: an event without chatId replies as before', async () => {
		const items = await runLineOk(line.mock, reply(), { input: [{ replyToken: REPLY_TOKEN }] });
		expect(items[0].json.deliveredBy).toBeUndefined();
		expect(apiRequests(line.mock).map((r) => r.path)).toEqual([REPLY]);
	});
});
