import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { deliveryField } from '../shared/deliveryOptions';
import { agentActivityDescription } from './actions/agentActivity';
import { categoryDescription } from './actions/category';
import { channelDescription } from './actions/channel';
import { contactDescription } from './actions/contact';
import { cxLogDescription } from './actions/cxLog';
import { mediaFileDescription } from './actions/mediaFile';
import { mediaFolderDescription } from './actions/mediaFolder';
import { messageDescription } from './actions/message';
import { router } from './actions/router';
import { tagDescription } from './actions/tag';
import { ticketDescription } from './actions/ticket';
import { getLineChannels } from './methods/loadOptions';
import { KLINK_CREDENTIAL } from './transport';

export class Klink implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'klink.cloud',
		name: 'klink',
		icon: { light: 'file:../../icons/klink.svg', dark: 'file:../../icons/klink.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send LINE and other channel messages, and manage contacts, tickets, media and reports in klink.cloud',
		defaults: { name: 'klink.cloud' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: KLINK_CREDENTIAL, required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Agent Activity', value: 'agentActivity' },
					{ name: 'Category', value: 'category' },
					{ name: 'Channel', value: 'channel' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'CX Log', value: 'cxLog' },
					{ name: 'Media File', value: 'mediaFile' },
					{ name: 'Media Folder', value: 'mediaFolder' },
					{ name: 'Message', value: 'message' },
					{ name: 'Tag', value: 'tag' },
					{ name: 'Ticket', value: 'ticket' },
				],
				default: 'message',
			},
			...messageDescription,
			...channelDescription,
			...contactDescription,
			...tagDescription,
			...categoryDescription,
			...ticketDescription,
			...cxLogDescription,
			...agentActivityDescription,
			...mediaFolderDescription,
			...mediaFileDescription,
			deliveryField('klink.cloud'),
		],
	};

	methods = {
		loadOptions: { getLineChannels },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
