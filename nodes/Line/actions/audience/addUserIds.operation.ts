import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import { combineIds, combineItemsOption, readCombineOptions } from '../../helpers/recipients';
import type { LineOperation } from '../types';
import {
	audienceGroupIdField,
	AudienceIds,
	audiencesField,
	checkAudienceId,
	listEntries,
	MIXED_KINDS_HINT,
	optionalText,
	readAudienceGroupId,
	UPLOAD_DESCRIPTION_FIELD,
	type IdKind,
} from './common';
import { addInChunks } from './upload';

const showFor = { show: { resource: ['audience'], operation: ['addUserIds'] } };

const properties: INodeProperties[] = [
	audienceGroupIdField(
		'An audience for uploading user IDs (created with Audience → Create or Create From File)',
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
			combineItemsOption(
				'Whether to add the IDs of all input items that name the same audience (and upload description) together, in as few requests as possible, output as one item per audience paired with its items, instead of per item',
			),
			UPLOAD_DESCRIPTION_FIELD,
		],
	},
];

interface Upload {
	audienceGroupId: number;
	uploadDescription?: string;
	ids: string[];
}

/** The uploads combined into one: those to the same audience with the same upload description. */
function uploadKey({ audienceGroupId, uploadDescription }: Upload): string {
	return JSON.stringify([audienceGroupId, uploadDescription ?? '']);
}

export const addUserIds: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		const { combine } = readCombineOptions(params);
		// Combined: an audience holds one kind of ID, the kind of the first item that names it.
		const kinds = new Map<string, IdKind>();
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
					const upload = { audienceGroupId, uploadDescription, ids: ids.ids };
					if (combine) {
						const key = uploadKey(upload);
						const kind = kinds.get(key);
						// Every ID of the item is of one kind: a mismatch fails on the first.
						if (kind === undefined) kinds.set(key, ids.kind!);
						else checkAudienceId(ids.ids[0], 'audiences', kind, MIXED_KINDS_HINT);
					}
					return upload;
				},
				plan: (prepared) => {
					if (!combine) return prepared;
					// Each ID once per audience, IFAs compared case-insensitively (user IDs are lowercase hex).
					const uploads = combineIds(
						prepared.map(({ items: [itemIndex], value }) => ({
							itemIndex,
							key: uploadKey(value),
							group: value,
							ids: value.ids,
						})),
						{ sameId: (id) => id.toLowerCase() },
					);
					return uploads.map(({ group, ids, items }) => ({ items, value: { ...group, ids } }));
				},
				send: async ({ audienceGroupId, uploadDescription, ids }, itemIndex) => {
					await addInChunks(client, itemIndex, { audienceGroupId, ids, uploadDescription });
					return { audienceGroupId, uploadedIdCount: ids.length };
				},
				describeUnit: ({ audienceGroupId }) => ({ audienceGroupId }),
			},
			{ perUnit: combine },
		);
	},
};
