import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { DerivedKeys, nameBasedUuid } from '../../../shared/idempotency';
import type { ItemParameters } from '../../../shared/parameters';
import type { LineResponse } from '../../transport';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AGGREGATION_UNIT = /^[a-zA-Z0-9_]{1,30}$/;

type SendOption = 'notificationDisabled' | 'customAggregationUnits' | 'retryKey';

const OPTION_FIELDS: Record<SendOption, INodeProperties> = {
	customAggregationUnits: {
		displayName: 'Custom Aggregation Unit',
		name: 'customAggregationUnits',
		type: 'string',
		default: '',
		placeholder: 'spring_campaign',
		description:
			'Name of the aggregation unit to count this message under in statistics (1–30 letters, digits or underscores). Only for corporate users who applied for it.',
	},
	notificationDisabled: {
		displayName: 'Disable Notification',
		name: 'notificationDisabled',
		type: 'boolean',
		default: false,
		description: 'Whether the recipients get the message without a push notification',
	},
	retryKey: {
		displayName: 'Retry Key',
		name: 'retryKey',
		type: 'string',
		default: '',
		placeholder: '123e4567-e89b-12d3-a456-426614174000',
		description:
			"What identifies this send to LINE: a later request with the same key is not delivered again (LINE remembers keys for 24 hours). A UUID, or any text that names the send (e.g. an expression giving spring-sale/ and the recipient's user ID), which becomes a UUID (the same text always gives the same one): running the workflow again then sends only what LINE has not accepted yet. Leave empty to let the node derive a key per request from the execution, node and item, which n8n's Retry On Fail and a retried execution derive again. A multicast to more than 500 recipients sends several requests: the later ones get keys derived from this one.",
	},
};

/** The "Options" collection of a send operation, with the options that operation's request takes. */
export function sendOptionsField(
	options: SendOption[],
	extra: INodeProperties[] = [],
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options.map((name) => OPTION_FIELDS[name]), ...extra].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}

/** The Requests in Parallel option of a send per item; `description` says what goes out at once. */
export function parallelRequestsOption(description: string): INodeProperties {
	return {
		displayName: 'Requests in Parallel',
		name: 'parallelRequests',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 50 },
		default: 10,
		description,
	};
}

/** Requests in Parallel: an option of the run, read from the first item. */
export function readParallelRequests(params: ItemParameters): number {
	return Number(params.get<IDataObject>('options', 0, {}).parallelRequests ?? 10);
}

export interface SendOptions {
	notificationDisabled?: boolean;
	customAggregationUnits?: string[];
	retryKey?: string;
}

/** The retry key of a Retry Key that is text, not a UUID (a version-5 UUID of the text). */
export function textRetryKey(text: string): string {
	return nameBasedUuid(`retry-key/${text}`);
}

/** Reads and checks the options of one item; only options set by the user are returned. */
export function readSendOptions(params: ItemParameters, itemIndex: number): SendOptions {
	const raw = params.get<IDataObject>('options', itemIndex, {});
	const options: SendOptions = {};
	if (raw.notificationDisabled === true) options.notificationDisabled = true;
	const unit = String(raw.customAggregationUnits ?? '').trim();
	if (unit !== '') {
		if (!AGGREGATION_UNIT.test(unit)) {
			throw new InputError(
				'customAggregationUnits[0]',
				`"${unit}" is not a valid aggregation unit name`,
				'Use 1–30 letters, digits or underscores.',
			);
		}
		options.customAggregationUnits = [unit];
	}
	const retryKey = String(raw.retryKey ?? '').trim();
	if (retryKey !== '') {
		// LINE takes UUIDs only: any other text (`spring-sale/{{ $json.userId }}`) becomes the
		// name-based UUID of that text, the same for the same text in any execution.
		options.retryKey = UUID.test(retryKey) ? retryKey : textRetryKey(retryKey);
	}
	return options;
}

/** The request body fields that come from the options (the retry key travels as a header). */
export function optionBody({
	notificationDisabled,
	customAggregationUnits,
}: SendOptions): IDataObject {
	const body: IDataObject = {};
	if (notificationDisabled) body.notificationDisabled = true;
	if (customAggregationUnits) body.customAggregationUnits = customAggregationUnits;
	return body;
}

/**
 * Hands out the retry key of each request of one run: the user's own key where one is given,
 * else a key derived from the execution, node, run, item and place (see DerivedKeys), so a
 * repeat of the same work by n8n sends the same key and LINE does not deliver it twice. A user
 * key given to two items would make LINE deliver only the first and answer 409 to the other, so
 * that is refused before anything is sent.
 */
export class RetryKeys {
	private readonly owners = new Map<string, number>();
	private readonly derived: DerivedKeys;

	constructor(fn: IExecuteFunctions) {
		this.derived = DerivedKeys.of(fn);
	}

	claim(userKey: string | undefined, itemIndex: number, place: number | string = 0): string {
		if (userKey === undefined) return this.derived.key(itemIndex, place);
		const owner = this.owners.get(userKey.toLowerCase());
		if (owner !== undefined && owner !== itemIndex) {
			throw new InputError(
				'X-Line-Retry-Key',
				`items ${owner} and ${itemIndex} have the same Retry Key ${userKey}; LINE would deliver only the first`,
				'Give every item its own key (e.g. a UUID stored with the record the item comes from), or leave Retry Key empty.',
			);
		}
		this.owners.set(userKey.toLowerCase(), itemIndex);
		return userKey;
	}

	/** The derived key of a request the user's key does not cover (e.g. a later chunk). */
	derive(itemIndex: number, place: number | string): string {
		return this.derived.key(itemIndex, place);
	}
}

/** What every send reports: LINE's request ID, the retry key, and whether an earlier attempt had already been accepted. */
export function sendResult(response: LineResponse, retryKey?: string): IDataObject {
	const result: IDataObject = { requestId: response.requestId ?? null };
	if (retryKey) result.retryKey = retryKey;
	if (response.alreadyAccepted) {
		result.alreadyAccepted = true;
		result.acceptedRequestId = response.alreadyAccepted.acceptedRequestId ?? null;
	}
	return result;
}
