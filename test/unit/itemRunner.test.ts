import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { describeItems, runPerItem, type Unit } from '../../nodes/shared/items';

/**
 * The item runner on its own: every input item ends as one output item (or, per unit, one per
 * request), and a run that stops part-way says which items were sent, partly sent, failed, or
 * not sent — counting requests still on their way when the failure came.
 */

function fakeFn(continueOnFail = false): IExecuteFunctions {
	return {
		continueOnFail: () => continueOnFail,
		getNode: () => ({
			id: 'node-1',
			name: 'LINE',
			type: 'lineConnector.test',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		logger: { info: () => {}, debug: () => {}, warn: () => {}, error: () => {} },
	} as unknown as IExecuteFunctions;
}

const context = (count: number, continueOnFail = false) => ({
	fn: fakeFn(continueOnFail),
	items: Array.from({ length: count }, (_, i): INodeExecutionData => ({ json: { i } })),
});

/** A promise and the functions that settle it. */
function deferred<T = void>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

async function errorOf(promise: Promise<unknown>): Promise<Error & { description?: string }> {
	try {
		await promise;
	} catch (error) {
		return error as Error & { description?: string };
	}
	throw new Error('expected the run to fail');
}

describe('describeItems', () => {
	it('writes runs of consecutive items as ranges', () => {
		expect(describeItems([0])).toBe('0');
		expect(describeItems([0, 1, 2, 3, 4, 5, 6, 7, 9, 12, 13, 14])).toBe('0–7, 9, 12–14');
		expect(describeItems([3, 5])).toBe('3, 5');
	});

	it('shows the first 20 parts of a long list', () => {
		const every2nd = Array.from({ length: 30 }, (_, i) => i * 2);
		expect(describeItems(every2nd)).toBe(`${every2nd.slice(0, 20).join(', ')}, …`);
	});
});

describe('runPerItem', () => {
	it('one output item per input item, in input order, paired', async () => {
		const output = await runPerItem(
			context(3),
			{
				prepare: (i) => i * 10,
				send: async (value) => ({ value }),
			},
			{ concurrency: 3 },
		);
		expect(output).toEqual([
			{ json: { value: 0 }, pairedItem: { item: 0 } },
			{ json: { value: 10 }, pairedItem: { item: 1 } },
			{ json: { value: 20 }, pairedItem: { item: 2 } },
		]);
	});

	it('bad input anywhere stops the run before anything is sent', async () => {
		const sent: number[] = [];
		const error = await errorOf(
			runPerItem(context(3), {
				prepare: (i) => {
					if (i === 2) throw new Error('bad input');
					return i;
				},
				send: async (value) => {
					sent.push(value);
					return {};
				},
			}),
		);
		expect(error.message).toBe('bad input');
		expect(sent).toEqual([]);
	});

	it('a failure part-way: no new request starts; requests on their way finish and count as sent', async () => {
		const started: number[] = [];
		const answers = [deferred(), deferred(), deferred()];
		const run = runPerItem(
			context(6),
			{
				prepare: (i) => i,
				send: async (i) => {
					started.push(i);
					await answers[i]?.promise;
					return { i };
				},
			},
			{ concurrency: 3 },
		);
		await new Promise((resolve) => setImmediate(resolve));
		expect(started).toEqual([0, 1, 2]);
		answers[0].reject(new Error('refused'));
		await new Promise((resolve) => setImmediate(resolve));
		// Items 1 and 2 were on their way when item 0 failed: they finish after it.
		answers[1].resolve();
		answers[2].resolve();
		const error = await errorOf(run);
		expect(started).toEqual([0, 1, 2]);
		expect(error.message).toBe('refused');
		expect(error.description).toBe(
			[
				'This run stopped: 2 of 6 item(s) were sent (items 1–2).',
				'Failed: items 0 (see above).',
				'Not sent: 3 item(s) (items 3–5).',
			].join('\n'),
		);
	});

	it('an item whose units were partly sent is reported as partly sent', async () => {
		// Item 0 needs two requests, item 1 one; the second request of item 0 fails.
		const error = await errorOf(
			runPerItem<number, { item: number; part: number }>(context(2), {
				prepare: (i) => i,
				plan: (prepared: Array<Unit<number>>) =>
					prepared.flatMap(({ items, value }) =>
						(value === 0 ? [0, 1] : [0]).map((part) => ({ items, value: { item: value, part } })),
					),
				send: async ({ item, part }) => {
					if (item === 0 && part === 1) throw new Error('refused');
					return {};
				},
			}),
		);
		expect(error.description).toBe(
			[
				'This run stopped: 0 of 2 item(s) were sent.',
				'Partly sent: items 0.',
				'Not sent: 1 item(s) (items 1).',
			].join('\n'),
		);
	});

	it('keeps the error’s own description above the accounting', async () => {
		const failure = Object.assign(new Error('LINE API error 400'), {
			description: 'to[3]: invalid',
		});
		const error = await errorOf(
			runPerItem(context(2), { prepare: (i) => i, send: async () => Promise.reject(failure) }),
		);
		expect(error.description).toBe(
			[
				'to[3]: invalid',
				'This run stopped: 0 of 2 item(s) were sent.',
				'Failed: items 0 (see above).',
				'Not sent: 1 item(s) (items 1).',
			].join('\n'),
		);
	});

	it('with continueOnFail: a failed unit makes an error item for each item it covered; the rest is sent', async () => {
		const sent: number[][] = [];
		const output = await runPerItem<number, number[]>(context(4, true), {
			prepare: (i) => i,
			plan: () => [
				{ items: [0, 2], value: [0, 2] },
				{ items: [1, 3], value: [1, 3] },
			],
			send: async (items) => {
				sent.push(items);
				if (items[0] === 0) throw new Error('refused');
				return { items } as IDataObject;
			},
			merge: (itemIndex, results) => ({ itemIndex, from: results[0].items }),
		});
		expect(sent).toEqual([
			[0, 2],
			[1, 3],
		]);
		expect(output).toEqual([
			{ json: { error: 'refused' }, pairedItem: { item: 0 } },
			{ json: { itemIndex: 1, from: [1, 3] }, pairedItem: { item: 1 } },
			{ json: { error: 'refused' }, pairedItem: { item: 2 } },
			{ json: { itemIndex: 3, from: [1, 3] }, pairedItem: { item: 3 } },
		]);
	});

	it('per unit: one output item per unit paired with its items; with continueOnFail one error item for a failed unit', async () => {
		const output = await runPerItem<number, number[]>(
			context(4, true),
			{
				prepare: (i) => i,
				plan: () => [
					{ items: [0, 2], value: [0, 2] },
					{ items: [1, 3], value: [1, 3] },
				],
				send: async (items) => {
					if (items[0] === 1) throw new Error('refused');
					return { items } as IDataObject;
				},
			},
			{ perUnit: true },
		);
		expect(output).toEqual([
			{ json: { items: [0, 2] }, pairedItem: [{ item: 0 }, { item: 2 }] },
			{ json: { error: 'refused' }, pairedItem: [{ item: 1 }, { item: 3 }] },
		]);
	});
});
