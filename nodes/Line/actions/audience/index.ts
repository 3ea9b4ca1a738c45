import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';

export const audience: Record<string, OperationEntry> = {};

export const audienceDescription = resourceDescription('audience', audience, 'list');
