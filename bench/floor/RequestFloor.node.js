// n8n's own floor for a node that pushes per item: one httpRequestWithAuthentication per item
// with the credential decrypted once (as the package does), values read straight from the item
// (no parameter or expression is evaluated), 10 requests in flight, the response body as output. Loaded by bench/speed.bench.mjs through
// N8N_CUSTOM_EXTENSIONS (type `CUSTOM.requestFloor`); never part of the package.
'use strict';

class RequestFloor {
	constructor() {
		this.description = {
			displayName: 'Request Floor (bench)',
			name: 'requestFloor',
			group: ['transform'],
			version: 1,
			description: 'One authenticated LINE push per item, nothing else',
			defaults: { name: 'Request Floor' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'lineConnectorChannelAccessTokenApi', required: true }],
			properties: [],
		};
	}

	async execute() {
		const items = this.getInputData();
		const credentials = await this.getCredentials('lineConnectorChannelAccessTokenApi');
		const { baseUrl } = credentials;
		const type = 'lineConnectorChannelAccessTokenApi';
		const credentialsDecrypted = { id: '', name: type, type, data: credentials };
		const output = new Array(items.length);
		let next = 0;
		const worker = async () => {
			while (next < items.length) {
				const index = next++;
				const { userId, name } = items[index].json;
				const body = await this.helpers.httpRequestWithAuthentication.call(
					this,
					type,
					{
						method: 'POST',
						url: `${baseUrl}/v2/bot/message/push`,
						body: { to: userId, messages: [{ type: 'text', text: `Hello ${name}` }] },
						json: true,
					},
					{ credentialsDecrypted },
				);
				output[index] = { json: body, pairedItem: { item: index } };
			}
		};
		await Promise.all(Array.from({ length: 10 }, worker));
		return [output];
	}
}

module.exports = { RequestFloor };
