import type {
	IDataObject,
	IDisplayOptions,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { describeValue, fail, InputError } from '../../../shared/errors';
import { DerivedKeys } from '../../../shared/idempotency';
import { runPerItem, type Unit } from '../../../shared/items';
import { parseJson } from '../../../shared/json';
import type { ItemParameters } from '../../../shared/parameters';
import { isObject, trimmedText } from '../../../shared/values';
import {
	chunk,
	combineIds,
	combineItemsOption,
	outputPerRequestOption,
	parseUserIds,
	readCombineOptions,
	userIdListField,
	type CombineOptions,
} from '../../helpers/recipients';
import { textRetryKey } from '../message/common';
import type { OperationContext } from '../types';
import { checkRichMenuId } from './common';

/**
 * What the rich-menu operations on users and the batch operations share: the bulk link/unlink
 * (user IDs read and combined across items as Send Multicast does, by ../../helpers/recipients,
 * 500 a request) and the batch request (operations, resume key).
 */

// ---------------------------------------------------------------------------------------------
// Link and unlink many users

/** LINE's limit of user IDs per bulk link or unlink request. */
export const BULK_MAX_USERS = 500;

export function bulkUserIdsField(what: string): INodeProperties {
	return userIdListField(
		'userIds',
		'User IDs',
		`User IDs (U followed by 32 hex characters) to ${what}, separated by commas or new lines, or an expression giving an array. Duplicates are dropped; lists over 500 are split into several requests. With one user per input item (e.g. the userId of each follower), turn on Combine All Items.`,
	);
}

export function bulkOptionsField(): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			combineItemsOption(
				'Whether to merge the user IDs of all input items into as few requests as possible (1,000 items with one user each → 2 requests), instead of sending per item',
			),
			outputPerRequestOption(
				'Whether to output one item per request (paired with the input items it covered) instead of one item per input item listing the requests that covered it',
			),
		],
	};
}

/** What one item asks for: its (de-duplicated, checked) users and, for a link, the rich menu. */
export interface BulkItem {
	richMenuId?: string;
	userIds: string[];
}

/** One bulk request: at most 500 users of one rich menu. */
export type BulkRequest = BulkItem;

/** Each item's users, 500 a request, in input order. */
function planPerItem(prepared: Array<Unit<BulkItem>>): Array<Unit<BulkRequest>> {
	return prepared.flatMap(({ items, value: { richMenuId, userIds } }) =>
		chunk(userIds, BULK_MAX_USERS).map((part) => ({ items, value: { richMenuId, userIds: part } })),
	);
}

/**
 * The users of all items, grouped by rich menu, each user once, 500 a request; every request
 * answers for the items whose users it carries.
 */
function planCombined(prepared: Array<Unit<BulkItem>>): Array<Unit<BulkRequest>> {
	const requests = combineIds(
		prepared.map(({ items: [itemIndex], value: { richMenuId, userIds } }) => ({
			itemIndex,
			key: richMenuId,
			group: richMenuId,
			ids: userIds,
		})),
		{ size: BULK_MAX_USERS },
	);
	return requests.map(({ group: richMenuId, ids: userIds, items }) => ({
		items,
		value: { richMenuId, userIds },
	}));
}

export function planBulk(
	prepared: Array<Unit<BulkItem>>,
	{ combine }: CombineOptions,
): Array<Unit<BulkRequest>> {
	return combine ? planCombined(prepared) : planPerItem(prepared);
}

/**
 * With Combine All Items, each user can be linked to one rich menu only: the order in which
 * LINE would apply two links of the same user is not the input order any more.
 */
export class LinkTargets {
	private readonly byUser = new Map<string, { richMenuId: string; itemIndex: number }>();

	claim(userIds: string[], richMenuId: string, itemIndex: number): void {
		for (const userId of userIds) {
			const earlier = this.byUser.get(userId);
			if (earlier && earlier.richMenuId !== richMenuId) {
				throw new InputError(
					'userIds',
					`${userId} is linked to ${earlier.richMenuId} by item ${earlier.itemIndex} and to ${richMenuId} by item ${itemIndex}`,
					'With Combine All Items a user can be linked to only one rich menu per run: remove the duplicate, or turn off Combine All Items to link item by item.',
				);
			}
		}
		// Only an item that passed claims its users (under continueOnFail the others go on).
		for (const userId of userIds) {
			if (!this.byUser.has(userId)) this.byUser.set(userId, { richMenuId, itemIndex });
		}
	}
}

/** The output of one bulk request (one item per request) or of one item (the requests that covered it). */
export function bulkResult(
	request: BulkRequest,
	requestId: string | undefined,
	{ perRequest }: CombineOptions,
): IDataObject {
	const menu = request.richMenuId ? { richMenuId: request.richMenuId } : {};
	const userCount = request.userIds.length;
	if (perRequest)
		return { ...menu, requestId: requestId ?? null, userCount, userIds: request.userIds };
	return {
		...menu,
		userCount,
		userIds: request.userIds,
		requests: [{ requestId: requestId ?? null, userCount }],
	};
}

/** An item's output when several requests (or a request shared with other items) covered it. */
export function mergeBulkResults(item: BulkItem | undefined, results: IDataObject[]): IDataObject {
	const menu = item?.richMenuId ? { richMenuId: item.richMenuId } : {};
	const userIds = item?.userIds ?? [];
	return {
		...menu,
		userCount: userIds.length,
		userIds,
		requests: results.flatMap((result) => (result.requests as IDataObject[] | undefined) ?? []),
	};
}

/** What a failed request was for, in its error item (Output One Item per Request). */
export function describeBulkRequest(request: BulkRequest): IDataObject {
	const menu = request.richMenuId ? { richMenuId: request.richMenuId } : {};
	return { ...menu, userCount: request.userIds.length, userIds: request.userIds };
}

/**
 * Runs a bulk link or unlink: reads and checks every item's users (and rich menu), plans the
 * requests (500 users each, combined across items if asked) and sends each request once, in
 * order. Bulk requests take no retry key, so a request is repeated only when LINE certainly did
 * not get it.
 */
export async function runBulk(
	context: OperationContext,
	{
		what,
		path,
		readRichMenuId,
	}: {
		what: string;
		path: string;
		/** For a link: the item's rich menu, checked. */
		readRichMenuId?: (itemIndex: number) => string;
	},
): Promise<INodeExecutionData[]> {
	const { client, params } = context;
	const options = readCombineOptions(params);
	const targets = new LinkTargets();
	const itemsAsked = new Map<number, BulkItem>();
	return await runPerItem<BulkItem, BulkRequest>(
		context,
		{
			prepare: (itemIndex) => {
				const userIds = parseUserIds(params.get('userIds', itemIndex), 'userIds');
				const richMenuId = readRichMenuId?.(itemIndex);
				if (options.combine && richMenuId) targets.claim(userIds, richMenuId, itemIndex);
				const item = richMenuId ? { richMenuId, userIds } : { userIds };
				itemsAsked.set(itemIndex, item);
				return item;
			},
			plan: (prepared) => {
				const planned = planBulk(prepared, options);
				const total = planned.reduce((sum, { value }) => sum + value.userIds.length, 0);
				context.fn.logger.info(
					`LINE rich menu ${what}: ${planned.length} request(s) for ${total} user(s)`,
				);
				return planned;
			},
			send: async (request, itemIndex) => {
				const body: IDataObject = request.richMenuId
					? { richMenuId: request.richMenuId, userIds: request.userIds }
					: { userIds: request.userIds };
				const response = await client.request({ method: 'POST', path, body }, itemIndex);
				return bulkResult(request, response.requestId, options);
			},
			merge: (itemIndex, results) => mergeBulkResults(itemsAsked.get(itemIndex), results),
			describeUnit: describeBulkRequest,
		},
		{ perUnit: options.perRequest },
	);
}

// ---------------------------------------------------------------------------------------------
// Batch control (replace or unlink the rich menus linked to users)

/** LINE's limit of operations per batch request. */
export const BATCH_MAX_OPERATIONS = 1000;
const RESUME_REQUEST_KEY = /^[a-zA-Z0-9_-]{1,100}$/;
const BATCH_TYPES = ['link', 'unlink', 'unlinkAll'];

function withShow(displayOptions: IDisplayOptions, show: IDisplayOptions['show']): IDisplayOptions {
	return { ...displayOptions, show: { ...displayOptions.show, ...show } };
}

// Not alphabetical: the type comes first because it decides which of the other fields are shown.
const BATCH_OPERATION_VALUES: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{
				name: 'Link (Replace)',
				value: 'link',
				description: 'Users linked to the From rich menu get the To rich menu instead',
			},
			{
				name: 'Unlink',
				value: 'unlink',
				description: 'Users linked to the From rich menu get no per-user rich menu',
			},
			{
				name: 'Unlink All',
				value: 'unlinkAll',
				description: 'Every user linked to any rich menu gets no per-user rich menu',
			},
		],
		default: 'link',
		description: 'What to do to the users linked to a rich menu',
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'richmenu-88c05ef6921ae53f8b58a25f3a65faf7',
		description: 'ID of the rich menu whose users to change',
		displayOptions: { show: { type: ['link', 'unlink'] } },
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'richmenu-88c05ef6921ae53f8b58a25f3a65faf7',
		description: 'ID of the rich menu those users get instead',
		displayOptions: { show: { type: ['link'] } },
	},
];

/** The parameters of a batch request; `derivesKey`: an empty resume key is derived (Batch, not Validate). */
export function batchFields(
	displayOptions: IDisplayOptions,
	derivesKey: boolean,
): INodeProperties[] {
	return [
		{
			displayName: 'Specify Operations',
			name: 'operationsInput',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Reset All Users',
					value: 'resetAll',
					description:
						'Unlink the per-user rich menu of every user (one unlinkAll operation): all see the default rich menu',
				},
				{
					name: 'Using Fields Below',
					value: 'builder',
					description: 'Give up to 1000 operations field by field',
				},
				{
					name: 'Using JSON',
					value: 'json',
					description: 'Give the operations as JSON, usually from an expression',
				},
			],
			default: 'builder',
			description: 'How to define the batch operations',
			displayOptions,
		},
		{
			displayName: 'Operations',
			name: 'operations',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Operation',
			default: {},
			description: 'Up to 1000 operations, carried out by LINE in parallel for each user',
			displayOptions: withShow(displayOptions, { operationsInput: ['builder'] }),
			options: [{ displayName: 'Operation', name: 'operation', values: BATCH_OPERATION_VALUES }],
		},
		{
			displayName: 'Operations JSON',
			name: 'operationsJson',
			type: 'json',
			required: true,
			default: '[]',
			placeholder: '[{ "type": "link", "from": "richmenu-...", "to": "richmenu-..." }]',
			description:
				'An array of up to 1000 rich menu operation objects (type link with from and to, unlink with from, or unlinkAll), a single one, or a whole request body with operations',
			displayOptions: withShow(displayOptions, { operationsInput: ['json'] }),
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions,
			options: [
				{
					displayName: 'Resume Request Key',
					name: 'resumeRequestKey',
					type: 'string',
					default: '',
					placeholder: 'spring-menu-2026',
					description: derivesKey
						? 'LINE’s key for retrying this batch (resumeRequestKey): the same batch sent again with the same key is taken as a retry of the first. 1–100 letters, digits, hyphens or underscores; any other text becomes a UUID (the same text always gives the same one). Leave empty to let the node derive a key from the execution, node and item, which n8n’s Retry On Fail and a retried execution derive again.'
						: 'The resume key to check with the operations: 1–100 letters, digits, hyphens or underscores; any other text becomes a UUID (the same text always gives the same one). Leave empty to send none.',
				},
			],
		},
	];
}

type Obj = Record<string, unknown>;

/** One operation object, checked; unlinkAll names no rich menu. */
function checkBatchOperation(value: unknown, field: string): IDataObject {
	if (!isObject(value)) {
		fail(field, `must be a rich menu operation object, got ${describeValue(value)}`);
	}
	const operation = value as Obj;
	const type = operation.type;
	if (typeof type !== 'string' || !BATCH_TYPES.includes(type)) {
		const got = type === undefined ? 'is required' : `is ${describeValue(type)}`;
		fail(`${field}.type`, `${got}; expected one of ${BATCH_TYPES.join(', ')}`);
	}
	if (type === 'unlinkAll') return { ...operation, type };
	const checked: IDataObject = {
		...(operation as IDataObject),
		type,
		from: checkRichMenuId(operation.from, `${field}.from`),
	};
	if (type === 'link') {
		checked.to = checkRichMenuId(operation.to, `${field}.to`);
	}
	return checked;
}

/** The `operations` of a batch request: 1 to 1000 operation objects, each checked. */
export function checkBatchOperations(value: unknown, field = 'operations'): IDataObject[] {
	if (!Array.isArray(value)) {
		fail(
			field,
			`must be a list of 1 to ${BATCH_MAX_OPERATIONS} rich menu operations, got ${describeValue(value)}`,
		);
	}
	if (value.length === 0) fail(field, 'is empty; give at least one operation');
	if (value.length > BATCH_MAX_OPERATIONS) {
		fail(
			field,
			`holds ${value.length} operations; LINE accepts at most ${BATCH_MAX_OPERATIONS} per request`,
			'Split them over several batch requests.',
		);
	}
	return value.map((operation, index) => checkBatchOperation(operation, `${field}[${index}]`));
}

/** The resume key as LINE takes it: as given when it matches LINE's pattern, else a UUID of the text. */
export function resumeRequestKeyOf(value: unknown, field = 'resumeRequestKey'): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') {
		fail(field, `must be text, got ${describeValue(value)}`);
	}
	const text = String(value).trim();
	if (text === '') return undefined;
	return RESUME_REQUEST_KEY.test(text) ? text : textRetryKey(text);
}

function readBuilderOperations(entries: unknown): IDataObject[] {
	const list = Array.isArray(entries) ? entries : [];
	return list.map((entry: unknown) => {
		const fields = isObject(entry) ? entry : {};
		const type = typeof fields.type === 'string' ? fields.type : 'link';
		const operation: IDataObject = { type };
		if (type === 'link' || type === 'unlink') operation.from = trimmedText(fields.from);
		if (type === 'link') operation.to = trimmedText(fields.to);
		return operation;
	});
}

export interface BatchRequest {
	operations: IDataObject[];
	/** From a JSON request body, else from the Resume Request Key option. */
	resumeRequestKey?: string;
}

/** The operations and resume key of one item's batch request, checked. */
export function readBatchRequest(params: ItemParameters, itemIndex: number): BatchRequest {
	const input = params.get<string>('operationsInput', itemIndex, 'builder');
	const options = params.get<IDataObject>('options', itemIndex, {}) ?? {};
	let operations: unknown;
	let bodyKey: unknown;
	if (input === 'resetAll') operations = [{ type: 'unlinkAll' }];
	else if (input === 'json') {
		let parsed = parseJson(params.get<unknown>('operationsJson', itemIndex, '[]'), 'operations');
		// An expression often points at a whole request body rather than at its operations.
		if (isObject(parsed) && parsed.type === undefined && parsed.operations !== undefined) {
			bodyKey = parsed.resumeRequestKey;
			parsed = parsed.operations;
		}
		operations = isObject(parsed) ? [parsed] : (parsed ?? []);
	} else operations = readBuilderOperations(params.get('operations.operation', itemIndex, []));
	const checked = checkBatchOperations(operations);
	const resumeRequestKey =
		resumeRequestKeyOf(bodyKey) ?? resumeRequestKeyOf(options.resumeRequestKey);
	return { operations: checked, resumeRequestKey };
}

/**
 * The resume key of each batch request of a run: the item's own, else one derived from the
 * execution, node, run and item (see DerivedKeys), which a repeat of the same work derives again.
 */
export class ResumeKeys {
	private readonly owners = new Map<string, number>();
	private readonly derived: DerivedKeys;

	constructor(fn: IExecuteFunctions) {
		this.derived = DerivedKeys.of(fn);
	}

	/** Refuses one key given to two items: LINE would take the second for a resume of the first. */
	claim(key: string | undefined, itemIndex: number): string {
		if (key === undefined) return this.derived.key(itemIndex, 'richMenuBatch');
		const owner = this.owners.get(key);
		if (owner !== undefined && owner !== itemIndex) {
			throw new InputError(
				'resumeRequestKey',
				`items ${owner} and ${itemIndex} have the same Resume Request Key ${key}`,
				'Give every item its own key, or leave Resume Request Key empty.',
			);
		}
		this.owners.set(key, itemIndex);
		return key;
	}
}
