import type { IDataObject, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { resolveUrl } from '../../shared/client';
import { InputError } from '../../shared/errors';
import { parseJsonObject } from '../../shared/json';
import type { ItemParameters } from '../../shared/parameters';

/**
 * Where an operation sends its request. klink.cloud documents some paths and only lists others
 * in its API menu; an inferred path can be changed by the user under Advanced → Path, so a wrong
 * guess is a setting to correct, not a release to wait for.
 */
export interface Endpoint {
	method: IHttpRequestMethods;
	/** Path with `{name}` placeholders filled from the operation's fields, e.g. `/api/v1/contacts/{contactId}`. */
	path: string;
	/**
	 * What is not confirmed by klink.cloud's documentation, when something is (e.g. INFERRED_PATH).
	 * The path can then be changed under Advanced → Path.
	 */
	unverified?: string;
}

export const INFERRED_PATH =
	"klink.cloud's API reference lists this operation but does not show its path, so it is inferred.";

export interface AdvancedOptions {
	/** Offer Extra Query Parameters (for filters klink.cloud does not document). */
	query?: boolean;
	/** Offer Extra Body Fields (for body fields klink.cloud does not document). */
	body?: boolean;
	/** Options of this operation only. */
	more?: INodeProperties[];
}

const PATH_OPTION: INodeProperties = {
	displayName: 'Path',
	name: 'path',
	type: 'string',
	default: '',
};

/** "Advanced": the path of an inferred endpoint, extra query parameters and body fields. */
export function advancedField(
	endpoint: Endpoint,
	{ query = false, body = false, more = [] }: AdvancedOptions = {},
): INodeProperties[] {
	const options: INodeProperties[] = [...more];
	if (endpoint.unverified) {
		const placeholders = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((match) => match[0]);
		options.push({
			...PATH_OPTION,
			// The inferred path is the default, so the user sees what is sent and edits it.
			default: endpoint.path,
			description: `Unverified: ${endpoint.unverified} Sent: ${endpoint.method} ${endpoint.path}. If klink.cloud answers 404, put the right path here${placeholders.length ? ` (${placeholders.join(', ')} ${placeholders.length > 1 ? 'are' : 'is'} filled in from the fields above)` : ''}. A whole https:// URL is accepted too, on the credential's own host only.`,
		});
	}
	if (query) {
		options.push({
			displayName: 'Extra Query Parameters',
			name: 'queryParameters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Parameter',
			description:
				'Query parameters to send as well, e.g. filters klink.cloud supports but does not document',
			options: [
				{
					displayName: 'Parameter',
					name: 'parameter',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		});
	}
	if (body) {
		options.push({
			displayName: 'Extra Body Fields (JSON)',
			name: 'bodyJson',
			type: 'json',
			default: '{}',
			description:
				'A JSON object merged into the request body (its fields win): for fields klink.cloud accepts but the node does not offer',
		});
	}
	if (options.length === 0) return [];
	return [
		{
			displayName: 'Advanced',
			name: 'advanced',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
	];
}

export interface ResolvedEndpoint {
	method: IHttpRequestMethods;
	path: string;
	unverifiedPath: boolean;
}

/** The Advanced options of one item. */
export function readAdvanced(params: ItemParameters, itemIndex: number): IDataObject {
	const advanced = params.get<IDataObject>('advanced', itemIndex, {});
	return advanced !== null && typeof advanced === 'object' ? advanced : {};
}

/**
 * The method and path of one item: the documented or inferred path, or the user's override. A
 * whole URL must be on the credential's host (`baseUrl`): the API token goes wherever it points.
 */
export function resolveEndpoint(
	endpoint: Endpoint,
	advanced: IDataObject,
	baseUrl: string,
	values: Record<string, string> = {},
): ResolvedEndpoint {
	const override = endpoint.unverified ? String(advanced.path ?? '').trim() : '';
	const template = override || endpoint.path;
	if (!template.startsWith('/') && !/^https?:\/\//i.test(template)) {
		throw new InputError(
			'advanced.path',
			`${JSON.stringify(template)} is neither a path nor a URL`,
			`Start it with / (e.g. ${endpoint.path}) or give a whole URL on the credential's host (${baseUrl}).`,
		);
	}
	const path = template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
		const value = values[name];
		if (value === undefined) {
			const known = Object.keys(values).map((key) => `{${key}}`);
			throw new InputError(
				'advanced.path',
				`has ${placeholder}, which this operation does not fill in`,
				known.length
					? `Placeholders it fills in: ${known.join(', ')}.`
					: 'This operation fills in no placeholders.',
			);
		}
		return encodeURIComponent(value);
	});
	// Checked once filled in: a placeholder in the host part could otherwise move it elsewhere.
	resolveUrl(baseUrl, path, 'advanced.path');
	return { method: endpoint.method, path, unverifiedPath: endpoint.unverified !== undefined };
}

/** Extra Query Parameters of one item. */
export function extraQuery(advanced: IDataObject): IDataObject {
	const parameters = (advanced.queryParameters as { parameter?: IDataObject[] } | undefined)
		?.parameter;
	const qs: IDataObject = {};
	for (const [index, { name, value }] of (parameters ?? []).entries()) {
		const key = String(name ?? '').trim();
		if (key === '') {
			throw new InputError(
				`advanced.queryParameters[${index}].name`,
				'is empty',
				'Name every extra query parameter, or remove it.',
			);
		}
		qs[key] = value as string;
	}
	return qs;
}

/** Extra Body Fields of one item (an empty object when none). */
export function extraBody(advanced: IDataObject): IDataObject {
	return (parseJsonObject(advanced.bodyJson, 'advanced.bodyJson', { optional: true }) ??
		{}) as IDataObject;
}
