import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ItemParameters } from '../../nodes/shared/parameters';

function fakeContext(
	parameters: Record<string, unknown>,
	resolve: (name: string, item: number) => unknown,
	input: IDataObject[] = [],
) {
	const calls: string[] = [];
	const context = {
		getNode: () => ({ parameters }),
		getInputData: () => input.map((json) => ({ json })),
		getNodeParameter: (name: string, item: number) => {
			calls.push(`${name}@${item}`);
			return resolve(name, item);
		},
	} as unknown as IExecuteFunctions;
	return { context, calls };
}

describe('ItemParameters', () => {
	it('resolves a parameter without expressions once for all items', () => {
		const { context, calls } = fakeContext(
			{ to: 'Uabc', options: { notificationDisabled: true } },
			(name) => (name === 'to' ? 'Uabc' : { notificationDisabled: true }),
		);
		const params = new ItemParameters(context);
		for (let i = 0; i < 100; i++) {
			expect(params.get('to', i)).toBe('Uabc');
			expect(params.get('options', i)).toEqual({ notificationDisabled: true });
		}
		expect(calls).toEqual(['to@0', 'options@0']);
	});

	it('resolves a parameter holding an expression, even deep inside a collection, for every item', () => {
		const { context, calls } = fakeContext(
			{
				to: '={{ $json.userId.trim() }}',
				messages: { message: [{ type: 'text', text: '=Hi {{ $json.name + "!" }}' }] },
			},
			(name, item) => `${name}-${item}`,
		);
		const params = new ItemParameters(context);
		expect([0, 1, 2].map((i) => params.get('to', i))).toEqual(['to-0', 'to-1', 'to-2']);
		expect([0, 1].map((i) => params.get('messages', i))).toEqual(['messages-0', 'messages-1']);
		expect(calls).toHaveLength(5);
	});

	it('reads dotted names from nested parameters', () => {
		const { context, calls } = fakeContext(
			{ options: { retryKey: '={{ $json.key ?? "" }}' } },
			(_n, item) => `k${item}`,
		);
		const params = new ItemParameters(context);
		params.get('options.retryKey', 0);
		params.get('options.retryKey', 1);
		expect(calls).toEqual(['options.retryKey@0', 'options.retryKey@1']);
	});

	it('answers expressions that only read string fields of the item from the item, after n8n answered the first', () => {
		const input = [
			{ userId: 'U0', name: 'Ann' },
			{ userId: 'U1', name: 'Bo' },
			{ userId: 'U2', name: 'Cy' },
		];
		const { context, calls } = fakeContext(
			{
				to: '={{ $json.userId }}',
				messages: { message: [{ type: 'text', text: '=Hi {{ $json.name }}!', n: 1 }] },
			},
			(name, item) =>
				name === 'to'
					? input[item].userId
					: [{ type: 'text', text: `Hi ${input[item].name}!`, n: 1 }],
			input,
		);
		const params = new ItemParameters(context);
		expect([0, 1, 2].map((i) => params.get('to', i))).toEqual(['U0', 'U1', 'U2']);
		expect([0, 1, 2].map((i) => params.get('messages.message', i))).toEqual(
			input.map(({ name }) => [{ type: 'text', text: `Hi ${name}!`, n: 1 }]),
		);
		expect(calls).toEqual(['to@0', 'messages.message@0']);
	});

	it('leaves an item to n8n when a path does not lead to a string there', () => {
		const input: IDataObject[] = [{ userId: 'U0' }, { userId: 42 }, {}, { userId: 'U3' }];
		const { context, calls } = fakeContext(
			{ to: '={{ $json.userId }}' },
			(_n, item) => `n8n-${item}`,
			input,
		);
		const params = new ItemParameters(context);
		expect([0, 1, 2, 3].map((i) => params.get('to', i))).toEqual(['n8n-0', 'n8n-1', 'n8n-2', 'U3']);
		expect(calls).toEqual(['to@0', 'to@1', 'to@2']);
	});
});
