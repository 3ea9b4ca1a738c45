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
