import { E401 } from './mockInfobip';
import { apiKeyCredential, runInfobip, send, useMockInfobip } from './fixtures';

/** Infobip's errors as the user sees them: every violation shown, what to do, the endpoint. */

const infobip = useMockInfobip();

const E400 = {
	errorCode: 'E400',
	description: 'Request cannot be processed.',
	action: 'Check the syntax, violations and adjust the request.',
	violations: [
		{ property: 'messages[0].sender', violation: 'Sender is not registered for LINE.' },
		{ property: 'messages[0].destinations[0].to', violation: 'Invalid destination address.' },
	],
	resources: [],
};

function shown(error: { message: string; description?: string | null } | undefined): string {
	return `${error?.message ?? ''}\n${error?.description ?? ''}`;
}

describe('errors from Infobip', () => {
	it('a 400 shows the description, every violation with its property, the action and the endpoint', async () => {
		infobip.mock.once('POST', '/line/1/messages', () => ({ status: 400, body: E400 }));
		const result = await runInfobip(infobip.mock, send());

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'Infobip API error 400 (E400): Request cannot be processed.',
		);
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.itemIndex).toBe(0);
		expect(result.error?.description).toBe(
			[
				'messages[0].sender: Sender is not registered for LINE.',
				'messages[0].destinations[0].to: Invalid destination address.',
				'Check the syntax, violations and adjust the request.',
				'POST /line/1/messages',
				'Infobip refused the request: it was not carried out.',
				'This run stopped: 0 of 1 item(s) were sent.',
				'Failed: items 0 (see above).',
			].join('\n'),
		);
	});

	it('a wrong API key gives E401 with the link Infobip sends, and the key is not shown', async () => {
		const result = await runInfobip(infobip.mock, send(), {
			credentials: apiKeyCredential(infobip.mock, 'wrong-key-123'),
		});
		expect(result.error?.message).toBe(`Infobip API error 401 (E401): ${E401.description}`);
		expect(result.error?.httpCode).toBe('401');
		expect(shown(result.error)).toContain(
			'API Authentication: https://www.infobip.com/docs/essentials/api-authentication',
		);
		expect(JSON.stringify(result.error?.raw)).not.toContain('wrong-key-123');
	});

	it('the older requestError body is read too', async () => {
		infobip.mock.once('POST', '/line/1/messages', () => ({
			status: 403,
			body: {
				requestError: {
					serviceException: { messageId: 'UNAUTHORIZED', text: 'Invalid login details' },
				},
			},
		}));
		const result = await runInfobip(infobip.mock, send());
		expect(result.error?.message).toBe(
			'Infobip API error 403 (UNAUTHORIZED): Invalid login details',
		);
	});

	it('with continueOnFail the failing item carries error, errorDetails and httpCode', async () => {
		infobip.mock.once('POST', '/line/1/messages', () => ({ status: 400, body: E400 }));
		const result = await runInfobip(infobip.mock, send(), {
			input: [{}, {}],
			continueOnFail: true,
		});
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json).toMatchObject({
			error: 'Infobip API error 400 (E400): Request cannot be processed.',
			errorDetails: expect.stringContaining(
				'messages[0].sender: Sender is not registered for LINE.',
			),
			httpCode: '400',
		});
		expect(result.items[1].json.statusName).toBe('PENDING_ENROUTE');
	});
});

// What is repeated after a failure and what is not (sends, reads, 429s): delivery.test.ts.
