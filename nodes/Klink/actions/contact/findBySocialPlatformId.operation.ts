import type { IDataObject } from 'n8n-workflow';

import { INFERRED_PATH } from '../../helpers/endpoint';
import { readListPage, readRecord } from '../../helpers/envelopes';
import { readText } from '../../helpers/inputs';
import { recordOperation } from '../operations';

/** The contact(s) found: klink.cloud may answer a list or a single record (undocumented). */
function contactsOf(body: IDataObject): IDataObject[] {
	const data = body.data;
	if (Array.isArray(data) || (data && typeof data === 'object' && 'data' in data)) {
		return readListPage(body)?.entries ?? [];
	}
	const record = readRecord(body);
	return record.id === undefined ? [] : [record];
}

export const findBySocialPlatformId = recordOperation({
	resource: 'contact',
	operation: 'findBySocialPlatformId',
	endpoint: {
		method: 'GET',
		path: '/api/v1/contacts?socialPlatformId={socialPlatformId}',
		unverified: INFERRED_PATH,
	},
	properties: [
		{
			displayName: 'Social Platform ID',
			name: 'socialPlatformId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'U4af4980629...',
			description:
				"The contact's ID on their chat platform, e.g. a LINE user ID (klink.cloud keeps it as platformContacts[].socialPlatformId). Outputs one item per contact found, none when there is no such contact.",
		},
	],
	advanced: { query: true },
	read: (params, itemIndex) => ({
		pathValues: { socialPlatformId: readText(params, 'socialPlatformId', itemIndex) },
	}),
	output: (body) => contactsOf(body),
});
