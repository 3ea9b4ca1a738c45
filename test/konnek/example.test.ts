import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runKonnekOk, useMockKonnek } from './fixtures';

/** The example workflow's Konnek node, run as it is against the mock: the documented request. */

const konnek = useMockKonnek();

const workflow = JSON.parse(
	readFileSync(path.resolve(__dirname, '../../examples/konnek-order-update.json'), 'utf8'),
) as { nodes: Array<{ name: string; parameters: INodeParameters; credentials?: IDataObject }> };

it('the example sends a documented button message with header and footer', async () => {
	const send = workflow.nodes.find((node) => node.name === 'Send Order Update')!;
	expect(send.credentials).toEqual({
		lineConnectorKonnekApi: { id: 'konnekCred', name: 'Konnek (sandbox)' },
	});
	const [item] = await runKonnekOk(konnek.mock, send.parameters);
	const body = konnek.mock.requests[0].body as IDataObject;
	expect(konnek.mock.requests[0].path).toBe('/line/send/client-42');
	expect(body).toMatchObject({
		type: 'button',
		body: {
			text: 'Your order 1234 has shipped and arrives on Friday.',
			button: [
				{ key: 'track-1234', title: 'Track parcel' },
				{ key: 'help-1234', title: 'Talk to us' },
			],
		},
		header: { type: 'text', text: 'Order 1234' },
		footer: { title: 'Shop', text: 'Thank you for your order' },
	});
	expect(body.id).toMatch(/^order-1234-shipped-\d{14}$/);
	expect(item.json.statusName).toBe('Pending');
});
