import { chunk, parseUserIds } from '../../nodes/Line/helpers/recipients';

const user = (n: number) => `U${n.toString(16).padStart(32, '0')}`;

describe('parseUserIds', () => {
	it('reads text separated by commas, semicolons, spaces and new lines', () => {
		expect(parseUserIds(`${user(1)}, ${user(2)};${user(3)}\n${user(4)} ${user(5)}`, 'to')).toEqual(
			[1, 2, 3, 4, 5].map(user),
		);
	});

	it('reads arrays (nested ones too) and drops duplicates keeping the first-seen order', () => {
		expect(parseUserIds([user(2), [user(1), user(2)], user(1), user(3)], 'to')).toEqual([user(2), user(1), user(3)]);
	});

	it('refuses groups and rooms, naming the position', () => {
		const group = `C${'a'.repeat(32)}`;
		expect(() => parseUserIds([user(1), group], 'to')).toThrow(/^to\[1\]: /);
	});

	it('refuses an empty list', () => {
		expect(() => parseUserIds(' , \n', 'to')).toThrow('to: no recipients given');
		expect(() => parseUserIds([], 'to')).toThrow('to: no recipients given');
	});
});

describe('chunk', () => {
	it('splits 1,201 recipients into 500 + 500 + 201', () => {
		const ids = Array.from({ length: 1201 }, (_, i) => user(i));
		const chunks = chunk(ids, 500);
		expect(chunks.map((c) => c.length)).toEqual([500, 500, 201]);
		expect(chunks.flat()).toEqual(ids);
	});
});
