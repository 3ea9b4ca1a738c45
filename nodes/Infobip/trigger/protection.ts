import { createHash, timingSafeEqual } from 'node:crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INode,
	INodeCredentialTestResult,
} from 'n8n-workflow';

/**
 * How requests to the Infobip LINE Trigger's URL are checked. Infobip signs nothing, so the
 * URL must carry a secret. Version 2 keeps it in the Infobip LINE Webhook API credential; version 1
 * kept it in the node's parameters (plain text in the workflow), which still works.
 */

export const INFOBIP_WEBHOOK_CREDENTIAL = 'lineConnectorInfobipWebhookApi';

export type Protection =
	| { type: 'none' }
	| { type: 'query'; name: string; secret: string }
	| { type: 'header'; name: string; secret: string }
	| { type: 'basicAuth'; username: string; password: string }
	/** Protection is on but has no secret: every request is refused. */
	| { type: 'unset'; reason: string };

/** What the trigger reads its settings from: a webhook or an activation hook. */
export interface ProtectionContext {
	getNode(): INode;
	getNodeParameter(name: string, fallback?: unknown): unknown;
	getCredentials<T extends object = ICredentialDataDecryptedObject>(type: string): Promise<T>;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The protection described by `settings` (the credential's fields, or version 1's parameters). */
function protectionOf(
	type: string,
	settings: IDataObject,
	where: string,
): Exclude<Protection, { type: 'none' }> {
	if (type === 'basicAuth') {
		const password = text(settings.password);
		if (password === '') return { type: 'unset', reason: `no password is set ${where}` };
		return { type, username: text(settings.username), password };
	}
	const secret = text(settings.secret);
	if (secret === '') return { type: 'unset', reason: `no secret is set ${where}` };
	if (type === 'header') {
		return { type, name: text(settings.headerName).trim().toLowerCase(), secret };
	}
	return { type: 'query', name: text(settings.parameterName).trim() || 'token', secret };
}

/** Whether the node keeps its secret in its own parameters (version 1's Protection options). */
export function usesNodeParameters(context: ProtectionContext): boolean {
	return ['query', 'header', 'basicAuth'].includes(
		String(context.getNodeParameter('authentication')),
	);
}

export async function readProtection(context: ProtectionContext): Promise<Protection> {
	const chosen = String(context.getNodeParameter('authentication'));
	if (chosen === 'none') return { type: 'none' };
	if (chosen === 'credential') {
		if (!context.getNode().credentials?.[INFOBIP_WEBHOOK_CREDENTIAL]) {
			return { type: 'unset', reason: 'no Infobip LINE Webhook API credential is selected' };
		}
		const data = await context.getCredentials<IDataObject>(INFOBIP_WEBHOOK_CREDENTIAL);
		return protectionOf(text(data.protection) || 'query', data, 'in the credential');
	}
	// Version 1: the secret is one of the node's parameters.
	const parameter = (name: string) => context.getNodeParameter(name, '');
	return protectionOf(
		chosen,
		{
			parameterName: parameter('parameterName'),
			headerName: parameter('headerName'),
			secret: parameter('secret'),
			username: parameter('username'),
			password: parameter('password'),
		} as IDataObject,
		'in the node',
	);
}

/** Constant-time comparison of two secrets of any length. */
export function sameSecret(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || expected === '') return false;
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(expected));
}

function single(value: unknown): unknown {
	return Array.isArray(value) ? value[0] : value;
}

function basicCredentials(header: unknown): { username: string; password: string } | undefined {
	const match = /^Basic\s+(\S+)$/i.exec(String(single(header) ?? ''));
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1) return undefined;
	return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export interface Refusal {
	/** For n8n's log. */
	reason: string;
	/** For the caller. */
	message: string;
	headers?: Record<string, string>;
}

export interface IncomingRequest {
	headers: IDataObject;
	query: IDataObject;
}

/** Undefined when the request may start the workflow, else why not. */
export function refusal(protection: Protection, request: IncomingRequest): Refusal | undefined {
	const refused = (reason: string, headers?: Record<string, string>): Refusal => ({
		reason,
		message: 'Unauthorized',
		headers,
	});
	switch (protection.type) {
		case 'none':
			return undefined;
		case 'unset':
			return {
				reason: protection.reason,
				message:
					'Unauthorized: no secret is set for this trigger in n8n, so every request is refused',
			};
		case 'basicAuth': {
			const challenge = { 'www-authenticate': 'Basic realm="Infobip LINE Trigger"' };
			const given = basicCredentials(request.headers.authorization);
			if (!given) return refused('no Basic authorization header', challenge);
			const matches =
				sameSecret(given.username, protection.username) &&
				sameSecret(given.password, protection.password);
			return matches ? undefined : refused('wrong username or password', challenge);
		}
		case 'header': {
			const given = single(request.headers[protection.name]);
			if (given === undefined) return refused(`no ${protection.name} header`);
			return sameSecret(given, protection.secret)
				? undefined
				: refused(`wrong ${protection.name} header`);
		}
		case 'query': {
			const given = single(request.query[protection.name]);
			if (given === undefined) return refused(`no ${protection.name} query parameter`);
			return sameSecret(given, protection.secret)
				? undefined
				: refused(`wrong ${protection.name} query parameter`);
		}
	}
}

const MIN_SECRET_LENGTH = 16;

/**
 * The credential test: there is no Infobip endpoint to try the secret against, so it checks
 * that the credential can protect the URL at all.
 */
export async function testWebhookCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as IDataObject;
	const protection = protectionOf(text(data.protection) || 'query', data, 'in the credential');
	if (protection.type === 'unset') {
		return {
			status: 'Error',
			message: `The trigger would refuse every request: ${protection.reason}`,
		};
	}
	if (protection.type === 'header' && !/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(protection.name)) {
		return { status: 'Error', message: 'The header name is empty or not a valid HTTP header name' };
	}
	const secret = protection.type === 'basicAuth' ? protection.password : protection.secret;
	if (secret.length < MIN_SECRET_LENGTH) {
		return {
			status: 'Error',
			message: `The ${protection.type === 'basicAuth' ? 'password' : 'secret'} is short: use at least ${MIN_SECRET_LENGTH} random characters, anyone who guesses it can post delivery reports`,
		};
	}
	return { status: 'OK', message: 'The trigger will refuse requests without this secret' };
}
