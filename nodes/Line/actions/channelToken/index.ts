import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { getValidKeyIds } from './getValidKeyIds.operation';
import { issue } from './issue.operation';
import { revoke } from './revoke.operation';
import { verify } from './verify.operation';

export const channelToken: Record<string, OperationEntry> = {
	issue: {
		operation: issue,
		api: ['issueChannelToken', 'issueChannelTokenByJWT', 'issueStatelessChannelToken'],
		option: {
			name: 'Issue',
			action: 'Issue a channel access token',
			description:
				'Get a new channel access token: short-lived (v2), stateless (v3) or with the lifetime you choose (v2.1)',
		},
	},
	verify: {
		operation: verify,
		api: ['verifyChannelToken', 'verifyChannelTokenByJWT'],
		option: {
			name: 'Verify',
			action: 'Verify a channel access token',
			description: 'Whether a token is still valid, for which channel, and for how long',
		},
	},
	getValidKeyIds: {
		operation: getValidKeyIds,
		api: ['getsAllValidChannelAccessTokenKeyIds'],
		option: {
			name: 'Get Valid Key IDs',
			action: 'Get the key IDs of the valid channel access tokens',
			description:
				'The key IDs of the channel access tokens v2.1 that are still valid, one item each',
		},
	},
	revoke: {
		operation: revoke,
		api: ['revokeChannelToken', 'revokeChannelTokenByJWT'],
		option: {
			name: 'Revoke',
			action: 'Revoke a channel access token',
			description: 'Make a short-lived, long-lived or v2.1 token stop working',
		},
	},
};

export const channelTokenDescription = resourceDescription('channelToken', channelToken, 'issue');
