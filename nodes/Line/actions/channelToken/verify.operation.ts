import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import type { LineOperation } from '../types';
import { accessTokenField, expiresAt, readAccessToken } from './common';

const showFor = { show: { resource: ['channelToken'], operation: ['verify'] } };

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
					'Tokens v2, from Issue (short-lived) or the LINE Developers console (long-lived)',
			},
			{
				name: 'User-Specified Expiration',
				value: 'v2.1',
				description: 'Tokens v2.1, issued for a JWT assertion',
			},
		],
		default: 'v2',
		description: "Which of LINE's verify endpoints to ask: the one for the kind of token",
	},
	accessTokenField,
];

export const verify: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem(context, {
			prepare: (itemIndex) => ({
				v21: params.get<string>('tokenVersion', itemIndex) === 'v2.1',
				accessToken: readAccessToken(params, itemIndex),
			}),
			send: async ({ v21, accessToken }, itemIndex) => {
				// LINE answers 400 invalid_request for a token that expired, was revoked or never was.
				const response = await client.request<IDataObject>(
					v21
						? {
								method: 'GET',
								path: '/oauth2/v2.1/verify',
								qs: { access_token: accessToken },
								unauthenticated: true,
								accept: [400],
							}
						: {
								method: 'POST',
								path: '/v2/oauth/verify',
								form: { access_token: accessToken },
								unauthenticated: true,
								repeatable: true,
								accept: [400],
							},
					itemIndex,
				);
				const { body } = response;
				if (response.statusCode === 400) {
					return {
						valid: false,
						error: body.error ?? null,
						error_description: body.error_description ?? null,
					};
				}
				const verified: IDataObject = { valid: true, ...body };
				const until = expiresAt(body.expires_in);
				if (until) verified.expiresAt = until;
				return verified;
			},
		});
	},
};
