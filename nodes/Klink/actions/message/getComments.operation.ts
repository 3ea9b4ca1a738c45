import { readText } from '../../helpers/inputs';
import { idField } from '../fields';
import { listOperation } from '../operations';

export const getComments = listOperation({
	resource: 'message',
	operation: 'getComments',
	endpoint: { method: 'GET', path: '/api/v1/comments/rooms/{roomId}' },
	properties: [
		idField('roomId', 'Room ID', 'The chat room whose internal comments to get'),
		{
			displayName: 'klink.cloud marks its comment endpoints as "Developing": they may still change',
			name: 'developingNotice',
			type: 'notice',
			default: '',
		},
	],
	read: (params, itemIndex) => ({
		pathValues: { roomId: readText(params, 'roomId', itemIndex) },
	}),
});
