import type { INodeProperties } from 'n8n-workflow';

import { describeValue, fail } from '../../../shared/errors';
import type { ItemParameters } from '../../../shared/parameters';
import { trimmedText } from '../../../shared/values';
import { locatorField, locatorValue } from '../../methods/resourceLocator';
import { checkRichMenuId, richMenuIdField } from '../richMenu/common';

/** The alias ID and rich menu ID fields of the rich menu alias operations. */

/** LINE's rule for alias IDs (CreateRichMenuAliasRequest): 1–32 of a–z, 0–9, - and _. */
const ALIAS_ID = /^[a-z0-9_-]{1,32}$/;

/** An alias ID (also the value of a locator), trimmed and checked. */
export function checkAliasId(value: unknown, field = 'richMenuAliasId'): string {
	const id = trimmedText(locatorValue(value));
	if (id === '') {
		fail(
			field,
			'is empty',
			'Give the alias ID, e.g. richmenu-alias-a (1–32 of a–z, 0–9, - and _).',
		);
	}
	if (id.length > 32) {
		fail(field, `is too long: ${id.length} characters, LINE allows at most 32`);
	}
	if (!ALIAS_ID.test(id)) {
		const bad = /[^a-z0-9_-]/.exec(id)?.[0] ?? '';
		fail(
			field,
			`${describeValue(id)} contains ${JSON.stringify(bad)}; an alias ID takes only lowercase letters a–z, digits, - and _`,
			/[A-Z]/.test(bad) ? `Write it in lowercase: ${id.toLowerCase()}` : undefined,
		);
	}
	return id;
}

/**
 * The alias ID: of a new alias (`existing` false, typed), or of an existing one, picked from the
 * channel's aliases or given by ID (by default the input item's, e.g. after Get Many or Create).
 */
export function aliasIdField(description: string, existing: boolean): INodeProperties {
	if (!existing) {
		return {
			displayName: 'Rich Menu Alias ID',
			name: 'richMenuAliasId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'richmenu-alias-a',
			description,
		};
	}
	return locatorField({
		displayName: 'Rich Menu Alias',
		name: 'richMenuAliasId',
		description,
		searchListMethod: 'searchRichMenuAliases',
		idDefault: '={{ $json.richMenuAliasId }}',
		listPlaceholder: 'Select an alias...',
		idPlaceholder: 'richmenu-alias-a',
		idRegex: ALIAS_ID.source.slice(1, -1),
		idError: 'Not an alias ID: 1–32 lowercase letters a–z, digits, - and _',
	});
}

export function readAliasId(params: ItemParameters, itemIndex: number): string {
	return checkAliasId(params.get('richMenuAliasId', itemIndex));
}

/** The rich menu an alias points to: by default the richMenuId of the input item (e.g. after Create). */
export const aliasRichMenuIdField = richMenuIdField;

export function readAliasRichMenuId(params: ItemParameters, itemIndex: number): string {
	return checkRichMenuId(params.get('richMenuId', itemIndex), 'richMenuId');
}
