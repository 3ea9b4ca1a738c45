import { createHash } from 'node:crypto';
import type { IExecuteFunctions } from 'n8n-workflow';

/** Where a node run keeps the seed of its keys: the node's own context in the execution data. */
const SEED = 'lineConnectorDeliverySeed';
/** Namespace of the keys (RFC 4122 name-based UUIDs, version 5). */
const NAMESPACE = Buffer.from('7b1f3c1e4a5d4e0f9c2a6b8d0e1f2a3b', 'hex');

/** A version-5 UUID for `name`: the same name always gives the same UUID. */
export function nameBasedUuid(name: string): string {
	const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
	hash[6] = (hash[6] & 0x0f) | 0x50;
	hash[8] = (hash[8] & 0x3f) | 0x80;
	const hex = hash.subarray(0, 16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What n8n's execute context holds of the execution's lifecycle (not part of IExecuteFunctions). */
interface WithHooks {
	additionalData?: { hooks?: { retryOf?: unknown } | null } | null;
}

/** The ID of the execution this one retries, when it is a retry. */
function retryOf(fn: IExecuteFunctions): string | undefined {
	const id = (fn as unknown as WithHooks).additionalData?.hooks?.retryOf;
	return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * Idempotency keys that a repeat of the same work derives again, instead of random ones: a UUID
 * from the n8n instance, the workflow, the execution, the node, the run index, the item and the
 * request's place in that item. So n8n's Retry On Fail (the same execution and run index) and a
 * retry of the execution from n8n's list send the same keys, and the provider recognises what it
 * had already accepted.
 *
 * A retried execution gets a new ID, but n8n carries the failed execution's data into it,
 * including the node's context: the seed is kept there on the first run and read back on a retry.
 * When nothing of the node was saved (its queue-mode worker died while it ran), the retry takes
 * the ID of the execution it retries, which is what that execution's seed was made of.
 */
export class DerivedKeys {
	private constructor(private readonly base: string) {}

	static of(fn: IExecuteFunctions): DerivedKeys {
		const node = fn.getNode();
		const execution = retryOf(fn) ?? fn.getExecutionId();
		let seed = [fn.getInstanceId(), fn.getWorkflow().id, execution, node.id].join('/');
		try {
			const context = fn.getContext('node');
			if (typeof context[SEED] === 'string') seed = context[SEED] as string;
			else context[SEED] = seed;
		} catch {
			// No execution data to keep a context in (e.g. run as a tool): the execution's own seed.
		}
		let runIndex = 0;
		try {
			runIndex = Number(fn.getWorkflowDataProxy(0).$runIndex) || 0;
		} catch {
			// Without run data this is the node's first run.
		}
		return new DerivedKeys(`${seed}/${runIndex}`);
	}

	/** The key of the request at `place` (e.g. its chunk number) of item `itemIndex`. */
	key(itemIndex: number, place: number | string = 0): string {
		return nameBasedUuid(`${this.base}/${itemIndex}/${place}`);
	}
}
