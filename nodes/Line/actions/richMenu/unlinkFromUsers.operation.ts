import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { LineOperation } from '../types';
import { bulkOptionsField, bulkUserIdsField, runBulk } from './users.common';

const showFor = { show: { resource: ['richMenu'], operation: ['unlinkFromUsers'] } };

const properties: INodeProperties[] = [
	bulkUserIdsField('unlink the rich menu from (they then see the default rich menu, if any)'),
	bulkOptionsField(),
];

export const unlinkFromUsers: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		return await runBulk(context, {
			what: 'bulk unlink',
			path: '/v2/bot/richmenu/bulk/unlink',
		});
	},
};
