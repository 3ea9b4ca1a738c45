import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineRequest } from '../../transport';
import type { LineOperation } from '../types';
import {
	accessTokenField,
	channelFields,
	readAccessToken,
	readChannelIdAndSecret,
	sourceField,
} from './common';

const showFor = { show: { resource: ['channelToken'], operation: ['revoke'] } };

const V21 = { tokenVersion: ['v2.1'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Token Version',
		name: 'tokenVersion',
		type: 'options',
		options: [
			{
				name: 'Short-Lived or Long-Lived',
				value: 'v2',
				description:
					'Tokens v2, from Issue (short-lived) or the LINE Developers console (long-lived); needs only the token',
			},
			{
				name: 'User-Specified Expiration',
				value: 'v2.1',
				description: 'Tokens v2.1, issued for a JWT assertion; needs the channel ID and secret too',
			},
		],
		default: 'v2',
		description:
			"Which of LINE's revoke endpoints to ask: the one for the kind of token. Stateless tokens cannot be revoked; they expire after 15 minutes.",
	},
	accessTokenField,
	sourceField(V21),
	...channelFields(V21),
];

export const revoke: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex): LineRequest => {
				const tokenVersion = params.get<string>('tokenVersion', itemIndex);
				const accessToken = readAccessToken(params, itemIndex);
				// Revoking twice changes nothing more: safe to repeat after a lost answer.
				return tokenVersion === 'v2.1'
					? {
							method: 'POST',
							path: '/oauth2/v2.1/revoke',
							form: {
								...readChannelIdAndSecret(params, client, itemIndex),
								access_token: accessToken,
							},
							unauthenticated: true,
							repeatable: true,
						}
					: {
							method: 'POST',
							path: '/v2/oauth/revoke',
							form: { access_token: accessToken },
							unauthenticated: true,
							repeatable: true,
						};
			},
			send: async (request, itemIndex) => {
				await client.request(request, itemIndex);
				return {
					revoked: true,
					tokenVersion: request.path === '/v2/oauth/revoke' ? 'v2' : 'v2.1',
				};
			},
		});
	},
};
