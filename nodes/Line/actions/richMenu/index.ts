import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';
import { richMenuUsersAndBatch } from './users';

export const richMenu: Record<string, OperationEntry> = {
	...richMenuUsersAndBatch,
};

export const richMenuDescription = resourceDescription('richMenu', richMenu, 'list');
