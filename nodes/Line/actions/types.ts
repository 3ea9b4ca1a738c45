import type * as shared from '../../shared/resource';
import type { LineClient } from '../transport';

export type OperationContext = shared.OperationContext<LineClient>;
export type LineOperation = shared.Operation<LineClient>;
export type OperationEntry = shared.OperationEntry<LineClient> & {
	/**
	 * The operationIds of LINE's OpenAPI documents (../shared/line-openapi) this operation calls;
	 * the contract tests check it against the requests it makes, `npm run api-coverage` lists it.
	 */
	api: readonly string[];
};
