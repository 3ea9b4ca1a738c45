import type { INodeProperties } from 'n8n-workflow';

import { describeValue, fail } from '../../../shared/errors';
import type { ItemParameters } from '../../../shared/parameters';
import { trimmedText } from '../../../shared/values';
import { checkRichMenuId, richMenuIdField } from '../richMenu/common';

/** The alias ID and rich menu ID fields of the rich menu alias operations. */

/** LINE's rule for alias IDs (CreateRichMenuAliasRequest): 1–32 of a–z, 0–9, - and _. */
const ALIAS_ID = /^[a-z0-9_-]{1,32}$/;

/** An alias ID, trimmed and checked. */
export function checkAliasId(value: unknown, field = 'richMenuAliasId'): string {
	const id = trimmedText(value);
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

/** `fromInput`: the alias of the input item (an earlier Get Many, Get or Create) by default. */
export function aliasIdField(description: string, fromInput: boolean): INodeProperties {
	const field: INodeProperties = {
		displayName: 'Rich Menu Alias ID',
		name: 'richMenuAliasId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'richmenu-alias-a',
		description,
	};
	return fromInput ? { ...field, default: '={{ $json.richMenuAliasId }}' } : field;
}

export function readAliasId(params: ItemParameters, itemIndex: number): string {
	return checkAliasId(params.get('richMenuAliasId', itemIndex));
}

/** The rich menu an alias points to: by default the richMenuId of the input item (e.g. after Create). */
export const aliasRichMenuIdField = richMenuIdField;

export function readAliasRichMenuId(params: ItemParameters, itemIndex: number): string {
	return checkRichMenuId(params.get('richMenuId', itemIndex), 'richMenuId');
}
