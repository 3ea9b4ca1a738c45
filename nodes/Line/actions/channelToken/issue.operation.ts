import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { runPerItem } from '../../../shared/items';
import { checkTokenExp, MAX_TOKEN_SECONDS } from '../../helpers/jwt';
import type { LineRequest } from '../../transport';
import type { LineOperation } from '../types';
import {
	assertionField,
	assertionParameters,
	channelFields,
	expiresAt,
	planAssertion,
	readChannelIdAndSecret,
	readSource,
	sourceField,
	type AssertionPlan,
	type ChannelIdAndSecret,
} from './common';

const showFor = { show: { resource: ['channelToken'], operation: ['issue'] } };

type TokenType = 'shortLived' | 'stateless' | 'statelessJwt' | 'jwt';

/** Which endpoint issues each kind of token, and what it authenticates with. */
const ENDPOINTS: Record<TokenType, { path: string; by: 'secret' | 'assertion' }> = {
	shortLived: { path: '/v2/oauth/accessToken', by: 'secret' },
	stateless: { path: '/oauth2/v3/token', by: 'secret' },
	statelessJwt: { path: '/oauth2/v3/token', by: 'assertion' },
	jwt: { path: '/oauth2/v2.1/token', by: 'assertion' },
};

const BY_SECRET: TokenType[] = ['shortLived', 'stateless'];
const BY_ASSERTION: TokenType[] = ['jwt', 'statelessJwt'];

const properties: INodeProperties[] = [
	{
		displayName: 'Token Type',
		name: 'tokenType',
		type: 'options',
		options: [
			{
				name: 'Short-Lived',
				value: 'shortLived',
				description:
					'Channel access token v2, valid 30 days, issued for the channel ID and secret. LINE keeps a limited number per channel: revoke those you no longer need.',
			},
			{
				name: 'Stateless by Channel Secret',
				value: 'stateless',
				description:
					'Stateless token (v3), valid 15 minutes, as many as you like, cannot be revoked; issued for the channel ID and secret',
			},
			{
				name: 'Stateless by JWT Assertion',
				value: 'statelessJwt',
				description:
					'Stateless token (v3), valid 15 minutes, as many as you like, cannot be revoked; issued for a JWT assertion',
			},
			{
				name: 'User-Specified Expiration',
				value: 'jwt',
				description:
					'Channel access token v2.1, valid as long as asked, up to 30 days; issued for a JWT assertion signed with your assertion signing key. Comes with a key ID; revoke it when done.',
			},
		],
		default: 'stateless',
		description: 'Which kind of channel access token to issue',
	},
	sourceField(),
	...channelFields({ tokenType: BY_SECRET }),
	assertionField({ tokenType: BY_ASSERTION }),
	{
		displayName: 'Token Lifetime (Seconds)',
		name: 'tokenExp',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_TOKEN_SECONDS },
		default: MAX_TOKEN_SECONDS,
		displayOptions: { show: { tokenType: ['jwt'], authenticateWith: ['credential'] } },
		description:
			"How long the token is valid, in seconds: at most 2592000 (30 days). Goes into the assertion's token_exp.",
	},
];

type Prepared =
	| { tokenType: TokenType; by: 'secret'; client: ChannelIdAndSecret }
	| { tokenType: TokenType; by: 'assertion'; assertion: AssertionPlan };

export const issue: LineOperation = {
	description: updateDisplayOptions(showFor, properties),

	async execute(context) {
		const { client, params } = context;
		return await runPerItem<Prepared>(context, {
			prepare: (itemIndex) => {
				const tokenType = params.get<TokenType>('tokenType', itemIndex);
				const endpoint = ENDPOINTS[tokenType];
				if (!endpoint) throw new Error(`Unknown token type ${JSON.stringify(tokenType)}`);
				if (endpoint.by === 'secret') {
					return {
						tokenType,
						by: 'secret',
						client: readChannelIdAndSecret(params, client, itemIndex),
					};
				}
				const fromCredential = readSource(params, itemIndex) === 'credential';
				const tokenExp =
					tokenType === 'jwt' && fromCredential
						? checkTokenExp(params.get('tokenExp', itemIndex, MAX_TOKEN_SECONDS), 'tokenExp')
						: undefined;
				return {
					tokenType,
					by: 'assertion',
					assertion: planAssertion(params, client, itemIndex, {
						requireTokenExp: tokenType === 'jwt',
						tokenExp,
					}),
				};
			},
			send: async (prepared, itemIndex) => {
				const form =
					prepared.by === 'secret'
						? { grant_type: 'client_credentials', ...prepared.client }
						: {
								grant_type: 'client_credentials',
								...assertionParameters(prepared.assertion, client),
							};
				const request: LineRequest = {
					method: 'POST',
					path: ENDPOINTS[prepared.tokenType].path,
					form,
					unauthenticated: true,
				};
				const { body } = await client.request<IDataObject>(request, itemIndex);
				const issued: IDataObject = { tokenType: prepared.tokenType, ...body };
				const until = expiresAt(body.expires_in);
				if (until) issued.expiresAt = until;
				return issued;
			},
		});
	},
};
