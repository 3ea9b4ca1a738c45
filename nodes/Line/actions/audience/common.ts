import type { INodeProperties } from 'n8n-workflow';

import { describeValue, fail } from '../../../shared/errors';
import type { ItemParameters } from '../../../shared/parameters';
import { locatorField, locatorValue, type LineSearchMethod } from '../../methods/resourceLocator';

/**
 * Fields and checks shared by the audience operations: LINE's limits from manage-audience.yml
 * and its error reference (audience names without control characters, request IDs of
 * broadcasts and narrowcasts, user IDs vs IFAs).
 */

/** User IDs or IFAs in one JSON request (createAudienceGroup, addAudienceToAudienceGroup). */
export const MAX_IDS_PER_REQUEST = 10_000;
/** User IDs or IFAs in one uploaded file. */
export const MAX_IDS_PER_FILE = 1_500_000;
/** An audience's name (description): LINE counts UTF-16 code units. */
export const MAX_DESCRIPTION = 120;
export const MAX_CLICK_URL = 2000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USER_ID = /^U[0-9a-f]{32}$/;
const CHAT_ID = /^[CR][0-9a-f]{32}$/;

/** The audience ID: picked from the audiences LINE lists, or given (by default the input item's). */
export function audienceGroupIdField(
	description: string,
	{
		searchListMethod = 'searchAudiences',
		required = true,
	}: { searchListMethod?: LineSearchMethod; required?: boolean } = {},
): INodeProperties {
	return locatorField({
		displayName: 'Audience',
		name: 'audienceGroupId',
		description,
		searchListMethod,
		idDefault: required ? '={{ $json.audienceGroupId }}' : '',
		listPlaceholder: 'Select an audience...',
		idPlaceholder: '1234567890123',
		idRegex: '[1-9][0-9]*',
		idError: 'Not an audience ID: a whole number such as 1234567890123',
		required,
	});
}

export function descriptionField(
	description = `The audience's name (description): ${DESCRIPTION_RULES}`,
): INodeProperties {
	return {
		displayName: 'Audience Name',
		name: 'description',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Spring campaign 2026',
		description,
	};
}

export function requestIdField(description: string): INodeProperties {
	return {
		displayName: 'Request ID',
		name: 'requestId',
		type: 'string',
		required: true,
		default: '={{ $json.requestId }}',
		placeholder: 'bb9744f9-47fa-4a29-941e-1234567890ab',
		description,
	};
}

export const DESCRIPTION_RULES =
	'1–120 characters (an emoji counts 2), no line breaks or other control characters. LINE compares names case-insensitively.';

/**
 * The audience ID of an item: a whole number (LINE's int64), given as a number or as digits, or
 * as the value of a locator.
 */
export function checkAudienceGroupId(given: unknown, field = 'audienceGroupId'): number {
	const value = locatorValue(given);
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : value;
	if (text === undefined || text === null || text === '') {
		fail(
			field,
			'is empty',
			'Pick an audience from the list, or map the audienceGroupId of an earlier Audience operation, e.g. {{ $json.audienceGroupId }}.',
		);
	}
	if (typeof text !== 'string' || !/^[1-9]\d*$/.test(text)) {
		fail(
			field,
			`${describeValue(value)} is not an audience ID (a whole number, e.g. 1234567890123)`,
		);
	}
	const id = Number(text);
	if (!Number.isSafeInteger(id)) fail(field, `${text} is too large for an audience ID`);
	return id;
}

export function readAudienceGroupId(params: ItemParameters, itemIndex: number): number {
	return checkAudienceGroupId(params.get('audienceGroupId', itemIndex));
}

function controlCharacter(text: string): number {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return i;
	}
	return -1;
}

/** An audience's name: 1–120 UTF-16 code units, no control characters (LINE: AUDIENCE_GROUP_NAME_WRONG). */
export function checkDescription(value: unknown, field = 'description'): string {
	const text = typeof value === 'number' ? String(value) : value;
	if (text !== undefined && text !== null && typeof text !== 'string') {
		fail(field, `must be text, got ${describeValue(value)}`);
	}
	const trimmed = typeof text === 'string' ? text.trim() : '';
	if (trimmed === '') fail(field, 'is empty', `Name the audience: ${DESCRIPTION_RULES}`);
	if (trimmed.length > MAX_DESCRIPTION) {
		fail(
			field,
			`is too long: ${trimmed.length} characters, LINE allows at most ${MAX_DESCRIPTION}`,
			'LINE counts an emoji and other characters outside the Basic Multilingual Plane as 2.',
		);
	}
	const at = controlCharacter(trimmed);
	if (at !== -1) {
		const code = trimmed.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
		fail(
			field,
			`contains the control character U+${code} at position ${at}; LINE refuses line breaks, tabs and other control characters in audience names`,
		);
	}
	return trimmed;
}

/** The request ID of a broadcast or narrowcast (x-line-request-id): a UUID. */
export function checkMessageRequestId(value: unknown, field = 'requestId'): string {
	const text = typeof value === 'string' ? value.trim() : value;
	if (text === undefined || text === null || text === '') {
		fail(
			field,
			'is empty',
			'Map the requestId output of Message → Send Broadcast or Send Narrowcast, e.g. {{ $json.requestId }}.',
		);
	}
	if (typeof text !== 'string' || !UUID.test(text)) {
		fail(
			field,
			`${describeValue(value)} is not a LINE request ID (a UUID such as bb9744f9-47fa-4a29-941e-1234567890ab)`,
			'Use the requestId of a broadcast or narrowcast sent in the past 60 days, not a message ID or retry key.',
		);
	}
	return text;
}

/** The clicked URL of a click-based audience: an absolute URI of at most 2000 characters. */
export function checkClickUrl(value: unknown, field = 'clickUrl'): string | undefined {
	const text = typeof value === 'string' ? value.trim() : value;
	if (text === undefined || text === null || text === '') return undefined;
	if (typeof text !== 'string') fail(field, `must be a URL, got ${describeValue(value)}`);
	if (text.length > MAX_CLICK_URL) {
		fail(field, `is too long: ${text.length} characters, LINE allows at most ${MAX_CLICK_URL}`);
	}
	let valid = /^[a-z][a-z0-9+.-]*:\S+$/i.test(text);
	if (valid) {
		try {
			new URL(text);
		} catch {
			valid = false;
		}
	}
	if (!valid) {
		fail(
			field,
			`${describeValue(text)} is not an absolute URL`,
			'Give the URL exactly as it appears in the message, e.g. https://example.com/sale, or leave it empty for clicks on any URL.',
		);
	}
	return text;
}

// ---------------------------------------------------------------------------------------------
// User IDs and IFAs

/** What an audience for uploading user IDs holds: LINE user IDs, or IFAs (advertising IDs). */
export type IdKind = 'userId' | 'ifa';

export const MIXED_KINDS_HINT =
	'An audience holds either user IDs or IFAs, as chosen when it was created: give one kind only.';

/** A field name, or what makes it: lists of a million IDs name only the entry that is wrong. */
export type FieldName = string | (() => string);

/** The kind of one ID, or undefined when it is neither. */
export function kindOf(id: string): IdKind | undefined {
	if (USER_ID.test(id)) return 'userId';
	if (UUID.test(id)) return 'ifa';
	return undefined;
}

/**
 * One user ID or IFA, checked: of `kind` when given (an audience of user IDs takes no IFAs and
 * the other way round), else of either kind. Returns it with its kind.
 */
export function checkAudienceId(
	entry: unknown,
	fieldName: FieldName,
	kind: IdKind | undefined,
	ifaHint = 'Turn on IFA Audience to create an audience of IFAs.',
): { id: string; kind: IdKind } {
	const id = typeof entry === 'string' || typeof entry === 'number' ? String(entry).trim() : '';
	const found = kindOf(id);
	if (found && (kind === undefined || found === kind)) return { id, kind: found };
	const field = typeof fieldName === 'string' ? fieldName : fieldName();
	if (typeof entry !== 'string' && typeof entry !== 'number') {
		fail(field, `must be a user ID or IFA (text), got ${describeValue(entry)}`);
	}
	if (found === 'ifa') {
		fail(field, `${describeValue(id)} is an IFA, but this audience holds user IDs`, ifaHint);
	}
	if (found === 'userId') {
		fail(
			field,
			`${describeValue(id)} is a user ID, but this audience holds IFAs`,
			'Give IFAs (UUIDs such as 8d5b6b1e-3f4a-4c2b-9e1d-2a3b4c5d6e7f), or turn off IFA Audience for user IDs.',
		);
	}
	if (CHAT_ID.test(id)) {
		fail(field, `${describeValue(id)} is a group or room ID; audiences hold users only`);
	}
	const expected =
		kind === 'ifa'
			? 'an IFA (a UUID such as 8d5b6b1e-3f4a-4c2b-9e1d-2a3b4c5d6e7f)'
			: kind === 'userId'
				? 'a LINE user ID (U followed by 32 hex characters, e.g. U4af4980629...)'
				: 'a LINE user ID (U followed by 32 hex characters) or an IFA (a UUID)';
	fail(
		field,
		`${describeValue(id)} is not ${expected}`,
		'Use user IDs from webhook events (source.userId) or User → Get Follower IDs, not the LINE ID shown in the app.',
	);
}

/** The entries of a list given as an array (nested arrays flattened) or as text separated by commas, semicolons, spaces or new lines. */
export function listEntries(value: unknown): unknown[] {
	if (Array.isArray(value)) return value.flatMap(listEntriesOfArray);
	if (typeof value === 'string') return value.split(/[\s,;]+/).filter((entry) => entry !== '');
	if (value === undefined || value === null) return [];
	return [value];
}

function listEntriesOfArray(entry: unknown): unknown[] {
	return Array.isArray(entry) ? entry.flatMap(listEntriesOfArray) : [entry];
}

/** Collects checked IDs of one kind without duplicates, in first-seen order (IFAs compared case-insensitively). */
export class AudienceIds {
	readonly ids: string[] = [];
	private readonly seen = new Set<string>();

	constructor(
		public kind: IdKind | undefined,
		private readonly ifaHint?: string,
	) {}

	add(entry: unknown, field: FieldName): void {
		const { id, kind } = checkAudienceId(entry, field, this.kind, this.ifaHint);
		this.kind = kind;
		const key = kind === 'ifa' ? id.toLowerCase() : id;
		if (this.seen.has(key)) return;
		this.seen.add(key);
		this.ids.push(id);
	}

	/** Fails on an empty list, or one over `max`. */
	check(field: string, max = Infinity): void {
		if (this.ids.length === 0) {
			fail(
				field,
				'holds no user IDs or IFAs',
				'Give at least one LINE user ID (U followed by 32 hex characters), e.g. {{ $json.userId }} of User → Get Follower IDs.',
			);
		}
		if (this.ids.length > max) {
			fail(
				field,
				`holds ${this.ids.length} IDs; LINE takes at most ${max.toLocaleString('en-US')} per upload`,
				'Split the IDs over several uploads (Audience → Add User IDs From File adds more to the same audience).',
			);
		}
	}
}

/** The user IDs or IFAs of a parameter value (a list or text), checked. */
export function readAudienceIds(
	value: unknown,
	field: string,
	kind: IdKind | undefined,
	ifaHint?: string,
): AudienceIds {
	const ids = new AudienceIds(kind, ifaHint);
	listEntries(value).forEach((entry, index) => ids.add(entry, () => `${field}[${index}]`));
	ids.check(field);
	return ids;
}

export function audiencesField(description: string): INodeProperties {
	return {
		displayName: 'User IDs',
		name: 'audiences',
		type: 'string',
		required: true,
		default: '={{ $json.userId }}',
		placeholder: 'U4af4980629..., U0c229f96c4...',
		description,
	};
}

export const UPLOAD_DESCRIPTION_FIELD: INodeProperties = {
	displayName: 'Upload Description',
	name: 'uploadDescription',
	type: 'string',
	default: '',
	placeholder: 'CRM export 2026-04-01',
	description:
		"A note on this upload, shown as the description of its job in the audience's jobs (Audience → Get)",
};

export const IFA_AUDIENCE_FIELD: INodeProperties = {
	displayName: 'IFA Audience',
	name: 'isIfaAudience',
	type: 'boolean',
	default: false,
	description:
		'Whether the audience holds IFAs (Identifiers for Advertisers, UUIDs) instead of LINE user IDs. Only for corporate users who applied for IFA use; an audience cannot switch later.',
};

/** A text option of an Options collection: trimmed, absent when empty. */
export function optionalText(value: unknown, field: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') {
		fail(field, `must be text, got ${describeValue(value)}`);
	}
	const text = String(value).trim();
	return text === '' ? undefined : text;
}
