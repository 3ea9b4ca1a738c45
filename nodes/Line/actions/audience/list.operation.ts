import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import { collectPages, readMaxResults, returnAllFields } from '../../../shared/pagination';
import type { LineOperation } from '../types';
import type { AudienceScope } from './get.operation';

/** LINE's largest page of audiences. */
const MAX_PAGE = 40;

const OPERATION: Record<AudienceScope, string> = { own: 'list', shared: 'listShared' };
const PATH: Record<AudienceScope, string> = {
	own: '/v2/bot/audienceGroup/list',
	shared: '/v2/bot/audienceGroup/shared/list',
};

const STATUS_OPTIONS = [
	{ name: 'Activating', value: 'ACTIVATING' },
	{ name: 'Expired', value: 'EXPIRED' },
	{ name: 'Failed', value: 'FAILED' },
	{ name: 'In Progress', value: 'IN_PROGRESS' },
	{ name: 'Inactive', value: 'INACTIVE' },
	{ name: 'Ready', value: 'READY' },
];

const CREATE_ROUTE_OPTIONS = [
	{ name: 'LINE Ads', value: 'AD_MANAGER' },
	{ name: 'LINE Official Account Manager', value: 'OA_MANAGER' },
	{ name: 'LINE Points Ads', value: 'POINT_AD' },
	{ name: 'Messaging API', value: 'MESSAGING_API' },
];

const SCOPE_FILTER: Record<AudienceScope, INodeProperties> = {
	own: {
		displayName: 'Include Public Audiences of Other Channels',
		name: 'includesExternalPublicGroups',
		type: 'boolean',
		default: true,
		description:
			'Whether to include the public audiences created in the other channels linked to the same bot (LINE does by default), instead of only those of this channel',
	},
	shared: {
		displayName: 'Include Own Audiences',
		name: 'includesOwnedAudienceGroups',
		type: 'boolean',
		default: false,
		description:
			'Whether to include the audiences owned by the LINE Official Account Manager too, instead of only those shared through the Business Manager',
	},
};

function filtersField(scope: AudienceScope): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Created With',
				name: 'createRoute',
				type: 'options',
				default: 'MESSAGING_API',
				options: CREATE_ROUTE_OPTIONS,
				description: 'Only audiences created this way',
			},
			{
				displayName: 'Name Contains',
				name: 'description',
				type: 'string',
				default: '',
				placeholder: 'spring',
				description: 'Only audiences whose name contains this text (case-insensitive)',
			},
			SCOPE_FILTER[scope],
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'READY',
				options: STATUS_OPTIONS,
				description: 'Only audiences in this status',
			},
		],
	};
}

/** The query filters of one item: only those set, text trimmed. */
function readFilters(raw: IDataObject): IDataObject {
	const qs: IDataObject = {};
	for (const [name, value] of Object.entries(raw)) {
		if (value === undefined || value === null) continue;
		if (typeof value === 'string') {
			if (value.trim() !== '') qs[name] = value.trim();
		} else qs[name] = value;
	}
	return qs;
}

interface AudiencePage {
	audienceGroups?: IDataObject[];
	hasNextPage?: boolean;
}

/** Own audiences and audiences shared through the Business Manager list alike. */
export function audienceListOperation(scope: AudienceScope): LineOperation {
	const showFor = { show: { resource: ['audience'], operation: [OPERATION[scope]] } };
	return {
		description: updateDisplayOptions(showFor, [...returnAllFields(), filtersField(scope)]),

		async execute(context) {
			const { client, params } = context;
			return await runPerItem(context, {
				prepare: (itemIndex) => ({
					max: readMaxResults(params, itemIndex),
					filters: readFilters(params.get<IDataObject>('filters', itemIndex, {})),
				}),
				send: async ({ max, filters }, itemIndex) => {
					// Pages are counted in units of `size`: it stays the same for every page of a run.
					const size = Math.min(MAX_PAGE, max);
					return await collectPages(async (cursor) => {
						const page = cursor === undefined ? 1 : Number(cursor);
						const { body } = await client.request<AudiencePage>(
							{ method: 'GET', path: PATH[scope], qs: { page, size, ...filters } },
							itemIndex,
						);
						return {
							results: body.audienceGroups ?? [],
							next: body.hasNextPage === true ? String(page + 1) : undefined,
						};
					}, max);
				},
			});
		},
	};
}

export const list = audienceListOperation('own');
