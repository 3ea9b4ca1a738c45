import { listOperation } from '../operations';

export const getAll = listOperation({
	resource: 'agentActivity',
	operation: 'getAll',
	endpoint: { method: 'GET', path: '/api/v1/user-presence-status-log' },
	properties: [
		{
			displayName:
				"One item per change of an agent's presence status (e.g. Available → Break), with previousPresenceStatus",
			name: 'agentActivityNotice',
			type: 'notice',
			default: '',
		},
	],
});
