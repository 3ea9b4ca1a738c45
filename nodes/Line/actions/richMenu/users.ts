import type { OperationEntry } from '../types';

/** The rich-menu operations on users (link, unlink, get) and the batch operations. */
export const richMenuUsersAndBatch: Record<string, OperationEntry> = {};
