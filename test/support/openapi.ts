import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';

/**
 * Validates real HTTP requests against LINE's official OpenAPI documents, with a small
 * validator for the subset of OpenAPI 3.0 those documents use.
 */

export type Schema = {
	$ref?: string;
	type?: string;
	properties?: Record<string, Schema>;
	required?: string[];
	additionalProperties?: boolean | Schema;
	enum?: unknown[];
	minLength?: number;
	maxLength?: number;
	minimum?: number;
	maximum?: number;
	exclusiveMinimum?: boolean;
	exclusiveMaximum?: boolean;
	minItems?: number;
	maxItems?: number;
	uniqueItems?: boolean;
	items?: Schema;
	allOf?: Schema[];
	oneOf?: Schema[];
	anyOf?: Schema[];
	pattern?: string;
	format?: string;
	nullable?: boolean;
	discriminator?: { propertyName: string; mapping?: Record<string, string> };
};

interface Parameter {
	name: string;
	in: 'query' | 'header' | 'path' | 'cookie';
	required?: boolean;
	schema?: Schema;
}

interface Operation {
	operationId?: string;
	parameters?: Parameter[];
	requestBody?: {
		required?: boolean;
		content?: Record<string, { schema?: Schema; encoding?: Record<string, Encoding> }>;
	};
}

/** How one property of a multipart body is sent (OpenAPI's Encoding Object). */
interface Encoding {
	contentType?: string;
}

type PathItem = Partial<Record<string, Operation>> & { parameters?: Parameter[] };

export interface OpenApiDocument {
	paths: Record<string, PathItem>;
	components?: { schemas?: Record<string, Schema> };
}

export interface HttpRequestLike {
	method: string;
	/** Path, optionally with a query string (`/v2/bot/message/progress/narrowcast?requestId=1`). */
	path: string;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON / form object, or the raw body string. */
	body: unknown;
}

export interface OperationMatch {
	document: string;
	method: string;
	pathTemplate: string;
	operationId?: string;
	pathParams: Record<string, string>;
	operation: Operation;
	parameters: Parameter[];
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function openApiDir(): string {
	return process.env.LINE_OPENAPI_DIR ?? path.resolve(__dirname, '../../../shared/line-openapi');
}

const documents = new Map<string, OpenApiDocument>();

/** Loads `<dir>/<name>.yml` once per process. */
export function loadDocument(name: string): OpenApiDocument {
	let document = documents.get(name);
	if (!document) {
		const file = path.join(openApiDir(), name.endsWith('.yml') ? name : `${name}.yml`);
		document = load(readFileSync(file, 'utf8')) as OpenApiDocument;
		documents.set(name, document);
	}
	return document;
}

/** Names of the documents that describe requests to LINE (the webhook document describes LINE's calls to us). */
export function requestDocumentNames(): string[] {
	return readdirSync(openApiDir())
		.filter((file) => file.endsWith('.yml') && file !== 'webhook.yml')
		.map((file) => file.slice(0, -'.yml'.length))
		.sort((a, b) => (a === 'messaging-api' ? -1 : b === 'messaging-api' ? 1 : a.localeCompare(b)));
}

// ---------------------------------------------------------------------------------------------
// Finding the operation

function splitPath(fullPath: string): { pathname: string; search: string } {
	const index = fullPath.indexOf('?');
	return index === -1
		? { pathname: fullPath, search: '' }
		: { pathname: fullPath.slice(0, index), search: fullPath.slice(index + 1) };
}

function segments(pathname: string): string[] {
	return pathname.split('/').filter((segment) => segment !== '');
}

/** Returns the template's path parameters, or undefined when the template does not match. */
function matchTemplate(template: string, actual: string[]): Record<string, string> | undefined {
	const parts = segments(template);
	if (parts.length !== actual.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < parts.length; i++) {
		const name = /^\{(.+)\}$/.exec(parts[i])?.[1];
		if (name !== undefined) params[name] = safeDecode(actual[i]);
		else if (parts[i] !== actual[i]) return undefined;
	}
	return params;
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/** Literal segments win over templated ones, position by position from the left. */
function compareSpecificity(a: string, b: string): number {
	const sa = segments(a);
	const sb = segments(b);
	for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
		const aIsParam = sa[i].startsWith('{');
		const bIsParam = sb[i].startsWith('{');
		if (aIsParam !== bIsParam) return aIsParam ? 1 : -1;
	}
	return 0;
}

function matchingTemplates(document: OpenApiDocument, pathname: string): string[] {
	const actual = segments(pathname);
	return Object.keys(document.paths ?? {})
		.filter((template) => matchTemplate(template, actual) !== undefined)
		.sort(compareSpecificity);
}

/** Finds the operation a request hits in one document (undefined if none). */
export function findOperation(
	doc: string,
	method: string,
	fullPath: string,
): OperationMatch | undefined {
	const document = loadDocument(doc);
	const { pathname } = splitPath(fullPath);
	const lowerMethod = method.toLowerCase();
	for (const template of matchingTemplates(document, pathname)) {
		const pathItem = document.paths[template];
		const operation = pathItem[lowerMethod] as Operation | undefined;
		if (!operation || !HTTP_METHODS.includes(lowerMethod)) continue;
		return {
			document: doc,
			method: lowerMethod.toUpperCase(),
			pathTemplate: template,
			operationId: operation.operationId,
			pathParams: matchTemplate(template, segments(pathname)) ?? {},
			operation,
			parameters: mergeParameters(pathItem.parameters ?? [], operation.parameters ?? []),
		};
	}
	return undefined;
}

/** Finds the operation in whichever LINE document describes it. */
export function findOperationInAnyDocument(
	method: string,
	fullPath: string,
): OperationMatch | undefined {
	for (const doc of requestDocumentNames()) {
		const match = findOperation(doc, method, fullPath);
		if (match) return match;
	}
	return undefined;
}

function mergeParameters(pathLevel: Parameter[], operationLevel: Parameter[]): Parameter[] {
	const key = (p: Parameter) => `${p.in}:${p.name.toLowerCase()}`;
	const overridden = new Set(operationLevel.map(key));
	return [...pathLevel.filter((p) => !overridden.has(key(p))), ...operationLevel];
}

function allowedMethods(doc: string, pathname: string): string[] {
	const document = loadDocument(doc);
	const methods = new Set<string>();
	for (const template of matchingTemplates(document, pathname)) {
		for (const method of HTTP_METHODS) {
			if (document.paths[template][method]) methods.add(method.toUpperCase());
		}
	}
	return [...methods];
}

// ---------------------------------------------------------------------------------------------
// Validating a request

/** Every problem with the request, as `<where>: <what>` (empty = valid). */
export function validateRequest(doc: 'messaging-api' | string, req: HttpRequestLike): string[] {
	const match = findOperation(doc, req.method, req.path);
	if (!match) return [noOperationProblem([doc], req)];
	return validateAgainstOperation(doc, match, req);
}

/** Like validateRequest, but finds the document itself; also says which operation was hit. */
export function validateLineRequest(req: HttpRequestLike): {
	match?: OperationMatch;
	problems: string[];
} {
	const match = findOperationInAnyDocument(req.method, req.path);
	if (!match) return { problems: [noOperationProblem(requestDocumentNames(), req)] };
	return { match, problems: validateAgainstOperation(match.document, match, req) };
}

function noOperationProblem(docs: string[], req: HttpRequestLike): string {
	const { pathname } = splitPath(req.path);
	const methods = docs.flatMap((doc) => allowedMethods(doc, pathname));
	return methods.length > 0
		? `request: ${req.method.toUpperCase()} is not allowed on ${pathname} (allowed: ${methods.join(', ')})`
		: `request: no operation in ${docs.join(', ')} matches ${req.method.toUpperCase()} ${pathname}`;
}

function validateAgainstOperation(
	doc: string,
	match: OperationMatch,
	req: HttpRequestLike,
): string[] {
	const context: Context = { document: loadDocument(doc), problems: [] };
	validatePathParameters(match, context);
	validateQuery(match, splitPath(req.path).search, context);
	validateHeaders(match, req.headers, context);
	validateBody(match, req, context);
	return [...new Set(context.problems)];
}

function validatePathParameters(match: OperationMatch, context: Context): void {
	for (const parameter of match.parameters.filter((p) => p.in === 'path')) {
		const value = match.pathParams[parameter.name];
		if (value === undefined || value === '') {
			context.problems.push(`path.${parameter.name}: required`);
		} else if (parameter.schema) {
			validateValue(
				parameter.schema,
				coerce(parameter.schema, value, context),
				`path.${parameter.name}`,
				context,
			);
		}
	}
}

function validateQuery(match: OperationMatch, search: string, context: Context): void {
	const query = new URLSearchParams(search);
	const declared = match.parameters.filter((p) => p.in === 'query');
	for (const parameter of declared) {
		const values = query.getAll(parameter.name);
		const where = `query.${parameter.name}`;
		if (values.length === 0) {
			if (parameter.required) context.problems.push(`${where}: required`);
			continue;
		}
		if (!parameter.schema) continue;
		const schema = resolve(parameter.schema, context);
		const value =
			schema.type === 'array'
				? values.flatMap((v) => v.split(',')).map((v) => coerce(schema.items ?? {}, v, context))
				: values.length === 1
					? coerce(schema, values[0], context)
					: values;
		validateValue(parameter.schema, value, where, context);
	}
	const known = new Set(declared.map((p) => p.name));
	for (const name of new Set(query.keys())) {
		if (!known.has(name)) context.problems.push(`query.${name}: unknown parameter`);
	}
}

function headerValue(headers: HttpRequestLike['headers'], name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === wanted) return Array.isArray(value) ? value.join(', ') : value;
	}
	return undefined;
}

function validateHeaders(
	match: OperationMatch,
	headers: HttpRequestLike['headers'],
	context: Context,
): void {
	for (const parameter of match.parameters.filter((p) => p.in === 'header')) {
		const value = headerValue(headers, parameter.name);
		const where = `header.${parameter.name}`;
		if (value === undefined) {
			if (parameter.required) context.problems.push(`${where}: required`);
			continue;
		}
		if (parameter.schema)
			validateValue(parameter.schema, coerce(parameter.schema, value, context), where, context);
	}
}

function isJsonMediaType(mediaType: string): boolean {
	return mediaType === 'application/json' || mediaType.endsWith('+json');
}

function isEmptyBody(body: unknown): boolean {
	return body === undefined || body === null || body === '';
}

// Whether a content type falls under a media range of the spec: any type, or a type with any subtype.
function inMediaRange(range: string, contentType: string): boolean {
	if (contentType === '') return false;
	if (range === '*/*') return true;
	return range.endsWith('/*') && contentType.startsWith(range.slice(0, -1));
}

function validateBody(match: OperationMatch, req: HttpRequestLike, context: Context): void {
	const requestBody = match.operation.requestBody;
	if (!requestBody) {
		if (!isEmptyBody(req.body)) context.problems.push('body: this operation takes no request body');
		return;
	}
	if (isEmptyBody(req.body)) {
		if (requestBody.required) context.problems.push('body: required');
		return;
	}
	const content = requestBody.content ?? {};
	const contentType = (headerValue(req.headers, 'content-type') ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();
	const mediaTypes = Object.keys(content);
	const declared =
		mediaTypes.find((type) => type === contentType) ??
		mediaTypes.find((type) => inMediaRange(type, contentType));
	if (!declared) {
		context.problems.push(
			`header.Content-Type: must be ${mediaTypes.join(' or ')} (got ${contentType || 'none'})`,
		);
		return;
	}
	const schema = content[declared]?.schema;
	if (!schema) return;
	if (isJsonMediaType(declared)) {
		const parsed = parseJsonBody(req.body, context);
		if (parsed.ok) validateValue(schema, parsed.value, 'body', context);
	} else if (declared === 'application/x-www-form-urlencoded') {
		validateValue(schema, parseFormBody(schema, req.body, context), 'body', context);
	} else if (declared === 'multipart/form-data') {
		validateMultipartBody(schema, content[declared]?.encoding ?? {}, req, context);
	}
	// Binary uploads are only checked for their Content-Type.
}

function parseJsonBody(body: unknown, context: Context): { ok: boolean; value?: unknown } {
	if (typeof body !== 'string' && !Buffer.isBuffer(body)) return { ok: true, value: body };
	try {
		return { ok: true, value: JSON.parse(body.toString()) };
	} catch {
		context.problems.push('body: not valid JSON');
		return { ok: false };
	}
}

export interface MultipartPart {
	name: string;
	/** The part's content as UTF-8 text. */
	value: string;
	/** The `filename` of its Content-Disposition: set for file parts. */
	fileName?: string;
	/** Its own Content-Type header, when it has one. */
	contentType?: string;
}

function dispositionParameter(disposition: string, name: string): string | undefined {
	const match = new RegExp(`;\\s*${name}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i').exec(
		disposition,
	);
	if (!match) return undefined;
	return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2];
}

/**
 * The parts of a multipart/form-data body (RFC 7578), split at the boundary its Content-Type
 * names; a string says what is malformed instead.
 */
export function parseMultipart(
	body: unknown,
	contentType: string | undefined,
): MultipartPart[] | string {
	const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
	if (!boundary) return 'header.Content-Type: multipart/form-data needs a boundary parameter';
	const delimiter = `--${boundary[1] ?? boundary[2]}`;
	const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : '');
	// latin1 keeps every byte as one character: offsets stay byte offsets.
	const sections = `\r\n${bytes.toString('latin1')}`.split(`\r\n${delimiter}`);
	if (sections.length < 2) return `body: no part starts with the boundary ${delimiter}`;
	const last = sections.pop()!;
	if (!last.startsWith('--')) return `body: does not end with the closing boundary ${delimiter}--`;
	const parts: MultipartPart[] = [];
	for (const [index, section] of sections.slice(1).entries()) {
		const where = `body part ${index + 1}`;
		const headerEnd = section.indexOf('\r\n\r\n');
		if (!section.startsWith('\r\n') || headerEnd === -1)
			return `${where}: no blank line between its headers and its content`;
		const headers = new Map<string, string>();
		for (const line of section.slice(2, headerEnd).split('\r\n')) {
			if (line === '') continue;
			const colon = line.indexOf(':');
			if (colon <= 0) return `${where}: malformed header line ${JSON.stringify(line)}`;
			headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
		}
		const disposition = headers.get('content-disposition') ?? '';
		if (!/^form-data\s*(;|$)/i.test(disposition))
			return `${where}: Content-Disposition must be form-data (got ${JSON.stringify(disposition)})`;
		const name = dispositionParameter(disposition, 'name');
		if (name === undefined) return `${where}: Content-Disposition has no name`;
		const part: MultipartPart = {
			name: Buffer.from(name, 'latin1').toString('utf8'),
			value: Buffer.from(section.slice(headerEnd + 4), 'latin1').toString('utf8'),
		};
		const fileName = dispositionParameter(disposition, 'filename');
		if (fileName !== undefined) part.fileName = Buffer.from(fileName, 'latin1').toString('utf8');
		const partType = headers.get('content-type');
		if (partType !== undefined) part.contentType = partType;
		parts.push(part);
	}
	return parts;
}

function mediaTypeMatches(actual: string, allowed: string): boolean {
	return allowed.split(',').some((range) => {
		const wanted = range.trim().toLowerCase();
		if (wanted === '*/*' || wanted === actual) return true;
		return wanted.endsWith('/*') && actual.startsWith(wanted.slice(0, -1));
	});
}

/**
 * A multipart body against its schema: each part a declared property (given once), the
 * required ones present, text fields valid for their schema, file parts (`format: binary`) sent
 * as files (with a filename) of the content type the spec's encoding names.
 */
function validateMultipartBody(
	schema: Schema,
	encoding: Record<string, Encoding>,
	req: HttpRequestLike,
	context: Context,
): void {
	const parts = parseMultipart(req.body, headerValue(req.headers, 'content-type'));
	if (typeof parts === 'string') {
		context.problems.push(parts);
		return;
	}
	const resolved = resolve(schema, context);
	const properties = knownProperties(resolved, context);
	const additional = additionalPropertiesOf(resolved, context);
	const counts = new Map<string, number>();
	for (const part of parts) counts.set(part.name, (counts.get(part.name) ?? 0) + 1);
	for (const name of resolved.required ?? []) {
		if (!counts.has(name)) context.problems.push(`${propertyPath('body', name)}: required`);
	}
	for (const part of parts) {
		const where = propertyPath('body', part.name);
		const propertySchema = properties.get(part.name);
		if (!propertySchema) {
			if (additional !== true) context.problems.push(`${where}: unknown property`);
			continue;
		}
		const fieldSchema = resolve(propertySchema, context);
		if (counts.get(part.name)! > 1 && fieldSchema.type !== 'array') {
			context.problems.push(`${where}: given ${counts.get(part.name)} times`);
		}
		const isFile = fieldSchema.type === 'string' && fieldSchema.format === 'binary';
		// OpenAPI's defaults: application/octet-stream for files, text/plain for other values.
		const declared = encoding[part.name]?.contentType;
		const expected = declared ?? (isFile ? 'application/octet-stream' : 'text/plain');
		const actual = (part.contentType ?? (declared || isFile ? '' : 'text/plain'))
			.split(';')[0]
			.trim()
			.toLowerCase();
		if (!mediaTypeMatches(actual, expected)) {
			context.problems.push(
				`${where}: Content-Type must be ${expected} (got ${part.contentType ?? 'none'})`,
			);
		}
		if (isFile) {
			if (part.fileName === undefined)
				context.problems.push(`${where}: must be sent as a file (Content-Disposition filename)`);
		} else {
			validateValue(propertySchema, coerce(propertySchema, part.value, context), where, context);
		}
	}
}

/** Form fields arrive as strings: turn them into the types the schema declares before validating. */
function parseFormBody(schema: Schema, body: unknown, context: Context): unknown {
	const fields =
		typeof body === 'string' || Buffer.isBuffer(body)
			? Object.fromEntries(new URLSearchParams(body.toString()))
			: (body as Record<string, unknown>);
	const properties = knownProperties(resolve(schema, context), context);
	return Object.fromEntries(
		Object.entries(fields).map(([name, value]) => {
			const fieldSchema = properties.get(name);
			return [
				name,
				fieldSchema && typeof value === 'string' ? coerce(fieldSchema, value, context) : value,
			];
		}),
	);
}

/** Query, header, path and form values are strings on the wire. */
function coerce(schema: Schema, value: string, context: Context): unknown {
	const resolved = resolve(schema, context);
	if (
		(resolved.type === 'integer' || resolved.type === 'number') &&
		/^-?\d+(\.\d+)?$/.test(value)
	) {
		return Number(value);
	}
	if (resolved.type === 'boolean' && (value === 'true' || value === 'false'))
		return value === 'true';
	return value;
}

// ---------------------------------------------------------------------------------------------
// Schema validation

interface Context {
	document: OpenApiDocument;
	problems: string[];
}

interface ValidateOptions {
	/** Set while evaluating the members of an allOf: the outer schema checks unknown properties. */
	inAllOf?: boolean;
	/** Name of the concrete component schema whose allOf is being evaluated (stops re-dispatch). */
	concrete?: string;
}

const REF_PREFIX = '#/components/schemas/';

function refName(ref: string): string {
	if (!ref.startsWith(REF_PREFIX)) throw new Error(`Unsupported $ref ${ref}`);
	return ref.slice(REF_PREFIX.length);
}

function resolve(schema: Schema, context: Context): Schema {
	let current = schema;
	const seen = new Set<string>();
	while (current.$ref) {
		const name = refName(current.$ref);
		if (seen.has(name)) throw new Error(`Circular $ref ${current.$ref}`);
		seen.add(name);
		const target = context.document.components?.schemas?.[name];
		if (!target) throw new Error(`Unknown schema ${current.$ref}`);
		current = target;
	}
	return current;
}

/** Validates a value against a schema, e.g. `validateSchema('messaging-api', 'Message', {...})`. */
export function validateSchema(
	doc: string,
	schemaName: string,
	value: unknown,
	where = 'value',
): string[] {
	const context: Context = { document: loadDocument(doc), problems: [] };
	validateValue({ $ref: REF_PREFIX + schemaName }, value, where, context);
	return [...new Set(context.problems)];
}

function validateValue(
	schema: Schema,
	value: unknown,
	where: string,
	context: Context,
	options: ValidateOptions = {},
): void {
	if (schema.$ref) {
		const name = refName(schema.$ref);
		// Entering a component by reference starts a fresh evaluation of that component.
		validateValue(resolve(schema, context), value, where, context, {
			inAllOf: options.inAllOf,
			concrete: options.inAllOf ? options.concrete : name,
		});
		return;
	}
	if (value === null) {
		if (!schema.nullable && schema.type) context.problems.push(`${where}: must not be null`);
		return;
	}
	if (schema.discriminator) {
		if (options.inAllOf) checkDiscriminatorValue(schema, value, where, context, options.concrete);
		else if (dispatchDiscriminator(schema, value, where, context, options.concrete)) return;
	}
	if (schema.type && !hasType(schema.type, value)) {
		context.problems.push(`${where}: must be ${article(schema.type)} (got ${describeType(value)})`);
		return;
	}
	if (schema.enum && !schema.enum.some((allowed) => allowed === value)) {
		context.problems.push(
			`${where}: must be one of ${JSON.stringify(schema.enum)} (got ${JSON.stringify(value)})`,
		);
	}
	if (typeof value === 'string') validateString(schema, value, where, context);
	if (typeof value === 'number') validateNumber(schema, value, where, context);
	if (Array.isArray(value)) validateArray(schema, value, where, context);
	else if (typeof value === 'object')
		validateObject(schema, value as Record<string, unknown>, where, context, options);
	for (const member of schema.allOf ?? []) {
		validateValue(member, value, where, context, { inAllOf: true, concrete: options.concrete });
	}
	if (schema.oneOf) validateAlternatives(schema.oneOf, 'oneOf', value, where, context);
	if (schema.anyOf) validateAlternatives(schema.anyOf, 'anyOf', value, where, context);
}

/** The discriminator values that select `schemaName`, per the mapping (or the schema name itself). */
function tagsFor(schema: Schema, schemaName: string): string[] {
	const mapping = schema.discriminator?.mapping ?? {};
	const tags = Object.entries(mapping)
		.filter(([, ref]) => refName(ref) === schemaName)
		.map(([tag]) => tag);
	return tags.length > 0 ? tags : [schemaName];
}

function allowedTags(schema: Schema): string[] {
	return Object.keys(schema.discriminator?.mapping ?? {});
}

/**
 * Validates against the concrete schema the discriminator selects. Returns true when it did
 * (the concrete schema includes the base through its allOf).
 */
function dispatchDiscriminator(
	schema: Schema,
	value: unknown,
	where: string,
	context: Context,
	baseName: string | undefined,
): boolean {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const property = schema.discriminator!.propertyName;
	const tag = (value as Record<string, unknown>)[property];
	const tagPath = `${where}.${property}`;
	if (tag === undefined) {
		context.problems.push(`${tagPath}: required (one of ${allowedTags(schema).join(', ')})`);
		return true;
	}
	const ref = typeof tag === 'string' ? schema.discriminator!.mapping?.[tag] : undefined;
	const implicit =
		typeof tag === 'string' && tag !== baseName && context.document.components?.schemas?.[tag]
			? tag
			: undefined;
	if (!ref && !implicit) {
		context.problems.push(
			`${tagPath}: unknown value ${JSON.stringify(tag)} (allowed: ${allowedTags(schema).join(', ')})`,
		);
		return true;
	}
	validateValue({ $ref: ref ?? REF_PREFIX + implicit }, value, where, context);
	return true;
}

/** Inside a concrete schema's allOf: the tag must be one that selects this concrete schema. */
function checkDiscriminatorValue(
	schema: Schema,
	value: unknown,
	where: string,
	context: Context,
	concrete: string | undefined,
): void {
	if (!concrete || typeof value !== 'object' || value === null || Array.isArray(value)) return;
	const property = schema.discriminator!.propertyName;
	const tag = (value as Record<string, unknown>)[property];
	const expected = tagsFor(schema, concrete);
	if (tag !== undefined && !expected.includes(tag as string)) {
		context.problems.push(
			`${where}.${property}: must be ${expected.map((t) => JSON.stringify(t)).join(' or ')} here (got ${JSON.stringify(tag)})`,
		);
	}
}

function hasType(type: string, value: unknown): boolean {
	switch (type) {
		case 'object':
			return typeof value === 'object' && value !== null && !Array.isArray(value);
		case 'array':
			return Array.isArray(value);
		case 'integer':
			return typeof value === 'number' && Number.isInteger(value);
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'string':
			return typeof value === 'string';
		case 'boolean':
			return typeof value === 'boolean';
		default:
			return true;
	}
}

function article(type: string): string {
	return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeType(value: unknown): string {
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'number' && !Number.isInteger(value)) return 'a number';
	if (typeof value === 'number') return 'an integer';
	return article(typeof value);
}

function validateString(schema: Schema, value: string, where: string, context: Context): void {
	const length = [...value].length;
	if (schema.minLength !== undefined && length < schema.minLength) {
		context.problems.push(
			`${where}: must be at least ${schema.minLength} characters (got ${length})`,
		);
	}
	if (schema.maxLength !== undefined && length > schema.maxLength) {
		context.problems.push(
			`${where}: must be at most ${schema.maxLength} characters (got ${length})`,
		);
	}
	if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) {
		context.problems.push(`${where}: must match ${schema.pattern} (got ${JSON.stringify(value)})`);
	}
	const formatProblem = checkFormat(schema.format, value);
	if (formatProblem)
		context.problems.push(`${where}: ${formatProblem} (got ${JSON.stringify(value)})`);
}

function checkFormat(format: string | undefined, value: string): string | undefined {
	switch (format) {
		case 'uuid':
			return UUID.test(value) ? undefined : 'must be a UUID';
		case 'uri':
			return isUri(value) ? undefined : 'must be an absolute URI';
		case 'date-time':
			return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))
				? undefined
				: 'must be an RFC 3339 date-time';
		default:
			return undefined;
	}
}

function isUri(value: string): boolean {
	try {
		return /^[a-z][a-z0-9+.-]*:/i.test(value) && Boolean(new URL(value));
	} catch {
		return false;
	}
}

function validateNumber(schema: Schema, value: number, where: string, context: Context): void {
	if (schema.minimum !== undefined) {
		const tooSmall = schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum;
		if (tooSmall)
			context.problems.push(
				`${where}: must be ${schema.exclusiveMinimum ? '>' : '>='} ${schema.minimum} (got ${value})`,
			);
	}
	if (schema.maximum !== undefined) {
		const tooLarge = schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum;
		if (tooLarge)
			context.problems.push(
				`${where}: must be ${schema.exclusiveMaximum ? '<' : '<='} ${schema.maximum} (got ${value})`,
			);
	}
	if (schema.format === 'int32' && (value < -(2 ** 31) || value > 2 ** 31 - 1)) {
		context.problems.push(`${where}: must fit in a 32-bit integer (got ${value})`);
	}
}

function validateArray(schema: Schema, value: unknown[], where: string, context: Context): void {
	if (schema.minItems !== undefined && value.length < schema.minItems) {
		context.problems.push(
			`${where}: must have at least ${schema.minItems} item(s) (got ${value.length})`,
		);
	}
	if (schema.maxItems !== undefined && value.length > schema.maxItems) {
		context.problems.push(
			`${where}: must have at most ${schema.maxItems} item(s) (got ${value.length})`,
		);
	}
	if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) {
		context.problems.push(`${where}: items must be unique`);
	}
	if (schema.items) {
		value.forEach((item, index) =>
			validateValue(schema.items!, item, `${where}[${index}]`, context),
		);
	}
}

function propertyPath(where: string, name: string): string {
	return /^[A-Za-z_$][\w$]*$/.test(name) ? `${where}.${name}` : `${where}[${JSON.stringify(name)}]`;
}

function validateObject(
	schema: Schema,
	value: Record<string, unknown>,
	where: string,
	context: Context,
	options: ValidateOptions,
): void {
	for (const name of schema.required ?? []) {
		if (value[name] === undefined) context.problems.push(`${propertyPath(where, name)}: required`);
	}
	for (const [name, propertySchema] of Object.entries(schema.properties ?? {})) {
		if (value[name] !== undefined)
			validateValue(propertySchema, value[name], propertyPath(where, name), context);
	}
	if (!options.inAllOf) checkUnknownProperties(schema, value, where, context);
}

/** With allOf, a property is known if the schema or any allOf member (recursively) declares it. */
function knownProperties(
	schema: Schema,
	context: Context,
	seen = new Set<Schema>(),
): Map<string, Schema> {
	const known = new Map<string, Schema>();
	if (seen.has(schema)) return known;
	seen.add(schema);
	for (const [name, propertySchema] of Object.entries(schema.properties ?? {}))
		known.set(name, propertySchema);
	for (const member of schema.allOf ?? []) {
		for (const [name, propertySchema] of knownProperties(resolve(member, context), context, seen)) {
			if (!known.has(name)) known.set(name, propertySchema);
		}
	}
	return known;
}

function additionalPropertiesOf(schema: Schema, context: Context): boolean | Schema | undefined {
	if (schema.additionalProperties !== undefined) return schema.additionalProperties;
	for (const member of schema.allOf ?? []) {
		const found = additionalPropertiesOf(resolve(member, context), context);
		if (found !== undefined) return found;
	}
	return undefined;
}

function checkUnknownProperties(
	schema: Schema,
	value: Record<string, unknown>,
	where: string,
	context: Context,
): void {
	const known = knownProperties(schema, context);
	const additional = additionalPropertiesOf(schema, context);
	if (additional === true) return;
	// A bare `type: object` with no declared properties is a free-form object.
	if (known.size === 0 && additional === undefined) return;
	for (const name of Object.keys(value)) {
		if (known.has(name) || value[name] === undefined) continue;
		if (typeof additional === 'object') {
			validateValue(additional, value[name], propertyPath(where, name), context);
		} else {
			context.problems.push(`${propertyPath(where, name)}: unknown property`);
		}
	}
}

function validateAlternatives(
	alternatives: Schema[],
	keyword: 'oneOf' | 'anyOf',
	value: unknown,
	where: string,
	context: Context,
): void {
	const results = alternatives.map((alternative) => {
		const branch: Context = { document: context.document, problems: [] };
		validateValue(alternative, value, where, branch);
		return branch.problems;
	});
	const matching = results.filter((problems) => problems.length === 0).length;
	if (keyword === 'oneOf' && matching > 1) {
		context.problems.push(
			`${where}: matches ${matching} of the oneOf alternatives (must match exactly one)`,
		);
	}
	if (matching > 0) return;
	const closest = results.reduce((best, problems) =>
		problems.length < best.length ? problems : best,
	);
	context.problems.push(`${where}: matches none of the ${keyword} alternatives`, ...closest);
}
