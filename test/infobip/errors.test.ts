import net from 'node:net';
import type { AddressInfo } from 'node:net';

import { deliveryReport, E401 } from './mockInfobip';
import {
	apiKeyCredential,
	PHONE,
	reportRequests,
	reports,
	runInfobip,
	runInfobipOk,
	send,
	sendRequests,
	useMockInfobip,
} from './fixtures';

/**
 * Infobip's errors as the user sees them (every violation shown), and retries: sends are never
 * repeated, reads are repeated after a 5xx or a dropped connection.
 */

const infobip = useMockInfobip();

// The transport waits between attempts with n8n-workflow's `sleep`: record instead of spending.
const mockWaits: number[] = [];
jest.mock('n8n-workflow', () => ({
	...jest.requireActual<object>('n8n-workflow'),
	sleep: async (ms: number) => {
		mockWaits.push(ms);
	},
}));
beforeEach(() => {
	mockWaits.length = 0;
});

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
const E500 = {
	errorCode: 'E500',
	description: 'Something went wrong.',
	action: 'Contact the support.',
	violations: [],
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

describe('sends are never retried', () => {
	it('a 500 on send: exactly one request; the error says it may have been accepted and how to look it up', async () => {
		infobip.mock.on('POST', '/line/1/messages', () => ({ status: 500, body: E500 }));
		const result = await runInfobip(infobip.mock, send({ schedule: { bulkId: 'bulk-42' } }));

		expect(sendRequests(infobip.mock)).toHaveLength(1);
		expect(mockWaits).toEqual([]);
		expect(result.error?.httpCode).toBe('500');
		const text = shown(result.error);
		expect(text).toContain(
			'Infobip may have accepted the messages before this failure. Nothing was retried',
		);
		expect(text).toContain('look for delivery reports with bulk ID bulk-42');
	});

	it('without a bulk ID the hint names the message IDs, or suggests setting one', async () => {
		infobip.mock.on('POST', '/line/1/messages', () => ({ status: 503, body: E500 }));
		const withIds = await runInfobip(
			infobip.mock,
			send({
				destinations: {
					destination: [
						{ to: PHONE, messageId: 'm-1' },
						{ to: '66800000001', messageId: 'm-2' },
					],
				},
			}),
		);
		expect(shown(withIds.error)).toContain('delivery reports of message ID m-1 (and 1 more)');
		const without = await runInfobip(infobip.mock, send());
		expect(shown(without.error)).toContain('Set Schedule → Bulk ID (or message IDs) on sends');
		expect(sendRequests(infobip.mock)).toHaveLength(2);
	});

	it('a 429 on send is not retried and says so', async () => {
		infobip.mock.on('POST', '/line/1/messages', () => ({
			status: 429,
			body: { ...E400, errorCode: 'E429', description: 'Too many requests', violations: [] },
		}));
		const result = await runInfobip(infobip.mock, send());
		expect(sendRequests(infobip.mock)).toHaveLength(1);
		expect(shown(result.error)).toContain('Infobip is limiting the request rate');
		expect(shown(result.error)).not.toContain('may have accepted');
	});

	it('a dropped connection on send: one attempt only; on a read: three', async () => {
		let connections = 0;
		const server = net.createServer((socket) => {
			connections++;
			socket.destroy();
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = server.address() as AddressInfo;
			const credentials = {
				...apiKeyCredential(infobip.mock),
				data: { authType: 'apiKey', apiKey: 'k', baseUrl: `http://127.0.0.1:${port}` },
			};
			const sent = await runInfobip(infobip.mock, send(), { credentials });
			expect(connections).toBe(1);
			expect(sent.error?.message).toBe('No answer from Infobip');
			expect(shown(sent.error)).toMatch(/Network error: E[A-Z]+/);
			expect(shown(sent.error)).toContain('may have accepted the messages');

			connections = 0;
			const read = await runInfobip(infobip.mock, reports(), { credentials });
			expect(connections).toBe(3);
			expect(mockWaits).toEqual([300, 1000]);
			expect(shown(read.error)).not.toContain('may have accepted');
		} finally {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	});
});

describe('reads are retried', () => {
	it('a 500 on Get Delivery Reports is retried and then succeeds', async () => {
		infobip.mock.addReports([deliveryReport({ messageId: 'm-1' })]);
		infobip.mock.once('GET', '/line/1/reports', () => ({ status: 500, body: E500 }));
		const items = await runInfobipOk(infobip.mock, reports());
		expect(reportRequests(infobip.mock)).toHaveLength(2);
		expect(mockWaits).toEqual([300]);
		expect(items.map((item) => item.json.messageId)).toEqual(['m-1']);
	});

	it('a 401 is not retried by the node (n8n-core itself re-sends any request once after a 401)', async () => {
		const result = await runInfobip(infobip.mock, reports(), {
			credentials: apiKeyCredential(infobip.mock, 'wrong'),
		});
		// n8n-core's httpRequestWithAuthentication repeats a request answered 401 once, to refresh
		// expirable credentials; a 401 means Infobip did nothing, so this is harmless even for sends.
		expect(reportRequests(infobip.mock)).toHaveLength(2);
		expect(mockWaits).toEqual([]);
		expect(result.error?.httpCode).toBe('401');
	});
});
