import { INFERRED_PATH } from '../../helpers/endpoint';
import { optionalText, readText } from '../../helpers/inputs';
import { recordOperation } from '../operations';

export const create = recordOperation({
	resource: 'channel',
	operation: 'create',
	endpoint: {
		method: 'POST',
		path: '/api/v1/channels',
		unverified: `${INFERRED_PATH} Its body is not documented either.`,
	},
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			description: 'Sent as name',
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'string',
			default: '',
			placeholder: 'line',
			description:
				'Sent as type when given, e.g. line (the type klink.cloud lists LINE channels with). klink.cloud does not document which other fields a new channel needs: add them under Advanced → Extra Body Fields.',
		},
	],
	advanced: { body: true },
	read: (params, itemIndex) => {
		const type = optionalText(params.get('type', itemIndex), 'type');
		return { body: { name: readText(params, 'name', itemIndex), ...(type ? { type } : {}) } };
	},
});
