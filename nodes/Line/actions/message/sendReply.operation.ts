import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { LineInputError } from '../../helpers/errors';
import { messageBuilderFields, readMessages } from '../../helpers/messageBuilder';
import { runPerItem } from '../items';
import type { LineOperation } from '../types';
import { optionBody, readSendOptions, sendOptionsField, sendResult } from './common';

const showFor = { show: { resource: ['message'], operation: ['sendReply'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Reply Token',
		name: 'replyToken',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '={{ $json.replyToken }}',
		description:
			'The reply token of the event you answer (from the LINE Trigger). It can be used once, within about a minute of the event. Replies are free; pushes are billed.',
	},
	...messageBuilderFields(showFor),
	sendOptionsField(['notificationDisabled']),
];

export const sendReply: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => {
				const replyToken = String(params.get('replyToken', itemIndex) ?? '').trim();
				if (replyToken === '') {
					throw new LineInputError(
						'replyToken',
						'is empty',
						'Map the replyToken of a LINE Trigger event, e.g. {{ $json.replyToken }}.',
					);
				}
				const messages = readMessages(params, itemIndex);
				return { replyToken, messages, ...optionBody(readSendOptions(params, itemIndex)) };
			},
			send: async (body, itemIndex) => {
				const response = await client.request<{ sentMessages?: unknown[] }>(
					{ method: 'POST', path: '/v2/bot/message/reply', body },
					itemIndex,
				);
				return { ...sendResult(response), sentMessages: response.body.sentMessages ?? [] };
			},
		});
	},
};
