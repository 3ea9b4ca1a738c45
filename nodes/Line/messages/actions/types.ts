import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Obj } from '../../helpers/fieldChecks';

/**
 * One type of LINE action object: its entry in the Action Type list, the fields shown for it
 * (`target` is what the user taps, for descriptions), the reader of those fields (an action with
 * only a label has none) and the check of an action of the type.
 */
export interface ActionTypeDefinition<T extends string = string> {
	type: T;
	option: Omit<INodePropertyOptions, 'value'> & { name: string };
	/** Without displayOptions: actionFields shows each for the types that list it. */
	fields?: (target: string) => INodeProperties[];
	read?: (entry: Obj) => Record<string, unknown>;
	check: (action: Obj, field: string) => void;
	/** Where LINE takes it when that is one kind of place only, e.g. `quick reply buttons`. */
	onlyIn?: string;
}

/** Keeps the literal type name, so that the registry can name the union of types. */
export function defineAction<T extends string>(
	definition: ActionTypeDefinition<T>,
): ActionTypeDefinition<T> {
	return definition;
}
