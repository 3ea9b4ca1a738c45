import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';

export const channelToken: Record<string, OperationEntry> = {};

export const channelTokenDescription = resourceDescription('channelToken', channelToken, 'issue');
