import type {
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { JWT_BEARER, readJwtCredential, signAssertion } from '../nodes/Line/helpers/jwt';

/** Base URLs shared by the LINE credentials: LINE itself by default, or a proxy / local sandbox. */
export const lineBaseUrlProperties: INodeProperties[] = [
	{
		displayName: 'API Base URL',
		name: 'baseUrl',
		type: 'string',
		default: 'https://api.line.me',
		description:
			'Change only to go through a proxy or to use a local LINE sandbox. LINE itself is https://api.line.me.',
	},
	{
		displayName: 'Data API Base URL',
		name: 'dataBaseUrl',
		type: 'string',
		default: 'https://api-data.line.me',
		description:
			'Host for message content and other large data. LINE itself is https://api-data.line.me.',
	},
];

export function apiBaseUrl(credentials: IDataObject): string {
	return String(credentials.baseUrl || 'https://api.line.me').replace(/\/+$/, '');
}

/**
 * The client-credentials request for a stateless channel access token (valid 15 minutes),
 * `POST /oauth2/v3/token` with a form body. n8n keeps the token in the credential's hidden
 * `accessToken` field and asks again when it is empty or a call answers 401.
 */
export function statelessTokenRequest(credentials: IDataObject): {
	url: string;
	form: Record<string, string>;
} {
	return {
		url: `${apiBaseUrl(credentials)}/oauth2/v3/token`,
		form: {
			grant_type: 'client_credentials',
			client_id: String(credentials.channelId ?? '').trim(),
			client_secret: String(credentials.channelSecret ?? '').trim(),
		},
	};
}

/**
 * The request for a channel access token v2.1, `POST /oauth2/v2.1/token` with a form body: a JWT
 * assertion signed with the credential's private key, asking for a token of its lifetime.
 */
export function jwtTokenRequest(credentials: IDataObject): {
	url: string;
	form: Record<string, string>;
} {
	const { privateKey, ...claims } = readJwtCredential(credentials);
	return {
		url: `${apiBaseUrl(credentials)}/oauth2/v2.1/token`,
		form: {
			grant_type: 'client_credentials',
			client_assertion_type: JWT_BEARER,
			client_assertion: signAssertion(privateKey, claims),
		},
	};
}

/**
 * Sends a token request (`statelessTokenRequest`, `jwtTokenRequest`) as n8n's pre-authentication
 * does, and gives the access token LINE issued `issuedFor`.
 */
export async function issueToken(
	helper: IHttpRequestHelper,
	{ url, form }: { url: string; form: Record<string, string> },
	issuedFor: string,
): Promise<string> {
	const response = (await helper.helpers.httpRequest({
		method: 'POST',
		url,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(form).toString(),
		json: true,
	})) as { access_token?: unknown } | undefined;
	const token = response?.access_token;
	if (typeof token !== 'string' || token === '') {
		throw new Error(`LINE did not return an access token for ${issuedFor}`);
	}
	return token;
}

/** Adds the bearer header to a copy of the request (the caller's options may be reused). */
export function bearer(
	credentials: IDataObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	return {
		...requestOptions,
		headers: {
			...requestOptions.headers,
			Authorization: `Bearer ${String(credentials.accessToken ?? '')}`,
		},
	};
}
