import type * as shared from '../../shared/resource';
import type { KlinkClient } from '../transport';

export type OperationContext = shared.OperationContext<KlinkClient>;
export type KlinkOperation = shared.Operation<KlinkClient>;
export type OperationEntry = shared.OperationEntry<KlinkClient>;
