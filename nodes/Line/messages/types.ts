import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Obj } from '../helpers/fieldChecks';

/** Turns one entry of the builder's fields into a LINE message; `field` names it in errors. */
export type MessageReader = (fields: IDataObject, field: string) => IDataObject;

/** Checks one message object of this type against LINE's rules; `field` is its path. */
export type MessageCheck = (message: Obj, field: string) => void;

/**
 * One LINE message type: how the builder composes it (its entry in the Type list, the fields
 * shown for it and the reader of those fields) and how a message of the type is checked.
 * A type only sent as JSON has no builder; the builder's Raw JSON type has no check.
 */
export interface MessageTypeDefinition {
	type: string;
	builder?: {
		option: Omit<INodePropertyOptions, 'value'>;
		/** Without displayOptions: the builder shows each for the types that list it. */
		fields: INodeProperties[];
		read: MessageReader;
	};
	check?: MessageCheck;
}
