import { readdirSync } from 'node:fs';
import path from 'node:path';

import type { INodeProperties } from 'n8n-workflow';

import { lineResources } from '../../nodes/Line/actions/router';
import { findOperationInAnyDocument, parseMultipart } from '../support/openapi';
import { apiRequests, header, nodeType, runLineOk, useMockLine, UUID } from './fixtures';
import type { ContractCase } from './contracts/types';

/** Every file of ./contracts exports its `contracts`, keyed by `resource/operation`. */
const contracts: Record<string, ContractCase[]> = {};
for (const file of readdirSync(path.join(__dirname, 'contracts')).sort()) {
	if (!file.endsWith('.ts') || file === 'types.ts') continue;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const table = (
		require(path.join(__dirname, 'contracts', file)) as { contracts: typeof contracts }
	).contracts;
	for (const [key, cases] of Object.entries(table)) {
		if (contracts[key]) throw new Error(`${file}: ${key} has contract cases in another file too`);
		contracts[key] = cases;
	}
}

/** The operationIds each operation's cases hit, for the check of the declared ones. */
const hit = new Map<string, Set<string>>();

const line = useMockLine();

describe.each(Object.entries(contracts))('%s', (key, cases) => {
	it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, contract) => {
		const { mock } = line;
		contract.arrange?.(mock);
		const items = await runLineOk(mock, contract.parameters, {
			input: contract.input,
			credentials: contract.credentials?.(mock),
			files: contract.files,
		});

		const requests = contract.authorization === null ? mock.requests : apiRequests(mock);
		const before = contract.before ?? [];
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			...before.map((r) => `${r.method} ${r.path}`),
			`${contract.request.method} ${contract.request.path}`,
		]);
		expect(requests.flatMap((r) => r.problems)).toEqual([]);
		const request = requests[requests.length - 1];
		if (!hit.has(key)) hit.set(key, new Set());
		for (const sent of requests) hit.get(key)!.add(sent.operationId ?? '(none)');
		const expected = contract.request;
		expect(request.method).toBe(expected.method);
		expect(request.path).toBe(expected.path);
		expect(request.query).toEqual(expected.query ?? {});
		expect(request.operationId).toEqual(expect.any(String));
		expect(request.problems).toEqual([]);
		expect(header(request, 'authorization')).toBe(
			contract.authorization === undefined
				? 'Bearer test-channel-access-token'
				: (contract.authorization ?? undefined),
		);
		if (expected.multipart) {
			const contentType = header(request, 'content-type');
			expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
			expect(parseMultipart(request.bodyBytes, contentType)).toEqual(expected.multipart);
		} else if (Buffer.isBuffer(expected.body)) {
			expect(header(request, 'content-type')).toBe(expected.contentType);
			expect(request.bodyBytes.equals(expected.body)).toBe(true);
		} else if (expected.body !== undefined) {
			expect(header(request, 'content-type')).toMatch(
				new RegExp(`^${expected.contentType ?? 'application/json'}(;|$)`),
			);
			expect(request.body).toEqual(expected.body);
		} else {
			expect(request.rawBody).toBe('');
		}
		if (expected.retryKey) expect(header(request, 'x-line-retry-key')).toMatch(UUID);
		else expect(header(request, 'x-line-retry-key')).toBeUndefined();
		expect(request.response.status).toBeLessThan(300);
		// The table's expectation agrees with LINE's spec: a retry key exactly where it declares one.
		const specified = findOperationInAnyDocument(expected.method, request.url)?.parameters.some(
			(p) => p.in === 'header' && p.name.toLowerCase() === 'x-line-retry-key',
		);
		expect(specified).toBe(expected.retryKey);

		const pairedItem = contract.pairedItem ?? { item: 0 };
		const outputs = [contract.output(request)].flat();
		expect(outputs.length).toBeGreaterThan(0);
		expect(items).toEqual(
			outputs.map((json) => ({
				json,
				pairedItem,
				...(contract.binary ? { binary: contract.binary(request) } : {}),
			})),
		);
	});
});

describe('contract table', () => {
	const properties = nodeType.description.properties;

	function offeredOperations(): string[] {
		return properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) => {
				const resource = (p.displayOptions?.show?.resource as string[])[0];
				return (p.options as Array<{ value: string }>).map(({ value }) => `${resource}/${value}`);
			});
	}

	/** The values of an options parameter shown only for one operation (e.g. the kind of validate). */
	function optionValues(operation: string, name: string): string[] {
		const property = properties.find(
			(p: INodeProperties) =>
				p.name === name &&
				(p.displayOptions?.show?.operation as string[] | undefined)?.includes(operation),
		);
		return (
			(property?.options as Array<{ value: string }> | undefined)?.map(({ value }) => value) ?? []
		);
	}

	it("declares on each operation the operationIds of LINE's OpenAPI it calls, exactly those its cases hit", () => {
		const declared = Object.fromEntries(
			Object.entries(lineResources).flatMap(([resource, entries]) =>
				Object.entries(entries).map(([operation, entry]) => [
					`${resource}/${operation}`,
					[...entry.api].sort(),
				]),
			),
		);
		const covered = Object.fromEntries(
			Object.keys(contracts).map((key) => [key, [...(hit.get(key) ?? [])].sort()]),
		);
		expect(covered).toEqual(declared);
	});

	it('has a contract case for every operation the node offers, and none for operations it does not', () => {
		const offered = offeredOperations();
		expect(offered.length).toBeGreaterThanOrEqual(12);
		expect(Object.keys(contracts).sort()).toEqual([...offered].sort());
	});

	it.each([
		['message/validate', 'validate'],
		['quota/getNumberOfSentMessages', 'getNumberOfSentMessages'],
	])('%s has a case for every message kind', (key, operation) => {
		const kinds = optionValues(operation, 'messageKind');
		expect(kinds.length).toBeGreaterThanOrEqual(4);
		const covered = contracts[key].map((c) => c.parameters.messageKind);
		expect([...covered].sort()).toEqual([...kinds].sort());
	});
});
