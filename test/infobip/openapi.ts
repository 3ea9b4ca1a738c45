import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
	findOperation,
	openApiDir,
	validateRequest,
	validateSchema,
	type HttpRequestLike,
	type OpenApiDocument,
} from '../support/openapi';

/**
 * Infobip's OpenAPI for LINE (`../shared/infobip-openapi/line.json`, or INFOBIP_OPENAPI_FILE)
 * through the shared validator of test/support/openapi.ts, unchanged. That validator loads
 * `<LINE_OPENAPI_DIR>/<name>.yml` with js-yaml, and YAML reads JSON, so the document is handed
 * to it as a `.yml` link in the temporary folder, named by its path relative to LINE's folder.
 */

export function infobipSpecFile(): string {
	return (
		process.env.INFOBIP_OPENAPI_FILE ??
		path.resolve(__dirname, '../../../shared/infobip-openapi/line.json')
	);
}

let documentName: string | undefined;

/** The name under which test/support/openapi.ts finds Infobip's document. */
export function infobipDocument(): string {
	if (documentName === undefined) {
		const spec = infobipSpecFile();
		// One link per spec file, shared by every test file and run (jest workers race to make it).
		const folder = path.join(os.tmpdir(), 'n8n-nodes-line-connector-openapi');
		const name = `infobip-line-${createHash('sha256').update(spec).digest('hex').slice(0, 12)}`;
		const link = path.join(folder, `${name}.yml`);
		mkdirSync(folder, { recursive: true });
		try {
			symlinkSync(spec, link);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || readlinkSync(link) !== spec) {
				throw error;
			}
		}
		documentName = path.relative(openApiDir(), path.join(folder, name));
	}
	return documentName;
}

/** Infobip prefixes its schema names with a hash: `<hash>.LineRequest`. */
export function schemaName(shortName: string): string {
	const document = JSON.parse(readFileSync(infobipSpecFile(), 'utf8')) as OpenApiDocument;
	const names = Object.keys(document.components?.schemas ?? {});
	const found = names.find((name) => name === shortName || name.endsWith(`.${shortName}`));
	if (!found) throw new Error(`No schema ${shortName} in ${infobipSpecFile()}`);
	return found;
}

/** Every problem of a request to Infobip, per line.json (empty = valid). */
export function validateInfobipRequest(request: HttpRequestLike): string[] {
	return validateRequest(infobipDocument(), request);
}

/** operationId of the operation a request hits. */
export function infobipOperationId(method: string, fullPath: string): string | undefined {
	return findOperation(infobipDocument(), method, fullPath)?.operationId;
}

/** Validates a value against one of line.json's schemas, e.g. `validateInfobipSchema('DeliveryReports', body)`. */
export function validateInfobipSchema(
	shortName: string,
	value: unknown,
	where = 'value',
): string[] {
	return validateSchema(infobipDocument(), schemaName(shortName), value, where);
}
