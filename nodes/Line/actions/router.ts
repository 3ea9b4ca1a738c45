import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readDeliverySettings } from '../../shared/deliveryOptions';
import { route } from '../../shared/router';
import { LineClient } from '../transport';
import type { OperationEntry } from './types';
import { audience } from './audience';
import { bot } from './bot';
import { channelToken } from './channelToken';
import { chat } from './chat';
import { content } from './content';
import { coupon } from './coupon';
import { group } from './group';
import { insight } from './insight';
import { membership } from './membership';
import { message } from './message';
import { quota } from './quota';
import { richMenu } from './richMenu';
import { richMenuAlias } from './richMenuAlias';
import { room } from './room';
import { user } from './user';
import { webhook } from './webhook';

/** Every resource of the LINE node with its operations. */
export const lineResources: Record<string, Record<string, OperationEntry>> = {
	audience,
	bot,
	channelToken,
	chat,
	content,
	coupon,
	group,
	insight,
	membership,
	message,
	quota,
	richMenu,
	richMenuAlias,
	room,
	user,
	webhook,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(
		this,
		lineResources,
		async () =>
			await LineClient.create(
				this,
				this.getNodeParameter('authentication', 0, 'channelAccessToken'),
				readDeliverySettings(this),
			),
	);
}
