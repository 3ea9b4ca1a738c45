import { describeValue, fail, InputError } from '../../shared/errors';
import { isObject } from '../../shared/values';
import { checkEnum } from './fieldChecks';

type Json = Record<string, unknown>;

/**
 * The checks of a narrowcast's targeting: the `recipient` (audiences, redeliveries, operators)
 * and the `filter.demographic`, given as JSON or built from the fields (./narrowcastFields.ts).
 * The values are the enums of LINE's OpenAPI (messaging-api.yml).
 */

/** AgeDemographic: `gte` age_20 and `lt` age_30 select users aged 20 to 29. */
export const AGE_DEMOGRAPHICS = [
	'age_15',
	'age_20',
	'age_25',
	'age_30',
	'age_35',
	'age_40',
	'age_45',
	'age_50',
	'age_55',
	'age_60',
	'age_65',
	'age_70',
] as const;

/** SubscriptionPeriodDemographic: how long a user has been a friend. */
export const SUBSCRIPTION_PERIODS = ['day_7', 'day_30', 'day_90', 'day_180', 'day_365'] as const;

export const GENDER_DEMOGRAPHICS = ['male', 'female'] as const;

export const APP_TYPE_DEMOGRAPHICS = ['ios', 'android'] as const;

/** `jp_01` to `jp_<count>`. */
function areaCodes(country: string, count: number): string[] {
	return Array.from({ length: count }, (_, i) => `${country}_${String(i + 1).padStart(2, '0')}`);
}

/** AreaDemographic: Japan's prefectures, Taiwan's cities and counties, Thailand's and Indonesia's regions. */
export const AREA_DEMOGRAPHICS: readonly string[] = [
	...areaCodes('jp', 47),
	...areaCodes('tw', 22),
	...areaCodes('th', 8),
	...areaCodes('id', 12),
];

const AREA_RANGES = 'jp_01 to jp_47, tw_01 to tw_22, th_01 to th_08 and id_01 to id_12';

const OPERATORS = ['and', 'or', 'not'] as const;

/** Checks an operator object: exactly one of and / or / not, whose operands `check` validates. */
function checkOperator(value: Json, path: string, check: (operand: unknown, path: string) => void) {
	const present = OPERATORS.filter((key) => value[key] !== undefined);
	if (present.length !== 1) {
		throw new InputError(
			path,
			`an operator needs exactly one of "and", "or" or "not" (found ${present.length ? present.join(', ') : 'none'})`,
		);
	}
	const [key] = present;
	if (key === 'not') return check(value.not, `${path}.not`);
	const operands = value[key];
	if (!Array.isArray(operands) || operands.length === 0) {
		throw new InputError(`${path}.${key}`, 'must be a non-empty array');
	}
	operands.forEach((operand, index) => check(operand, `${path}.${key}[${index}]`));
}

/** A narrowcast `recipient`: audience, redelivery, or an operator combining them. */
export function checkNarrowcastRecipient(value: unknown, path = 'recipient'): void {
	if (!isObject(value)) throw new InputError(path, 'must be an object');
	switch (value.type) {
		case 'audience':
			if (!Number.isInteger(value.audienceGroupId)) {
				throw new InputError(
					`${path}.audienceGroupId`,
					'is required and must be a whole number (the audience group ID)',
				);
			}
			return;
		case 'redelivery':
			if (typeof value.requestId !== 'string' || value.requestId === '') {
				throw new InputError(
					`${path}.requestId`,
					'is required: the request ID of the narrowcast to send again',
				);
			}
			return;
		case 'operator':
			return checkOperator(value, path, checkNarrowcastRecipient);
		default:
			throw new InputError(
				`${path}.type`,
				`must be "audience", "redelivery" or "operator", got ${JSON.stringify(value.type)}`,
			);
	}
}

/**
 * The bounds of an age or friendship-period filter: values of LINE's enum, the lower (`gte`,
 * included) below the upper (`lt`, excluded), or the range would select nobody.
 */
export function checkRange(
	allowed: readonly string[],
	gte: unknown,
	lt: unknown,
	fields: { gte: string; lt: string },
): void {
	checkEnum(gte, fields.gte, allowed, true);
	checkEnum(lt, fields.lt, allowed, true);
	if (gte === undefined || lt === undefined) return;
	if (allowed.indexOf(gte as string) >= allowed.indexOf(lt as string)) {
		fail(
			fields.lt,
			`${describeValue(lt)} must be above ${fields.gte} (${describeValue(gte)}), or the range selects nobody`,
			'The lower bound is included, the upper one is not: from age_20 below age_30 selects ages 20 to 29.',
		);
	}
}

/**
 * The `oneOf` list of a gender, app type or area filter: not empty, each value one of `allowed`.
 * The 89 area codes are summed up rather than listed in the error.
 */
export function checkOneOf(
	value: unknown,
	field: string,
	allowed: readonly string[],
	emptyHint?: string,
): void {
	if (!Array.isArray(value) || value.length === 0) {
		fail(field, `must be a non-empty list, got ${describeValue(value)}`, emptyHint);
	}
	value.forEach((entry, index) => {
		if (allowed !== AREA_DEMOGRAPHICS) return checkEnum(entry, `${field}[${index}]`, allowed);
		if (typeof entry !== 'string' || !allowed.includes(entry)) {
			fail(
				`${field}[${index}]`,
				`${describeValue(entry)} is not one of LINE's area codes`,
				`LINE's area codes are ${AREA_RANGES}.`,
			);
		}
	});
}

/** A demographic filter of `filter.demographic`. */
export function checkDemographicFilter(value: unknown, path = 'filter.demographic'): void {
	if (!isObject(value)) throw new InputError(path, 'must be an object');
	switch (value.type) {
		case 'age':
		case 'subscriptionPeriod':
			if (value.gte === undefined && value.lt === undefined) {
				throw new InputError(path, `a "${value.type}" filter needs "gte", "lt" or both`);
			}
			return checkRange(
				value.type === 'age' ? AGE_DEMOGRAPHICS : SUBSCRIPTION_PERIODS,
				value.gte,
				value.lt,
				{ gte: `${path}.gte`, lt: `${path}.lt` },
			);
		case 'gender':
		case 'appType':
		case 'area':
			if (!Array.isArray(value.oneOf) || value.oneOf.length === 0) {
				throw new InputError(
					`${path}.oneOf`,
					`a "${value.type}" filter needs a non-empty "oneOf" list`,
				);
			}
			return checkOneOf(
				value.oneOf,
				`${path}.oneOf`,
				value.type === 'gender'
					? GENDER_DEMOGRAPHICS
					: value.type === 'appType'
						? APP_TYPE_DEMOGRAPHICS
						: AREA_DEMOGRAPHICS,
			);
		case 'operator':
			return checkOperator(value, path, checkDemographicFilter);
		default:
			throw new InputError(
				`${path}.type`,
				`must be one of age, appType, area, gender, operator, subscriptionPeriod; got ${JSON.stringify(value.type)}`,
			);
	}
}

/**
 * Audiences both excluded and included where every recipient must be in each included one: LINE
 * would accept the narrowcast, and it would reach nobody.
 */
export function checkExclusions(included: number[], excluded: number[], field: string): void {
	excluded.forEach((id, index) => {
		if (included.includes(id)) {
			fail(
				`${field}[${index}]`,
				`audience ${id} is also included, and every recipient must be in it: nobody would receive the narrowcast`,
				'Remove it from one of the two lists.',
			);
		}
	});
}
