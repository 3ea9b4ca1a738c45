import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import { checkRecipientId } from '../../helpers/checks';
import type { LineOperation } from '../types';

const showFor = { show: { resource: ['chat'], operation: ['showLoadingAnimation'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Chat ID',
		name: 'chatId',
		type: 'string',
		required: true,
		default: '={{ $json.source?.userId }}',
		placeholder: 'U4af4980629...',
		description:
			'User ID of a one-to-one chat (U followed by 32 hex characters). LINE shows loading animations only in one-to-one chats, not in groups or rooms.',
	},
	{
		displayName: 'Loading Seconds',
		name: 'loadingSeconds',
		type: 'number',
		typeOptions: { minValue: 5, maxValue: 60, numberStepSize: 5 },
		default: 20,
		description:
			'How long to show the animation: 5 to 60 seconds in steps of 5. It stops earlier when the bot sends a message.',
	},
];

export const showLoadingAnimation: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, async (itemIndex) => {
			const chatId = String(params.get('chatId', itemIndex) ?? '').trim();
			if (/^[CR]/.test(chatId)) {
				throw new InputError(
					'chatId',
					'LINE shows loading animations only in one-to-one chats with a user, not in groups or rooms',
					'Use the user ID (source.userId) of a one-to-one chat.',
				);
			}
			checkRecipientId(chatId, 'chatId', ['user']);
			const loadingSeconds = params.get<number>('loadingSeconds', itemIndex);
			if (
				!Number.isInteger(loadingSeconds) ||
				loadingSeconds < 5 ||
				loadingSeconds > 60 ||
				loadingSeconds % 5 !== 0
			) {
				throw new InputError('loadingSeconds', `must be 5, 10, … or 60; got ${loadingSeconds}`);
			}
			const response = await client.request(
				{ method: 'POST', path: '/v2/bot/chat/loading/start', body: { chatId, loadingSeconds } },
				itemIndex,
			);
			return { chatId, loadingSeconds, requestId: response.requestId ?? null };
		});
	},
};
