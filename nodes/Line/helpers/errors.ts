/**
 * A problem found in the input before anything is sent: names the field (as a path into the
 * LINE request, e.g. `messages[0].text`) and says how to fix it. The item runner turns it into a
 * NodeOperationError that also names the item.
 */
export class LineInputError extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly hint?: string,
	) {
		super(`${field}: ${message}`);
		this.name = 'LineInputError';
	}
}
