import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import { collectPages, readMaxResults, returnAllFields } from '../../../shared/pagination';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['quota'], operation: ['getAggregationUnitNameList'] } };

/** LINE's largest page of aggregation unit names. */
const MAX_PAGE = 100;

export const getAggregationUnitNameList: LineOperation = {
	description: updateDisplayOptions(showFor, returnAllFields()),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readMaxResults(params, itemIndex),
			send: async (max, itemIndex) => {
				const names = await collectPages(async (start, wanted) => {
					const qs: IDataObject = { limit: String(Math.min(MAX_PAGE, wanted)) };
					if (start !== undefined) qs.start = start;
					const { body } = await client.request<{
						customAggregationUnits?: string[];
						next?: string;
					}>({ method: 'GET', path: '/v2/bot/message/aggregation/list', qs }, itemIndex);
					return { results: body.customAggregationUnits ?? [], next: body.next };
				}, max);
				return names.map((customAggregationUnit) => ({ customAggregationUnit }));
			},
		});
	},
};
