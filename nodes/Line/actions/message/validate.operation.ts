import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import { messageBuilderFields, readMessages } from '../../helpers/messageBuilder';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['message'], operation: ['validate'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Validate For',
		name: 'messageKind',
		type: 'options',
		default: 'push',
		description: 'Which kind of send LINE should check the messages for. Nothing is sent.',
		options: [
			{ name: 'Broadcast', value: 'broadcast' },
			{ name: 'Multicast', value: 'multicast' },
			{ name: 'Narrowcast', value: 'narrowcast' },
			{ name: 'Push', value: 'push' },
			{ name: 'Reply', value: 'reply' },
		],
	},
	...messageBuilderFields(showFor),
];

export const validate: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, async (itemIndex) => {
			const kind = params.get<string>('messageKind', itemIndex);
			const messages = readMessages(params, itemIndex);
			// LINE answers 200 for valid messages and 400 with details for invalid ones.
			const response = await client.request(
				{ method: 'POST', path: `/v2/bot/message/validate/${kind}`, body: { messages } },
				itemIndex,
			);
			return {
				valid: true,
				validatedFor: kind,
				messageCount: messages.length,
				requestId: response.requestId ?? null,
			};
		});
	},
};
