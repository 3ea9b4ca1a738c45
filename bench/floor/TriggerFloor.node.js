// n8n's own floor for a trigger of a community package that checks its requests with a secret
// from its credential: it reads the credential (as every such trigger must, per request) and
// starts the workflow with the body, nothing else — no signature check, no filter. Version 2, so
// n8n evaluates no expression for the request itself. Loaded by bench/trigger.bench.mjs through
// N8N_CUSTOM_EXTENSIONS (type `CUSTOM.triggerFloor`); never part of the package.
'use strict';

class TriggerFloor {
	constructor() {
		this.description = {
			displayName: 'Trigger Floor (bench)',
			name: 'triggerFloor',
			group: ['trigger'],
			version: [1, 2],
			defaultVersion: 2,
			description: 'Reads its credential and starts the workflow with the request body',
			defaults: { name: 'Trigger Floor' },
			inputs: [],
			outputs: ['main'],
			credentials: [{ name: 'lineConnectorChannelAccessTokenApi', required: true }],
			webhooks: [
				{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
			],
			properties: [],
		};
	}

	async webhook() {
		const credentials = await this.getCredentials('lineConnectorChannelAccessTokenApi');
		if (!credentials.channelSecret) throw new Error('the credential has no channel secret');
		return { workflowData: [[{ json: this.getBodyData() }]] };
	}
}

module.exports = { TriggerFloor };
