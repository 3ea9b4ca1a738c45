import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { fail } from '../../shared/errors';
import type { ItemParameters } from '../../shared/parameters';
import { isObject } from '../../shared/values';
import {
	audienceGroupIdField,
	checkAudienceGroupId,
	checkMessageRequestId,
	listEntries,
} from '../actions/audience/common';
import {
	AGE_DEMOGRAPHICS,
	APP_TYPE_DEMOGRAPHICS,
	AREA_DEMOGRAPHICS,
	checkExclusions,
	checkOneOf,
	checkRange,
	GENDER_DEMOGRAPHICS,
	SUBSCRIPTION_PERIODS,
} from './narrowcast';

/**
 * Send Narrowcast's targeting composed field by field: the recipient from audiences (picked from
 * LINE's list), redeliveries of earlier narrowcasts and excluded audiences; the demographic filter
 * from age, gender, app type, area and friendship period. Builds LINE's recipient and filter
 * objects; the checks are in ./narrowcast.ts.
 */

export type TargetInput = 'fields' | 'json';

/**
 * How the recipient or the demographic filter is given. The mode defaults to Using JSON on
 * purpose: a saved workflow stores only the parameters that differ from their defaults, and n8n
 * drops the parameters a mode hides. Narrowcasts saved before the mode existed have no mode
 * stored; defaulting to Using Fields Below would hide, and so lose, their Audience and JSON fields
 * (an empty recipient then goes to every friend). Defaulting to Using JSON keeps them exactly as
 * they were (empty JSON still means no recipient or no filter); new workflows switch to the fields.
 */
export function targetInputField(
	name: string,
	what: string,
	fieldsDescription: string,
	jsonDescription: string,
): INodeProperties {
	return {
		displayName: `Specify ${what}`,
		name,
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Using Fields Below', value: 'fields', description: fieldsDescription },
			{ name: 'Using JSON', value: 'json', description: jsonDescription },
		],
		default: 'json',
		description: `How to define the ${what.toLowerCase()}`,
	};
}

// ---------------------------------------------------------------------------------------------
// Recipient

function audiencesField(displayName: string, name: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Audience',
		default: {},
		description,
		options: [
			{
				displayName: 'Audience',
				name: 'audience',
				// An added entry must give an audience: one left out would widen the narrowcast.
				values: [
					{
						...audienceGroupIdField('An audience, from the list or by ID', { required: false }),
						required: true,
					},
				],
			},
		],
	};
}

/** The recipient's fields, shown when the recipient is specified using fields. */
export function recipientFields(): INodeProperties[] {
	return [
		audiencesField(
			'Include Audiences',
			'includeAudiences',
			'Audiences to send to. With none here and no redeliveries, the narrowcast goes to every friend (who matches the filter).',
		),
		{
			displayName: 'Redelivery Request IDs',
			name: 'redeliveryRequestIds',
			type: 'string',
			default: '',
			placeholder: 'bb9744f9-47fa-4a29-941e-1234567890ab',
			description:
				'Also send to the users who received earlier narrowcasts: their request IDs (the requestId output of Send Narrowcast), separated by commas',
		},
		{
			displayName: 'Combine',
			name: 'recipientCombine',
			type: 'options',
			options: [
				{
					name: 'All (AND)',
					value: 'and',
					description: 'Only users who are in every audience and redelivery above',
				},
				{
					name: 'Any (OR)',
					value: 'or',
					description: 'Users who are in at least one audience or redelivery above',
				},
			],
			default: 'and',
			description:
				'How the audiences and redeliveries above combine. Excluded audiences are left out either way.',
		},
		audiencesField(
			'Exclude Audiences',
			'excludeAudiences',
			'Users of these audiences do not receive the narrowcast, even when they are in an included audience',
		),
	];
}

export interface RecipientParts {
	include: IDataObject[];
	combine: 'and' | 'or';
	exclude: IDataObject[];
}

/**
 * LINE's recipient object: the included recipients combined by `combine`, "and" not each excluded
 * one. A single recipient goes without an operator; nothing at all gives undefined (every friend).
 */
export function combineRecipients({
	include,
	combine,
	exclude,
}: RecipientParts): IDataObject | undefined {
	const excluded = exclude.map((recipient): IDataObject => ({ type: 'operator', not: recipient }));
	// With "and" and exclusions, the included recipients join the exclusions in one "and".
	const grouped = include.length > 1 && (combine === 'or' || excluded.length === 0);
	const parts: IDataObject[] = grouped
		? [{ type: 'operator', [combine]: include }, ...excluded]
		: [...include, ...excluded];
	if (parts.length === 0) return undefined;
	return parts.length === 1 ? parts[0] : { type: 'operator', and: parts };
}

function audienceIds(entries: unknown, field: string): number[] {
	const list = Array.isArray(entries) ? entries : [];
	return list.map((entry, index) =>
		checkAudienceGroupId(isObject(entry) ? entry.audienceGroupId : undefined, `${field}[${index}]`),
	);
}

const audience = (audienceGroupId: number): IDataObject => ({ type: 'audience', audienceGroupId });

/**
 * The recipient of one item from the fields. `redeliveriesGiven`: the Redelivery Request IDs
 * field holds something (an expression), so coming out empty fails the item rather than sending
 * to more users than meant.
 */
export function readRecipientFields(
	params: ItemParameters,
	itemIndex: number,
	redeliveriesGiven: boolean,
): IDataObject | undefined {
	const include = audienceIds(
		params.get('includeAudiences.audience', itemIndex, []),
		'includeAudiences',
	);
	const exclude = audienceIds(
		params.get('excludeAudiences.audience', itemIndex, []),
		'excludeAudiences',
	);
	const requestIds = listEntries(params.get('redeliveryRequestIds', itemIndex, ''));
	const combine = params.get<string>('recipientCombine', itemIndex, 'and') === 'or' ? 'or' : 'and';
	// Under Any (OR), excluding one of several included audiences is redundant, not empty.
	if (combine === 'and' || include.length + requestIds.length === 1) {
		checkExclusions(include, exclude, 'excludeAudiences');
	}
	if (redeliveriesGiven && requestIds.length === 0) {
		fail(
			'redeliveryRequestIds',
			'is empty for this item; leaving the redeliveries out would change who receives the narrowcast',
			'Map the requestId of an earlier Send Narrowcast, e.g. {{ $json.requestId }}, or clear the field.',
		);
	}
	const redeliveries = requestIds.map(
		(id, index): IDataObject => ({
			type: 'redelivery',
			requestId: checkMessageRequestId(id, `redeliveryRequestIds[${index}]`),
		}),
	);
	return combineRecipients({
		include: [...include.map(audience), ...redeliveries],
		combine,
		exclude: exclude.map(audience),
	});
}

// ---------------------------------------------------------------------------------------------
// Demographic filter

/**
 * The English names LINE's OpenAPI gives its area codes (x-enum-descriptions of AreaDemographic),
 * in the order of the codes: jp_01 is Hokkaido, id_05 the other areas of Indonesia.
 */
const AREA_NAMES: Record<string, string> = {
	...countryNames('jp', 'Japan', [
		'Hokkaido',
		'Aomori',
		'Iwate',
		'Miyagi',
		'Akita',
		'Yamagata',
		'Fukushima',
		'Ibaraki',
		'Tochigi',
		'Gunma',
		'Saitama',
		'Chiba',
		'Tokyo',
		'Kanagawa',
		'Niigata',
		'Toyama',
		'Ishikawa',
		'Fukui',
		'Yamanashi',
		'Nagano',
		'Gifu',
		'Shizuoka',
		'Aichi',
		'Mie',
		'Shiga',
		'Kyoto',
		'Osaka',
		'Hyougo',
		'Nara',
		'Wakayama',
		'Tottori',
		'Shimane',
		'Okayama',
		'Hiroshima',
		'Yamaguchi',
		'Tokushima',
		'Kagawa',
		'Ehime',
		'Kouchi',
		'Fukuoka',
		'Saga',
		'Nagasaki',
		'Kumamoto',
		'Oita',
		'Miyazaki',
		'Kagoshima',
		'Okinawa',
	]),
	...countryNames('tw', 'Taiwan', [
		'Taipei City',
		'New Taipei City',
		'Taoyuan City',
		'Taichung City',
		'Tainan City',
		'Kaohsiung City',
		'Keelung City',
		'Hsinchu City',
		'Chiayi City',
		'Hsinchu County',
		'Miaoli County',
		'Changhua County',
		'Nantou County',
		'Yunlin County',
		'Chiayi County',
		'Pingtung County',
		'Yilan County',
		'Hualien County',
		'Taitung County',
		'Penghu County',
		'Kinmen County',
		'Lienchiang County',
	]),
	...countryNames('th', 'Thailand', [
		'Bangkok',
		'Pattaya',
		'Northern',
		'Central',
		'Southern',
		'Eastern',
		'Northeastern',
		'Western',
	]),
	...countryNames('id', 'Indonesia', [
		'Bali',
		'Bandung',
		'Banjarmasin',
		'Jabodetabek',
		'Other Areas (Lainnya)',
		'Makassar',
		'Medan',
		'Palembang',
		'Samarinda',
		'Semarang',
		'Surabaya',
		'Yogyakarta',
	]),
};

function countryNames(prefix: string, country: string, names: string[]): Record<string, string> {
	const entries = names.map((name, index) => [
		`${prefix}_${String(index + 1).padStart(2, '0')}`,
		`${country}: ${name}`,
	]);
	return Object.fromEntries(entries) as Record<string, string>;
}

/** The area choices, by country and then name, each with its code. */
export const AREA_OPTIONS: INodePropertyOptions[] = AREA_DEMOGRAPHICS.map((code) => ({
	name: `${AREA_NAMES[code] ?? code} (${code})`,
	value: code,
})).sort((a, b) => a.name.localeCompare(b.name));

const AGE_OPTIONS = AGE_DEMOGRAPHICS.map((value) => ({ name: value.slice(4), value }));

// Numeric choices stay in numeric order, as n8n's lint allows for numbers ("180" before "30" helps nobody).
const PERIOD_OPTIONS = SUBSCRIPTION_PERIODS.map((value) => ({
	name: `${value.slice(4)} Days`,
	value,
}));

/** The demographic filter's fields, shown when the filter is specified using fields. */
export function demographicFilterField(): INodeProperties {
	return {
		displayName: 'Demographic Filter',
		name: 'demographicFilter',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description:
			'Send only to the friends who match every filter added here. With no filter, nobody is left out.',
		options: [
			{
				displayName: 'Age At Least',
				name: 'ageGte',
				type: 'options',
				options: AGE_OPTIONS,
				default: 'age_20',
				description: 'Youngest age included',
			},
			{
				displayName: 'Age Under',
				name: 'ageLt',
				type: 'options',
				options: AGE_OPTIONS,
				default: 'age_40',
				description:
					'First age left out: Age At Least 20 and Age Under 30 select users aged 20 to 29',
			},
			{
				displayName: 'App Types',
				name: 'appTypes',
				type: 'multiOptions',
				options: [
					{ name: 'Android', value: 'android' },
					{ name: 'iOS', value: 'ios' },
				],
				default: [],
				description: 'Only users of LINE on these systems',
			},
			{
				displayName: 'Areas',
				name: 'areas',
				type: 'multiOptions',
				options: AREA_OPTIONS,
				default: [],
				description:
					'Only users in these areas: prefectures of Japan, cities and counties of Taiwan, regions of Thailand and Indonesia',
			},
			{
				displayName: 'Friends For At Least',
				name: 'subscriptionPeriodGte',
				type: 'options',
				options: PERIOD_OPTIONS,
				default: 'day_7',
				description: 'Only users who have been friends of the account at least this long',
			},
			{
				displayName: 'Friends For Less Than',
				name: 'subscriptionPeriodLt',
				type: 'options',
				options: PERIOD_OPTIONS,
				default: 'day_30',
				description: 'Only users who became friends of the account less than this long ago',
			},
			{
				displayName: 'Genders',
				name: 'genders',
				type: 'multiOptions',
				options: [
					{ name: 'Female', value: 'female' },
					{ name: 'Male', value: 'male' },
				],
				default: [],
				description: 'Only users of these genders',
			},
		],
	};
}

const CHOOSE_ONE = 'Choose at least one, or remove the filter.';

function trimmed(value: unknown): unknown {
	return typeof value === 'string' ? value.trim() : value;
}

function rangeFilter(
	type: string,
	allowed: readonly string[],
	fields: IDataObject,
	keys: { gte: string; lt: string },
	path: string,
): IDataObject | undefined {
	const gte = trimmed(fields[keys.gte]);
	const lt = trimmed(fields[keys.lt]);
	if (gte === undefined && lt === undefined) return undefined;
	checkRange(allowed, gte, lt, { gte: `${path}.${keys.gte}`, lt: `${path}.${keys.lt}` });
	const filter: IDataObject = { type };
	if (gte !== undefined) filter.gte = gte as string;
	if (lt !== undefined) filter.lt = lt as string;
	return filter;
}

function oneOfFilter(
	type: string,
	allowed: readonly string[],
	fields: IDataObject,
	key: string,
	path: string,
): IDataObject | undefined {
	if (fields[key] === undefined) return undefined;
	const values = [...new Set(listEntries(fields[key]).map(trimmed))];
	checkOneOf(values, `${path}.${key}`, allowed, CHOOSE_ONE);
	return { type, oneOf: values as string[] };
}

/**
 * LINE's demographic filter from the fields: one criterion as it is, several in an "and"
 * operator, none gives undefined (no filter). An added filter that comes out empty fails rather
 * than being left out, which would send to more users than meant.
 */
export function buildDemographicFilter(
	fields: IDataObject,
	path = 'demographicFilter',
): IDataObject | undefined {
	const criteria = [
		oneOfFilter('gender', GENDER_DEMOGRAPHICS, fields, 'genders', path),
		rangeFilter('age', AGE_DEMOGRAPHICS, fields, { gte: 'ageGte', lt: 'ageLt' }, path),
		oneOfFilter('appType', APP_TYPE_DEMOGRAPHICS, fields, 'appTypes', path),
		oneOfFilter('area', AREA_DEMOGRAPHICS, fields, 'areas', path),
		rangeFilter(
			'subscriptionPeriod',
			SUBSCRIPTION_PERIODS,
			fields,
			{ gte: 'subscriptionPeriodGte', lt: 'subscriptionPeriodLt' },
			path,
		),
	].filter((criterion): criterion is IDataObject => criterion !== undefined);
	if (criteria.length === 0) return undefined;
	return criteria.length === 1 ? criteria[0] : { type: 'operator', and: criteria };
}

export function readDemographicFields(
	params: ItemParameters,
	itemIndex: number,
): IDataObject | undefined {
	const fields = params.get<IDataObject>('demographicFilter', itemIndex, {});
	return buildDemographicFilter(isObject(fields) ? fields : {});
}
