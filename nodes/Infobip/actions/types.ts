import type * as shared from '../../shared/resource';
import type { InfobipClient } from '../transport';

export type InfobipOperationContext = shared.OperationContext<InfobipClient>;
export type InfobipOperation = shared.Operation<InfobipClient>;
export type OperationEntry = shared.OperationEntry<InfobipClient>;
