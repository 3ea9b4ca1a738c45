import { Buffer } from 'node:buffer';
import {
	getGlobalState,
	setGlobalState,
	type IDataObject,
	type INodeParameters,
} from 'n8n-workflow';

import { API_KEY, PASSWORD, PENDING_STATUS, USERNAME } from './mockInfobip';
import {
	basicCredential,
	BUBBLE,
	PHONE,
	PHONE_2,
	runInfobip,
	runInfobipOk,
	send,
	SENDER,
	sendRequests,
	useMockInfobip,
} from './fixtures';
import { validateInfobipSchema } from './openapi';

/**
 * Send Notification through n8n's real engine to a mock Infobip: every request is validated
 * against Infobip's line.json; the exact body; one output item per destination message.
 */

const infobip = useMockInfobip();

// Times without an offset are read in the workflow's time zone (n8n's GENERIC_TIMEZONE).
const globalState = getGlobalState();
beforeAll(() => setGlobalState({ ...globalState, defaultTimezone: 'Asia/Bangkok' }));
afterAll(() => setGlobalState(globalState));

function body(index = 0): IDataObject {
	return sendRequests(infobip.mock)[index].body as IDataObject;
}

describe('Send Notification: the request', () => {
	it('posts one LineRequest with the API key as "App", valid against line.json', async () => {
		await runInfobipOk(infobip.mock, send());

		expect(infobip.mock.requests).toHaveLength(1);
		const [request] = infobip.mock.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/line/1/messages');
		expect(request.operationId).toBe('send-line-message');
		expect(request.headers.authorization).toBe(`App ${API_KEY}`);
		expect(request.body).toEqual({
			messages: [
				{
					sender: SENDER,
					destinations: [{ to: PHONE }],
					content: {
						type: 'LINE_NOTIFICATION',
						altText: 'Your order has shipped',
						contents: BUBBLE,
					},
				},
			],
		});
	});

	it('with username and password sends HTTP Basic authentication', async () => {
		await runInfobipOk(infobip.mock, send(), { credentials: basicCredential(infobip.mock) });
		expect(infobip.mock.requests[0].headers.authorization).toBe(
			`Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')}`,
		);
	});

	it('many destinations, each with an optional message ID, go in one request', async () => {
		await runInfobipOk(
			infobip.mock,
			send({
				destinations: {
					destination: [{ to: PHONE, messageId: 'order-1' }, { to: PHONE_2 }, { to: ` ${PHONE} ` }],
				},
			}),
		);
		expect(sendRequests(infobip.mock)).toHaveLength(1);
		expect((body().messages as IDataObject[])[0].destinations).toEqual([
			{ to: PHONE, messageId: 'order-1' },
			{ to: PHONE_2 },
			{ to: PHONE },
		]);
	});

	it('destinations from a list: text separated by commas and new lines, duplicates without an ID dropped', async () => {
		await runInfobipOk(
			infobip.mock,
			send({ destinationsInput: 'list', destinationList: `${PHONE}, ${PHONE_2}\n${PHONE}` }),
		);
		expect((body().messages as IDataObject[])[0].destinations).toEqual([
			{ to: PHONE },
			{ to: PHONE_2 },
		]);
	});

	it('destinations from an expression giving an array of numbers and { to, messageId } objects', async () => {
		await runInfobipOk(
			infobip.mock,
			send({ destinationsInput: 'list', destinationList: '={{ $json.recipients }}' }),
			{ input: [{ recipients: [Number(PHONE), { to: PHONE_2, messageId: 'm-2' }] }] },
		);
		expect((body().messages as IDataObject[])[0].destinations).toEqual([
			{ to: PHONE },
			{ to: PHONE_2, messageId: 'm-2' },
		]);
	});

	it('every option lands where line.json puts it', async () => {
		await runInfobipOk(
			infobip.mock,
			send({
				options: {
					validityPeriod: { value: { amount: 30, timeUnit: 'MINUTES' } },
					deliveryTimeWindow: {
						value: { days: ['MONDAY', 'FRIDAY'], from: '06:00', to: '15:30' },
					},
					smsFailover: {
						value: {
							text: 'Your order has shipped',
							sender: 'InfoSMS',
							validityAmount: 2,
							validityTimeUnit: 'HOURS',
						},
					},
					entityId: 'promotional-traffic-entity',
					applicationId: 'marketing-automation-application',
					campaignReferenceId: 'summersale',
					deliveryUrl: 'https://n8n.example.com/webhook/abc/delivery-reports?token=s3cret',
					intermediateReport: true,
					notify: true,
					reportContentType: 'application/json',
					callbackData: 'order=1234',
				},
				schedule: {
					bulkId: 'campaign-2026-07',
					sendAt: '2026-12-07T17:00:00.000+01:00',
					sendingSpeedLimit: { value: { amount: 30, timeUnit: 'HOUR' } },
				},
			}),
		);
		const message = (body().messages as IDataObject[])[0];
		expect(message.options).toEqual({
			platform: {
				entityId: 'promotional-traffic-entity',
				applicationId: 'marketing-automation-application',
			},
			validityPeriod: { amount: 30, timeUnit: 'MINUTES' },
			deliveryTimeWindow: {
				days: ['MONDAY', 'FRIDAY'],
				from: { hour: 6, minute: 0 },
				to: { hour: 15, minute: 30 },
			},
			campaignReferenceId: 'summersale',
			smsFailover: {
				sender: 'InfoSMS',
				text: 'Your order has shipped',
				validityPeriod: { amount: 2, timeUnit: 'HOURS' },
			},
		});
		expect(message.webhooks).toEqual({
			delivery: {
				url: 'https://n8n.example.com/webhook/abc/delivery-reports?token=s3cret',
				intermediateReport: true,
				notify: true,
			},
			contentType: 'application/json',
			callbackData: 'order=1234',
		});
		expect(body().options).toEqual({
			schedule: {
				bulkId: 'campaign-2026-07',
				sendAt: '2026-12-07T16:00:00.000+0000',
				sendingSpeedLimit: { amount: 30, timeUnit: 'HOUR' },
			},
		});
	});

	it("Send At from n8n's date picker (no offset) is read in the workflow's time zone", async () => {
		await runInfobipOk(infobip.mock, send({ schedule: { sendAt: '2026-12-24T09:30:00' } }));
		// Asia/Bangkok is UTC+7.
		expect((body().options as IDataObject).schedule).toEqual({
			sendAt: '2026-12-24T02:30:00.000+0000',
		});
	});

	it('Send At from an expression giving a Luxon DateTime', async () => {
		await runInfobipOk(
			infobip.mock,
			send({ schedule: { sendAt: "={{ DateTime.fromISO('2026-12-24T09:30:00Z') }}" } }),
		);
		expect(((body().options as IDataObject).schedule as IDataObject).sendAt).toBe(
			'2026-12-24T09:30:00.000+0000',
		);
	});

	it('a bubble written for LINE is converted to Infobip’s UPPERCASE values when asked', async () => {
		const lineBubble = {
			type: 'bubble',
			direction: 'ltr',
			size: 'kilo',
			styles: { footer: { separator: true } },
			body: {
				type: 'box',
				layout: 'vertical',
				contents: [
					{
						type: 'text',
						contents: [
							{ type: 'span', text: 'Hello', style: 'italic', decoration: 'line-through' },
						],
						weight: 'bold',
						size: 'xl',
						align: 'center',
					},
					{ type: 'separator', margin: 'md' },
					{ type: 'image', url: 'https://example.com/a.png', aspectMode: 'cover', size: 'full' },
				],
			},
			footer: {
				type: 'box',
				layout: 'horizontal',
				contents: [
					{
						type: 'button',
						height: 'sm',
						action: { type: 'uri', label: 'Track', uri: 'https://example.com/track' },
					},
				],
			},
		};
		await runInfobipOk(
			infobip.mock,
			send({ contents: JSON.stringify(lineBubble), options: { convertLineFlex: true } }),
		);
		const contents = ((body().messages as IDataObject[])[0].content as IDataObject).contents;
		expect(contents).toEqual({
			type: 'BUBBLE',
			direction: 'LEFT_TO_RIGHT',
			size: 'KILO',
			style: { footer: { separator: true } },
			body: {
				type: 'BOX',
				layout: 'VERTICAL',
				contents: [
					{
						type: 'TEXT',
						contents: [
							{ type: 'SPAN', text: 'Hello', style: 'ITALIC', decoration: 'LINE_THROUGH' },
						],
						weight: 'BOLD',
						size: 'xl',
						align: 'CENTER',
					},
					{ type: 'SEPARATOR', margin: 'md' },
					{ type: 'IMAGE', url: 'https://example.com/a.png', aspectMode: 'COVER', size: 'full' },
				],
			},
			footer: {
				type: 'BOX',
				layout: 'HORIZONTAL',
				contents: [
					{
						type: 'BUTTON',
						height: 'SMALL',
						action: { type: 'URI', label: 'Track', uri: 'https://example.com/track' },
					},
				],
			},
		});
	});

	it('one request per input item, each with its own values', async () => {
		await runInfobipOk(
			infobip.mock,
			send({
				destinations: { destination: [{ to: '={{ $json.phone }}' }] },
				altText: '={{ $json.text }}',
			}),
			{
				input: [
					{ phone: PHONE, text: 'one' },
					{ phone: PHONE_2, text: 'two' },
				],
			},
		);
		expect(sendRequests(infobip.mock)).toHaveLength(2);
		const first = (body(0).messages as IDataObject[])[0];
		const second = (body(1).messages as IDataObject[])[0];
		expect([first.destinations, (first.content as IDataObject).altText]).toEqual([
			[{ to: PHONE }],
			'one',
		]);
		expect([second.destinations, (second.content as IDataObject).altText]).toEqual([
			[{ to: PHONE_2 }],
			'two',
		]);
	});
});

describe('Send Notification: the output', () => {
	it('one item per destination message, with status names, paired to the input item', async () => {
		const items = await runInfobipOk(
			infobip.mock,
			send({
				destinations: { destination: [{ to: PHONE, messageId: 'order-1' }, { to: PHONE_2 }] },
				schedule: { bulkId: 'bulk-7' },
			}),
			{ input: [{}, {}] },
		);
		expect(items).toHaveLength(4);
		expect(items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
		]);
		const answer = sendRequests(infobip.mock)[0].response.body as { messages: IDataObject[] };
		expect(items[0].json).toEqual({
			bulkId: 'bulk-7',
			messageId: 'order-1',
			destination: PHONE,
			status: PENDING_STATUS,
			statusGroupName: 'PENDING',
			statusName: 'PENDING_ENROUTE',
		});
		expect(items[1].json.messageId).toBe(answer.messages[1].messageId);
		expect(items[1].json.destination).toBe(PHONE_2);
	});

	it('a status without groupName gets it from groupId', async () => {
		infobip.mock.once('POST', '/line/1/messages', () => ({
			status: 200,
			body: {
				bulkId: 'b',
				messages: [
					{
						messageId: 'm',
						destination: PHONE,
						status: { groupId: 5, id: 6, name: 'REJECTED_NETWORK' },
					},
				],
			},
		}));
		const [item] = await runInfobipOk(infobip.mock, send());
		expect(item.json).toMatchObject({
			statusGroupName: 'REJECTED',
			statusName: 'REJECTED_NETWORK',
		});
	});

	it('the mock answers as line.json describes (a check of the mock itself)', async () => {
		await runInfobipOk(infobip.mock, send());
		expect(
			validateInfobipSchema(
				'ResponseEnvelopeMessageResponseMessageResponseDetails',
				sendRequests(infobip.mock)[0].response.body,
			),
		).toEqual([]);
	});
});

describe('Send Notification: checks before anything is sent', () => {
	const cases: Array<[string, INodeParameters, RegExp]> = [
		[
			'LINE’s lowercase enums, without conversion',
			{ contents: JSON.stringify({ ...BUBBLE, body: { ...BUBBLE.body, layout: 'vertical' } }) },
			/^messages\[0\]\.content\.contents\.body\.layout: "vertical" is not one of HORIZONTAL, VERTICAL, BASELINE \[item 0\]/,
		],
		[
			'a whole LINE Flex message instead of its bubble',
			{ contents: JSON.stringify({ type: 'flex', altText: 'x', contents: BUBBLE }) },
			/^messages\[0\]\.content\.contents\.type: this is a whole LINE Flex message/,
		],
		[
			'a property Infobip does not have (LINE’s hero block)',
			{
				contents: JSON.stringify({
					...BUBBLE,
					hero: { type: 'IMAGE', url: 'https://example.com/a.png' },
				}),
			},
			/^messages\[0\]\.content\.contents\.hero: Infobip's LINE notifications have no "hero" here/,
		],
		[
			'a carousel',
			{ contents: JSON.stringify({ type: 'CAROUSEL', contents: [BUBBLE] }) },
			/hold a single bubble, not a carousel/,
		],
		[
			'a button without an action',
			{
				contents: JSON.stringify({
					type: 'BUBBLE',
					footer: { type: 'BOX', layout: 'VERTICAL', contents: [{ type: 'BUTTON' }] },
				}),
			},
			/^messages\[0\]\.content\.contents\.footer\.contents\[0\]\.action: is required for a button/,
		],
		[
			'contents that are not JSON',
			{ contents: '{"type": "BUBBLE",' },
			/^messages\[0\]\.content\.contents: not valid JSON/,
		],
		[
			'an alt text over 400 characters',
			{ altText: 'x'.repeat(401) },
			/altText: is 401 characters long; Infobip accepts at most 400/,
		],
		[
			'no destination',
			{ destinations: { destination: [{ to: '' }] } },
			/^messages\[0\]\.destinations: no destination given/,
		],
		[
			'two destinations with one message ID',
			{
				destinations: {
					destination: [
						{ to: PHONE, messageId: 'a' },
						{ to: PHONE_2, messageId: 'a' },
					],
				},
			},
			/^messages\[0\]\.destinations\[1\]\.messageId: "a" is already the message ID of destination 0/,
		],
		[
			'a Send At more than 180 days ahead',
			{ schedule: { sendAt: '={{ $now.plus({ days: 200 }).toISO() }}' } },
			/^options\.schedule\.sendAt: .* is more than 180 days ahead/,
		],
		[
			'a Send At that is no date',
			{ schedule: { sendAt: '={{ "next tuesday" }}' } },
			/^options\.schedule\.sendAt: "next tuesday" is not a date and time/,
		],
		[
			'a delivery window with From but no To',
			{ options: { deliveryTimeWindow: { value: { days: ['MONDAY'], from: '06:00' } } } },
			/^messages\[0\]\.options\.deliveryTimeWindow\.to: is required when the other end/,
		],
		[
			'a delivery window shorter than an hour',
			{
				options: {
					deliveryTimeWindow: { value: { days: ['MONDAY'], from: '06:00', to: '06:30' } },
				},
			},
			/deliveryTimeWindow\.to: must be at least 1 hour after From/,
		],
		[
			'an SMS failover without text',
			{ options: { smsFailover: { value: { sender: 'InfoSMS' } } } },
			/^messages\[0\]\.options\.smsFailover\.text: is required/,
		],
		[
			'a bulk ID over 100 characters',
			{ schedule: { bulkId: 'b'.repeat(101) } },
			/^options\.schedule\.bulkId: is 101 characters long/,
		],
		[
			'a delivery report URL that is not http(s)',
			{ options: { deliveryUrl: 'ftp://example.com' } },
			/^messages\[0\]\.webhooks\.delivery\.url: "ftp:\/\/example\.com" is not an http\(s\) URL/,
		],
	];

	it.each(cases)('%s', async (_name, parameters, message) => {
		const result = await runInfobip(infobip.mock, send(parameters));
		expect(result.error?.message).toMatch(message);
		expect(infobip.mock.requests).toEqual([]);
	});

	it('the hint of a lowercase enum names the Infobip spelling and the conversion option', async () => {
		const result = await runInfobip(
			infobip.mock,
			send({ contents: JSON.stringify({ ...BUBBLE, type: 'bubble' }) }),
		);
		expect(result.error?.description).toBe(
			'Infobip spells it BUBBLE (uppercase, unlike LINE\'s Flex JSON): write "BUBBLE", or turn on Options → Convert LINE Flex Values.',
		);
	});

	it('a bad second item stops the run before the first is sent; with continueOnFail only it fails', async () => {
		const parameters = send({ altText: '={{ $json.text }}' });
		const input = [{ text: 'fine' }, { text: 'x'.repeat(401) }];
		const stopped = await runInfobip(infobip.mock, parameters, { input });
		expect(stopped.error?.message).toMatch(/\[item 1\]$/);
		expect(infobip.mock.requests).toEqual([]);

		const continued = await runInfobip(infobip.mock, parameters, { input, continueOnFail: true });
		expect(
			continued.items.map((item) => [item.pairedItem, item.json.error ?? item.json.statusName]),
		).toEqual([
			[{ item: 0 }, 'PENDING_ENROUTE'],
			[{ item: 1 }, expect.stringMatching(/altText: is 401 characters long/)],
		]);
		expect(sendRequests(infobip.mock)).toHaveLength(1);
	});
});
