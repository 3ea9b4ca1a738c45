import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { batchFields, readBatchRequest, ResumeKeys } from './users.common';

const showFor = { show: { resource: ['richMenu'], operation: ['batch'] } };

export const batch: LineOperation = {
	description: updateDisplayOptions(showFor, batchFields(showFor, true)),

	async execute(context) {
		const { fn, client, params } = context;
		const resumeKeys = new ResumeKeys(fn);
		return await runPerItem(context, {
			prepare: (itemIndex) => {
				const { operations, resumeRequestKey } = readBatchRequest(params, itemIndex);
				return { operations, resumeRequestKey: resumeKeys.claim(resumeRequestKey, itemIndex) };
			},
			send: async ({ operations, resumeRequestKey }, itemIndex) => {
				// LINE carries the batch out in the background: Get Batch Progress follows it by this request ID.
				const response = await client.request(
					{
						method: 'POST',
						path: '/v2/bot/richmenu/batch',
						body: { operations, resumeRequestKey },
					},
					itemIndex,
				);
				return {
					requestId: response.requestId ?? null,
					resumeRequestKey,
					operationCount: operations.length,
					operations,
				};
			},
		});
	},
};
