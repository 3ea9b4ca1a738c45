import { mapWithConcurrency } from '../../nodes/shared/concurrency';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapWithConcurrency', () => {
	it('keeps results in index order whatever order tasks finish in, and never runs more than the limit', async () => {
		let running = 0;
		let peak = 0;
		const results = await mapWithConcurrency(10, 3, async (i) => {
			running++;
			peak = Math.max(peak, running);
			await tick(10 - i);
			running--;
			return i * 2;
		});
		expect(results).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
		expect(peak).toBe(3);
	});

	it('starts no new task after one fails, and throws the first error', async () => {
		const started: number[] = [];
		await expect(
			mapWithConcurrency(10, 1, async (i) => {
				started.push(i);
				if (i === 2) throw new Error('boom at 2');
				return i;
			}),
		).rejects.toThrow('boom at 2');
		expect(started).toEqual([0, 1, 2]);
	});

	it('handles no work', async () => {
		expect(await mapWithConcurrency(0, 5, async () => 1)).toEqual([]);
	});
});

describe('mapWithConcurrency with keys', () => {
	it('runs tasks of one key one after another, in index order, while other keys run alongside', async () => {
		const keys = ['a', 'b', 'a', 'c', 'a', 'b'];
		const log: string[] = [];
		let running = 0;
		let peak = 0;
		const runningKeys = new Set<string>();
		await mapWithConcurrency(
			keys.length,
			3,
			async (i) => {
				expect(runningKeys.has(keys[i])).toBe(false);
				runningKeys.add(keys[i]);
				running++;
				peak = Math.max(peak, running);
				log.push(`${keys[i]}${i}`);
				await tick(5 + (i % 3) * 3);
				running--;
				runningKeys.delete(keys[i]);
				return i;
			},
			(i) => keys[i],
		);
		expect(log.filter((entry) => entry.startsWith('a'))).toEqual(['a0', 'a2', 'a4']);
		expect(log.filter((entry) => entry.startsWith('b'))).toEqual(['b1', 'b5']);
		expect(peak).toBe(3);
	});
});
