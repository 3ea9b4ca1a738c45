import { InputError } from '../../shared/errors';
import { isObject } from '../../shared/values';

type Json = Record<string, unknown>;

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

/** A demographic filter of `filter.demographic`. */
export function checkDemographicFilter(value: unknown, path = 'filter.demographic'): void {
	if (!isObject(value)) throw new InputError(path, 'must be an object');
	switch (value.type) {
		case 'age':
		case 'subscriptionPeriod':
			if (value.gte === undefined && value.lt === undefined) {
				throw new InputError(path, `a "${value.type}" filter needs "gte", "lt" or both`);
			}
			return;
		case 'gender':
		case 'appType':
		case 'area':
			if (!Array.isArray(value.oneOf) || value.oneOf.length === 0) {
				throw new InputError(
					`${path}.oneOf`,
					`a "${value.type}" filter needs a non-empty "oneOf" list`,
				);
			}
			return;
		case 'operator':
			return checkOperator(value, path, checkDemographicFilter);
		default:
			throw new InputError(
				`${path}.type`,
				`must be one of age, appType, area, gender, operator, subscriptionPeriod; got ${JSON.stringify(value.type)}`,
			);
	}
}
