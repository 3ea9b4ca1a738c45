import type { INodeProperties } from 'n8n-workflow';

import type { ItemParameters } from '../../../shared/parameters';
import { checkRecipientId } from '../../helpers/checks';

/** The user ID field and reader, shared with the group and room operations. */

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
