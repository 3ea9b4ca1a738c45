import { createHash } from 'node:crypto';
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { describeValue, fail } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import { messageBuilderFields, readMessages } from '../../helpers/messageBuilder';
import type { LineOperation } from '../types';
import {
	optionBody,
	parallelRequestsOption,
	readParallelRequests,
	readSendOptions,
	sendOptionsField,
	sendResult,
} from './common';

const showFor = { show: { resource: ['message'], operation: ['sendByPhoneNumber'] } };

const E164 = /^\+[1-9]\d{4,14}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/i;
/** Countries LINE notification messages are for; their national numbers never start with 0. */
const NO_TRUNK_ZERO = /^\+(81|66|886)0/;
/** LINE notification messages (flexible) may not hold images, videos or audio. */
const MEDIA_TYPES = ['image', 'video', 'audio'];

const properties: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+818000001234',
		description:
			"The recipient's phone number in international E.164 form (+, country code, number without its leading 0; spaces and hyphens are removed), or its SHA-256 hash as 64 hex characters. The node sends LINE only the SHA-256 hash of the number, as LINE requires.",
	},
	...messageBuilderFields(showFor),
	sendOptionsField(
		['notificationDisabled'],
		[
			{
				displayName: 'Delivery Tag',
				name: 'deliveryTag',
				type: 'string',
				default: '',
				placeholder: 'order-2026-0042-shipped',
				description:
					'16 to 100 characters LINE returns in the delivery webhook event (delivery.data) once the message was delivered, e.g. to match it with your order',
			},
			parallelRequestsOption(
				'How many messages may be on their way to LINE at once. Messages to the same number are always sent one after another, in item order.',
			),
		],
	),
];

interface Recipient {
	/** The number in E.164 form, when the item gave the number itself. */
	phoneNumber?: string;
	/** What LINE takes as `to`: the SHA-256 hash of the E.164 number, in lowercase hex. */
	to: string;
}

/** The recipient of one item: an E.164 phone number (hashed here) or the hash of one. */
export function readPhoneNumber(value: unknown): Recipient {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (text === '') {
		fail(
			'to',
			value === undefined || value === ''
				? 'is empty'
				: `must be text, got ${describeValue(value)}`,
			'Give the phone number in E.164 form, e.g. +818000001234.',
		);
	}
	if (SHA256_HEX.test(text)) return { to: text.toLowerCase() };
	const phoneNumber = text.replace(/[\s\-().]/g, '');
	if (NO_TRUNK_ZERO.test(phoneNumber)) {
		fail(
			'to',
			`${describeValue(text)} keeps the leading 0 of the national number after the country code`,
			`E.164 drops it: ${phoneNumber.replace(/^(\+(?:81|66|886))0/, '$1')}`,
		);
	}
	if (!E164.test(phoneNumber)) {
		fail(
			'to',
			`${describeValue(text)} is not a phone number in E.164 form`,
			/^0\d/.test(phoneNumber)
				? 'Write it with + and the country code instead of the leading 0, e.g. 080-0000-1234 in Japan is +818000001234.'
				: 'Use +, the country code and the number, e.g. +818000001234 (Japan), +66812345678 (Thailand), +886912345678 (Taiwan).',
		);
	}
	return { phoneNumber, to: createHash('sha256').update(phoneNumber, 'utf8').digest('hex') };
}

/** The optional X-Line-Delivery-Tag of one item: 16 to 100 characters. */
function readDeliveryTag(value: unknown): string | undefined {
	const tag = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
	if (tag === '') return undefined;
	if (tag.length < 16 || tag.length > 100) {
		fail(
			'options.deliveryTag',
			`must be 16 to 100 characters, got ${tag.length}`,
			'LINE returns it in the delivery event of the LINE Trigger (delivery.data).',
		);
	}
	return tag;
}

function checkNoMedia(messages: IDataObject[]): void {
	messages.forEach((message, index) => {
		if (MEDIA_TYPES.includes(String(message.type))) {
			fail(
				`messages[${index}].type`,
				`${describeValue(message.type)} messages cannot be sent as LINE notification messages (no images, videos or audio)`,
				"Use text or flex messages that passed LINE's review of your notification messages.",
			);
		}
	});
}

export const sendByPhoneNumber: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		const parallelRequests = readParallelRequests(params);
		return await runPerItem(
			context,
			{
				prepare: (itemIndex) => {
					const recipient = readPhoneNumber(params.get('to', itemIndex));
					const messages = readMessages(params, itemIndex);
					checkNoMedia(messages);
					const options = readSendOptions(params, itemIndex);
					const deliveryTag = readDeliveryTag(params.get('options.deliveryTag', itemIndex, ''));
					return {
						recipient,
						body: { to: recipient.to, messages, ...optionBody(options) },
						headers: deliveryTag ? { 'X-Line-Delivery-Tag': deliveryTag } : undefined,
					};
				},
				// No retry key: LINE takes X-Line-Retry-Key only on push, multicast, narrowcast and
				// broadcast (and refuses it elsewhere), so a send is repeated only when it surely
				// did not arrive.
				send: async ({ recipient, body, headers }, itemIndex) => {
					const response = await client.request(
						{ method: 'POST', path: '/bot/pnp/push', body, headers },
						itemIndex,
					);
					return { ...recipient, ...sendResult(response) };
				},
			},
			{ concurrency: parallelRequests, keyOf: ({ recipient }) => recipient.to },
		);
	},
};
