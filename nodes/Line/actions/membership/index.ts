import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';

export const membership: Record<string, OperationEntry> = {};

export const membershipDescription = resourceDescription('membership', membership, 'getList');
