// Evaluates parameter values with n8n's own expression engine, as getNodeParameter does
// (Workflow.expression.getParameterValue for the node, with the input items as $json), in a
// process of its own: n8n's `vm` engine (isolated-vm) needs Node 24, the tests run on any Node.
//
//   node test/support/expressionEngine.cjs <engine: legacy | vm> < {"values": [...], "items": [...]}
//
// Prints {"engine": ..., "results": [[{"value"} | {"error"} per item] per value]}; an undefined
// value is printed as {"undefined": true}.
'use strict';

const { Expression, Workflow } = require('n8n-workflow');

async function main() {
	const engine = process.argv[2];
	const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
	if (engine === 'vm') {
		await Expression.initExpressionEngine({
			engine: 'vm',
			bridgeTimeout: 5000,
			bridgeMemoryLimit: 128,
			poolSize: 1,
			maxCodeCacheSize: 1024,
		});
	}
	Expression.setExpressionEngine(engine);
	const nodeType = {
		description: {
			displayName: 'Probe',
			name: 'probe',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			properties: [],
		},
	};
	const workflow = new Workflow({
		id: 'probe',
		nodes: [
			{ id: '1', name: 'Probe', type: 'probe', typeVersion: 1, position: [0, 0], parameters: {} },
		],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		},
		settings: { executionOrder: 'v1' },
	});
	const items = input.items.map((json) => ({ json }));
	const results = [];
	await workflow.expression.withIsolate(async () => {
		for (const value of input.values) {
			results.push(
				items.map((_, itemIndex) => {
					try {
						const resolved = workflow.expression.getParameterValue(
							value,
							null,
							0,
							itemIndex,
							'Probe',
							items,
							'manual',
							{},
						);
						return resolved === undefined ? { undefined: true } : { value: resolved };
					} catch (error) {
						return { error: String(error && error.message) };
					}
				}),
			);
		}
	});
	process.stdout.write(JSON.stringify({ engine: Expression.getActiveImplementation(), results }));
	await Expression.disposeExpressionEngine();
}

main().catch((error) => {
	process.stderr.write(`${error && error.stack}\n`);
	process.exit(1);
});
