import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { errorItem, itemError } from '../../../shared/items';
import { messageBuilderFields, readMessages } from '../../helpers/messageBuilder';
import { chunk, parseUserIds } from '../../helpers/recipients';
import type { LineOperation, OperationContext } from '../types';
import {
	newRetryKey,
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
	{
		displayName: 'Recipients',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'U4af4980629..., U0c229f96c4...',
		description:
			'User IDs (U followed by 32 hex characters), separated by commas or new lines, or an expression giving an array. Duplicates are dropped; lists over 500 are split into several requests. Groups and rooms cannot receive multicasts.',
	},
	...messageBuilderFields(showFor),
	sendOptionsField(
		['customAggregationUnits', 'notificationDisabled', 'retryKey'],
		[
			{
				displayName: 'Combine All Items',
				name: 'combineItems',
				type: 'boolean',
				default: false,
				description:
					'Whether to merge the recipients of all input items that send the same messages into as few requests as possible (10,000 items with one recipient each → 20 requests), instead of sending per item',
			},
		],
	),
];

/** One multicast request to make, and the input items it answers for. */
interface PlannedRequest {
	items: number[];
	recipients: string[];
	body: IDataObject;
	retryKey: string;
}

interface PreparedItem {
	itemIndex: number;
	recipients: string[];
	messages: IDataObject[];
	options: SendOptions;
}

function planPerItem(prepared: PreparedItem[]): PlannedRequest[] {
	return prepared.flatMap(({ itemIndex, recipients, messages, options }) =>
		chunk(recipients, MULTICAST_MAX_RECIPIENTS).map((to, index) => ({
			items: [itemIndex],
			recipients: to,
			body: { to, messages, ...optionBody(options) },
			retryKey: (index === 0 && options.retryKey) || newRetryKey(),
		})),
	);
}

/** Groups items that send the same request body apart from `to`, and packs their recipients 500 at a time. */
function planCombined(prepared: PreparedItem[]): PlannedRequest[] {
	const groups = new Map<string, { rest: IDataObject; byRecipient: Map<string, number[]> }>();
	for (const { itemIndex, recipients, messages, options } of prepared) {
		const rest = { messages, ...optionBody(options) };
		const key = JSON.stringify(rest);
		let group = groups.get(key);
		if (!group) {
			group = { rest, byRecipient: new Map() };
			groups.set(key, group);
		}
		for (const id of recipients) {
			const items = group.byRecipient.get(id);
			if (!items) group.byRecipient.set(id, [itemIndex]);
			else if (items[items.length - 1] !== itemIndex) items.push(itemIndex);
		}
	}
	const planned: PlannedRequest[] = [];
	// All items share one Retry Key option here: it can identify only one request, the first.
	const userKey = prepared[0]?.options.retryKey;
	for (const { rest, byRecipient } of groups.values()) {
		chunk([...byRecipient.keys()], MULTICAST_MAX_RECIPIENTS).forEach((to) => {
			const items = new Set<number>();
			for (const id of to) for (const item of byRecipient.get(id)!) items.add(item);
			planned.push({
				items: [...items].sort((a, b) => a - b),
				recipients: to,
				body: { to, ...rest },
				retryKey: (planned.length === 0 && userKey) || newRetryKey(),
			});
		});
	}
	return planned;
}

export const sendMulticast: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context: OperationContext) {
		const { fn, client, params, items } = context;
		const continueOnFail = fn.continueOnFail();
		const output: Array<{ order: number; item: INodeExecutionData }> = [];

		const combine = (params.get<IDataObject>('options', 0, {}).combineItems ?? false) === true;
		const retryKeys = new RetryKeys();
		// Every item is checked before anything is sent, so bad input never leaves a half-sent run.
		const prepared: PreparedItem[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const recipients = parseUserIds(params.get('to', itemIndex), 'to');
				const messages = readMessages(params, itemIndex);
				const options = readSendOptions(params, itemIndex);
				if (!combine && options.retryKey) retryKeys.claim(options.retryKey, itemIndex);
				prepared.push({ itemIndex, recipients, messages, options });
			} catch (error) {
				const failure = itemError(fn, error, itemIndex);
				if (!continueOnFail) throw failure;
				output.push({ order: itemIndex, item: errorItem(failure, itemIndex) });
			}
		}

		const planned = combine ? planCombined(prepared) : planPerItem(prepared);
		const totalRecipients = planned.reduce((sum, request) => sum + request.recipients.length, 0);
		fn.logger.info(
			`LINE multicast: ${planned.length} request(s) for ${totalRecipients} recipient(s)`,
		);
		let sentRequests = 0;
		let sentRecipients = 0;
		for (const request of planned) {
			const [firstItem] = request.items;
			const pairedItem = request.items.map((item) => ({ item }));
			try {
				const response = await client.request(
					{
						method: 'POST',
						path: '/v2/bot/message/multicast',
						body: request.body,
						retryKey: request.retryKey,
					},
					firstItem,
				);
				sentRequests++;
				sentRecipients += request.recipients.length;
				output.push({
					order: firstItem,
					item: {
						json: {
							...sendResult(response, request.retryKey),
							recipientCount: request.recipients.length,
							recipients: request.recipients,
						},
						pairedItem,
					},
				});
			} catch (error) {
				const failure = itemError(fn, error, firstItem) as Error & { description?: string | null };
				if (!continueOnFail) {
					failure.description = [
						failure.description,
						`Sent before this failure: ${sentRequests} of ${planned.length} multicast requests (${sentRecipients} recipients). This request and the ones after it were not sent.`,
					]
						.filter(Boolean)
						.join('\n');
					throw failure;
				}
				const item = errorItem(failure, request.items);
				item.json.recipientCount = request.recipients.length;
				item.json.recipients = request.recipients;
				output.push({ order: firstItem, item });
			}
			fn.logger.debug(
				`LINE multicast: ${sentRequests}/${planned.length} requests sent (${sentRecipients} recipients)`,
			);
		}
		fn.logger.info(
			`LINE multicast: done, ${sentRequests}/${planned.length} request(s) sent to ${sentRecipients} recipient(s)`,
		);
		// Array.prototype.sort is stable: requests of the same item keep their order.
		return output.sort((a, b) => a.order - b.order).map(({ item }) => item);
	},
};
