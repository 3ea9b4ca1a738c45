import { readFileSync } from 'node:fs';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { LineConnectorInfobipApi } from '../../credentials/LineConnectorInfobipApi.credentials';
import { checkBubble, convertLineFlex, ENUMS } from '../../nodes/Infobip/helpers/bubble';
import { readDestinations } from '../../nodes/Infobip/helpers/destinations';
import { DAYS, SPEED_TIME_UNITS, VALIDITY_TIME_UNITS } from '../../nodes/Infobip/helpers/options';
import { formatInfobipDateTime, toSendAt } from '../../nodes/Infobip/helpers/sendAt';
import { ERROR_GROUPS, STATUS_GROUPS } from '../../nodes/Infobip/helpers/status';
import { infobipBaseUrl } from '../../nodes/Infobip/transport';
import {
	infobipSpecFile,
	schemaName,
	validateInfobipRequest,
	validateInfobipSchema,
} from './openapi';

/** The local checks agree with Infobip's line.json; dates, destinations, the credential. */

type Schema = { enum?: string[]; properties?: Record<string, unknown>; allOf?: Schema[] };

function spec(): { components: { schemas: Record<string, Schema> }; paths: IDataObject } {
	return JSON.parse(readFileSync(infobipSpecFile(), 'utf8'));
}

function enumOf(shortName: string): string[] {
	return spec().components.schemas[schemaName(shortName)].enum ?? [];
}

function specExampleContents(): unknown {
	const post = (spec().paths['/line/1/messages'] as IDataObject).post as IDataObject;
	const content = ((post.requestBody as IDataObject).content as IDataObject)[
		'application/json'
	] as IDataObject;
	const example = (content.examples as IDataObject)['Send a LINE message'] as IDataObject;
	const messages = (example.value as IDataObject).messages as IDataObject[];
	return (messages[0].content as IDataObject).contents;
}

describe('the local checks use line.json’s enums', () => {
	it.each([
		['containerType', 'LineNotificationContainerType'],
		['size', 'BubbleSize'],
		['direction', 'BubbleDirection'],
		['layout', 'BoxLayout'],
		['componentType', 'ComponentType'],
		['actionType', 'ActionType'],
		['align', 'Alignment'],
		['gravity', 'Gravity'],
		['weight', 'Weight'],
		['textStyle', 'TextStyle'],
		['decoration', 'TextDecoration'],
		['position', 'Position'],
		['aspectMode', 'AspectMode'],
		['height', 'Height'],
	])('%s = %s', (local, shortName) => {
		expect([...ENUMS[local as keyof typeof ENUMS]].sort()).toEqual(enumOf(shortName).sort());
	});

	it('days and time units too', () => {
		expect([...DAYS]).toEqual(enumOf('DeliveryDay'));
		expect([...VALIDITY_TIME_UNITS]).toEqual(enumOf('ValidityPeriodTimeUnit'));
		expect([...SPEED_TIME_UNITS]).toEqual(enumOf('SpeedLimitTimeUnit'));
		expect(Object.values(STATUS_GROUPS)).toEqual(enumOf('MessageGeneralStatus'));
		expect(Object.values(ERROR_GROUPS)).toEqual(enumOf('MessageErrorGroup'));
	});
});

describe('checkBubble', () => {
	it("accepts the bubble of line.json's own example", () => {
		expect(() => checkBubble(specExampleContents())).not.toThrow();
	});

	it.each([
		[{ type: 'BUBBLE', size: 'kilo' }, /^content\.contents\.size: "kilo" is not one of NANO/],
		[{ type: 'BUBBLE', body: { type: 'BOX' } }, /^content\.contents\.body\.layout: is required/],
		[
			{ type: 'BUBBLE', body: { type: 'BOX', layout: 'VERTICAL', contents: [{ text: 'x' }] } },
			/^content\.contents\.body\.contents\[0\]\.type: is required/,
		],
		[
			{
				type: 'BUBBLE',
				body: { type: 'BOX', layout: 'VERTICAL', contents: [{ type: 'TEXT', flex: 21 }] },
			},
			/flex: must be a whole number from 0 to 20/,
		],
		[
			{ type: 'BUBBLE', action: { type: 'URI', label: 'x'.repeat(21), uri: 'https://e.x' } },
			/^content\.contents\.action\.label: is 21 characters long; Infobip accepts at most 20/,
		],
		[
			{ type: 'BUBBLE', action: { type: 'POSTBACK', label: 'Yes' } },
			/^content\.contents\.action\.data: is required/,
		],
		[
			{ type: 'BUBBLE', action: { type: 'MESSAGE', label: 'Yes', text: 'yes' } },
			/action\.type: "MESSAGE" is not one of URI, POSTBACK/,
		],
		[
			{
				type: 'BUBBLE',
				body: {
					type: 'BOX',
					layout: 'VERTICAL',
					contents: [{ type: 'TEXT', contents: [{ type: 'SPAN' }] }],
				},
			},
			/contents\[0\]\.contents\[0\]\.text: is required/,
		],
		[
			{ type: 'BUBBLE', styles: {} },
			/^content\.contents\.styles: Infobip's LINE notifications have no "styles" here/,
		],
		['not an object', /^content\.contents: must be an object/],
	])('refuses %j', (bubble, message) => {
		expect(() => checkBubble(bubble)).toThrow(message);
	});

	it('what it accepts, line.json accepts (a small bubble of every component)', () => {
		const bubble = {
			type: 'BUBBLE',
			size: 'MEGA',
			direction: 'LEFT_TO_RIGHT',
			header: {
				type: 'BOX',
				layout: 'BASELINE',
				contents: [{ type: 'ICON', url: 'https://e.x/i.png' }],
			},
			body: {
				type: 'BOX',
				layout: 'VERTICAL',
				contents: [
					{ type: 'IMAGE', url: 'https://e.x/a.png', aspectMode: 'FIT', align: 'START' },
					{ type: 'SEPARATOR', color: '#cccccc' },
					{
						type: 'TEXT',
						text: 'Hi',
						contents: [{ type: 'SPAN', text: 'Hi', decoration: 'UNDERLINE' }],
					},
				],
			},
			footer: {
				type: 'BOX',
				layout: 'HORIZONTAL',
				contents: [
					{
						type: 'BUTTON',
						height: 'MEDIUM',
						action: { type: 'POSTBACK', label: 'Yes', data: 'yes=1' },
					},
				],
			},
			style: { footer: { separator: true, backgroundColor: '#EEEEEE' } },
		};
		expect(() => checkBubble(bubble)).not.toThrow();
		expect(validateInfobipSchema('LineNotificationContainer', bubble)).toEqual([]);
	});
});

describe('convertLineFlex', () => {
	it('makes a LINE bubble pass the checks and line.json; free-text sizes stay as they are', () => {
		const converted = convertLineFlex({
			type: 'bubble',
			size: 'giga',
			body: {
				type: 'box',
				layout: 'baseline',
				contents: [{ type: 'icon', url: 'https://e.x/i.png', size: 'sm', position: 'absolute' }],
			},
		});
		expect(converted).toEqual({
			type: 'BUBBLE',
			size: 'GIGA',
			body: {
				type: 'BOX',
				layout: 'BASELINE',
				contents: [{ type: 'ICON', url: 'https://e.x/i.png', size: 'sm', position: 'ABSOLUTE' }],
			},
		});
		expect(() => checkBubble(converted)).not.toThrow();
		expect(validateInfobipSchema('LineNotificationContainer', converted)).toEqual([]);
	});
});

describe('sendAt', () => {
	const now = Date.UTC(2026, 4, 1);

	it.each([
		['2026-07-07T17:00:00.000+01:00', 'UTC', '2026-07-07T16:00:00.000+0000'],
		['2026-07-07T17:00:00.000+0100', 'UTC', '2026-07-07T16:00:00.000+0000'],
		['2026-07-07T17:00:00Z', 'Asia/Tokyo', '2026-07-07T17:00:00.000+0000'],
		['2026-07-07T17:00:00', 'Asia/Tokyo', '2026-07-07T08:00:00.000+0000'],
		['2026-07-07 17:00', 'Asia/Bangkok', '2026-07-07T10:00:00.000+0000'],
		['2026-07-07', 'Asia/Bangkok', '2026-07-06T17:00:00.000+0000'],
		// Berlin is UTC+2 in summer, UTC+1 in winter.
		['2026-06-01T12:00:00', 'Europe/Berlin', '2026-06-01T10:00:00.000+0000'],
		['2026-03-01T12:00:00', 'Europe/Berlin', '2026-03-01T11:00:00.000+0000'],
	])('%s in %s → %s', (value, zone, expected) => {
		expect(toSendAt(value, zone, 'sendAt', now)).toBe(expected);
	});

	it('takes a JS Date, a Luxon-like DateTime and Unix seconds or milliseconds', () => {
		const instant = Date.UTC(2026, 1, 3, 4, 5, 6, 7);
		expect(toSendAt(new Date(instant), 'UTC', 'f', now)).toBe('2026-02-03T04:05:06.007+0000');
		expect(toSendAt({ toMillis: () => instant }, 'UTC', 'f', now)).toBe(
			'2026-02-03T04:05:06.007+0000',
		);
		expect(toSendAt(Math.floor(instant / 1000), 'UTC', 'f', now)).toBe(
			'2026-02-03T04:05:06.000+0000',
		);
		expect(toSendAt(instant, 'UTC', 'f', now)).toBe('2026-02-03T04:05:06.007+0000');
	});

	it('the format matches line.json’s date-time', () => {
		const value = formatInfobipDateTime(Date.UTC(2026, 6, 7, 17));
		expect(validateInfobipSchema('RequestSchedulingSettings', { sendAt: value })).toEqual([]);
	});

	it('refuses days that do not exist, text, and more than 180 days ahead', () => {
		expect(() => toSendAt('2026-02-31T10:00:00', 'UTC', 'f', now)).toThrow(
			/is not a date and time/,
		);
		expect(() => toSendAt('tomorrow', 'UTC', 'f', now)).toThrow(/is not a date and time/);
		expect(() => toSendAt('2026-10-29T00:00:00Z', 'UTC', 'f', now)).toThrow(
			/more than 180 days ahead/,
		);
		expect(toSendAt('2026-10-27T00:00:00Z', 'UTC', 'f', now)).toBe('2026-10-27T00:00:00.000+0000');
	});
});

describe('readDestinations', () => {
	it('accepts text, numbers and objects; keeps order; drops repeated numbers without an ID', () => {
		expect(readDestinations('66800000001;66800000002 66800000001\n')).toEqual([
			{ to: '66800000001' },
			{ to: '66800000002' },
		]);
		expect(
			readDestinations([
				66800000001,
				{ to: '66800000001', messageId: 'a' },
				{ to: '66800000001', messageId: 'b' },
			]),
		).toEqual([
			{ to: '66800000001' },
			{ to: '66800000001', messageId: 'a' },
			{ to: '66800000001', messageId: 'b' },
		]);
	});

	it('refuses a message ID over 200 characters and a message ID without a number', () => {
		expect(() => readDestinations([{ to: '668', messageId: 'x'.repeat(201) }])).toThrow(
			/^destinations\[0\]\.messageId: is 201 characters long/,
		);
		expect(() => readDestinations([{ to: '', messageId: 'a' }])).toThrow(
			/^destinations\[0\]\.to: is required/,
		);
	});
});

describe('credential', () => {
	const credential = new LineConnectorInfobipApi();
	const request: IHttpRequestOptions = {
		url: '/line/1/messages',
		headers: { Accept: 'application/json' },
	};

	it('API key: "Authorization: App <key>"; username and password: Basic', async () => {
		expect(
			(await credential.authenticate({ authType: 'apiKey', apiKey: 'k-1' }, request)).headers,
		).toEqual({
			Accept: 'application/json',
			Authorization: 'App k-1',
		});
		expect(
			(
				await credential.authenticate(
					{ authType: 'basic', username: 'Aladdin', password: 'openSesame' },
					request,
				)
			).headers,
		).toEqual({ Accept: 'application/json', Authorization: 'Basic QWxhZGRpbjpvcGVuU2VzYW1l' });
	});

	it('the test request is a valid reports query for a message ID that cannot exist (it takes no report)', () => {
		const { url, qs } = credential.test.request;
		const query = new URLSearchParams(qs as Record<string, string>).toString();
		expect(query).toBe('messageId=n8n-credential-test&limit=1');
		expect(
			validateInfobipRequest({
				method: 'GET',
				path: `${url}?${query}`,
				headers: {},
				body: undefined,
			}),
		).toEqual([]);
	});

	it('secrets are password fields', () => {
		for (const name of ['apiKey', 'password']) {
			expect(credential.properties.find((p) => p.name === name)?.typeOptions?.password).toBe(true);
		}
	});

	it('the base URL gets https:// when typed without it, and loses its trailing slash', () => {
		expect(infobipBaseUrl('xyz123.api.infobip.com/')).toBe('https://xyz123.api.infobip.com');
		expect(infobipBaseUrl(' https://api.infobip.com ')).toBe('https://api.infobip.com');
	});
});
