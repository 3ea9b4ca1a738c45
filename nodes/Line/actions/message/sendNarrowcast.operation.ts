import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import { parseJsonObject } from '../../../shared/json';
import { messageBuilderFields, readMessages } from '../../helpers/messageBuilder';
import { checkDemographicFilter, checkNarrowcastRecipient } from '../../helpers/narrowcast';
import {
	demographicFilterField,
	readDemographicFields,
	readRecipientFields,
	recipientFields,
	targetInputField,
	type TargetInput,
} from '../../helpers/narrowcastFields';
import { locatorValue } from '../../methods/resourceLocator';
import { audienceGroupIdField, checkAudienceGroupId } from '../audience/common';
import type { LineOperation } from '../types';
import { optionBody, readSendOptions, RetryKeys, sendOptionsField, sendResult } from './common';

const showFor = { show: { resource: ['message'], operation: ['sendNarrowcast'] } };

/** Shows a field in one mode of recipientInput or demographicInput. */
function inMode(input: string, mode: TargetInput, property: INodeProperties): INodeProperties {
	return { ...property, displayOptions: { show: { [input]: [mode] } } };
}

// Both modes default to Using JSON so that saved narrowcasts keep their fields: see targetInputField.
const properties: INodeProperties[] = [
	targetInputField(
		'recipientInput',
		'Recipient',
		'Audiences to include and exclude, and redeliveries of earlier narrowcasts',
		'An Audience from the list and a LINE recipient object as JSON, combined by "and"',
	),
	inMode(
		'recipientInput',
		'json',
		audienceGroupIdField(
			'An audience to send to, from the list or by ID. With a Recipient too, only the users both select receive it. Empty for no audience.',
			{ required: false },
		),
	),
	inMode('recipientInput', 'json', {
		displayName: 'Recipient',
		name: 'recipient',
		type: 'json',
		default: '',
		placeholder: '{ "type": "audience", "audienceGroupId": 5614991017776 }',
		description:
			'Who may receive it: an audience, a redelivery of an earlier narrowcast, or an operator ({"type": "operator", "and": [...]}) combining them; combined with the Audience above by "and". With neither, it goes to every friend who matches the filter.',
	}),
	...recipientFields().map((property) => inMode('recipientInput', 'fields', property)),
	targetInputField(
		'demographicInput',
		'Demographic Filter',
		'Age, gender, app type, area and friendship period, all of which must match',
		'A LINE demographic filter object as JSON, for "or" and "not" combinations',
	),
	inMode('demographicInput', 'json', {
		displayName: 'Demographic Filter',
		name: 'demographic',
		type: 'json',
		default: '',
		placeholder: '{ "type": "gender", "oneOf": ["female"] }',
		description:
			'Narrow the recipients by age, gender, app type, area or friendship period; combine with {"type": "operator", "and": [...]}. Empty for no filter.',
	}),
	inMode('demographicInput', 'fields', demographicFilterField()),
	...messageBuilderFields(showFor),
	sendOptionsField(
		['notificationDisabled', 'retryKey'],
		[
			{
				displayName: 'Forbid Partial Delivery',
				name: 'forbidPartialDelivery',
				type: 'boolean',
				default: false,
				description:
					'Whether to cancel the whole narrowcast rather than deliver to only some recipients when the quota runs out. Needs "Up To Remaining Quota".',
			},
			{
				displayName: 'Max Recipients',
				name: 'max',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1000,
				description: 'Largest number of users to send to; recipients are chosen at random',
			},
			{
				displayName: 'Up To Remaining Quota',
				name: 'upToRemainingQuota',
				type: 'boolean',
				default: false,
				description: "Whether to send only as many messages as this month's remaining quota allows",
			},
		],
	),
];

function readLimit(options: IDataObject): IDataObject | undefined {
	const limit: IDataObject = {};
	if (options.max !== undefined) {
		if (!Number.isInteger(options.max) || (options.max as number) < 1) {
			throw new InputError(
				'limit.max',
				`must be a whole number of at least 1, got ${String(options.max)}`,
			);
		}
		limit.max = options.max;
	}
	if (options.upToRemainingQuota === true) limit.upToRemainingQuota = true;
	if (options.forbidPartialDelivery === true) {
		if (!limit.upToRemainingQuota) {
			throw new InputError(
				'limit.forbidPartialDelivery',
				'only works together with "Up To Remaining Quota"',
				'Turn on Up To Remaining Quota, or turn off Forbid Partial Delivery.',
			);
		}
		limit.forbidPartialDelivery = true;
	}
	return Object.keys(limit).length ? limit : undefined;
}

function isGiven(value: unknown): boolean {
	return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '');
}

/**
 * The `recipient` of one item in Using JSON: the Audience field's audience, the Recipient JSON, or
 * both combined with an "and" operator (only the audience's users that the JSON selects too).
 */
function readJsonRecipient(audienceValue: unknown, json: unknown): IDataObject | undefined {
	const audience =
		audienceValue === undefined
			? undefined
			: { type: 'audience', audienceGroupId: checkAudienceGroupId(audienceValue) };
	const recipient = parseJsonObject(json, 'recipient', { optional: true }) as
		| IDataObject
		| undefined;
	if (recipient) checkNarrowcastRecipient(recipient);
	if (audience && recipient) return { type: 'operator', and: [audience, recipient] };
	return audience ?? recipient;
}

function readJsonDemographic(json: unknown): IDataObject | undefined {
	const demographic = parseJsonObject(json, 'filter.demographic', { optional: true });
	if (demographic) checkDemographicFilter(demographic);
	return demographic as IDataObject | undefined;
}

export const sendNarrowcast: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { fn, client, params } = context;
		const retryKeys = new RetryKeys(fn);
		const raw = fn.getNode().parameters;
		// An Audience or Redelivery Request IDs given (an ID or an expression) that comes out empty
		// for an item fails that item: leaving it out would send to more users than meant.
		const audienceGiven = isGiven(locatorValue(raw.audienceGroupId));
		const redeliveriesGiven = isGiven(raw.redeliveryRequestIds);
		const recipientInput = params.get<TargetInput>('recipientInput', 0, 'json');
		const demographicInput = params.get<TargetInput>('demographicInput', 0, 'json');
		const readRecipient = (itemIndex: number) =>
			recipientInput === 'fields'
				? readRecipientFields(params, itemIndex, redeliveriesGiven)
				: readJsonRecipient(
						audienceGiven ? params.get('audienceGroupId', itemIndex) : undefined,
						params.get('recipient', itemIndex),
					);
		const readDemographic = (itemIndex: number) =>
			demographicInput === 'fields'
				? readDemographicFields(params, itemIndex)
				: readJsonDemographic(params.get('demographic', itemIndex));
		return await runPerItem(context, {
			prepare: (itemIndex) => {
				const body: IDataObject = { messages: readMessages(params, itemIndex) };
				const recipient = readRecipient(itemIndex);
				if (recipient) body.recipient = recipient;
				const demographic = readDemographic(itemIndex);
				if (demographic) body.filter = { demographic };
				const rawOptions = params.get<IDataObject>('options', itemIndex, {});
				const limit = readLimit(rawOptions);
				if (limit) body.limit = limit;
				const options = readSendOptions(params, itemIndex);
				Object.assign(body, optionBody(options));
				return { body, retryKey: retryKeys.claim(options.retryKey, itemIndex) };
			},
			send: async ({ body, retryKey }, itemIndex) => {
				const response = await client.request(
					{ method: 'POST', path: '/v2/bot/message/narrowcast', body, retryKey },
					itemIndex,
				);
				// Narrowcast is asynchronous: the request ID is what Get Narrowcast Progress takes.
				return sendResult(response, retryKey);
			},
		});
	},
};
