import type { INodeProperties } from 'n8n-workflow';

import { isObject } from '../../shared/values';
import type { lineListSearch } from './listSearch';

/**
 * The LINE node's resource locators: a field that picks a rich menu, alias, audience, coupon or
 * membership plan from a list LINE gives (see listSearch.ts), or takes its ID (typed, mapped with
 * an expression, or the input item's own by default).
 */

export type LineSearchMethod = keyof typeof lineListSearch;

export interface LocatorSpec {
	displayName: string;
	name: string;
	description: string;
	searchListMethod: LineSearchMethod;
	/** The value of the By ID mode when nothing is chosen, e.g. `={{ $json.richMenuId }}`. */
	idDefault: string;
	/** What the list shows before anything is chosen, e.g. `Select a rich menu...`. */
	listPlaceholder: string;
	idPlaceholder: string;
	/** The whole ID (n8n anchors it), e.g. `richmenu-[0-9a-f]{32}`; expressions are not checked. */
	idRegex: string;
	idError: string;
	idHint?: string;
	/** Default true; an optional locator starts empty in From List mode. */
	required?: boolean;
}

export function locatorField(spec: LocatorSpec): INodeProperties {
	const required = spec.required ?? true;
	// A required locator starts with the ID of the input item; an optional one starts empty.
	const initial = { mode: required ? 'id' : 'list', value: spec.idDefault };
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		required,
		default: initial,
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: spec.listPlaceholder,
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.idPlaceholder,
				...(spec.idHint ? { hint: spec.idHint } : {}),
				validation: [
					{ type: 'regex', properties: { regex: spec.idRegex, errorMessage: spec.idError } },
				],
			},
		],
	};
}

/**
 * What a locator parameter holds, read as n8n's extractValue does: the `value` of
 * `{ __rl: true, mode, value }`, or the value itself when it is not one (a plain ID of a workflow
 * saved before the field was a locator, or an expression that gives the ID).
 */
export function locatorValue(value: unknown): unknown {
	if (isObject(value) && (value.__rl === true || ('mode' in value && 'value' in value))) {
		return value.value;
	}
	return value;
}
