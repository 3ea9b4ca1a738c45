import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { addDescription, runPerItem } from '../../../shared/items';
import { checkRecipientId } from '../../helpers/checks';
import { joinItemCarousels } from '../../helpers/itemCarousels';
import { messageBuilderFields, readMessages } from '../../helpers/messageBuilder';
import type { LineOperation } from '../types';
import { optionBody, readSendOptions, RetryKeys, sendOptionsField, sendResult } from './common';

const showFor = { show: { resource: ['message'], operation: ['sendReply'] } };

/** The chat of the event: the LINE Trigger's `chatId` (groupId ?? roomId ?? userId). */
const DEFAULT_PUSH_TO = '={{ $json.chatId }}';

const fallbackOptions: INodeProperties[] = [
	{
		displayName: 'Push If Reply Token Is Invalid',
		name: 'pushIfReplyTokenInvalid',
		type: 'boolean',
		default: false,
		description:
			'Whether to push the same messages to Push To when LINE refuses the reply token as invalid (expired, already used or wrong). Replies are free; pushes are billed and count against the monthly quota.',
	},
	{
		displayName: 'Push To',
		name: 'pushTo',
		type: 'string',
		default: DEFAULT_PUSH_TO,
		placeholder: 'U4af4980629...',
		description:
			'User, group or room ID to push to when the reply token is invalid: U, C or R followed by 32 hex characters. Used only with Push If Reply Token Is Invalid; when not added, it is the chat of the event (the chatId the LINE Trigger outputs).',
	},
];

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
	sendOptionsField(['notificationDisabled'], fallbackOptions),
];

/** LINE's answer to an expired, used or unknown reply token: 400 "Invalid reply token". */
function isInvalidReplyToken(error: unknown): boolean {
	if (!(error instanceof NodeApiError) || error.httpCode !== '400') return false;
	const lineMessage = error.errorResponse?.message;
	return typeof lineMessage === 'string' && /invalid reply token/i.test(lineMessage);
}

/** The push sent instead of the reply: the same messages and options, to the event's chat. */
interface Fallback {
	to: string;
	body: IDataObject;
	retryKey: string;
}

export const sendReply: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { fn, client, params } = context;
		const retryKeys = new RetryKeys(fn);
		return await runPerItem(context, {
			prepare: (itemIndex) => {
				const replyToken = String(params.get('replyToken', itemIndex) ?? '').trim();
				if (replyToken === '') {
					throw new InputError(
						'replyToken',
						'is empty',
						'Map the replyToken of a LINE Trigger event, e.g. {{ $json.replyToken }}.',
					);
				}
				const messages = readMessages(params, itemIndex, { joinItems: true });
				const options = optionBody(readSendOptions(params, itemIndex));
				const body: IDataObject = { replyToken, messages, ...options };
				const raw = params.get<IDataObject>('options', itemIndex, {});
				if (raw.pushIfReplyTokenInvalid !== true) return { body };
				// Read directly: the default is an expression, resolved for this very item.
				const pushTo = fn.getNodeParameter('options.pushTo', itemIndex, DEFAULT_PUSH_TO);
				const to = checkRecipientId(pushTo as string, 'pushTo', ['user', 'group', 'room']);
				const fallback: Fallback = {
					to,
					body: { to, messages, ...options },
					retryKey: retryKeys.derive(itemIndex, 'fallback'),
				};
				return { body, fallback };
			},
			// A reply token is used once: the items answering one event share a single reply.
			plan: (prepared) =>
				joinItemCarousels(prepared, {
					messagesOf: ({ body }) => body.messages as IDataObject[],
					keyOf: ({ body, fallback }, messages) =>
						JSON.stringify({ ...body, messages, pushTo: fallback?.to }),
					withMessages: ({ body, fallback }, messages) => ({
						body: { ...body, messages },
						fallback: fallback && { ...fallback, body: { ...fallback.body, messages } },
					}),
					maxRequests: 1,
				}),
			send: async ({ body, fallback }, itemIndex) => {
				let failure: unknown;
				try {
					const response = await client.request<{ sentMessages?: unknown[] }>(
						{ method: 'POST', path: '/v2/bot/message/reply', body },
						itemIndex,
					);
					return {
						...(fallback ? { deliveredBy: 'reply' } : {}),
						...sendResult(response),
						sentMessages: response.body.sentMessages ?? [],
					};
				} catch (error) {
					failure = error;
				}
				if (!isInvalidReplyToken(failure)) throw failure;
				if (!fallback) {
					throw addDescription(
						failure as Error,
						'Reply tokens work once, within about a minute of the event. To push the messages instead (billed), turn on the option Push If Reply Token Is Invalid.',
					);
				}
				const response = await client.request<{ sentMessages?: unknown[] }>(
					{
						method: 'POST',
						path: '/v2/bot/message/push',
						body: fallback.body,
						retryKey: fallback.retryKey,
					},
					itemIndex,
				);
				return {
					deliveredBy: 'push',
					to: fallback.to,
					replyError: (failure as NodeApiError).errorResponse?.message ?? null,
					...sendResult(response, fallback.retryKey),
					sentMessages: response.body.sentMessages ?? [],
				};
			},
		});
	},
};
