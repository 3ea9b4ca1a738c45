import type { IExecuteFunctions, NodeParameterValueType } from 'n8n-workflow';

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object')
		return Object.values(value).some(holdsExpression);
	return false;
}

function rawValue(parameters: object, name: string): unknown {
	let value: unknown = parameters;
	for (const key of name.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

/**
 * Reads node parameters for many items, resolving a parameter only once when its raw value
 * holds no expression (it is then the same for every item). Resolving expressions is the main
 * per-item cost of a node inside n8n, so bulk sends resolve only what really varies per item.
 * One instance lives for one execution; nothing is kept between executions.
 */
export class ItemParameters {
	private readonly constant = new Map<string, unknown>();
	private readonly varying = new Set<string>();
	// n8n's getNode() returns a fresh deep copy on every call: read the raw parameters once.
	private readonly raw: object;

	constructor(private readonly context: IExecuteFunctions) {
		this.raw = context.getNode().parameters;
	}

	get<T = NodeParameterValueType>(name: string, itemIndex: number, fallback?: T): T {
		if (this.constant.has(name)) return this.constant.get(name) as T;
		const value = this.context.getNodeParameter(name, itemIndex, fallback as never) as T;
		if (!this.varying.has(name)) {
			if (holdsExpression(rawValue(this.raw, name))) this.varying.add(name);
			else this.constant.set(name, value);
		}
		return value;
	}
}
