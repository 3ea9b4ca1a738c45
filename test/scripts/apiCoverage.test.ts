import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `npm run api-coverage`'s report: an operation of LINE's OpenAPI counts only when a node
 * operation declares it and that node operation has contract cases.
 */

const SCRIPT = path.join(__dirname, '../../scripts/apiCoverage.mjs');

interface Report {
	rows: Array<{ operationId: string; nodeOperations: string[]; contracts: Array<string | null> }>;
	documents: Array<{ document: string; total: number; implemented: number }>;
	unknown: string[];
}

/** Runs the script's report functions on the given node resources and contract files. */
function report(resources: unknown, contractFiles: Record<string, string>): Report {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'line-api-coverage-'));
	try {
		for (const [file, text] of Object.entries(contractFiles)) {
			fs.writeFileSync(path.join(dir, file), text);
		}
		const program = `
			import { coverage, contractFiles, implementations } from ${JSON.stringify(SCRIPT)};
			const operations = [
				{ document: 'messaging-api', operationId: 'getBotInfo', method: 'GET', path: '/v2/bot/info' },
				{ document: 'messaging-api', operationId: 'getProfile', method: 'GET', path: '/v2/bot/profile/{userId}' },
				{ document: 'insight', operationId: 'getNumberOfFollowers', method: 'GET', path: '/v2/bot/insight/followers' },
			];
			const result = coverage(operations, implementations(${JSON.stringify(resources)}), contractFiles(${JSON.stringify(dir)}));
			result.rows = result.rows.map((row) => ({ ...row, contracts: row.contracts.map((file) => file ?? null) }));
			console.log(JSON.stringify(result));`;
		const output = execFileSync(process.execPath, ['--input-type=module', '-e', program], {
			encoding: 'utf8',
		});
		return JSON.parse(output) as Report;
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

const resources = {
	bot: { getBotInfo: { api: ['getBotInfo'] } },
	user: { getProfile: { api: ['getProfile'] }, linkToken: { api: ['issueLinkToken'] } },
};

it('names the contract file of each node operation and counts an operation with both', () => {
	const result = report(resources, {
		'bot.ts': "export const contracts = {\n\t'bot/getBotInfo': [\n\t\t{ name: 'x' },\n\t],\n};\n",
		'types.ts': "\t'user/getProfile': [\n",
	});
	expect(result.rows).toEqual([
		expect.objectContaining({
			operationId: 'getBotInfo',
			nodeOperations: ['bot/getBotInfo'],
			contracts: ['test/node/contracts/bot.ts'],
		}),
		// Declared, but its only "cases" are in types.ts, which is not a contract file.
		expect.objectContaining({
			operationId: 'getProfile',
			nodeOperations: ['user/getProfile'],
			contracts: [null],
		}),
		expect.objectContaining({ operationId: 'getNumberOfFollowers', nodeOperations: [] }),
	]);
	expect(result.documents).toEqual([
		{ document: 'messaging-api', total: 2, implemented: 1 },
		{ document: 'insight', total: 1, implemented: 0 },
		{ document: 'manage-audience', total: 0, implemented: 0 },
		{ document: 'channel-access-token', total: 0, implemented: 0 },
	]);
	expect(result.unknown).toEqual(['issueLinkToken']);
});

it('counts a declared operation once its node operation has contract cases', () => {
	const result = report(resources, {
		'bot.ts': "\t'bot/getBotInfo': [\n",
		'user.ts': "\t'user/getProfile': [\n",
	});
	expect(result.documents[0]).toEqual({ document: 'messaging-api', total: 2, implemented: 2 });
});
