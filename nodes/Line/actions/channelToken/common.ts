import type { INodeProperties } from 'n8n-workflow';

import { describeValue, fail } from '../../../shared/errors';
import type { ItemParameters } from '../../../shared/parameters';
import { checkAssertion, JWT_BEARER } from '../../helpers/jwt';
import { CHANNEL_JWT, type LineClient } from '../../transport';

/**
 * What the channel access token operations share. LINE's token endpoints take no bearer token:
 * they authenticate by the channel ID and secret, a JWT assertion or the token itself, from the
 * node's credential or from fields.
 */

export type Source = 'credential' | 'fields';

type Show = Record<string, string[]>;

/** Where the channel ID and secret, or the JWT assertion, come from. */
export function sourceField(show: Show = {}): INodeProperties {
	return {
		displayName: 'Authenticate With',
		name: 'authenticateWith',
		type: 'options',
		options: [
			{
				name: 'Fields',
				value: 'fields',
				description:
					'A channel ID and secret, or a signed JWT assertion, given below (e.g. for another channel)',
			},
			{
				name: 'Node Credential',
				value: 'credential',
				description:
					'The channel ID and secret, or the assertion signing key, of the credential chosen in Authentication',
			},
		],
		default: 'credential',
		...(Object.keys(show).length > 0 ? { displayOptions: { show } } : {}),
	};
}

/** The Channel ID and Channel Secret fields, shown when they come from fields. */
export function channelFields(show: Show = {}): INodeProperties[] {
	const displayOptions = { show: { ...show, authenticateWith: ['fields'] } };
	return [
		{
			displayName: 'Channel ID',
			name: 'channelId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '1234567890',
			displayOptions,
			description:
				'The channel to act for: its ID, from the Basic settings tab of the channel in the LINE Developers console',
		},
		{
			displayName: 'Channel Secret',
			name: 'channelSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			displayOptions,
			description:
				'The secret of that channel, from the same tab. It is sent to LINE only, never shown in the output.',
		},
	];
}

/** The JWT assertion field, shown when it comes from a field. */
export function assertionField(show: Show = {}): INodeProperties {
	return {
		displayName: 'Client Assertion',
		name: 'clientAssertion',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		placeholder: 'eyJhbGciOiJSUzI1NiIs...',
		displayOptions: { show: { ...show, authenticateWith: ['fields'] } },
		description:
			'A JWT signed with your assertion signing key (RS256): header {alg, typ, kid}, payload {iss and sub: the channel ID, aud: "https://api.line.me/", exp at most 30 minutes ahead, token_exp}. Without one, choose Authenticate With: Node Credential and the LINE Channel (JWT Assertion) credential.',
	};
}

/** The token to verify or revoke; by default the one an Issue operation before put out. */
export const accessTokenField: INodeProperties = {
	displayName: 'Access Token',
	name: 'accessToken',
	type: 'string',
	typeOptions: { password: true },
	required: true,
	default: '={{ $json.access_token }}',
	description:
		'The channel access token itself, e.g. access_token of an item from Issue. It is sent to LINE only, never shown in the output.',
};

export function readSource(params: ItemParameters, itemIndex: number): Source {
	return params.get<string>('authenticateWith', itemIndex, 'credential') === 'fields'
		? 'fields'
		: 'credential';
}

/** One item's access token, checked: non-empty text with no spaces and no "Bearer " before it. */
export function readAccessToken(params: ItemParameters, itemIndex: number): string {
	const value = params.get<unknown>('accessToken', itemIndex);
	const token = typeof value === 'string' ? value.trim() : '';
	if (token === '') {
		fail(
			'accessToken',
			`must be a channel access token, got ${value === '' ? 'nothing' : describeValue(value)}`,
			'Give the token itself, e.g. {{ $json.access_token }} after an Issue operation.',
		);
	}
	if (/^bearer\s/i.test(token)) {
		fail('accessToken', 'starts with "Bearer "; give the token alone, without "Bearer "');
	}
	if (/\s/.test(token)) fail('accessToken', 'contains spaces or line breaks; a token has none');
	return token;
}

export interface ChannelIdAndSecret {
	client_id: string;
	client_secret: string;
}

/**
 * The channel ID and secret of one item: from the fields, or from the node's credential (the
 * Channel ID and Secret credential, or the JWT one when it has its channel secret).
 */
export function readChannelIdAndSecret(
	params: ItemParameters,
	client: LineClient,
	itemIndex: number,
): ChannelIdAndSecret {
	if (readSource(params, itemIndex) === 'credential') {
		const own = client.channelIdAndSecret();
		if (!own) {
			fail(
				'authenticateWith',
				`the ${client.credentialName} credential has no channel ID and channel secret`,
				'Choose Authenticate With: Fields and give them, or use the LINE Channel ID and Secret credential (or the LINE Channel (JWT Assertion) credential with its Channel Secret filled in).',
			);
		}
		return { client_id: own.channelId, client_secret: own.channelSecret };
	}
	const channelId = String(params.get('channelId', itemIndex) ?? '').trim();
	if (!/^\d+$/.test(channelId)) {
		fail(
			'channelId',
			`must be the channel's numeric ID, got ${describeValue(channelId)}`,
			'Find it on the Basic settings tab of the channel in the LINE Developers console.',
		);
	}
	const secret = params.get<unknown>('channelSecret', itemIndex);
	const channelSecret = typeof secret === 'string' ? secret.trim() : '';
	if (channelSecret === '' || /\s/.test(channelSecret)) {
		fail(
			'channelSecret',
			channelSecret === '' ? 'is empty' : 'contains spaces; a channel secret has none',
			'Find it on the Basic settings tab of the channel in the LINE Developers console.',
		);
	}
	return { client_id: channelId, client_secret: channelSecret };
}

/**
 * How one item gets its JWT assertion: signed at sending time with the credential's key (an
 * assertion lives minutes, and items wait their turn), or given in the field, checked now.
 */
export type AssertionPlan = { sign: true; tokenExp?: number } | { sign: false; assertion: string };

export function planAssertion(
	params: ItemParameters,
	client: LineClient,
	itemIndex: number,
	{ requireTokenExp, tokenExp }: { requireTokenExp: boolean; tokenExp?: number },
): AssertionPlan {
	if (readSource(params, itemIndex) === 'credential') {
		if (client.credentialType !== CHANNEL_JWT) {
			fail(
				'authenticateWith',
				`the ${client.credentialName} credential has no assertion signing key to sign a JWT with`,
				'Set Authentication to Channel (JWT Assertion), or choose Authenticate With: Fields and give a signed assertion.',
			);
		}
		return { sign: true, tokenExp };
	}
	const assertion = checkAssertion(params.get('clientAssertion', itemIndex), 'clientAssertion', {
		requireTokenExp,
	});
	return { sign: false, assertion };
}

/** `client_assertion_type` and `client_assertion`, the assertion signed now when planned so. */
export function assertionParameters(
	plan: AssertionPlan,
	client: LineClient,
): { client_assertion_type: string; client_assertion: string } {
	const assertion = plan.sign ? client.assertion(plan.tokenExp) : plan.assertion;
	if (!assertion) throw new Error('No assertion signing key to sign the JWT with');
	return { client_assertion_type: JWT_BEARER, client_assertion: assertion };
}

/** When a token that expires in `expiresIn` seconds from now stops working, as an ISO date. */
export function expiresAt(expiresIn: unknown): string | undefined {
	return typeof expiresIn === 'number' && Number.isFinite(expiresIn)
		? new Date(Date.now() + expiresIn * 1000).toISOString()
		: undefined;
}
