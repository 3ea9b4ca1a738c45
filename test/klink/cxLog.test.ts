import type { INodeParameters } from 'n8n-workflow';

import { header, json, runKlink, runKlinkOk, useMockKlink } from './fixtures';

/**
 * CX Log: the date range becomes `selectedDate=yyyy/MM/dd HH:mm:ss-yyyy/MM/dd HH:mm:ss`, read by
 * klink.cloud in the time zone of the required `x-client-timezone` header (Asia/Bangkok unless
 * changed).
 */

const klink = useMockKlink();

const cxLogs = (parameters: INodeParameters): INodeParameters => ({
	resource: 'cxLog',
	operation: 'getAll',
	limit: 10,
	...parameters,
});

async function sentRange(parameters: INodeParameters) {
	const items = await runKlinkOk(klink.mock, cxLogs(parameters));
	const [request] = klink.mock.requests;
	return {
		selectedDate: request.query.selectedDate,
		timeZone: header(request, 'x-client-timezone'),
		items,
	};
}

describe('the date range', () => {
	it("n8n's date picker values (no offset) are wall-clock times in Asia/Bangkok by default", async () => {
		const { selectedDate, timeZone, items } = await sentRange({
			startDate: '2025-04-01T00:00:00',
			endDate: '2025-04-25T23:59:00',
		});
		expect(selectedDate).toBe('2025/04/01 00:00:00-2025/04/25 23:59:00');
		expect(timeZone).toBe('Asia/Bangkok');
		expect(json(items)).toMatchObject([{ id: 'cx-1', caseId: 'CASE-1' }]);
		expect(klink.mock.requests[0].query).toMatchObject({ page: '1', pageSize: '10' });
	});

	it('instants with an offset are converted to the chosen time zone', async () => {
		const { selectedDate, timeZone } = await sentRange({
			startDate: '2025-03-31T17:00:00.000Z',
			endDate: '2025-04-02T09:30:15+09:00',
			timeZone: 'Asia/Jakarta',
		});
		// UTC+7: 17:00Z is midnight; 09:30:15 at UTC+9 is 07:30:15 at UTC+7.
		expect(selectedDate).toBe('2025/04/01 00:00:00-2025/04/02 07:30:15');
		expect(timeZone).toBe('Asia/Jakarta');
	});

	it('a bare date starts at 00:00:00 and ends at 23:59:59; yyyy/MM/dd is accepted as given', async () => {
		const { selectedDate } = await sentRange({
			startDate: '2025-04-01',
			endDate: '2025/04/25',
		});
		expect(selectedDate).toBe('2025/04/01 00:00:00-2025/04/25 23:59:59');
	});

	it('n8n expressions giving Luxon dates work', async () => {
		const { selectedDate } = await sentRange({
			startDate: '={{ DateTime.fromISO("2025-04-01T08:00:00", { zone: "Asia/Bangkok" }) }}',
			endDate: '={{ DateTime.fromISO("2025-04-01T10:00:00", { zone: "Asia/Bangkok" }) }}',
		});
		expect(selectedDate).toBe('2025/04/01 08:00:00-2025/04/01 10:00:00');
	});
});

describe('refused before anything is sent', () => {
	it.each<[string, INodeParameters, RegExp]>([
		[
			'an unknown time zone',
			{ startDate: '2025-04-01', endDate: '2025-04-02', timeZone: 'Bangkok' },
			/^timeZone: "Bangkok" is not a time zone/,
		],
		[
			'no start date (an expression that gives nothing)',
			{ startDate: '={{ $json.missing }}', endDate: '2025-04-02' },
			/^startDate: is empty/,
		],
		[
			'a date that does not exist',
			{ startDate: '2025-02-30', endDate: '2025-03-02' },
			/^startDate: "2025-02-30" is not a date and time/,
		],
		[
			'an end before the start',
			{ startDate: '2025-04-02', endDate: '2025-04-01' },
			/^endDate: 2025\/04\/01 23:59:59 is before the start 2025\/04\/02 00:00:00/,
		],
	])('%s', async (_name, parameters, message) => {
		const result = await runKlink(klink.mock, cxLogs(parameters));
		expect(result.error?.message).toMatch(message);
		expect(result.error?.message).toMatch(/\[item 0\]$/);
		expect(klink.mock.requests).toEqual([]);
	});
});
