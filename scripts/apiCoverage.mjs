#!/usr/bin/env node
// Which of LINE's API operations the LINE node implements:
//
//   npm run api-coverage              (builds, then: node scripts/apiCoverage.mjs [--summary])
//
// Lists every operationId of LINE's OpenAPI documents (../shared/line-openapi, or
// $LINE_OPENAPI_DIR) with the node operation that calls it and the file of its contract cases
// (each operation declares its operationIds in `api`; test/node/contract.test.ts runs the cases
// of test/node/contracts/ and checks the declaration against the requests they send). Exits with
// 1 while any operation has no node operation, or a node operation no contract cases.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { load } from 'js-yaml';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCUMENTS = ['messaging-api', 'insight', 'manage-audience', 'channel-access-token'];
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const CONTRACTS_DIR = 'test/node/contracts';

/** `[{ document, operationId, method, path }]` of every operation of the documents in `dir`. */
export function specOperations(dir) {
	return DOCUMENTS.flatMap((document) => {
		const spec = load(fs.readFileSync(path.join(dir, `${document}.yml`), 'utf8'));
		return Object.entries(spec.paths ?? {}).flatMap(([route, item]) =>
			METHODS.filter((method) => item[method]).map((method) => ({
				document,
				operationId: item[method].operationId,
				method: method.toUpperCase(),
				path: route,
			})),
		);
	});
}

/** `resource/operation` → the contract file that holds its cases (the keys of its `contracts`). */
export function contractFiles(dir) {
	const result = new Map();
	for (const file of fs.readdirSync(dir).sort()) {
		if (!file.endsWith('.ts') || file === 'types.ts') continue;
		const text = fs.readFileSync(path.join(dir, file), 'utf8');
		for (const [, key] of text.matchAll(/^\t'(\w+\/\w+)': /gm)) {
			result.set(key, `${CONTRACTS_DIR}/${file}`);
		}
	}
	return result;
}

/** operationId → the node operations (`resource/operation`) that declare it. */
export function implementations(resources) {
	const result = new Map();
	for (const [resource, entries] of Object.entries(resources)) {
		for (const [operation, entry] of Object.entries(entries)) {
			for (const operationId of entry.api ?? []) {
				result.set(operationId, [...(result.get(operationId) ?? []), `${resource}/${operation}`]);
			}
		}
	}
	return result;
}

/** The report: one row per operation, and per document how many are implemented. */
export function coverage(operations, implemented, contracts = new Map()) {
	const rows = operations.map((operation) => {
		const nodeOperations = implemented.get(operation.operationId) ?? [];
		return {
			...operation,
			nodeOperations,
			contracts: nodeOperations.map((key) => contracts.get(key)),
		};
	});
	const isCovered = (row) =>
		row.nodeOperations.length > 0 && row.contracts.every((file) => file !== undefined);
	const documents = DOCUMENTS.map((document) => {
		const own = rows.filter((row) => row.document === document);
		return {
			document,
			total: own.length,
			implemented: own.filter(isCovered).length,
		};
	});
	const known = new Set(operations.map((operation) => operation.operationId));
	const unknown = [...implemented.keys()].filter((operationId) => !known.has(operationId));
	return { rows, documents, unknown };
}

function main(argv) {
	const summaryOnly = argv.includes('--summary');
	const dir = process.env.LINE_OPENAPI_DIR ?? path.resolve(REPO_ROOT, '../shared/line-openapi');
	const built = path.join(REPO_ROOT, 'dist/nodes/Line/actions/router.js');
	if (!fs.existsSync(built)) {
		console.error('api-coverage: the package is not built (npm run build)');
		return 2;
	}
	const { lineResources } = createRequire(import.meta.url)(built);
	const report = coverage(
		specOperations(dir),
		implementations(lineResources),
		contractFiles(path.join(REPO_ROOT, CONTRACTS_DIR)),
	);
	if (!summaryOnly) {
		for (const row of report.rows) {
			const where = row.nodeOperations.length
				? row.nodeOperations
						.map((key, index) => `${key} (${row.contracts[index] ?? 'NO CONTRACT CASES'})`)
						.join(', ')
				: 'MISSING';
			console.log(
				`${row.document.padEnd(21)} ${row.operationId.padEnd(45)} ${`${row.method} ${row.path}`.padEnd(70)} ${where}`,
			);
		}
		console.log('');
	}
	let implemented = 0;
	let total = 0;
	for (const { document, implemented: done, total: all } of report.documents) {
		console.log(`${document.padEnd(21)} ${done} / ${all}`);
		implemented += done;
		total += all;
	}
	console.log(`${'all'.padEnd(21)} ${implemented} / ${total}`);
	for (const operationId of report.unknown) {
		console.log(`declared but not in LINE's OpenAPI: ${operationId}`);
	}
	return implemented === total && report.unknown.length === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	process.exitCode = main(process.argv.slice(2));
}
