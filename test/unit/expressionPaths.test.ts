import { execFileSync } from 'node:child_process';
import path from 'node:path';

import type { INodeProperties, INodePropertyCollection, INodeType } from 'n8n-workflow';

import { InfobipLine } from '../../nodes/Infobip/InfobipLine.node';
import { Klink } from '../../nodes/Klink/Klink.node';
import { Konnek } from '../../nodes/Konnek/Konnek.node';
import { LineMessaging } from '../../nodes/Line/LineMessaging.node';
import {
	compilePlan,
	compileTemplate,
	NOT_PLAIN,
	resolvePlan,
} from '../../nodes/shared/expressionPaths';

/**
 * The fast path answers an expression from the item only where n8n's own evaluator gives exactly
 * the same: checked here over a corpus of expressions × items against n8n's evaluator, with its
 * legacy engine and with its default `vm` engine (isolated-vm, which needs Node 24: the evaluation
 * runs in test/support/expressionEngine.cjs on Node 24 from scripts/n8n.mjs).
 */

const ROOT = path.join(__dirname, '..', '..');
const SLOW = 300_000;

const PATHS = [
	'$json.s',
	'$json.n',
	'$json.b',
	'$json.nul',
	'$json.missing',
	'$json.empty',
	'$json.o.s',
	'$json.o.deep.s',
	'$json.o.missing.s',
	'$json.arr[0]',
	'$json.arr[1]',
	'$json.arr[5]',
	'$json["key with space"]',
	"$json['dot.key']",
	'$json["__proto__"]',
	'$json.__proto__',
	'$json.constructor',
	'$json.toString',
	'$json.hasOwnProperty',
	'$json.o',
	'$json.arr',
	'$json.uni',
	'$json.emoji',
	'$json.braces',
	'$json.dollar',
	'$json.long',
	'$json.obj0[0]',
	'$json.$id',
	'$json._x',
	'$json.s.length',
	'$json.s[0]',
	'$json.arrOfObj[1].s',
	'$json["a"]["b"]',
	'$json.name',
	'$json.values',
	'$json.length',
	'$json.prototype',
	'$json.caller',
	'$json.mainModule',
	'$json.zero',
	'$json.neg',
	'$json.big',
	'$json.tiny',
	'$json.frac',
	'$json.f',
	'$json.lone',
	'$json.nulChar',
	'$json.arr.length',
	'$json.o.length',
	'$json["line\nbreak"]',
	'$json["quote\'s"]',
	'$json[\'say "hi"\']',
	'$json["}"]',
	'$json["{{"]',
	'$json[0]',
	'$json["0"]',
	'$json.arr["1"]',
	'$json.arr[01]',
	'$json.if',
	'$json.true',
	'$json.undefined',
	'$json.$json',
];

const SHAPES = [
	(p: string) => `={{ ${p} }}`,
	(p: string) => `={{${p}}}`,
	(p: string) => `=  {{   ${p}  }}  `,
	(p: string) => `=Hello {{ ${p} }}, bye`,
	(p: string) => `=Hello {{ ${p} }} and {{ $json.s }}!`,
	(p: string) => `=multi\nline {{ ${p} }}\n`,
	(p: string) => `=unicode ✓ {{ ${p} }} 日本 🎉`,
	(p: string) => `=quotes " ' {{ ${p} }}`,
	(p: string) => `={{\t${p}\n}}`,
	(p: string) => `={{\r\n ${p}\t}}`,
	(p: string) => `={{ ${p} }}{{ ${p} }}`,
	(p: string) => `= {{ ${p} }}`,
	(p: string) => `={{ ${p} }} `,
	(p: string) => `=\`\${x} // /* # < % $json.s \r\n\u2028\u2029\u0000 {{ ${p} }}\``,
	(p: string) => `=price: $json.s $ {{ ${p} }} $`,
];

/** Expressions that are not plain paths: n8n must keep evaluating them. */
const NOT_PATHS = [
	'={{ $json.s + "x" }}',
	'={{ $json.s.toUpperCase() }}',
	'={{ $json.s ?? "d" }}',
	'={{ $json.s || "d" }}',
	'=a {{ $json.s }} }} b',
	'={{ $json.s }}}',
	'={{{ $json.s }}}',
	'=\\{{ $json.s }}',
	'={{ $json.s }} {',
	'=a { b {{ $json.s }}',
	'={{ $input.item.json.s }}',
	'={{ $json. s }}',
	'={{ $json .s }}',
	'={{ $json[ 0 ] }}',
	'={{ $json }}',
	'={{ json.s }}',
	'={{ $json.s }',
	'=Hello',
	'=',
	'={{ "{{" }}',
	'={{ $json.s /* c */ }}',
	'=obj.constructor {{ $json.s }}',
	'={{ $json.s }} x. constructor',
	'=a.\nconstructor {{ $json.s }}',
	'={{\u00a0$json.s\u00a0}}',
	'={{\ufeff$json.s}}',
	'={{ $json["line\nbreak"] }}',
	'={{ $json["a\\"] }}',
	'={{ $json[-1] }}',
	'={{ $json.arr[0.5] }}',
	'={{ $json.s; }}',
	'={{ ($json.s) }}',
	'={{ $json?.s }}',
	'={{ $json.1 }}',
];

const NESTED = [
	{ message: [{ type: 'text', text: '=Hello {{ $json.s }}', n: 3, flag: true, none: null }] },
	['={{ $json.s }}', 'plain', 5, { deep: ['=x{{ $json.o.s }}y'] }],
	{ a: '={{ $json.s }}', b: '={{ $json.s.trim() }}' },
	{ a: '={{ $json.missing }}', b: 'plain' },
];

const VALUES: unknown[] = [
	...PATHS.flatMap((p) => SHAPES.map((shape) => shape(p))),
	...NOT_PATHS,
	...NESTED,
];

const ITEMS: Array<Record<string, unknown>> = [
	{
		s: 'Ann',
		n: 5,
		b: true,
		nul: null,
		empty: '',
		o: { s: 'in', deep: { s: 'deep' } },
		arr: ['a', 'b'],
		'key with space': 'sp',
		'dot.key': 'dk',
		uni: '日本語 ñ Ω',
		emoji: '🎉👍🏽',
		braces: '{{ $json.s }}',
		dollar: '$json.s',
		long: 'x'.repeat(10_000),
		obj0: { '0': 'zero' },
		$id: 'dollar-id',
		_x: 'under',
		arrOfObj: [{ s: 'a0' }, { s: 'a1' }],
		a: { b: 'ab' },
	},
	JSON.parse(
		'{"__proto__":"p","constructor":"c","toString":"t","hasOwnProperty":"h","s":"S","name":"N","values":"v","length":"l","prototype":"pt","caller":"ca","mainModule":"mm"}',
	),
	{},
	{ s: 42, o: 'not an object', arr: 'a string', arrOfObj: [{ s: 1 }, { s: null }] },
	{ s: ['x'], o: { s: 1, deep: [] }, obj0: ['zero'] },
	{ s: 'a\u0000b\n\t"\'\\ \u2028', o: { s: '' }, arr: [], a: { b: 0 } },
	{ s: '0', arr: [null, 'second'], o: { deep: { s: false } } },
	{
		s: 'numbers',
		zero: 0,
		neg: -1.5,
		big: 1e21,
		tiny: 1e-7,
		frac: 0.1 + 0.2,
		f: false,
		n: 9007199254740991,
		b: false,
		lone: 'a\ud800b\udfff',
		nulChar: '\u0000',
		arr: ['x', 'y', 'z'],
		o: { length: 3, s: 'len' },
		'line\nbreak': 'lb',
		"quote's": 'q',
		'say "hi"': 'hi',
		'}': 'close',
		'{{': 'open',
		'0': 'zero key',
		if: 'kw',
		true: 'kw2',
		undefined: 'kw3',
		$json: 'inner',
	},
	{ zero: -0, neg: 1e300, big: -1e21, tiny: 5e-324, f: true, lone: '\udc00', s: '' },
];

type Reference = { value: unknown } | { error: string } | { undefined: true };

function evaluateWith(engine: 'legacy' | 'vm'): Reference[][] {
	const node =
		engine === 'legacy'
			? process.execPath
			: execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'n8n.mjs'), 'node', '24'], {
					cwd: ROOT,
					encoding: 'utf8',
					stdio: ['ignore', 'pipe', 'inherit'],
				})
					.trim()
					.split('\n')
					.pop()!;
	const output = execFileSync(
		node,
		[path.join(ROOT, 'test', 'support', 'expressionEngine.cjs'), engine],
		{
			cwd: ROOT,
			input: JSON.stringify({ values: VALUES, items: ITEMS }),
			encoding: 'utf8',
			maxBuffer: 256 * 2 ** 20,
		},
	);
	const parsed = JSON.parse(output) as { engine: string; results: Reference[][] };
	// The engine asked for is the one that answered (n8n falls back to legacy when vm cannot start).
	expect(parsed.engine).toBe(engine);
	return parsed.results;
}

describe.each(['legacy', 'vm'] as const)("the fast path against n8n's %s engine", (engine) => {
	let reference: Reference[][];
	beforeAll(() => {
		reference = evaluateWith(engine);
	}, SLOW);

	it(
		'answers exactly what n8n answers wherever it answers, over every expression × item',
		() => {
			const mismatches: unknown[] = [];
			let answered = 0;
			VALUES.forEach((value, valueIndex) => {
				const plan = compilePlan(value);
				ITEMS.forEach((item, itemIndex) => {
					// Through JSON, as the items reached n8n (an own `__proto__` field survives this way).
					const json = JSON.parse(JSON.stringify(item)) as unknown;
					const fast = plan ? resolvePlan(plan, json) : NOT_PLAIN;
					if (fast === NOT_PLAIN) return;
					answered++;
					const expected = reference[valueIndex][itemIndex];
					if (
						!('value' in expected) ||
						typeof expected.value !== typeof fast ||
						JSON.stringify(expected.value) !== JSON.stringify(fast)
					)
						mismatches.push({ value, item: itemIndex, fast, n8n: expected });
				});
			});
			expect(mismatches).toEqual([]);
			// The corpus really exercises the fast path (most string paths × shapes × items).
			expect(answered).toBeGreaterThan(900);
		},
		SLOW,
	);

	it('answers the everyday shapes from the item', () => {
		const json = ITEMS[0];
		for (const value of [
			'={{ $json.s }}',
			'={{$json.s}}',
			'=Hello {{ $json.s }}, your order {{ $json.o.deep.s }}',
			'={{ $json["key with space"] }}',
			'={{ $json.arrOfObj[1].s }}',
			'=Count: {{ $json.n }}, ok: {{ $json.b }}',
			NESTED[0],
		]) {
			const plan = compilePlan(value);
			expect(plan).toBeDefined();
			expect(resolvePlan(plan!, json)).not.toBe(NOT_PLAIN);
		}
	});
});

describe('what the fast path leaves to n8n', () => {
	it.each(NOT_PATHS)('%j is not a plain template', (expression) => {
		expect(compileTemplate(expression.slice(1))).toBeUndefined();
	});

	it('a path that leads to anything but a string, a finite number or a boolean (in text)', () => {
		const plan = compilePlan('=Hi {{ $json.s }}')!;
		for (const json of [
			{},
			{ s: NaN },
			{ s: Infinity },
			{ s: null },
			{ s: ['x'] },
			{ s: { t: 'x' } },
			undefined,
			'str',
		])
			expect(resolvePlan(plan, json)).toBe(NOT_PLAIN);
		expect(resolvePlan(plan, Object.create({ s: 'inherited' }))).toBe(NOT_PLAIN);
		expect(
			resolvePlan(
				plan,
				new (class {
					s = 'not plain';
				})(),
			),
		).toBe(NOT_PLAIN);
	});
});

describe('values the corpus cannot carry through JSON', () => {
	it('a number or a boolean alone stays one in n8n: left to n8n', () => {
		for (const value of [5, 0, true, false])
			expect(resolvePlan(compilePlan('={{ $json.x }}')!, { x: value })).toBe(NOT_PLAIN);
		expect(resolvePlan(compilePlan('=n={{ $json.x }}')!, { x: 5 })).toBe('n=5');
		expect(resolvePlan(compilePlan('={{ $json.x }}!')!, { x: false })).toBe('false!');
	});

	it('-0, NaN and the infinities are left to n8n (its templates write NaN as "")', () => {
		for (const value of [-0, NaN, Infinity, -Infinity]) {
			expect(resolvePlan(compilePlan('={{ $json.x }}')!, { x: value })).toBe(NOT_PLAIN);
			if (!Object.is(value, -0))
				expect(resolvePlan(compilePlan('=x {{ $json.x }}')!, { x: value })).toBe(NOT_PLAIN);
		}
		// In a template -0 is written "0", by n8n (it joins the parts) as by String().
		expect(resolvePlan(compilePlan('=x {{ $json.x }}')!, { x: -0 })).toBe('x 0');
		expect(resolvePlan(compilePlan('={{ $json.x }}')!, { x: 10n })).toBe(NOT_PLAIN);
		expect(resolvePlan(compilePlan('=x {{ $json.x }}')!, { x: Symbol('s') })).toBe(NOT_PLAIN);
		expect(resolvePlan(compilePlan('={{ $json.x }}')!, { x: new Date(0) })).toBe(NOT_PLAIN);
		expect(resolvePlan(compilePlan('=x {{ $json.x }}')!, { x: () => 'f' })).toBe(NOT_PLAIN);
	});
});

/**
 * n8n's getNodeParameter converts a value after evaluating it only for a property with
 * `validateType` (or a resource mapper): then a string from an item could come back as a number.
 * The fast path answers what the evaluator answers, so no property of the nodes that read their
 * parameters through ItemParameters may ask for that conversion.
 */
describe("the nodes' parameters are returned as evaluated", () => {
	const nodes: INodeType[] = [new LineMessaging(), new Klink(), new Konnek(), new InfobipLine()];

	function* walk(properties: Array<INodeProperties | INodePropertyCollection>): Generator<object> {
		for (const property of properties) {
			yield property;
			const nested = [
				...('options' in property && Array.isArray(property.options) ? property.options : []),
				...('values' in property && Array.isArray(property.values) ? property.values : []),
			].filter((entry): entry is INodeProperties | INodePropertyCollection =>
				Boolean(entry && typeof entry === 'object' && ('values' in entry || 'type' in entry)),
			);
			yield* walk(nested);
		}
	}

	it.each(nodes.map((node) => [node.description.name, node] as const))(
		'%s: no property with validateType or a resource mapper',
		(_name, node) => {
			const properties = [...walk(node.description.properties)];
			expect(properties.length).toBeGreaterThan(10);
			const converting = properties.filter(
				(property) =>
					'validateType' in property || (property as { type?: string }).type === 'resourceMapper',
			);
			expect(converting).toEqual([]);
		},
	);
});
