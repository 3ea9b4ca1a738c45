import { chunk, combineIds, parseUserIds } from '../../nodes/Line/helpers/recipients';

const user = (n: number) => `U${n.toString(16).padStart(32, '0')}`;

describe('parseUserIds', () => {
	it('reads text separated by commas, semicolons, spaces and new lines', () => {
		expect(parseUserIds(`${user(1)}, ${user(2)};${user(3)}\n${user(4)} ${user(5)}`, 'to')).toEqual(
			[1, 2, 3, 4, 5].map(user),
		);
	});

	it('reads arrays (nested ones too) and drops duplicates keeping the first-seen order', () => {
		expect(parseUserIds([user(2), [user(1), user(2)], user(1), user(3)], 'to')).toEqual([
			user(2),
			user(1),
			user(3),
		]);
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

describe('combineIds', () => {
	const ids = (from: number, count: number) =>
		Array.from({ length: count }, (_, i) => user(from + i));

	it('groups by key in first-seen order, each ID once, and chunks every group', () => {
		const requests = combineIds(
			[
				{ itemIndex: 0, key: 'a', group: 'A', ids: ids(0, 3) },
				{ itemIndex: 1, key: 'b', group: 'B', ids: ids(2, 2) },
				{ itemIndex: 2, key: 'a', group: 'A again', ids: ids(1, 4) },
			],
			{ size: 2 },
		);
		expect(requests).toEqual([
			{ group: 'A', ids: [user(0), user(1)], items: [0, 2] },
			{ group: 'A', ids: [user(2), user(3)], items: [0, 2] },
			{ group: 'A', ids: [user(4)], items: [2] },
			{ group: 'B', ids: [user(2), user(3)], items: [1] },
		]);
	});

	it('pairs an item whose IDs all came before with the requests that carry them', () => {
		const requests = combineIds(
			[
				{ itemIndex: 3, key: undefined, group: undefined, ids: ids(0, 501) },
				{ itemIndex: 5, key: undefined, group: undefined, ids: [user(500)] },
			],
			{ size: 500 },
		);
		expect(requests.map(({ ids, items }) => [ids.length, items])).toEqual([
			[500, [3]],
			[1, [3, 5]],
		]);
	});

	it('without a size, one request per key; sameId decides what is a duplicate, keeping the first spelling', () => {
		const ifa = '8d5b6b1e-3f4a-4c2b-9e1d-2a3b4c5d6e7f';
		const requests = combineIds(
			[
				{ itemIndex: 0, key: 1, group: 1, ids: [ifa.toUpperCase()] },
				{ itemIndex: 1, key: 1, group: 1, ids: [ifa, ...ids(0, 600)] },
			],
			{ sameId: (id) => id.toLowerCase() },
		);
		expect(requests).toHaveLength(1);
		expect(requests[0].ids).toEqual([ifa.toUpperCase(), ...ids(0, 600)]);
		expect(requests[0].items).toEqual([0, 1]);
		expect(combineIds([])).toEqual([]);
	});
});
