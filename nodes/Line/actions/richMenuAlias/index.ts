import { resourceDescription } from '../../../shared/resource';
import type { OperationEntry } from '../types';

export const richMenuAlias: Record<string, OperationEntry> = {};

export const richMenuAliasDescription = resourceDescription('richMenuAlias', richMenuAlias, 'list');
