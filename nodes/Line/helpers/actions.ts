import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { describeValue, fail } from '../../shared/errors';
import { checkEnum, checkLinkUri, checkObject, checkString, type Obj } from './fieldChecks';

/**
 * LINE's action objects (what tapping a quick reply button or a rich menu area does): the node
 * fields that compose one, the reader that turns those fields into the action, and the checks of
 * an action against LINE's rules for the place it is used in.
 */

export type ActionType =
	| 'camera'
	| 'cameraRoll'
	| 'clipboard'
	| 'datetimepicker'
	| 'location'
	| 'message'
	| 'postback'
	| 'richmenuswitch'
	| 'uri';

/** Alphabetical by name, as the UI lists them. */
const ACTION_TYPE_OPTIONS: Array<INodePropertyOptions & { value: ActionType }> = [
	{ name: 'Camera', value: 'camera', description: 'Opens the camera' },
	{ name: 'Camera Roll', value: 'cameraRoll', description: 'Opens the photo library' },
	{ name: 'Clipboard', value: 'clipboard', description: 'Copies a text to the clipboard' },
	{
		name: 'Date-Time Picker',
		value: 'datetimepicker',
		description: 'Lets the user pick a date or time, sent back in a postback event',
	},
	{ name: 'Location', value: 'location', description: 'Opens the location screen' },
	{ name: 'Message', value: 'message', description: 'Sends a text as the user' },
	{ name: 'Postback', value: 'postback', description: 'Sends data back in a postback event' },
	{
		name: 'Rich Menu Switch',
		value: 'richmenuswitch',
		description: 'Switches to another rich menu (by its alias) and sends a postback event',
	},
	{ name: 'URI', value: 'uri', description: 'Opens a link' },
];

export interface ActionFieldsOptions {
	/** What the user taps, in descriptions: `button` (quick reply) or `area` (rich menu). */
	target: string;
	labelRequired: boolean;
	labelDescription: string;
}

/** A field shown only for some action types; left out when none of them is offered. */
function forTypes(
	offered: readonly ActionType[],
	types: ActionType[],
	field: INodeProperties,
): INodeProperties[] {
	const shown = types.filter((type) => offered.includes(type));
	return shown.length === 0 ? [] : [{ ...field, displayOptions: { show: { type: shown } } }];
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
		...forTypes(types, ['message'], {
			displayName: 'Text',
			name: 'text',
			type: 'string',
			required: true,
			default: '',
			description: `Text the user sends by tapping the ${target}, up to 300 characters`,
		}),
		...forTypes(types, ['richmenuswitch'], {
			displayName: 'Rich Menu Alias ID',
			name: 'richMenuAliasId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'richmenu-alias-b',
			description:
				'Alias of the rich menu to switch to (see Rich Menu Alias), up to 32 characters: a-z, 0-9, _ and -',
		}),
		...forTypes(types, ['postback', 'datetimepicker', 'richmenuswitch'], {
			displayName: 'Data',
			name: 'data',
			type: 'string',
			required: true,
			default: '',
			description: 'Data returned in the postback webhook event, up to 300 characters',
		}),
		...forTypes(types, ['postback'], {
			displayName: 'Display Text',
			name: 'displayText',
			type: 'string',
			default: '',
			description: `Text shown in the chat as sent by the user when the ${target} is tapped`,
		}),
		...forTypes(types, ['uri'], {
			displayName: 'URI',
			name: 'uri',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://example.com',
			description: 'Link to open: http, https, line or tel, up to 1000 characters',
		}),
		...forTypes(types, ['clipboard'], {
			displayName: 'Clipboard Text',
			name: 'clipboardText',
			type: 'string',
			required: true,
			default: '',
			description: 'Text copied to the clipboard, up to 1000 characters',
		}),
		...forTypes(types, ['datetimepicker'], {
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			options: [
				{ name: 'Date', value: 'date' },
				{ name: 'Date and Time', value: 'datetime' },
				{ name: 'Time', value: 'time' },
			],
			default: 'datetime',
			description: 'What the user picks',
		}),
		...forTypes(types, ['datetimepicker'], {
			displayName: 'Initial Value',
			name: 'initial',
			type: 'string',
			default: '',
			placeholder: '2025-12-25T13:30',
			description:
				'Value selected at first, written as 2025-12-25, 13:30 or 2025-12-25T13:30 to match the mode',
		}),
		...forTypes(types, ['datetimepicker'], {
			displayName: 'Max Value',
			name: 'max',
			type: 'string',
			default: '',
			description: 'Latest value the user can pick, in the same format as the initial value',
		}),
		...forTypes(types, ['datetimepicker'], {
			displayName: 'Min Value',
			name: 'min',
			type: 'string',
			default: '',
			description: 'Earliest value the user can pick, in the same format as the initial value',
		}),
	];
}

// ---------------------------------------------------------------------------------------------
// Reading the fields back

/** Text as the user typed it; expressions may resolve to numbers or booleans. */
export function asText(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

/** IDs and URLs, where surrounding spaces are always a mistake. */
export function asTrimmed(value: unknown): string | undefined {
	return asText(value)?.trim();
}

/** Drops empty fields: LINE refuses `""` where it expects a value, and absent optional ones. */
export function compact(fields: Record<string, unknown>): IDataObject {
	const result: IDataObject = {};
	for (const key of Object.keys(fields)) {
		const value = fields[key];
		if (value !== undefined && value !== null && value !== '')
			result[key] = value as IDataObject[string];
	}
	return result;
}

type ActionReader = (entry: IDataObject) => Record<string, unknown>;

const ACTION_READERS: Partial<Record<string, ActionReader>> = {
	message: (entry) => ({ text: asText(entry.text) }),
	postback: (entry) => ({ data: asText(entry.data), displayText: asText(entry.displayText) }),
	uri: (entry) => ({ uri: asTrimmed(entry.uri) }),
	datetimepicker: (entry) => ({
		data: asText(entry.data),
		mode: asText(entry.mode) || 'datetime',
		initial: asTrimmed(entry.initial),
		max: asTrimmed(entry.max),
		min: asTrimmed(entry.min),
	}),
	richmenuswitch: (entry) => ({
		richMenuAliasId: asTrimmed(entry.richMenuAliasId),
		data: asText(entry.data),
	}),
	clipboard: (entry) => ({ clipboardText: asText(entry.clipboardText) }),
};

/** The LINE action object of one entry of the fields above (camera and the like have only a label). */
export function readAction(entry: IDataObject): IDataObject {
	const type = asText(entry.type) || 'message';
	const fields = ACTION_READERS[type]?.(entry) ?? {};
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
const ONLY_IN: Partial<Record<ActionType, string>> = {
	camera: 'quick reply buttons',
	cameraRoll: 'quick reply buttons',
	location: 'quick reply buttons',
	richmenuswitch: 'rich menus',
};

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

const DATETIME_FORMATS: Record<string, { pattern: RegExp; example: string }> = {
	date: { pattern: /^\d{4}-\d{2}-\d{2}$/, example: '2025-12-25' },
	time: { pattern: /^\d{2}:\d{2}$/, example: '13:30' },
	datetime: { pattern: /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}$/, example: '2025-12-25T13:30' },
};

const RICH_MENU_ALIAS_ID = /^[a-z0-9_-]{1,32}$/;

function checkPostbackData(action: Obj, field: string): void {
	checkString(action.data, `${field}.data`, { max: 300, what: 'postback data' });
}

const TYPE_CHECKS: Record<ActionType, (action: Obj, field: string) => void> = {
	postback: (action, field) => {
		checkPostbackData(action, field);
		checkString(action.displayText, `${field}.displayText`, { max: 300, optional: true });
		checkString(action.text, `${field}.text`, { max: 300, optional: true });
		if (action.displayText !== undefined && action.text !== undefined) {
			fail(`${field}.text`, 'cannot be set together with displayText; keep displayText');
		}
		checkEnum(
			action.inputOption,
			`${field}.inputOption`,
			['closeRichMenu', 'openRichMenu', 'openKeyboard', 'openVoice'],
			true,
		);
		checkString(action.fillInText, `${field}.fillInText`, { max: 300, optional: true });
	},
	message: (action, field) => {
		checkString(action.text, `${field}.text`, { max: 300 });
	},
	uri: (action, field) => {
		checkLinkUri(action.uri, `${field}.uri`);
		if (action.altUri !== undefined) {
			const altUri = checkObject(action.altUri, `${field}.altUri`, 'an object with desktop');
			checkLinkUri(altUri.desktop, `${field}.altUri.desktop`, true);
		}
	},
	datetimepicker: (action, field) => {
		checkPostbackData(action, field);
		checkEnum(action.mode, `${field}.mode`, Object.keys(DATETIME_FORMATS));
		const format = DATETIME_FORMATS[action.mode as string];
		for (const key of ['initial', 'max', 'min']) {
			const value = action[key];
			if (value === undefined) continue;
			if (typeof value !== 'string' || !format.pattern.test(value)) {
				fail(
					`${field}.${key}`,
					`${describeValue(value)} does not match mode "${action.mode}" (expected e.g. ${format.example})`,
				);
			}
		}
	},
	richmenuswitch: (action, field) => {
		const aliasField = `${field}.richMenuAliasId`;
		checkString(action.richMenuAliasId, aliasField, { max: 32 });
		if (!RICH_MENU_ALIAS_ID.test(action.richMenuAliasId as string)) {
			fail(
				aliasField,
				`${describeValue(action.richMenuAliasId)} is not a rich menu alias ID (1 to 32 of a-z, 0-9, _ and -)`,
			);
		}
		checkPostbackData(action, field);
	},
	clipboard: (action, field) => {
		checkString(action.clipboardText, `${field}.clipboardText`, { max: 1000 });
	},
	camera: () => {},
	cameraRoll: () => {},
	location: () => {},
};

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
	TYPE_CHECKS[type as ActionType](action, field);
}
