import type { IExecuteFunctions, INodeExecutionData, NodeParameterValueType } from 'n8n-workflow';

import { compilePlan, NOT_PLAIN, resolvePlan, type Plan } from './expressionPaths';

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object')
		return Object.values(value).some(holdsExpression);
	return false;
}

/** What rawValue answers for a name it cannot follow as n8n does (`list[0].text`). */
const UNKNOWN = Symbol('unknown raw value');

/** The raw value at a dotted name (`options.retryKey`), as n8n's getNodeParameter finds it. */
function rawValue(parameters: object, name: string): unknown {
	if (name.includes('[')) return UNKNOWN;
	let value: unknown = parameters;
	for (const key of name.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

/**
 * Reads node parameters for many items. Resolving expressions is the main per-item cost of a node
 * inside n8n, so bulk sends resolve only what really varies per item, and as cheaply as is certain:
 * - a parameter whose raw value holds no expression is resolved once (it is the same for every item);
 * - one whose expressions only read the item (`{{ $json.userId }}`, `Hello {{ $json.name }}`) is
 *   answered from the item when every path leads to a string, a number or a boolean (see
 *   expressionPaths.ts);
 * - anything else goes to n8n's getNodeParameter, as for any node.
 * One instance lives for one execution; nothing is kept between executions.
 */
export class ItemParameters {
	private readonly constant = new Map<string, unknown>();
	/** Parameters with expressions: their plan, or null when n8n must evaluate them. */
	private readonly varying = new Map<string, Plan | null>();
	// n8n's getNode() returns a fresh deep copy on every call: read the raw parameters once.
	private readonly raw: object;
	private items?: INodeExecutionData[];

	constructor(private readonly context: IExecuteFunctions) {
		this.raw = context.getNode().parameters;
	}

	get<T = NodeParameterValueType>(name: string, itemIndex: number, fallback?: T): T {
		if (this.constant.has(name)) return this.constant.get(name) as T;
		const plan = this.varying.get(name);
		if (plan) {
			this.items ??= this.context.getInputData();
			const value = resolvePlan(plan, this.items[itemIndex]?.json);
			if (value !== NOT_PLAIN) return value as T;
		}
		const value = this.context.getNodeParameter(name, itemIndex, fallback as never) as T;
		if (plan === undefined) {
			const raw = rawValue(this.raw, name);
			if (raw === UNKNOWN) this.varying.set(name, null);
			else if (holdsExpression(raw)) this.varying.set(name, compilePlan(raw) ?? null);
			else this.constant.set(name, value);
		}
		return value;
	}
}
