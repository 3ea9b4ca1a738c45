import type * as shared from '../../shared/resource';
import type { KonnekClient } from '../transport';

export type KonnekOperationContext = shared.OperationContext<KonnekClient>;
export type KonnekOperation = shared.Operation<KonnekClient>;
export type OperationEntry = shared.OperationEntry<KonnekClient>;
