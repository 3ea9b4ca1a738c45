import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { runPerItem } from '../../../shared/items';
import { collectPages, maxResults, returnAllFields } from '../../../shared/pagination';
import { withStatusNames } from '../../helpers/status';
import type { InfobipOperation } from '../types';

const showFor = { show: { resource: ['deliveryReport'], operation: ['getMany'] } };

export const REPORTS_PATH = '/line/1/reports';
/** Infobip's largest batch of reports per request. */
export const MAX_BATCH = 1000;
/** Return All stops after this many full batches; the rest waits for the next run. */
export const MAX_BATCHES = 100;

const FILTERS: Array<{ name: string; displayName: string; description: string }> = [
	{
		name: 'applicationId',
		displayName: 'Application ID',
		description: 'Only reports of messages sent with this CPaaS X application',
	},
	{
		name: 'bulkId',
		displayName: 'Bulk ID',
		description: 'Only reports of the request with this bulk ID',
	},
	{
		name: 'campaignReferenceId',
		displayName: 'Campaign Reference ID',
		description: 'Only reports of messages sent with this campaign reference ID',
	},
	{
		name: 'entityId',
		displayName: 'Entity ID',
		description: 'Only reports of messages sent with this CPaaS X entity',
	},
	{
		name: 'messageId',
		displayName: 'Message ID',
		description: 'Only the report of the message with this ID',
	},
];

const properties: INodeProperties[] = [
	{
		displayName:
			'Infobip hands out each delivery report only once, and keeps them for 48 hours: a report fetched here cannot be fetched again, by this node or anything else. Reports already posted to a Delivery Report URL are probably not returned here (Infobip offers this for when that URL cannot be used).',
		name: 'reportsNotice',
		type: 'notice',
		default: '',
	},
	...returnAllFields(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: FILTERS.map(({ name, displayName, description }) => ({
			displayName,
			name,
			type: 'string' as const,
			default: '',
			description,
		})),
	},
];

interface PreparedFetch {
	max: number;
	filters: IDataObject;
}

export const getMany: InfobipOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem<PreparedFetch>(context, {
			prepare: (itemIndex) => {
				const max = maxResults(
					params.get('returnAll', itemIndex, false),
					params.get('limit', itemIndex, 50),
				);
				if (max === undefined) {
					throw new InputError('limit', 'must be a whole number of at least 1');
				}
				const raw = params.get<IDataObject>('filters', itemIndex, {});
				const filters: IDataObject = {};
				for (const { name } of FILTERS) {
					const value = String(raw[name] ?? '').trim();
					if (value !== '') filters[name] = value;
				}
				return { max, filters };
			},
			send: async ({ max, filters }, itemIndex) => {
				let batches = 0;
				const reports = await collectPages<IDataObject>(async (_cursor, wanted) => {
					const limit = Math.min(MAX_BATCH, wanted);
					const body = await client.request<{ results?: IDataObject[] }>(
						// Infobip hands each report out once: a repeat after a lost answer would get
						// the next reports, and the lost ones would look fetched.
						{
							method: 'GET',
							path: REPORTS_PATH,
							qs: { ...filters, limit },
							policy: 'consumingRead',
						},
						itemIndex,
					);
					batches++;
					const results = Array.isArray(body.results) ? body.results : [];
					// A full batch means more may be waiting; reports never come twice, so the
					// next request simply gets the next ones.
					const more = results.length >= limit && batches < MAX_BATCHES;
					return { results, next: more ? String(batches) : undefined };
				}, max);
				return reports.map(withStatusNames);
			},
		});
	},
};
