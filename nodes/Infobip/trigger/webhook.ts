import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { isObject } from '../../shared/values';
import { answerOnly } from '../../shared/webhook';
import { withStatusNames } from '../helpers/status';
import { readProtection, refusal } from './protection';

/**
 * The Infobip LINE Trigger's webhook: checks the protection the user chose (Infobip signs
 * nothing; see ./protection), then turns each delivery report of `{ results: [...] }` into one item.
 */

function single(value: unknown): unknown {
	return Array.isArray(value) ? value[0] : value;
}

export async function receiveDeliveryReports(
	this: IWebhookFunctions,
): Promise<IWebhookResponseData> {
	const protection = await readProtection(this);
	if (protection.type === 'none') {
		this.logger.warn(
			'Infobip LINE Trigger accepted a request without checking any secret (Protection: None): anyone who knows its URL can start this workflow. Choose Protection → Infobip LINE Webhook API Credential to refuse such requests.',
		);
	}
	const refused = refusal(protection, {
		headers: this.getHeaderData() as IDataObject,
		query: this.getQueryData() as IDataObject,
	});
	if (refused) {
		this.logger.warn(`Infobip LINE Trigger refused a request: ${refused.reason}`);
		return answerOnly(this, 401, refused.message, refused.headers);
	}
	const body = this.getBodyData();
	if (!Array.isArray(body.results)) {
		const contentType = String(single(this.getHeaderData()['content-type']) ?? '');
		if (/xml/i.test(contentType)) {
			return answerOnly(
				this,
				415,
				'Only JSON delivery reports are read: set the Report Format of the send to JSON (webhooks.contentType application/json)',
			);
		}
		return answerOnly(this, 400, 'The body is not an Infobip delivery report (no results list)');
	}
	const groups = this.getNodeParameter('statusGroups', []) as string[];
	const items: INodeExecutionData[] = body.results
		.filter(isObject)
		.map(withStatusNames)
		.filter((report) => groups.length === 0 || groups.includes(String(report.statusGroupName)))
		.map((json) => ({ json }));
	// Infobip only needs a 200; an empty or fully filtered batch starts nothing.
	if (items.length === 0) return answerOnly(this, 200);
	return { workflowData: [items] };
}
