import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { describeValue, fail } from '../../shared/errors';
import { ACTION_TYPES, type ActionType } from '../messages/actions';
import { fieldsShownFor } from '../messages/shownFor';
import { checkObject, checkString, type Obj } from './fieldChecks';
import { asText, compact } from './fieldValues';

export { asText, asTrimmed, compact } from './fieldValues';

/**
 * LINE's action objects (what tapping a quick reply button or a rich menu area does): the node
 * fields that compose one, the reader that turns those fields into the action, and the checks of
 * an action against LINE's rules for the place it is used in. Each action type's own fields,
 * reader and rules are in its file in ../messages/actions.
 */

export type { ActionType };

/** Alphabetical by name, as the UI lists them. */
const ACTION_TYPE_OPTIONS: Array<INodePropertyOptions & { value: ActionType }> = ACTION_TYPES.map(
	({ type, option }) => ({ name: option.name, value: type, description: option.description }),
).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

export interface ActionFieldsOptions {
	/** What the user taps, in descriptions: `button` (quick reply) or `area` (rich menu). */
	target: string;
	labelRequired: boolean;
	labelDescription: string;
}

/** The fields of the offered types, each shown for the offered types that list it. */
function typeFields(offered: readonly ActionType[], target: string): INodeProperties[] {
	return fieldsShownFor(
		ACTION_TYPES.filter(({ type }) => offered.includes(type)).map(({ type, fields }) => ({
			type,
			fields: fields?.(target) ?? [],
		})),
	);
}

/**
 * The fields of one action, for the `values` of a fixed collection entry: the action type (with
 * the `types` offered, default `message`), its label, and the fields of each type. The type comes
 * first because it decides which of the other fields are shown.
 */
export function actionFields(
	types: readonly ActionType[],
	{ target, labelRequired, labelDescription }: ActionFieldsOptions,
): INodeProperties[] {
	return [
		{
			displayName: 'Action Type',
			name: 'type',
			type: 'options',
			options: ACTION_TYPE_OPTIONS.filter(({ value }) => types.includes(value)),
			default: 'message',
			description: `What tapping the ${target} does`,
		},
		{
			displayName: 'Label',
			name: 'label',
			type: 'string',
			required: labelRequired,
			default: '',
			description: labelDescription,
		},
		...typeFields(types, target),
	];
}

// ---------------------------------------------------------------------------------------------
// Reading the fields back

/** The LINE action object of one entry of the fields above (camera and the like have only a label). */
export function readAction(entry: IDataObject): IDataObject {
	const type = asText(entry.type) || 'message';
	const fields = ACTION_TYPES.find((definition) => definition.type === type)?.read?.(entry) ?? {};
	return compact({ type, label: asText(entry.label), ...fields });
}

// ---------------------------------------------------------------------------------------------
// Checks

/** Where an action is used: which types LINE takes there, and its rule for the label. */
export interface ActionPlace {
	/** E.g. `rich menus`, in error messages. */
	name: string;
	types: readonly ActionType[];
	labelMax: number;
	labelRequired: boolean;
	/**
	 * In a message (templates, flex messages, quick reply buttons): every type LINE takes in
	 * messages, against which a refused type is explained (see actionPlaceInMessages).
	 */
	inMessages?: readonly ActionType[];
}

const ALL_TYPES: readonly string[] = ACTION_TYPE_OPTIONS.map(({ value }) => value);

/** The types LINE takes in one kind of place only. */
const ONLY_IN: Partial<Record<string, string>> = Object.fromEntries(
	ACTION_TYPES.filter(({ onlyIn }) => onlyIn !== undefined).map(({ type, onlyIn }) => [
		type,
		onlyIn,
	]),
);

/** Every type LINE takes in messages (all but the rich menu switch), in the order errors list them. */
const MESSAGE_ACTION_TYPES: readonly ActionType[] = [
	'postback',
	'message',
	'uri',
	'datetimepicker',
	'clipboard',
	'camera',
	'cameraRoll',
	'location',
];

/**
 * A place for actions in a message (a template, a flex message, quick reply buttons): it takes
 * every type LINE takes in messages but those that work only in other places.
 */
export function actionPlaceInMessages(
	name: string,
	labelMax: number,
	labelRequired: boolean,
): ActionPlace {
	return {
		name,
		types: MESSAGE_ACTION_TYPES.filter((type) => (ONLY_IN[type] ?? name) === name),
		labelMax,
		labelRequired,
		inMessages: MESSAGE_ACTION_TYPES,
	};
}

/** What a quick reply button may do: every action but the rich menu switch. */
export const QUICK_REPLY_ACTION_PLACE = actionPlaceInMessages('quick reply buttons', 20, true);

/** Fails on an action type the place does not take, saying where the type works instead. */
function refuseType(type: unknown, field: string, place: ActionPlace): never {
	const known = typeof type === 'string' && ALL_TYPES.includes(type);
	const worksIn = known ? ONLY_IN[type as ActionType] : undefined;
	const { inMessages } = place;
	if (inMessages) {
		if (type === undefined) fail(field, 'is required (e.g. message, postback or uri)');
		if (worksIn && inMessages.includes(type as ActionType)) {
			fail(field, `"${type as string}" actions are only allowed in ${worksIn}`);
		}
		const hint = worksIn ? ` (${type as string} works only in ${worksIn})` : '';
		fail(
			field,
			`${describeValue(type)} is not an action type LINE accepts here${hint}; expected one of ${inMessages.join(', ')}`,
		);
	}
	const expected = `one of ${place.types.join(', ')}`;
	if (type === undefined) fail(field, `is required (${expected})`);
	const why = !known
		? 'is not an action type LINE knows'
		: worksIn
			? `actions work only in ${worksIn}`
			: `actions do not work in ${place.name}`;
	fail(field, `${describeValue(type)} ${why}; expected ${expected}`);
}

const TYPE_CHECKS: Record<string, (action: Obj, field: string) => void> = Object.fromEntries(
	ACTION_TYPES.map(({ type, check }) => [type, check]),
);

/**
 * One action object, against LINE's rules for its type and for the place it is used in: a rich
 * menu area, a quick reply button, a template or a flex message.
 */
export function checkAction(value: unknown, field: string, place: ActionPlace): void {
	const action = checkObject(value, field, 'an action object');
	const type = action.type;
	if (typeof type !== 'string' || !place.types.includes(type as ActionType)) {
		refuseType(type, `${field}.type`, place);
	}
	checkString(action.label, `${field}.label`, {
		max: place.labelMax,
		optional: !place.labelRequired,
		unit: 'graphemes',
		what: 'a label',
	});
	TYPE_CHECKS[type](action, field);
}
