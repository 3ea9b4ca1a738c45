import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { LineConnectorKonnekApi } from '../../credentials/LineConnectorKonnekApi.credentials';
import { konnekRequestBody, messageParts } from '../../nodes/Konnek/helpers/message';
import { KONNEK_STATUS_NAMES, konnekStatusName } from '../../nodes/Konnek/helpers/status';
import { formatWithOffset, zoneOffsetMinutes } from '../../nodes/shared/time';
import { konnekShapeProblems } from './documentedShape';

/** The pure parts of the Konnek node, and its credential. */

describe('timestamp in the workflow time zone', () => {
	const instant = Date.UTC(2023, 10, 10, 5, 38, 8, 153);

	it.each([
		['Asia/Jakarta', '2023-11-10T12:38:08.153+07:00'],
		['Asia/Bangkok', '2023-11-10T12:38:08.153+07:00'],
		['Asia/Tokyo', '2023-11-10T14:38:08.153+09:00'],
		['UTC', '2023-11-10T05:38:08.153+00:00'],
		['America/New_York', '2023-11-10T00:38:08.153-05:00'],
		['Asia/Kolkata', '2023-11-10T11:08:08.153+05:30'],
	])('%s → %s', (zone, expected) => {
		expect(formatWithOffset(instant, zone)).toBe(expected);
		expect(Date.parse(expected)).toBe(instant);
	});

	it('follows daylight saving time', () => {
		expect(zoneOffsetMinutes('Europe/Berlin', Date.UTC(2026, 0, 15))).toBe(60);
		expect(zoneOffsetMinutes('Europe/Berlin', Date.UTC(2026, 6, 15))).toBe(120);
	});

	it('an unknown zone counts as UTC', () => {
		expect(formatWithOffset(instant, 'Not/AZone')).toBe('2023-11-10T05:38:08.153+00:00');
	});
});

describe('status names', () => {
	it('covers every documented code, −3 to 3', () => {
		expect(
			Object.keys(KONNEK_STATUS_NAMES)
				.map(Number)
				.sort((a, b) => a - b),
		).toEqual([-3, -2, -1, 0, 1, 2, 3]);
	});

	it.each([
		[undefined, null],
		[null, null],
		['2', 'Delivered'],
		[-3, 'Failed'],
		[9, 'Unknown (9)'],
		['x', 'Unknown (x)'],
	])('%p → %p', (status, name) => {
		expect(konnekStatusName(status)).toBe(name);
	});
});

describe('request body', () => {
	const envelope = {
		id: 'm-1',
		times: 1699594688,
		timestamp: '2023-11-10T12:38:08.153+07:00',
		sendTimestampt: true,
		recipient: '628123',
	};

	it('every message type builds a body that matches the documented request', () => {
		const inputs = [
			{ type: 'text', text: 'hi' },
			{ type: 'image', mediaUrl: 'https://e.x/a.png' },
			{ type: 'document', mediaUrl: 'https://e.x/a.pdf', mediaName: 'a.pdf' },
			{ type: 'location', latitude: '1.5', longitude: -2 },
			{ type: 'button', buttons: [{ key: 'k', title: 't' }], footer: { title: 'f', text: 'g' } },
			{
				type: 'list',
				listTitle: 'L',
				listSections: [
					{ title: 's', description: 'd', actions: [{ key: 'k', title: 't', description: 'd' }] },
				],
				header: { type: 'video', mediaUrl: 'https://e.x/v.mp4' },
			},
		];
		for (const input of inputs) {
			const body = konnekRequestBody(envelope, input.type, messageParts(input));
			expect([input.type, konnekShapeProblems(body)]).toEqual([input.type, []]);
		}
	});

	it('header and footer are only added to button and list messages', () => {
		expect(messageParts({ type: 'text', text: 'hi', footer: { title: 'a', text: 'b' } })).toEqual({
			body: { text: 'hi' },
		});
	});

	it('an unknown type is refused', () => {
		expect(() => messageParts({ type: 'sticker' })).toThrow(/^type: must be one of text, image/);
	});

	it('the documented-shape checker itself catches what is missing or undocumented', () => {
		expect(konnekShapeProblems({ type: 'text', body: {}, extra: 1 })).toEqual([
			'extra: not documented',
			'id: mandatory string',
			'times: mandatory integer (Unix timestamp)',
			'timestamp: mandatory date-time',
			'recipient: mandatory string',
			'body.text: mandatory for text',
		]);
	});
});

describe('credential', () => {
	const credential = new LineConnectorKonnekApi();
	const data: ICredentialDataDecryptedObject = {
		baseUrl: 'https://konnek.example.com/api',
		clientId: 'c1',
		username: 'u',
		password: 'p@ss',
	};

	it('sends Auth-username and Auth-password headers, not an Authorization header', async () => {
		const options = await credential.authenticate(data, {
			url: '/line/send/c1',
			headers: { 'Content-Type': 'application/json' },
		});
		expect(options.headers).toEqual({
			'Content-Type': 'application/json',
			'Auth-username': 'u',
			'Auth-password': 'p@ss',
		});
	});

	it('the password is a password field; the test posts an undeliverable empty body to the LINE send path', () => {
		expect(credential.properties.find((p) => p.name === 'password')?.typeOptions?.password).toBe(
			true,
		);
		expect(credential.test.request).toMatchObject({ method: 'POST', body: {} });
		expect(credential.test.request.url).toContain('/line/send/');
		expect(konnekShapeProblems(credential.test.request.body)).toContain(
			'recipient: mandatory string',
		);
		expect(credential.test.rules?.map((rule) => rule.properties)).toEqual([
			expect.objectContaining({ value: 401 }),
			expect.objectContaining({ value: 403 }),
			expect.objectContaining({ value: 404 }),
		]);
	});
});
