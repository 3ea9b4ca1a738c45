import { checkDemographicFilter, checkNarrowcastRecipient } from '../../nodes/Line/helpers/narrowcast';

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
		[{ type: 'operator', and: [{ type: 'audience', audienceGroupId: 1 }, { type: 'x' }] }, 'recipient.and[1].type'],
		[{ audienceGroupId: 1 }, 'recipient.type'],
	])('%j fails at %s', (value, path) => {
		expect(() => checkNarrowcastRecipient(value)).toThrow(new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}: `));
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
		expect(() => checkDemographicFilter(value)).toThrow(new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}: `));
	});
});
