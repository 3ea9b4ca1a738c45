/**
 * Expressions that only read the current item: `{{ $json.userId }}`, `Hello {{ $json.name }}`,
 * `{{ $json.order["id"] }}`, `{{ $json.lines[0] }}`. Such an expression can be answered from the
 * item itself, without n8n's expression engine (which costs far more per item than the node's own
 * work). Only what is certain is answered: every path must lead, through own properties of plain
 * objects and arrays, to a string (or, written into text around it, a finite number or a boolean).
 * Anything else — another variable, a call, an operator, a missing field, null, an object, braces
 * or backslashes in the text around — is left to n8n, so no expression ever means something else.
 * test/unit/expressionPaths.test.ts compares the answers with n8n's own evaluator, on both of its
 * engines.
 */

/** A property path below `$json`: the keys to follow, in order. */
type Path = string[];

/** An expression's text around its paths: `parts[0] path[0] parts[1] path[1] … parts[n]`. */
export interface Template {
	parts: string[];
	paths: Path[];
	/**
	 * `{{ path }}` and nothing around it: n8n answers the value itself, not its text (a number
	 * stays a number).
	 */
	whole: boolean;
}

/** A parameter value with expressions: a template, a constant, or a list / object of these. */
export type Plan =
	| { kind: 'template'; template: Template }
	| { kind: 'constant'; value: unknown }
	| { kind: 'list'; items: Plan[] }
	| { kind: 'object'; entries: Array<[string, Plan]> };

/** What `resolvePlan` answers when n8n must evaluate the value. */
export const NOT_PLAIN = Symbol('not a plain path');

const IDENTIFIER = /^[A-Za-z_$][\w$]*/;
const INDEX = /^\[(\d+)\]/;
// No backslash (an escape) and no line break (a syntax error in a string literal) inside quotes.
const QUOTED = /^\[(?:"([^"\\\n\r\u2028\u2029]*)"|'([^'\\\n\r\u2028\u2029]*)')\]/;
/** n8n refuses any expression whose text (literal text included) holds this. */
const CONSTRUCTOR = /\.\s*constructor/;

/**
 * Keys n8n's evaluator does not read as the item's own field: its sandbox refuses these, and an
 * item's own `toString` or `__proto__` is not what `$json.toString` gives (Object.prototype's
 * names are refused too).
 */
const UNSAFE_KEYS = new Set([
	'prototype',
	'constructor',
	'getPrototypeOf',
	'setPrototypeOf',
	'getOwnPropertyDescriptor',
	'getOwnPropertyDescriptors',
	'defineProperty',
	'defineProperties',
	'mainModule',
	'binding',
	'_linkedBinding',
	'_load',
	'prepareStackTrace',
	'caller',
	'callee',
	'arguments',
	'getBuiltinModule',
	'dlopen',
	'execve',
	'loadEnvFile',
]);

/** Spaces, tabs and line breaks around a path are skipped (not the exotic Unicode spaces). */
function trimAround(source: string): string {
	let start = 0;
	let end = source.length;
	while (start < end && ' \t\n\r'.includes(source[start])) start++;
	while (end > start && ' \t\n\r'.includes(source[end - 1])) end--;
	return source.slice(start, end);
}

/** The keys of `$json.a.b[0]["c d"]` (spaces, tabs and line breaks around it allowed), or undefined. */
function compilePath(source: string): Path | undefined {
	let rest = trimAround(source);
	if (!rest.startsWith('$json')) return undefined;
	rest = rest.slice('$json'.length);
	const keys: Path = [];
	while (rest.length > 0) {
		let match: RegExpExecArray | null;
		if (rest.startsWith('.') && (match = IDENTIFIER.exec(rest.slice(1)))) {
			keys.push(match[0]);
			rest = rest.slice(1 + match[0].length);
		} else if ((match = INDEX.exec(rest))) {
			keys.push(match[1]);
			rest = rest.slice(match[0].length);
		} else if ((match = QUOTED.exec(rest))) {
			keys.push(match[1] ?? match[2]);
			rest = rest.slice(match[0].length);
		} else return undefined;
	}
	if (keys.length === 0 || keys.some((key) => UNSAFE_KEYS.has(key) || key in Object.prototype))
		return undefined;
	return keys;
}

/** The text between the paths may hold no brace and no backslash (n8n gives those meaning). */
const PLAIN_TEXT = /^[^{}\\]*$/;

/** A template for an expression's source (after its `=`), or undefined when n8n must evaluate it. */
export function compileTemplate(source: string): Template | undefined {
	if (CONSTRUCTOR.test(source)) return undefined;
	const parts: string[] = [];
	const paths: Path[] = [];
	let rest = source;
	for (;;) {
		const open = rest.indexOf('{{');
		if (open === -1) break;
		const close = rest.indexOf('}}', open + 2);
		if (close === -1) return undefined;
		const text = rest.slice(0, open);
		const path = compilePath(rest.slice(open + 2, close));
		if (!PLAIN_TEXT.test(text) || !path) return undefined;
		parts.push(text);
		paths.push(path);
		rest = rest.slice(close + 2);
	}
	if (paths.length === 0 || !PLAIN_TEXT.test(rest)) return undefined;
	parts.push(rest);
	const whole = paths.length === 1 && parts[0] === '' && parts[1] === '';
	return { parts, paths, whole };
}

function isPlainContainer(value: unknown): value is Record<string, unknown> {
	if (value === null || typeof value !== 'object') return false;
	if (Array.isArray(value)) return true;
	const prototype = Object.getPrototypeOf(value) as unknown;
	return prototype === Object.prototype || prototype === null;
}

const hasOwn = (value: object, key: string) => Object.prototype.hasOwnProperty.call(value, key);

/** The value at `path` in `json`, or undefined when the path does not lead to one. */
function valueAt(json: unknown, path: Path): unknown {
	let value = json;
	for (const key of path) {
		if (!isPlainContainer(value) || !hasOwn(value, key)) return undefined;
		value = value[key];
	}
	return value;
}

/**
 * A value as n8n writes it into the text around it (it joins the parts), or undefined when the
 * fast path leaves it to n8n: NaN, null and undefined (n8n writes ''), objects and arrays.
 */
function asText(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'boolean') return String(value);
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** The template's value for one item's `json`, or NOT_PLAIN. */
export function renderTemplate(
	{ parts, paths, whole }: Template,
	json: unknown,
): string | typeof NOT_PLAIN {
	if (whole) {
		// Alone, a number or a boolean stays one; only strings are taken here (the rest is rare).
		const value = valueAt(json, paths[0]);
		return typeof value === 'string' ? value : NOT_PLAIN;
	}
	let text = parts[0];
	for (let index = 0; index < paths.length; index++) {
		const value = asText(valueAt(json, paths[index]));
		if (value === undefined) return NOT_PLAIN;
		text += value + parts[index + 1];
	}
	return text;
}

/**
 * A plan for a raw parameter value (as stored in the workflow), or undefined when some expression
 * in it is not a plain template. Strings without `=` and other constants stay as they are.
 */
export function compilePlan(raw: unknown): Plan | undefined {
	if (typeof raw === 'string' && raw.startsWith('=')) {
		const template = compileTemplate(raw.slice(1));
		return template && { kind: 'template', template };
	}
	if (Array.isArray(raw)) {
		const items: Plan[] = [];
		for (const item of raw) {
			const plan = compilePlan(item);
			if (!plan) return undefined;
			items.push(plan);
		}
		return { kind: 'list', items };
	}
	if (raw !== null && typeof raw === 'object') {
		if (!isPlainContainer(raw)) return undefined;
		const entries: Array<[string, Plan]> = [];
		for (const [key, value] of Object.entries(raw)) {
			const plan = compilePlan(value);
			if (!plan) return undefined;
			entries.push([key, plan]);
		}
		return { kind: 'object', entries };
	}
	return { kind: 'constant', value: raw };
}

/** The parameter's value for one item's `json` (a fresh copy), or NOT_PLAIN. */
export function resolvePlan(plan: Plan, json: unknown): unknown {
	switch (plan.kind) {
		case 'template':
			return renderTemplate(plan.template, json);
		case 'constant':
			return plan.value;
		case 'list': {
			const list: unknown[] = [];
			for (const item of plan.items) {
				const value = resolvePlan(item, json);
				if (value === NOT_PLAIN) return NOT_PLAIN;
				list.push(value);
			}
			return list;
		}
		case 'object': {
			const object: Record<string, unknown> = {};
			for (const [key, entry] of plan.entries) {
				const value = resolvePlan(entry, json);
				if (value === NOT_PLAIN) return NOT_PLAIN;
				object[key] = value;
			}
			return object;
		}
	}
}
