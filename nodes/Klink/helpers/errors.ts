import { LineInputError } from '../../Line/helpers/errors';

/**
 * A problem found in the input before anything is sent to klink.cloud: names the field (a path
 * into the klink.cloud request, e.g. `customFields.cf_customer_id`) and says how to fix it. It
 * is a LineInputError so that the shared item runner names the item and keeps the hint.
 */
export class KlinkInputError extends LineInputError {
	constructor(field: string, message: string, hint?: string) {
		super(field, message, hint);
		this.name = 'KlinkInputError';
	}
}
