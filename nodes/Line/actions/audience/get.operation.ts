import type { IDataObject } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineSearchMethod } from '../../methods/resourceLocator';
import type { LineOperation } from '../types';
import { audienceGroupIdField, readAudienceGroupId } from './common';

/** Own audiences and audiences shared through the Business Manager answer alike. */
export type AudienceScope = 'own' | 'shared';

const OPERATION: Record<AudienceScope, string> = { own: 'get', shared: 'getShared' };
const PATH: Record<AudienceScope, string> = {
	own: '/v2/bot/audienceGroup',
	shared: '/v2/bot/audienceGroup/shared',
};
/** Shared audiences are listed apart from the channel's own. */
const SEARCH: Record<AudienceScope, LineSearchMethod> = {
	own: 'searchAudiences',
	shared: 'searchSharedAudiences',
};

interface AudienceData {
	audienceGroup?: IDataObject;
	jobs?: IDataObject[];
}

export function audienceDataOperation(scope: AudienceScope): LineOperation {
	const showFor = { show: { resource: ['audience'], operation: [OPERATION[scope]] } };
	return {
		description: updateDisplayOptions(showFor, [
			audienceGroupIdField(
				scope === 'own'
					? 'The audience, from the list or by ID, e.g. the audienceGroupId of an item from Audience → Create or Get Many'
					: 'The shared audience, from the list or by ID, e.g. the audienceGroupId of an item from Audience → Get Many Shared',
				{ searchListMethod: SEARCH[scope] },
			),
		]),

		async execute(context) {
			const { client, params } = context;
			return await runPerItem(context, {
				prepare: (itemIndex) => readAudienceGroupId(params, itemIndex),
				send: async (audienceGroupId, itemIndex) => {
					const { body } = await client.request<AudienceData & IDataObject>(
						{ method: 'GET', path: `${PATH[scope]}/${audienceGroupId}` },
						itemIndex,
					);
					// The audience's own fields at the top (audienceGroupId, status, audienceCount, …),
					// then its upload jobs and who owns it (adaccount, owner).
					const { audienceGroup, jobs, ...rest } = body;
					return { ...(audienceGroup ?? { audienceGroupId }), jobs: jobs ?? [], ...rest };
				},
			});
		},
	};
}

export const get = audienceDataOperation('own');
