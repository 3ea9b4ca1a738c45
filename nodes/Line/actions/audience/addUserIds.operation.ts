import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import {
	audienceGroupIdField,
	AudienceIds,
	audiencesField,
	listEntries,
	MIXED_KINDS_HINT,
	optionalText,
	readAudienceGroupId,
	UPLOAD_DESCRIPTION_FIELD,
} from './common';
import { addInChunks } from './upload';

const showFor = { show: { resource: ['audience'], operation: ['addUserIds'] } };

const properties: INodeProperties[] = [
	audienceGroupIdField(
		'ID of an audience for uploading user IDs (created with Audience → Create or Create From File)',
	),
	audiencesField(
		'User IDs (U followed by 32 hex characters) or IFAs, of the kind the audience was created with, separated by commas or new lines, or an expression giving a list. Duplicates are dropped; over 10,000 IDs are added 10,000 per request, one request after another.',
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Combine All Items',
				name: 'combineItems',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the IDs of all input items that name the same audience (and upload description) together, in as few requests as possible, output as one item per audience paired with its items, instead of per item',
			},
			UPLOAD_DESCRIPTION_FIELD,
		],
	},
];

interface Upload {
	audienceGroupId: number;
	uploadDescription?: string;
	ids: AudienceIds;
}

export const addUserIds: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		const combine = params.get<IDataObject>('options', 0, {}).combineItems === true;
		// Combined: the IDs of each audience (and upload description) across items, in input order.
		const groups = new Map<string, Upload>();
		const groupOf = new Map<number, string>();
		return await runPerItem<Upload>(
			context,
			{
				prepare: (itemIndex) => {
					const audienceGroupId = readAudienceGroupId(params, itemIndex);
					const options = params.get<IDataObject>('options', itemIndex, {});
					const uploadDescription = optionalText(options.uploadDescription, 'uploadDescription');
					const ids = new AudienceIds(undefined, MIXED_KINDS_HINT);
					listEntries(params.get('audiences', itemIndex)).forEach((entry, index) =>
						ids.add(entry, () => `audiences[${index}]`),
					);
					ids.check('audiences');
					const upload = { audienceGroupId, uploadDescription, ids };
					if (combine) {
						const key = JSON.stringify([audienceGroupId, uploadDescription ?? '']);
						let group = groups.get(key);
						if (!group) {
							group = { ...upload, ids: new AudienceIds(ids.kind, MIXED_KINDS_HINT) };
							groups.set(key, group);
						}
						// Every ID of the item is of one kind: a mismatch fails on the first, before any is added.
						for (const id of ids.ids) group.ids.add(id, 'audiences');
						groupOf.set(itemIndex, key);
					}
					return upload;
				},
				plan: (prepared) => {
					if (!combine) return prepared;
					const itemsOf = new Map<string, number[]>();
					for (const { items } of prepared) {
						const key = groupOf.get(items[0])!;
						const list = itemsOf.get(key);
						if (list) list.push(items[0]);
						else itemsOf.set(key, [items[0]]);
					}
					return [...itemsOf].map(([key, items]) => ({ items, value: groups.get(key)! }));
				},
				send: async ({ audienceGroupId, uploadDescription, ids }, itemIndex) => {
					await addInChunks(client, itemIndex, {
						audienceGroupId,
						ids: ids.ids,
						uploadDescription,
					});
					return { audienceGroupId, uploadedIdCount: ids.ids.length };
				},
				describeUnit: ({ audienceGroupId }) => ({ audienceGroupId }),
			},
			{ perUnit: combine },
		);
	},
};
