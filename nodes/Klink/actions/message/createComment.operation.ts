import type { IDataObject } from 'n8n-workflow';

import { InputError } from '../../../shared/errors';
import { readText, requiredText } from '../../helpers/inputs';
import { idField } from '../fields';
import { recordOperation } from '../operations';

/** `{ text, mentions }`: each mention's index is the `{index}` placeholder it fills in the text. */
function readMentions(value: unknown, text: string): IDataObject[] {
	const entries = (value as { mention?: IDataObject[] } | undefined)?.mention ?? [];
	return entries.map((entry, position) => {
		const index = entry.index;
		if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
			throw new InputError(
				`mentions[${position}].index`,
				`must be a whole number of 0 or more, got ${JSON.stringify(index)}`,
			);
		}
		if (!text.includes(`{${index}}`)) {
			throw new InputError(
				`mentions[${position}].index`,
				`the text has no {${index}} placeholder for this mention`,
				`Write {${index}} in the text where the mentioned user's name goes, e.g. "Hey {0}, please check".`,
			);
		}
		return {
			index,
			userId: requiredText(
				entry.userId,
				`mentions[${position}].userId`,
				'Give the klink.cloud user ID (a UUID) of the agent to mention.',
			),
		};
	});
}

export const createComment = recordOperation({
	resource: 'message',
	operation: 'createComment',
	endpoint: { method: 'POST', path: '/api/v1/comments/rooms/{roomId}' },
	properties: [
		idField(
			'roomId',
			'Room ID',
			'The chat room to comment in (roomId of a message, e.g. of Message → Send). Comments are internal notes for agents; the contact does not see them.',
		),
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 3 },
			required: true,
			default: '',
			placeholder: 'Hey {0}, please follow up with this customer',
			description:
				'The comment. {0}, {1}, … mark where the users of Mentions are named, by their index.',
		},
		{
			displayName: 'Mentions',
			name: 'mentions',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Mention',
			options: [
				{
					displayName: 'Mention',
					name: 'mention',
					values: [
						{
							displayName: 'Index',
							name: 'index',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 0,
							description: 'The placeholder in the text: 0 for {0}, 1 for {1}, …',
						},
						{
							displayName: 'User ID',
							name: 'userId',
							type: 'string',
							default: '',
							description: 'The klink.cloud user (agent) to mention',
						},
					],
				},
			],
		},
		{
			displayName: 'klink.cloud marks its comment endpoints as "Developing": they may still change',
			name: 'developingNotice',
			type: 'notice',
			default: '',
		},
	],
	read: (params, itemIndex) => {
		const text = readText(params, 'text', itemIndex);
		const mentions = readMentions(params.get('mentions', itemIndex, {}), text);
		return {
			pathValues: { roomId: readText(params, 'roomId', itemIndex) },
			body: { text, ...(mentions.length ? { mentions } : {}) },
		};
	},
});
