import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { batchFields, readBatchRequest } from './users.common';

const showFor = { show: { resource: ['richMenu'], operation: ['validateBatch'] } };

export const validateBatch: LineOperation = {
	description: updateDisplayOptions(showFor, batchFields(showFor, false)),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => readBatchRequest(params, itemIndex),
			send: async ({ operations, resumeRequestKey }, itemIndex) => {
				const body: IDataObject = { operations };
				if (resumeRequestKey) body.resumeRequestKey = resumeRequestKey;
				// LINE answers 200 for a valid request body and 400 with details for an invalid one.
				const response = await client.request(
					{ method: 'POST', path: '/v2/bot/richmenu/validate/batch', body },
					itemIndex,
				);
				return {
					valid: true,
					operationCount: operations.length,
					requestId: response.requestId ?? null,
				};
			},
		});
	},
};
