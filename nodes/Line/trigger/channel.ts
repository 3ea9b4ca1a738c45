import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import {
	CHANNEL_ID_SECRET,
	CREDENTIAL_NAMES,
	DEFAULT_API_BASE_URL,
	lineCredentialType,
	type LineCredentialType,
} from '../transport';

export type TriggerContext = IHookFunctions | IWebhookFunctions;

export interface ChannelSettings {
	/** The node's Authentication parameter, as `LineClient.create` takes it. */
	authentication: string;
	credentialType: LineCredentialType;
	/** Trimmed; empty when the credential has none. */
	channelSecret: string;
	/** True when requests go to LINE itself (not a proxy or a local sandbox). */
	usesLineItself: boolean;
}

/** What the trigger needs from whichever credential the Authentication parameter selects. */
export async function readChannel(context: TriggerContext): Promise<ChannelSettings> {
	const authentication = String(context.getNodeParameter('authentication', 'channelAccessToken'));
	const credentialType = lineCredentialType(authentication);
	const credentials = await context.getCredentials<IDataObject>(credentialType);
	const baseUrl = String(credentials.baseUrl || DEFAULT_API_BASE_URL).replace(/\/+$/, '');
	return {
		authentication,
		credentialType,
		channelSecret: String(credentials.channelSecret ?? '').trim(),
		usesLineItself: baseUrl === DEFAULT_API_BASE_URL,
	};
}

export function missingSecretMessage(credentialType: LineCredentialType): string {
	const where =
		credentialType === CHANNEL_ID_SECRET
			? 'the LINE Channel ID and Secret credential'
			: `the ${CREDENTIAL_NAMES[credentialType]} credential's Channel Secret field`;
	return `Add the channel secret to ${where}: LINE Developers console → your Messaging API channel → Basic settings → Channel secret. Without it the LINE Trigger cannot check that requests come from LINE, and refuses them all.`;
}
