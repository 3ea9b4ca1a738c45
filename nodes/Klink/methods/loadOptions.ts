import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listRecords, MAX_PAGE_SIZE } from '../actions/pagination';
import { KlinkClient } from '../transport';

/** Enough for any workspace's channels, without paging forever through a misbehaving answer. */
const MAX_CHANNELS = 20 * MAX_PAGE_SIZE;

/**
 * The workspace's channels for the Send LINE Transactional dropdown: LINE channels first (the
 * endpoint sends through a LINE Official Account), then the others, each named with its type.
 */
export async function getLineChannels(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const client = await KlinkClient.create(this);
	const channels = await listRecords(
		{ fn: this, client },
		{ method: 'GET', path: '/api/v1/channels' },
		MAX_CHANNELS,
		0,
	);
	const line: INodePropertyOptions[] = [];
	const others: INodePropertyOptions[] = [];
	for (const channel of channels) {
		if (channel.id === undefined || channel.id === null) continue;
		const type = String(channel.type ?? '').trim();
		const name = String(channel.name ?? channel.brandName ?? channel.id);
		const brandName = String(channel.brandName ?? '');
		(type.toLowerCase() === 'line' ? line : others).push({
			name: type ? `${name} (${type})` : name,
			value: String(channel.id),
			...(brandName && brandName !== name ? { description: brandName } : {}),
		});
	}
	const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);
	return [...line.sort(byName), ...others.sort(byName)];
}
