import { audienceListOperation } from './list.operation';

export const listShared = audienceListOperation('shared');
