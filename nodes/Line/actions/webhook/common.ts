import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { describeValue, InputError } from '../../../shared/errors';
import { DEFAULT_API_BASE_URL, lineCredentialType } from '../../transport';

const MAX_ENDPOINT = 500;

export function endpointField(overrides: Partial<INodeProperties>): INodeProperties {
	return {
		displayName: 'Endpoint',
		name: 'endpoint',
		type: 'string',
		default: '',
		placeholder: 'https://n8n.example.com/webhook/line',
		...overrides,
	};
}

/**
 * Whether the credential talks to LINE itself, whose webhook URLs must be HTTPS. A credential
 * with another API Base URL talks to a proxy or a local LINE sandbox, which may take any URL.
 */
export async function talksToLine(fn: IExecuteFunctions): Promise<boolean> {
	const authentication = fn.getNodeParameter('authentication', 0, 'channelAccessToken');
	const type = lineCredentialType(authentication);
	const credentials = await fn.getCredentials(type);
	const baseUrl = String(credentials.baseUrl || DEFAULT_API_BASE_URL);
	return baseUrl.replace(/\/+$/, '').toLowerCase() === DEFAULT_API_BASE_URL;
}

/** A webhook URL as LINE takes it: absolute, at most 500 characters, HTTPS when asked. */
export function checkEndpoint(value: unknown, { requireHttps }: { requireHttps: boolean }): string {
	const endpoint = typeof value === 'string' ? value.trim() : '';
	if (endpoint === '') {
		throw new InputError(
			'endpoint',
			value === undefined || value === ''
				? 'is empty'
				: `must be a URL, got ${describeValue(value)}`,
			'Give the URL LINE should send webhook events to, e.g. the production URL of a LINE Trigger node.',
		);
	}
	if (endpoint.length > MAX_ENDPOINT) {
		throw new InputError(
			'endpoint',
			`is too long: ${endpoint.length} characters, LINE allows at most ${MAX_ENDPOINT}`,
		);
	}
	const scheme = /^([a-z][a-z0-9+.-]*):\/\/[^\s/?#]+\S*$/i.exec(endpoint)?.[1]?.toLowerCase();
	if (!scheme) {
		throw new InputError('endpoint', `${describeValue(endpoint)} is not an absolute URL`);
	}
	if (requireHttps && scheme !== 'https') {
		throw new InputError(
			'endpoint',
			`${describeValue(endpoint)} is not an HTTPS URL; LINE accepts only HTTPS webhook URLs`,
			'Use an https:// URL (n8n behind HTTPS, or a tunnel). Only a credential whose API Base URL is not https://api.line.me (a local LINE sandbox) may set another scheme.',
		);
	}
	return endpoint;
}
