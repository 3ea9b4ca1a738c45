import type {
	IBinaryData,
	IBinaryKeyData,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { InputError } from '../../shared/errors';
import type { ItemParameters } from '../../shared/parameters';

/** Binary fields: the input field a file to upload is read from, the output field a download goes in. */

/** "Input Binary Field": the field of each input item holding the file, e.g. `the text file`. */
export function inputBinaryField(holding: string, description: string): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: `The name of the input binary field holding ${holding}`,
		description,
	};
}

/** "Put Output File in Field": the field of each output item a downloaded `what` goes in. */
export function outputBinaryField(what: string): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: `The name of the output binary field to put the ${what} in`,
	};
}

/** The name of a binary field, trimmed; `hint` says what to give when it is empty. */
function checkBinaryFieldName(value: unknown, hint: string, field: string): string {
	const name = String(value ?? '').trim();
	if (name === '') throw new InputError(field, 'is empty', hint);
	return name;
}

/** An input binary field's name (see inputBinaryField), e.g. holding `the image`. */
export function checkInputBinaryField(
	value: unknown,
	holding: string,
	field = 'binaryPropertyName',
): string {
	return checkBinaryFieldName(
		value,
		`Name the input binary field holding ${holding}, e.g. data.`,
		field,
	);
}

/** One item's output binary field (see outputBinaryField), for a downloaded `what`. */
export function readOutputBinaryField(
	params: ItemParameters,
	itemIndex: number,
	what: string,
): string {
	return checkBinaryFieldName(
		params.get('binaryPropertyName', itemIndex),
		`Name the binary field to put the ${what} in, e.g. data.`,
		'binaryPropertyName',
	);
}

/**
 * The files an operation downloads, kept by item: the item runner builds the json of the output
 * items, and each file then joins the output item of the input item it came from.
 */
export class DownloadedFiles {
	private readonly files = new Map<number, IBinaryKeyData>();

	add(itemIndex: number, field: string, binary: IBinaryData): void {
		this.files.set(itemIndex, { [field]: binary });
	}

	attachTo(output: INodeExecutionData[]): INodeExecutionData[] {
		return output.map((item) => {
			const pairedItem = item.pairedItem as { item: number };
			const binary = this.files.get(pairedItem.item);
			return binary ? { ...item, binary } : item;
		});
	}
}
