import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { nameBasedUuid } from '../../../shared/idempotency';
import { runPerItem, type Unit } from '../../../shared/items';
import { messageBuilderFields, readMessages } from '../../helpers/messageBuilder';
import {
	chunk,
	combineIds,
	combineItemsOption,
	outputPerRequestOption,
	parseUserIds,
	readCombineOptions,
	userIdListField,
} from '../../helpers/recipients';
import type { LineOperation, OperationContext } from '../types';
import {
	optionBody,
	readSendOptions,
	RetryKeys,
	sendOptionsField,
	sendResult,
	type SendOptions,
} from './common';

/** LINE's limit of recipients per multicast request. */
export const MULTICAST_MAX_RECIPIENTS = 500;

const showFor = { show: { resource: ['message'], operation: ['sendMulticast'] } };

const properties: INodeProperties[] = [
	userIdListField(
		'to',
		'Recipients',
		'User IDs (U followed by 32 hex characters), separated by commas or new lines, or an expression giving an array. Duplicates are dropped; lists over 500 are split into several requests. Groups and rooms cannot receive multicasts.',
	),
	...messageBuilderFields(showFor),
	sendOptionsField(
		['customAggregationUnits', 'notificationDisabled', 'retryKey'],
		[
			combineItemsOption(
				'Whether to merge the recipients of all input items that send the same messages into as few requests as possible (10,000 items with one recipient each → 20 requests), instead of sending per item',
			),
			outputPerRequestOption(
				'Whether to output one item per multicast request (paired with the input items it covered) instead of one item per input item with the request ID and retry key that covered it',
			),
		],
	),
];

interface PreparedItem {
	recipients: string[];
	messages: IDataObject[];
	options: SendOptions;
}

/** One multicast request: its body and its retry key. */
interface PlannedRequest {
	recipients: string[];
	body: IDataObject;
	retryKey: string;
}

function planPerItem(
	prepared: Array<Unit<PreparedItem>>,
	keys: RetryKeys,
): Array<Unit<PlannedRequest>> {
	return prepared.flatMap(({ items: [itemIndex], value: { recipients, messages, options } }) =>
		chunk(recipients, MULTICAST_MAX_RECIPIENTS).map((to, index) => ({
			items: [itemIndex],
			value: {
				recipients: to,
				body: { to, messages, ...optionBody(options) },
				// The requests after the first (over 500 recipients) get keys of their own, derived
				// from the user's key when there is one, so a re-run is recognised as a whole.
				retryKey:
					index === 0
						? keys.claim(options.retryKey, itemIndex)
						: options.retryKey
							? nameBasedUuid(`${options.retryKey}/${index}`)
							: keys.derive(itemIndex, index),
			},
		})),
	);
}

/** Groups items that send the same request body apart from `to`, and packs their recipients 500 at a time. */
function planCombined(
	prepared: Array<Unit<PreparedItem>>,
	keys: RetryKeys,
): Array<Unit<PlannedRequest>> {
	const requests = combineIds(
		prepared.map(({ items: [itemIndex], value: { recipients, messages, options } }) => {
			const rest = { messages, ...optionBody(options) };
			return { itemIndex, key: JSON.stringify(rest), group: rest, ids: recipients };
		}),
		{ size: MULTICAST_MAX_RECIPIENTS },
	);
	// All items share one Retry Key option here: it can identify only one request, the first.
	const userKey = prepared[0]?.value.options.retryKey;
	return requests.map(({ group: rest, ids: to, items }, index) => ({
		items,
		value: {
			recipients: to,
			body: { to, ...rest },
			retryKey: index === 0 && userKey ? userKey : keys.derive(items[0], `combined-${index}`),
		},
	}));
}

export const sendMulticast: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context: OperationContext) {
		const { fn, client, params } = context;
		const { combine, perRequest } = readCombineOptions(params);
		const retryKeys = new RetryKeys(fn);
		const recipientsOf = new Map<number, string[]>();
		return await runPerItem<PreparedItem, PlannedRequest>(
			context,
			{
				prepare: (itemIndex) => {
					const recipients = parseUserIds(params.get('to', itemIndex), 'to');
					const messages = readMessages(params, itemIndex);
					const options = readSendOptions(params, itemIndex);
					if (!combine && options.retryKey) retryKeys.claim(options.retryKey, itemIndex);
					recipientsOf.set(itemIndex, recipients);
					return { recipients, messages, options };
				},
				plan: (prepared) => {
					const planned = combine
						? planCombined(prepared, retryKeys)
						: planPerItem(prepared, retryKeys);
					const total = planned.reduce((sum, { value }) => sum + value.recipients.length, 0);
					fn.logger.info(`LINE multicast: ${planned.length} request(s) for ${total} recipient(s)`);
					return planned;
				},
				send: async ({ body, retryKey, recipients }, itemIndex) => {
					const response = await client.request(
						{ method: 'POST', path: '/v2/bot/message/multicast', body, retryKey },
						itemIndex,
					);
					return {
						...sendResult(response, retryKey),
						recipientCount: recipients.length,
						recipients,
					};
				},
				describeUnit: ({ recipients }) => ({ recipientCount: recipients.length, recipients }),
				merge: (itemIndex, results) => {
					const recipients = recipientsOf.get(itemIndex) ?? [];
					const merged: IDataObject = {
						requestId: results[0]?.requestId ?? null,
						retryKey: results[0]?.retryKey ?? null,
					};
					if (results.length > 1) {
						merged.requestIds = results.map((result) => result.requestId ?? null);
						merged.retryKeys = results.map((result) => result.retryKey ?? null);
					}
					if (results.length > 0 && results.every((result) => result.alreadyAccepted === true)) {
						merged.alreadyAccepted = true;
						if (results.length === 1) merged.acceptedRequestId = results[0].acceptedRequestId;
					}
					return { ...merged, recipientCount: recipients.length, recipients };
				},
			},
			{ perUnit: perRequest },
		);
	},
};
