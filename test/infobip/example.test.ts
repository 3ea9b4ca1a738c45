import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject, INodeParameters, INodeType, IWebhookFunctions } from 'n8n-workflow';

import { InfobipLineTrigger } from '../../nodes/Infobip/InfobipLineTrigger.node';
import { createTriggerHarness } from '../support/webhook';
import { deliveryReport } from './mockInfobip';
import { runInfobipOk, sendRequests, useMockInfobip } from './fixtures';

/** The example workflow's nodes, run as they are: valid requests, the follow-up filter. */

const infobip = useMockInfobip();

const workflow = JSON.parse(
	readFileSync(path.resolve(__dirname, '../../examples/infobip-line-notification.json'), 'utf8'),
) as {
	nodes: Array<{
		name: string;
		type: string;
		parameters: INodeParameters;
		credentials?: IDataObject;
	}>;
};

const node = (name: string) => workflow.nodes.find((entry) => entry.name === name)!;

it('the example send is valid against line.json and carries its bulk ID and report URL', async () => {
	const send = node('Send LINE Notification');
	expect(send.credentials).toEqual({
		lineConnectorInfobipApi: { id: 'infobipCred', name: 'Infobip (sandbox)' },
	});
	const items = await runInfobipOk(infobip.mock, send.parameters);
	expect(items.map((item) => item.json.destination)).toEqual(['66855538125', '66855538126']);
	const body = sendRequests(infobip.mock)[0].body as IDataObject;
	expect(((body.options as IDataObject).schedule as IDataObject).bulkId).toMatch(
		/^order-1234-\d{14}$/,
	);
	const message = (body.messages as IDataObject[])[0];
	expect((message.webhooks as IDataObject).delivery).toEqual({
		url: expect.stringContaining('/delivery-reports?token='),
	});
});

it('the example trigger passes on failed deliveries only, and only with its token', async () => {
	const trigger = node('Infobip LINE Trigger');
	const secret = String(trigger.parameters.secret);
	const base = new InfobipLineTrigger();
	const withToken = Object.create(base) as INodeType;
	withToken.webhook = async function (this: IWebhookFunctions) {
		(this.getRequestObject() as unknown as { query: IDataObject }).query = { token: secret };
		return await base.webhook!.call(this);
	};
	const body = JSON.stringify({
		results: [
			deliveryReport({ messageId: 'delivered' }),
			deliveryReport({
				messageId: 'expired',
				status: { groupId: 4, groupName: 'EXPIRED', id: 15, name: 'EXPIRED_EXPIRED' },
			}),
		],
	});
	const accepted = await createTriggerHarness({
		nodeType: withToken,
		parameters: trigger.parameters,
	}).deliver(body);
	expect(accepted.items.map((item) => item.json.messageId)).toEqual(['expired']);
	const refused = await createTriggerHarness({
		nodeType: base,
		parameters: trigger.parameters,
	}).deliver(body);
	expect(refused.status).toBe(401);
});
