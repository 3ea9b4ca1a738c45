import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';

export const insight: Record<string, OperationEntry> = {};

export const insightDescription = resourceDescription('insight', insight, 'getNumberOfFollowers');
