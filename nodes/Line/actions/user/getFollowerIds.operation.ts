import { startNextListOperation } from '../../helpers/pages';

export const getFollowerIds = startNextListOperation(
	'user',
	'getFollowerIds',
	{
		path: '/v2/bot/followers/ids',
		results: (body) => body.userIds as string[] | undefined,
		// LINE's largest page of follower IDs.
		maxPage: 1000,
	},
	(userId) => ({ userId }),
);
