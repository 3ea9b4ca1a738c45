import type * as shared from '../../shared/resource';
import type { LineClient } from '../transport';

export type OperationContext = shared.OperationContext<LineClient>;
export type LineOperation = shared.Operation<LineClient>;
export type OperationEntry = shared.OperationEntry<LineClient>;
