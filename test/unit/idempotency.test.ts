import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { DerivedKeys, nameBasedUuid } from '../../nodes/shared/idempotency';

/**
 * Derived retry keys: the same execution, node, run and item give the same key (so n8n's Retry
 * On Fail and a retried execution are recognised by LINE), anything else gives another.
 */

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Run {
	instanceId: string;
	workflowId: string;
	executionId: string;
	nodeId: string;
	runIndex: number;
	/** The node's context in the execution data (kept across a retried execution). */
	context: IDataObject;
	/** The execution this one retries (n8n's lifecycle hooks hold it). */
	retryOf?: string;
}

const baseRun = (): Run => ({
	instanceId: 'instance-1',
	workflowId: 'workflow-1',
	executionId: '1001',
	nodeId: '0f8e5b8e-3f1c-4a7e-9d59-0c1f8b9e2a11',
	runIndex: 0,
	context: {},
});

function fnOf(run: Run): IExecuteFunctions {
	return {
		getInstanceId: () => run.instanceId,
		getWorkflow: () => ({ id: run.workflowId }),
		getExecutionId: () => run.executionId,
		getNode: () => ({ id: run.nodeId, name: 'LINE' }),
		getContext: () => run.context,
		getWorkflowDataProxy: () => ({ $runIndex: run.runIndex }),
		// What n8n-core's execute context holds of the execution's lifecycle.
		additionalData: { hooks: { retryOf: run.retryOf } },
	} as unknown as IExecuteFunctions;
}

const keyOf = (run: Run, itemIndex = 0, place: number | string = 0) =>
	DerivedKeys.of(fnOf(run)).key(itemIndex, place);

describe('nameBasedUuid', () => {
	it('is a version-5 UUID (RFC 4122 variant), the same for the same name', () => {
		const key = nameBasedUuid('a/b/c');
		expect(key).toMatch(UUID_V5);
		expect(nameBasedUuid('a/b/c')).toBe(key);
		expect(nameBasedUuid('a/b/d')).not.toBe(key);
	});

	it('gives 10,000 different names 10,000 different UUIDs', () => {
		const keys = Array.from({ length: 10_000 }, (_, i) => nameBasedUuid(`seed/0/${i}/0`));
		keys.forEach((key) => expect(key).toMatch(UUID_V5));
		expect(new Set(keys).size).toBe(10_000);
	});
});

describe('DerivedKeys', () => {
	it('the same execution, node, run, item and place give the same key', () => {
		expect(keyOf(baseRun(), 3, 1)).toBe(keyOf(baseRun(), 3, 1));
		expect(keyOf(baseRun())).toMatch(UUID_V5);
	});

	it.each<[string, (run: Run) => void]>([
		['instance', (run) => (run.instanceId = 'instance-2')],
		['workflow', (run) => (run.workflowId = 'workflow-2')],
		['execution', (run) => (run.executionId = '1002')],
		['node', (run) => (run.nodeId = '5a0b6c7d-1e2f-4a3b-8c4d-5e6f7a8b9c0d')],
		['run index (the node run again in a loop)', (run) => (run.runIndex = 1)],
	])('another %s gives another key', (_name, change) => {
		const other = baseRun();
		change(other);
		expect(keyOf(other)).not.toBe(keyOf(baseRun()));
	});

	it('every item and every place within an item gets its own key', () => {
		const keys = DerivedKeys.of(fnOf(baseRun()));
		const all = [0, 1, 2].flatMap((item) =>
			[0, 1, 2, 'combined-0', 'combined-1'].map((place) => keys.key(item, place)),
		);
		expect(new Set(all).size).toBe(all.length);
	});

	it('a retried execution (new ID, the failed one’s node context) derives the same keys', () => {
		const failed = baseRun();
		const first = keyOf(failed, 2);
		const retry = { ...baseRun(), executionId: '1002', context: structuredClone(failed.context) };
		expect(keyOf(retry, 2)).toBe(first);
	});

	it('a new execution (its own, empty node context) derives new keys', () => {
		const first = baseRun();
		const second = { ...baseRun(), executionId: '1002', context: {} };
		expect(keyOf(second)).not.toBe(keyOf(first));
	});

	it('without execution data (no node context, no run index) still derives stable keys', () => {
		const run = baseRun();
		const fn = {
			...fnOf(run),
			getContext: () => {
				throw new Error('no execution data');
			},
			getWorkflowDataProxy: () => {
				throw new Error('no run data');
			},
		} as unknown as IExecuteFunctions;
		const key = DerivedKeys.of(fn).key(0);
		expect(key).toMatch(UUID_V5);
		expect(DerivedKeys.of(fn).key(0)).toBe(key);
		expect(key).toBe(keyOf(baseRun()));
	});

	it('a retry of an execution whose worker died while the node ran (nothing of the node saved) derives the same keys', () => {
		const died = baseRun();
		const first = [0, 1, 9999].map((item) => keyOf(died, item));
		// n8n's retry: a new ID, the data saved before the node ran (no node context).
		const retry = { ...baseRun(), executionId: '1002', retryOf: died.executionId, context: {} };
		expect([0, 1, 9999].map((item) => keyOf(retry, item))).toEqual(first);
	});

	it('a retry of a retry whose node context was saved keeps the first execution’s keys', () => {
		const failed = baseRun();
		const first = keyOf(failed, 4);
		const retry = { ...baseRun(), executionId: '1002', retryOf: '1001', context: {} };
		expect(keyOf(retry, 4)).toBe(first);
		// The retry failed too, with its context saved; the retry of the retry reads it.
		const again = {
			...baseRun(),
			executionId: '1003',
			retryOf: '1002',
			context: structuredClone(retry.context),
		};
		expect(keyOf(again, 4)).toBe(first);
	});
});
