import { InputError as LineInputError } from '../../nodes/shared/errors';
import { toLineDate } from '../../nodes/Line/helpers/dates';

describe('toLineDate', () => {
	it.each([
		['20261122', '20261122'],
		['2026-11-22', '20261122'],
		[' 2026-11-22 ', '20261122'],
		// n8n's date picker gives a local date-time without offset: keep its calendar day.
		['2026-11-22T00:00:00', '20261122'],
		// An instant is converted to its day in UTC+9: 15:30 UTC is already the next day in Tokyo.
		['2026-11-22T15:30:00Z', '20261123'],
		['2026-11-22T14:59:59.999Z', '20261122'],
		['2026-11-22T23:30:00+07:00', '20261123'],
	])('%s → %s', (input, expected) => {
		expect(toLineDate(input, 'date')).toBe(expected);
	});

	it('accepts a JS Date and a Luxon-like DateTime', () => {
		expect(toLineDate(new Date('2026-01-31T16:00:00Z'), 'date')).toBe('20260201');
		expect(toLineDate({ toISO: () => '2026-03-01T08:00:00.000+09:00' }, 'date')).toBe('20260301');
	});

	it.each(['', 'yesterday', '2026-02-30', '20261301', '2026/11/22'])('refuses %p naming the field', (input) => {
		expect(() => toLineDate(input, 'date')).toThrow(LineInputError);
		expect(() => toLineDate(input, 'date')).toThrow(/^date: /);
	});
});
