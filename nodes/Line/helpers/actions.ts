import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { describeValue, fail } from '../../shared/errors';
import { isObject } from '../../shared/values';

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

type Obj = Record<string, unknown>;

/** Where an action is used: which types LINE takes there, and its rule for the label. */
export interface ActionPlace {
	/** E.g. `rich menus`, in error messages. */
	name: string;
	types: readonly ActionType[];
	labelMax: number;
	labelRequired: boolean;
}

const ALL_TYPES = ACTION_TYPE_OPTIONS.map(({ value }) => value);
const QUICK_REPLY_ONLY: readonly string[] = ['camera', 'cameraRoll', 'location'];

const graphemes =
	typeof Intl.Segmenter === 'function'
		? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
		: undefined;

/** LINE counts action labels in grapheme clusters (an emoji with modifiers is one). */
function graphemeCount(text: string): number {
	if (graphemes) return Array.from(graphemes.segment(text)).length;
	return Array.from(text).length;
}

interface TextRule {
	max: number;
	min?: number;
	optional?: boolean;
	graphemes?: boolean;
}

function checkText(value: unknown, field: string, rule: TextRule): void {
	const min = rule.min ?? 1;
	if (value === undefined && rule.optional) return;
	if (value === undefined) fail(field, `is required (text, ${min} to ${rule.max} characters)`);
	if (typeof value !== 'string') fail(field, `must be text, got ${describeValue(value)}`);
	if (value.length < min) fail(field, `is empty (text, ${min} to ${rule.max} characters)`);
	const length = rule.graphemes && value.length > rule.max ? graphemeCount(value) : value.length;
	if (length > rule.max) {
		fail(field, `is too long: ${length} characters, LINE allows at most ${rule.max}`);
	}
}

function checkEnum(value: unknown, field: string, allowed: readonly string[], optional = false) {
	if (value === undefined && optional) return;
	if (typeof value === 'string' && allowed.includes(value)) return;
	const got = value === undefined ? 'is required' : `is ${describeValue(value)}`;
	fail(field, `${got}; expected one of ${allowed.join(', ')}`);
}

/** Links opened by the user's LINE app: http, https, line and tel, percent-encoded. */
function checkLinkUri(value: unknown, field: string, optional = false): void {
	if (value === undefined && optional) return;
	checkText(value, field, { max: 1000 });
	const uri = value as string;
	if (!/^(https?:\/\/\S|line:\/\/\S|tel:\S)/i.test(uri)) {
		fail(field, `${describeValue(uri)} must start with http://, https://, line:// or tel:`);
	}
	if (/[^\x21-\x7e]/u.test(uri)) {
		fail(
			field,
			`${describeValue(uri)} contains a space or a character LINE takes only percent-encoded`,
			'Percent-encode it (a space is %20), e.g. with encodeURI() in an expression',
		);
	}
}

const DATETIME_FORMATS: Record<string, { pattern: RegExp; example: string }> = {
	date: { pattern: /^\d{4}-\d{2}-\d{2}$/, example: '2025-12-25' },
	time: { pattern: /^\d{2}:\d{2}$/, example: '13:30' },
	datetime: { pattern: /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}$/, example: '2025-12-25T13:30' },
};

const RICH_MENU_ALIAS_ID = /^[a-z0-9_-]{1,32}$/;

const TYPE_CHECKS: Record<ActionType, (action: Obj, field: string) => void> = {
	postback: (action, field) => {
		checkText(action.data, `${field}.data`, { max: 300 });
		checkText(action.displayText, `${field}.displayText`, { max: 300, optional: true });
		checkText(action.text, `${field}.text`, { max: 300, optional: true });
		if (action.displayText !== undefined && action.text !== undefined) {
			fail(`${field}.text`, 'cannot be set together with displayText; keep displayText');
		}
		checkEnum(
			action.inputOption,
			`${field}.inputOption`,
			['closeRichMenu', 'openRichMenu', 'openKeyboard', 'openVoice'],
			true,
		);
		checkText(action.fillInText, `${field}.fillInText`, { max: 300, optional: true });
	},
	message: (action, field) => checkText(action.text, `${field}.text`, { max: 300 }),
	uri: (action, field) => {
		checkLinkUri(action.uri, `${field}.uri`);
		if (action.altUri !== undefined) {
			if (!isObject(action.altUri)) {
				fail(
					`${field}.altUri`,
					`must be an object with desktop, got ${describeValue(action.altUri)}`,
				);
			}
			checkLinkUri(action.altUri.desktop, `${field}.altUri.desktop`, true);
		}
	},
	datetimepicker: (action, field) => {
		checkText(action.data, `${field}.data`, { max: 300 });
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
		checkText(action.richMenuAliasId, aliasField, { max: 32 });
		if (!RICH_MENU_ALIAS_ID.test(action.richMenuAliasId as string)) {
			fail(
				aliasField,
				`${describeValue(action.richMenuAliasId)} is not a rich menu alias ID (1 to 32 of a-z, 0-9, _ and -)`,
			);
		}
		checkText(action.data, `${field}.data`, { max: 300 });
	},
	clipboard: (action, field) =>
		checkText(action.clipboardText, `${field}.clipboardText`, { max: 1000 }),
	camera: () => {},
	cameraRoll: () => {},
	location: () => {},
};

/** One action object, against LINE's rules for its type and for the place it is used in. */
export function checkAction(value: unknown, field: string, place: ActionPlace): void {
	if (!isObject(value)) {
		fail(
			field,
			value === undefined
				? 'is required (an action object)'
				: `must be an action object, got ${describeValue(value)}`,
		);
	}
	const type = value.type;
	if (type === undefined) {
		fail(`${field}.type`, `is required (one of ${place.types.join(', ')})`);
	}
	if (typeof type !== 'string' || !place.types.includes(type as ActionType)) {
		const known = typeof type === 'string' && (ALL_TYPES as string[]).includes(type);
		const why = !known
			? 'is not an action type LINE knows'
			: QUICK_REPLY_ONLY.includes(type as string)
				? 'actions work only in quick reply buttons'
				: `actions do not work in ${place.name}`;
		fail(
			`${field}.type`,
			`${describeValue(type)} ${why}; expected one of ${place.types.join(', ')}`,
		);
	}
	checkText(value.label, `${field}.label`, {
		max: place.labelMax,
		optional: !place.labelRequired,
		graphemes: true,
	});
	TYPE_CHECKS[type as ActionType](value, field);
}
