import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { assertionField, assertionParameters, planAssertion, sourceField } from './common';

const showFor = { show: { resource: ['channelToken'], operation: ['getValidKeyIds'] } };

const properties: INodeProperties[] = [sourceField(), assertionField()];

export const getValidKeyIds: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => planAssertion(params, client, itemIndex, { requireTokenExp: false }),
			send: async (plan, itemIndex) => {
				const { body } = await client.request<{ kids?: string[] }>(
					{
						method: 'GET',
						path: '/oauth2/v2.1/tokens/kid',
						qs: assertionParameters(plan, client),
						unauthenticated: true,
					},
					itemIndex,
				);
				return (body.kids ?? []).map((keyId) => ({ key_id: keyId }));
			},
		});
	},
};
