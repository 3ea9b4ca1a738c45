import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { runPerItem, type Unit } from '../../../shared/items';
import { combineIds, combineItemsOption, readCombineOptions } from '../../helpers/recipients';
import type { LineOperation } from '../types';
import {
	AudienceIds,
	audiencesField,
	checkDescription,
	descriptionField,
	IFA_AUDIENCE_FIELD,
	listEntries,
	MAX_IDS_PER_REQUEST,
	optionalText,
	UPLOAD_DESCRIPTION_FIELD,
} from './common';
import { addInChunks } from './upload';

const showFor = { show: { resource: ['audience'], operation: ['create'] } };

const properties: INodeProperties[] = [
	descriptionField(),
	audiencesField(
		'User IDs (U followed by 32 hex characters), or IFAs with IFA Audience on, separated by commas or new lines, or an expression giving a list. Duplicates are dropped; over 10,000 IDs are uploaded 10,000 per request (the first creates the audience, the others add to it).',
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			combineItemsOption(
				'Whether to create one audience from the IDs of all input items (e.g. one item per follower from User → Get Follower IDs), output as one item paired with all of them, instead of one audience per item. The name and options must then be the same for every item.',
			),
			IFA_AUDIENCE_FIELD,
			UPLOAD_DESCRIPTION_FIELD,
		],
	},
];

interface Settings {
	description: string;
	isIfaAudience: boolean;
	uploadDescription?: string;
}

interface Prepared {
	settings: Settings;
	ids: AudienceIds;
}

interface PlannedAudience {
	settings: Settings;
	ids: string[];
}

function readSettings(options: IDataObject, description: unknown): Settings {
	const settings: Settings = {
		description: checkDescription(description),
		isIfaAudience: options.isIfaAudience === true,
	};
	const uploadDescription = optionalText(options.uploadDescription, 'uploadDescription');
	if (uploadDescription) settings.uploadDescription = uploadDescription;
	return settings;
}

/** With Combine All Items, every item must name the same audience. */
function checkSameSettings(first: Unit<Prepared>, settings: Settings): void {
	const reference = first.value.settings;
	for (const key of ['description', 'isIfaAudience', 'uploadDescription'] as const) {
		if (reference[key] === settings[key]) continue;
		throw new InputError(
			key,
			`is ${JSON.stringify(settings[key] ?? '')} here but ${JSON.stringify(reference[key] ?? '')} for item ${first.items[0]}; Combine All Items creates one audience`,
			'Give every item the same value, or turn off Combine All Items to create one audience per item.',
		);
	}
}

export const create: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		const { combine } = readCombineOptions(params);
		// Combined: one audience, named by the first item; the others must name it alike.
		let first: Unit<Prepared> | undefined;
		return await runPerItem<Prepared, PlannedAudience>(
			context,
			{
				prepare: (itemIndex) => {
					const options = params.get<IDataObject>('options', itemIndex, {});
					const settings = readSettings(options, params.get('description', itemIndex));
					const own = new AudienceIds(settings.isIfaAudience ? 'ifa' : 'userId');
					const entries = listEntries(params.get('audiences', itemIndex));
					entries.forEach((entry, index) => own.add(entry, () => `audiences[${index}]`));
					own.check('audiences');
					if (combine) {
						if (first) checkSameSettings(first, settings);
						else first = { items: [itemIndex], value: { settings, ids: own } };
					}
					return { settings, ids: own };
				},
				plan: (prepared) => {
					const audiences = prepared.map(({ items, value }) => ({
						items,
						value: { settings: value.settings, ids: value.ids.ids },
					}));
					if (!combine) return audiences;
					// One list across items, so duplicates between items are dropped too (IFAs compared
					// case-insensitively; user IDs are lowercase hex).
					const combined = combineIds(
						audiences.map(({ items: [itemIndex], value }) => ({
							itemIndex,
							key: 'audience',
							group: value.settings,
							ids: value.ids,
						})),
						{ sameId: (id) => id.toLowerCase() },
					);
					return combined.map(({ group: settings, ids, items }) => ({
						items,
						value: { settings, ids },
					}));
				},
				send: async ({ settings, ids }, itemIndex) => {
					// The first 10,000 create the audience; the rest are added to it.
					const first = ids.slice(0, MAX_IDS_PER_REQUEST);
					const rest = ids.slice(MAX_IDS_PER_REQUEST);
					const body: IDataObject = { description: settings.description };
					if (settings.isIfaAudience) body.isIfaAudience = true;
					if (settings.uploadDescription) body.uploadDescription = settings.uploadDescription;
					body.audiences = first.map((id) => ({ id }));
					const response = await client.request(
						{ method: 'POST', path: '/v2/bot/audienceGroup/upload', body },
						itemIndex,
					);
					const audienceGroupId = response.body.audienceGroupId;
					if (rest.length > 0) {
						if (typeof audienceGroupId !== 'number') {
							throw new Error(
								`LINE created the audience but answered no audienceGroupId: ${first.length} of ${ids.length} IDs were uploaded, the others could not be added`,
							);
						}
						await addInChunks(client, itemIndex, {
							audienceGroupId,
							ids: rest,
							uploadDescription: settings.uploadDescription,
							alreadyUploaded: first.length,
							total: ids.length,
						});
					}
					return { ...response.body, uploadedIdCount: ids.length };
				},
			},
			{ perUnit: combine },
		);
	},
};
