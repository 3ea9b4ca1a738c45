import type { INodeProperties } from 'n8n-workflow';

import { checkString, type Obj } from '../../helpers/fieldChecks';

/** What the postback, date-time picker and rich menu switch actions share: their data. */

export const DATA_FIELD: INodeProperties = {
	displayName: 'Data',
	name: 'data',
	type: 'string',
	required: true,
	default: '',
	description: 'Data returned in the postback webhook event, up to 300 characters',
};

export function checkPostbackData(action: Obj, field: string): void {
	checkString(action.data, `${field}.data`, { max: 300, what: 'postback data' });
}
