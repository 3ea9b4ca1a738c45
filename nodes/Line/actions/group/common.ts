import type { INodeProperties } from 'n8n-workflow';

import type { ItemParameters } from '../../../shared/parameters';
import { checkRecipientId } from '../../helpers/checks';

/** The chat ID field of the group and room operations. */

export type ChatKind = 'group' | 'room';

const CHAT_FIELDS: Record<ChatKind, INodeProperties> = {
	group: {
		displayName: 'Group ID',
		name: 'groupId',
		type: 'string',
		required: true,
		default: '={{ $json.source?.groupId }}',
		placeholder: 'Ca56f94637c...',
		description:
			'ID of the group chat: C followed by 32 hex characters. A LINE Trigger event from a group has it in source.groupId.',
	},
	room: {
		displayName: 'Room ID',
		name: 'roomId',
		type: 'string',
		required: true,
		default: '={{ $json.source?.roomId }}',
		placeholder: 'Ra8dbf4b3c2...',
		description:
			'ID of the multi-person chat: R followed by 32 hex characters. A LINE Trigger event from a multi-person chat has it in source.roomId.',
	},
};

export function chatIdField(kind: ChatKind): INodeProperties {
	return CHAT_FIELDS[kind];
}

/** The group (C…) or room (R…) ID of one item, checked. */
export function readChatId(params: ItemParameters, kind: ChatKind, itemIndex: number): string {
	const name = CHAT_FIELDS[kind].name;
	return checkRecipientId(params.get<string>(name, itemIndex), name, [kind]);
}
