import {
	AGE_DEMOGRAPHICS,
	APP_TYPE_DEMOGRAPHICS,
	AREA_DEMOGRAPHICS,
	checkDemographicFilter,
	checkNarrowcastRecipient,
	GENDER_DEMOGRAPHICS,
	SUBSCRIPTION_PERIODS,
} from '../../nodes/Line/helpers/narrowcast';
import {
	AREA_OPTIONS,
	buildDemographicFilter,
	combineRecipients,
	type RecipientParts,
} from '../../nodes/Line/helpers/narrowcastFields';
import { loadDocument } from '../support/openapi';

describe('narrowcast recipient', () => {
	it('accepts audiences, redeliveries and operators combining them', () => {
		expect(() =>
			checkNarrowcastRecipient({
				type: 'operator',
				and: [
					{ type: 'audience', audienceGroupId: 5614991017776 },
					{ type: 'operator', not: { type: 'audience', audienceGroupId: 4389303728991 } },
				],
			}),
		).not.toThrow();
		expect(() => checkNarrowcastRecipient({ type: 'redelivery', requestId: 'abc' })).not.toThrow();
	});

	it.each([
		[{ type: 'audience' }, 'recipient.audienceGroupId'],
		[{ type: 'redelivery' }, 'recipient.requestId'],
		[{ type: 'operator' }, 'recipient'],
		[{ type: 'operator', and: [], or: [] }, 'recipient'],
		[
			{ type: 'operator', and: [{ type: 'audience', audienceGroupId: 1 }, { type: 'x' }] },
			'recipient.and[1].type',
		],
		[{ audienceGroupId: 1 }, 'recipient.type'],
	])('%j fails at %s', (value, path) => {
		expect(() => checkNarrowcastRecipient(value)).toThrow(
			new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}: `),
		);
	});
});

describe('demographic filter', () => {
	it('accepts the filter types LINE documents', () => {
		expect(() =>
			checkDemographicFilter({
				type: 'operator',
				or: [
					{ type: 'age', gte: 'age_20', lt: 'age_40' },
					{ type: 'gender', oneOf: ['female'] },
					{ type: 'subscriptionPeriod', gte: 'day_7' },
				],
			}),
		).not.toThrow();
	});

	it.each([
		[{ type: 'age' }, 'filter.demographic'],
		[{ type: 'area', oneOf: [] }, 'filter.demographic.oneOf'],
		[{ type: 'operator', and: [{ type: 'gender' }] }, 'filter.demographic.and[0].oneOf'],
		[{ type: 'weather' }, 'filter.demographic.type'],
	])('%j fails at %s', (value, path) => {
		expect(() => checkDemographicFilter(value)).toThrow(
			new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}: `),
		);
	});
});

describe("demographic filter JSON: the values of LINE's enums", () => {
	it.each([
		[{ type: 'age', gte: 'age_18' }, 'filter.demographic.gte'],
		[{ type: 'age', gte: 'age_40', lt: 'age_20' }, 'filter.demographic.lt'],
		[{ type: 'subscriptionPeriod', gte: 'day_30', lt: 'day_30' }, 'filter.demographic.lt'],
		[{ type: 'subscriptionPeriod', lt: 'day_14' }, 'filter.demographic.lt'],
		[{ type: 'gender', oneOf: ['female', 'other'] }, 'filter.demographic.oneOf[1]'],
		[{ type: 'appType', oneOf: ['windows'] }, 'filter.demographic.oneOf[0]'],
		[{ type: 'area', oneOf: ['jp_13', ''] }, 'filter.demographic.oneOf[1]'],
		[
			{ type: 'operator', not: { type: 'age', gte: 'age_70', lt: 'age_15' } },
			'filter.demographic.not.lt',
		],
	])('%j fails at %s', (value, path) => {
		expect(() => checkDemographicFilter(value)).toThrow(
			new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}: `),
		);
	});

	it('says why a range is empty', () => {
		expect(() => checkDemographicFilter({ type: 'age', gte: 'age_40', lt: 'age_20' })).toThrow(
			'filter.demographic.lt: "age_20" must be above filter.demographic.gte ("age_40"), or the range selects nobody',
		);
	});

	it("area codes: any of LINE's, nothing else", () => {
		expect(() => checkDemographicFilter({ type: 'area', oneOf: ['th_08', 'id_12'] })).not.toThrow();
		expect(() => checkDemographicFilter({ type: 'area', oneOf: ['jp_13', 'Tokyo'] })).toThrow(
			'filter.demographic.oneOf[1]: "Tokyo" is not one of LINE\'s area codes',
		);
	});
});

describe("the fields' choices are LINE's OpenAPI enums", () => {
	const schemas = loadDocument('messaging-api').components?.schemas ?? {};
	const enumOf = (name: string) => (schemas[name] as { enum: string[] }).enum;

	it.each<[string, readonly string[]]>([
		['AgeDemographic', AGE_DEMOGRAPHICS],
		['SubscriptionPeriodDemographic', SUBSCRIPTION_PERIODS],
		['GenderDemographic', GENDER_DEMOGRAPHICS],
		['AppTypeDemographic', APP_TYPE_DEMOGRAPHICS],
	])('%s', (schema, values) => {
		expect([...values]).toEqual(enumOf(schema));
	});

	it('AreaDemographic', () => {
		expect([...AREA_DEMOGRAPHICS]).toEqual(enumOf('AreaDemographic'));
	});

	it("every area is offered under the English name LINE's OpenAPI gives it", () => {
		// x-enum-descriptions: "jp_13: 東京都 // Tokyo"; the Indonesian ones are not in the enum's order.
		const descriptions = (schemas.AreaDemographic as { 'x-enum-descriptions': string[] })[
			'x-enum-descriptions'
		];
		const english = new Map(
			descriptions.map((text) => [text.split(':')[0], text.split('// ')[1].toLowerCase()]),
		);
		expect(AREA_OPTIONS.map((option) => option.value).sort()).toEqual(
			[...AREA_DEMOGRAPHICS].sort(),
		);
		for (const option of AREA_OPTIONS) {
			expect(option.name).toMatch(
				/^(Indonesia|Japan|Taiwan|Thailand): \S.* \((id|jp|tw|th)_\d\d\)$/,
			);
			expect(option.name.toLowerCase()).toContain(english.get(option.value as string));
		}
		const names = AREA_OPTIONS.map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(AREA_OPTIONS.find((option) => option.value === 'jp_13')?.name).toBe(
			'Japan: Tokyo (jp_13)',
		);
		expect(AREA_OPTIONS.find((option) => option.value === 'jp_47')?.name).toBe(
			'Japan: Okinawa (jp_47)',
		);
		expect(AREA_OPTIONS.find((option) => option.value === 'tw_22')?.name).toBe(
			'Taiwan: Lienchiang County (tw_22)',
		);
	});
});

describe('recipient from fields', () => {
	const a = (audienceGroupId: number) => ({ type: 'audience', audienceGroupId });
	const not = (recipient: object) => ({ type: 'operator', not: recipient });

	it.each<[string, RecipientParts, unknown]>([
		['nothing', { include: [], combine: 'and', exclude: [] }, undefined],
		['one audience', { include: [a(1)], combine: 'or', exclude: [] }, a(1)],
		[
			'two, all',
			{ include: [a(1), a(2)], combine: 'and', exclude: [] },
			{ type: 'operator', and: [a(1), a(2)] },
		],
		[
			'two, any',
			{ include: [a(1), a(2)], combine: 'or', exclude: [] },
			{ type: 'operator', or: [a(1), a(2)] },
		],
		[
			'one and an exclusion',
			{ include: [a(1)], combine: 'or', exclude: [a(2)] },
			{ type: 'operator', and: [a(1), not(a(2))] },
		],
		[
			'two, all, and an exclusion: one "and"',
			{ include: [a(1), a(2)], combine: 'and', exclude: [a(3)] },
			{ type: 'operator', and: [a(1), a(2), not(a(3))] },
		],
		[
			'two, any, and two exclusions',
			{ include: [a(1), a(2)], combine: 'or', exclude: [a(3), a(4)] },
			{ type: 'operator', and: [{ type: 'operator', or: [a(1), a(2)] }, not(a(3)), not(a(4))] },
		],
		['an exclusion alone', { include: [], combine: 'and', exclude: [a(3)] }, not(a(3))],
	])('%s', (_name, parts, expected) => {
		const recipient = combineRecipients(parts);
		expect(recipient).toEqual(expected);
		if (recipient) expect(() => checkNarrowcastRecipient(recipient)).not.toThrow();
	});
});

describe('demographic filter from fields', () => {
	it('reads lists given as text, drops repeats, and checks what it builds as LINE would', () => {
		const filter = buildDemographicFilter({ areas: ' jp_13, jp_14 ,jp_13', appTypes: 'ios' });
		expect(filter).toEqual({
			type: 'operator',
			and: [
				{ type: 'appType', oneOf: ['ios'] },
				{ type: 'area', oneOf: ['jp_13', 'jp_14'] },
			],
		});
		expect(() => checkDemographicFilter(filter)).not.toThrow();
	});

	it.each([
		[{ ageLt: '' }, 'demographicFilter.ageLt'],
		[{ genders: [] }, 'demographicFilter.genders'],
		[{ areas: ['id_07', 'th_09'] }, 'demographicFilter.areas[1]'],
		[{ appTypes: ['ios', 'web'] }, 'demographicFilter.appTypes[1]'],
	])('%j fails at %s', (fields, path) => {
		expect(() => buildDemographicFilter(fields)).toThrow(
			new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}: `),
		);
	});
});
