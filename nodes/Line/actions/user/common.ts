import type { INodeProperties } from 'n8n-workflow';

import type { ItemParameters } from '../../../shared/parameters';
import { maxResults } from '../../../shared/pagination';
import { checkRecipientId } from '../../helpers/checks';
import { LineInputError } from '../../helpers/errors';

/** The user ID field and the Return All / Limit reader, shared with the group and room operations. */

export function userIdField(description: string): INodeProperties {
	return {
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '={{ $json.source?.userId }}',
		placeholder: 'U4af4980629...',
		description,
	};
}

/** The user (U…) ID of one item, checked. */
export function readUserId(params: ItemParameters, itemIndex: number): string {
	return checkRecipientId(params.get<string>('userId', itemIndex), 'userId', ['user']);
}

/** Return All / Limit of one item: how many results to collect. */
export function readMaxResults(params: ItemParameters, itemIndex: number): number {
	const returnAll = params.get<boolean>('returnAll', itemIndex, false);
	const limit = returnAll ? undefined : params.get<number>('limit', itemIndex, 50);
	const max = maxResults(returnAll, limit);
	if (max === undefined) {
		throw new LineInputError(
			'limit',
			`must be a whole number of at least 1, got ${JSON.stringify(limit)}`,
			'Set Limit to 1 or more, or turn on Return All.',
		);
	}
	return max;
}
