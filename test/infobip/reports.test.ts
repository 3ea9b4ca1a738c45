import type { IDataObject } from 'n8n-workflow';

import { deliveryReport, NO_ERROR } from './mockInfobip';
import { reportRequests, reports, runInfobip, runInfobipOk, useMockInfobip } from './fixtures';
import { validateInfobipSchema } from './openapi';

/**
 * Get Delivery Reports: `GET /line/1/reports` in batches of at most 1000 (Infobip hands each
 * report out once), the filters of line.json as query parameters, one item per report.
 */

const infobip = useMockInfobip();

function queue(count: number, fields: IDataObject = {}): void {
	infobip.mock.addReports(
		Array.from({ length: count }, (_, i) => deliveryReport({ messageId: `m-${i}`, ...fields })),
	);
}

const limits = () => reportRequests(infobip.mock).map((request) => request.query.limit);

describe('Get Delivery Reports', () => {
	it('one GET with limit 50 by default; one item per report with status and error names', async () => {
		queue(3);
		const items = await runInfobipOk(infobip.mock, reports());

		expect(reportRequests(infobip.mock).map((r) => [r.url, r.operationId])).toEqual([
			['/line/1/reports?limit=50', 'get-outbound-line-message-delivery-reports'],
		]);
		expect(items).toHaveLength(3);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		const report = reportRequests(infobip.mock)[0].response.body as { results: IDataObject[] };
		expect(items[0].json).toEqual({
			...report.results[0],
			statusGroupName: 'DELIVERED',
			statusName: 'DELIVERED_TO_HANDSET',
			errorGroupName: 'OK',
			errorName: 'NO_ERROR',
		});
		expect(infobip.mock.pendingReports).toHaveLength(0);
	});

	it('a limit under 1000 is one request of that size', async () => {
		queue(300);
		const items = await runInfobipOk(infobip.mock, reports({ returnAll: false, limit: 120 }));
		expect(limits()).toEqual(['120']);
		expect(items).toHaveLength(120);
		expect(infobip.mock.pendingReports).toHaveLength(180);
	});

	it('a limit over 1000 is fetched in batches of at most 1000', async () => {
		queue(2000);
		const items = await runInfobipOk(infobip.mock, reports({ limit: 1500 }));
		expect(limits()).toEqual(['1000', '500']);
		expect(items).toHaveLength(1500);
		expect(items.map((item) => item.json.messageId).slice(998, 1002)).toEqual([
			'm-998',
			'm-999',
			'm-1000',
			'm-1001',
		]);
	});

	it('Return All fetches batches of 1000 until a batch is not full', async () => {
		queue(2500);
		const items = await runInfobipOk(infobip.mock, reports({ returnAll: true }));
		expect(limits()).toEqual(['1000', '1000', '1000']);
		expect(items).toHaveLength(2500);
		expect(new Set(items.map((item) => item.json.messageId)).size).toBe(2500);
	});

	it('Return All with exactly a full batch asks once more and gets an empty batch', async () => {
		queue(1000);
		const items = await runInfobipOk(infobip.mock, reports({ returnAll: true }));
		expect(limits()).toEqual(['1000', '1000']);
		expect(items).toHaveLength(1000);
	});

	it('no report: no item, one request', async () => {
		const result = await runInfobip(infobip.mock, reports());
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
		expect(reportRequests(infobip.mock)).toHaveLength(1);
	});

	it('every filter of line.json goes into the query, and only matching reports come back', async () => {
		infobip.mock.addReports([
			deliveryReport({
				messageId: 'wanted',
				bulkId: 'bulk-1',
				campaignReferenceId: 'summersale',
				platform: { entityId: 'e-1', applicationId: 'a-1' },
			}),
			deliveryReport({ messageId: 'other', bulkId: 'bulk-2' }),
		]);
		const items = await runInfobipOk(
			infobip.mock,
			reports({
				filters: {
					bulkId: 'bulk-1',
					messageId: ' wanted ',
					entityId: 'e-1',
					applicationId: 'a-1',
					campaignReferenceId: 'summersale',
				},
			}),
		);
		expect(reportRequests(infobip.mock)[0].query).toEqual({
			bulkId: 'bulk-1',
			messageId: 'wanted',
			entityId: 'e-1',
			applicationId: 'a-1',
			campaignReferenceId: 'summersale',
			limit: '50',
		});
		expect(items.map((item) => item.json.messageId)).toEqual(['wanted']);
		expect(infobip.mock.pendingReports.map((report) => report.messageId)).toEqual(['other']);
	});

	it('a failed report names the error group and error', async () => {
		infobip.mock.addReports([
			deliveryReport({
				status: {
					groupId: 2,
					id: 9,
					name: 'UNDELIVERABLE_NOT_DELIVERED',
					description: 'Not delivered',
				},
				error: {
					...NO_ERROR,
					groupId: 1,
					groupName: undefined,
					id: 27,
					name: 'EC_ABSENT_SUBSCRIBER',
					permanent: false,
				},
			}),
		]);
		const [item] = await runInfobipOk(infobip.mock, reports());
		expect(item.json).toMatchObject({
			statusGroupName: 'UNDELIVERABLE',
			statusName: 'UNDELIVERABLE_NOT_DELIVERED',
			errorGroupName: 'HANDSET_ERRORS',
			errorName: 'EC_ABSENT_SUBSCRIBER',
		});
	});

	it('a limit below 1 (by expression) is refused before any request', async () => {
		const result = await runInfobip(infobip.mock, reports({ limit: '={{ 0 }}' }));
		expect(result.error?.message).toMatch(
			/^limit: must be a whole number of at least 1 \[item 0\]/,
		);
		expect(infobip.mock.requests).toEqual([]);
	});

	it('the mock answers as line.json describes (a check of the mock itself)', async () => {
		queue(2);
		await runInfobipOk(infobip.mock, reports());
		expect(
			validateInfobipSchema('DeliveryReports', reportRequests(infobip.mock)[0].response.body),
		).toEqual([]);
	});
});
