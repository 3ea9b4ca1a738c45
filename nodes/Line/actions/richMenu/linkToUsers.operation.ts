import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { LineOperation } from '../types';
import { checkRichMenuId, richMenuIdField } from './common';
import { bulkOptionsField, bulkUserIdsField, runBulk } from './users.common';

const showFor = { show: { resource: ['richMenu'], operation: ['linkToUsers'] } };

const properties: INodeProperties[] = [
	richMenuIdField(
		'ID of the rich menu to show these users instead of the default one (richmenu- followed by 32 hex characters). The rich menu needs an image.',
	),
	bulkUserIdsField('link the rich menu to'),
	bulkOptionsField(),
];

export const linkToUsers: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { params } = context;
		return await runBulk(context, {
			what: 'bulk link',
			path: '/v2/bot/richmenu/bulk/link',
			readRichMenuId: (itemIndex) =>
				checkRichMenuId(params.get('richMenuId', itemIndex), 'richMenuId'),
		});
	},
};
