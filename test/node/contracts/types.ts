import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { TestCredential } from '../../support/engine';
import type { MockLine, MockRequest } from '../../support/mockLine';
import type { InputFile } from '../fixtures';
import type { MultipartPart } from '../../support/openapi';

/**
 * The contract of an operation: the one request that goes out (method, path, query, headers,
 * exact body, valid against LINE's OpenAPI) and the item that comes out. Each file of this folder
 * exports `contracts`, keyed by `resource/operation`; test/node/contract.test.ts runs them all.
 */

export interface ExpectedRequest {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	path: string;
	query?: Record<string, string>;
	/** The exact JSON body, or the exact bytes of a file upload; undefined for a request without a body. */
	body?: unknown;
	/** The request's content type when it is not JSON (a file upload: `image/png`, `text/plain`, …). */
	contentType?: string;
	/**
	 * The parts of a multipart/form-data body, in order (its boundary is random, so the parts are
	 * compared instead of the bytes); the body then is undefined.
	 */
	multipart?: MultipartPart[];
	/** Whether the spec's `X-Line-Retry-Key` is sent (a fresh UUID). */
	retryKey: boolean;
}

export interface ContractCase {
	name: string;
	parameters: INodeParameters;
	input?: IDataObject[];
	/** Files of the input items, by item index (uploads). */
	files?: Array<InputFile | undefined>;
	/** Programs the mock before the run. */
	arrange?: (mock: MockLine) => void;
	/** The node's credential (default: the channel access token credential). */
	credentials?: (mock: MockLine) => TestCredential;
	/**
	 * The request's Authorization header (default `Bearer test-channel-access-token`); null for a
	 * request sent without one (LINE's token endpoints). Such a case's requests all count as the
	 * node's own: its credential fetched no token.
	 */
	authorization?: string | null;
	request: ExpectedRequest;
	/** Requests that go out before `request` (e.g. a status check), in order: method and path. */
	before?: Array<Pick<ExpectedRequest, 'method' | 'path'>>;
	/** The json of the output item (of each, for lists), given the request the mock received. */
	output: (request: MockRequest) => IDataObject | IDataObject[];
	/** The binary data of the output item, for downloads. */
	binary?: (request: MockRequest) => IDataObject;
	/** The output item's pairedItem (default `{ item: 0 }`); per-request multicast output lists the items. */
	pairedItem?: unknown;
}
