import { audienceDataOperation } from './get.operation';

export const getShared = audienceDataOperation('shared');
