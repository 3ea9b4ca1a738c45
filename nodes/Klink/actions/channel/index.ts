import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { create } from './create.operation';
import { getAll } from './getAll.operation';

export const channel: Record<string, OperationEntry> = {
	getAll: {
		operation: getAll,
		option: {
			name: 'Get Many',
			action: 'Get many channels',
			description:
				'List the channels connected to klink.cloud, one item each (e.g. to find the ID of a LINE channel)',
		},
	},
	create: {
		operation: create,
		option: {
			name: 'Create',
			action: 'Create a channel',
			description: 'Create a channel (unverified: path and body are not documented)',
		},
	},
};

export const channelDescription = resourceDescription('channel', channel, 'getAll');
