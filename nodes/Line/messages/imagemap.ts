import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { describeValue, fail } from '../../shared/errors';
import { parseJson } from '../../shared/json';
import { asNumber, asText, asTrimmed, collectionEntries, compact } from '../helpers/fieldValues';
import {
	checkEnum,
	checkInteger,
	checkLinkUri,
	checkList,
	checkMediaUrl,
	checkObject,
	checkString,
	type Obj,
} from '../helpers/fieldChecks';
import { ALT_TEXT_FIELD, checkAltText } from './common';
import type { MessageTypeDefinition } from './types';

function checkArea(value: unknown, field: string): void {
	const area = checkObject(value, field, 'an area with x, y, width and height');
	checkInteger(area.x, `${field}.x`, 0, 'a position in pixels');
	checkInteger(area.y, `${field}.y`, 0, 'a position in pixels');
	checkInteger(area.width, `${field}.width`, 1, 'a width in pixels');
	checkInteger(area.height, `${field}.height`, 1, 'a height in pixels');
}

const IMAGEMAP_ACTION_CHECKS: Record<string, (action: Obj, field: string) => void> = {
	message: (action, field) => checkString(action.text, `${field}.text`, { max: 400 }),
	uri: (action, field) => checkLinkUri(action.linkUri, `${field}.linkUri`),
	clipboard: (action, field) =>
		checkString(action.clipboardText, `${field}.clipboardText`, { max: 1000 }),
};

function checkImagemapAction(value: unknown, field: string): void {
	const action = checkObject(value, field, 'an imagemap action');
	checkEnum(action.type, `${field}.type`, Object.keys(IMAGEMAP_ACTION_CHECKS));
	IMAGEMAP_ACTION_CHECKS[action.type as string](action, field);
	checkString(action.label, `${field}.label`, { max: Infinity, optional: true });
	checkArea(action.area, `${field}.area`);
}

function checkImagemapVideo(value: unknown, field: string): void {
	const video = checkObject(value, field, 'a video object');
	checkMediaUrl(video.originalContentUrl, `${field}.originalContentUrl`);
	checkMediaUrl(video.previewImageUrl, `${field}.previewImageUrl`);
	checkArea(video.area, `${field}.area`);
	if (video.externalLink !== undefined) {
		const link = checkObject(
			video.externalLink,
			`${field}.externalLink`,
			'a link with linkUri and label',
		);
		checkLinkUri(link.linkUri, `${field}.externalLink.linkUri`);
		checkString(link.label, `${field}.externalLink.label`, { max: 30 });
	}
}

function checkImagemap(message: Obj, field: string): void {
	checkMediaUrl(message.baseUrl, `${field}.baseUrl`);
	checkAltText(message, field);
	const baseSize = checkObject(
		message.baseSize,
		`${field}.baseSize`,
		'an object with width and height',
	);
	if (baseSize.width !== 1040) {
		fail(`${field}.baseSize.width`, `is ${describeValue(baseSize.width)}; LINE requires 1040`);
	}
	checkInteger(
		baseSize.height,
		`${field}.baseSize.height`,
		1,
		'the height in pixels at width 1040',
	);
	const actions = checkList(message.actions, `${field}.actions`, 1, 50, 'imagemap actions');
	actions.forEach((action, i) => checkImagemapAction(action, `${field}.actions[${i}]`));
	if (message.video !== undefined) checkImagemapVideo(message.video, `${field}.video`);
}

// ---------------------------------------------------------------------------------------------
// The builder

/** The fields of an area in pixels of the 1040-wide image; `what` is the tappable area or the video. */
function areaFields(what: string, height: number): INodeProperties[] {
	const field = (
		displayName: string,
		name: string,
		fallback: number,
		description: string,
	): INodeProperties => ({
		displayName,
		name,
		type: 'number',
		typeOptions: { minValue: 0 },
		required: true,
		default: fallback,
		description: `${description} in pixels of the 1040-pixel-wide image`,
	});
	return [
		field('X', 'x', 0, `Left edge of the ${what}`),
		field('Y', 'y', 0, `Top edge of the ${what}`),
		field('Width', 'width', 1040, `Width of the ${what}`),
		field('Height', 'height', height, `Height of the ${what}`),
	];
}

const AREA_VALUES: INodeProperties[] = [
	{
		displayName: 'Action Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Clipboard', value: 'clipboard', description: 'Copies a text to the clipboard' },
			{ name: 'Message', value: 'message', description: 'Sends a text as the user' },
			{ name: 'URI', value: 'uri', description: 'Opens a link' },
		],
		default: 'uri',
		description: 'What tapping the area does',
	},
	{
		displayName: 'Link URI',
		name: 'linkUri',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com',
		description: 'Link to open: http, https, line or tel, up to 1000 characters',
		displayOptions: { show: { type: ['uri'] } },
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		required: true,
		default: '',
		description: 'Text the user sends by tapping the area, up to 400 characters',
		displayOptions: { show: { type: ['message'] } },
	},
	{
		displayName: 'Clipboard Text',
		name: 'clipboardText',
		type: 'string',
		required: true,
		default: '',
		description: 'Text copied to the clipboard, up to 1000 characters',
		displayOptions: { show: { type: ['clipboard'] } },
	},
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		default: '',
		description: 'Text read out by screen readers for the area. Optional.',
	},
	...areaFields('area', 1040),
];

const VIDEO_VALUES: INodeProperties[] = [
	{
		displayName: 'Video URL',
		name: 'originalContentUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/video.mp4',
		description: 'HTTPS URL of the MP4 video played in the area',
	},
	{
		displayName: 'Preview Image URL',
		name: 'previewImageUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/preview.jpg',
		description: 'HTTPS URL of a JPEG or PNG shown before the video plays',
	},
	...areaFields('video', 585),
	{
		displayName: 'External Link URI',
		name: 'linkUri',
		type: 'string',
		default: '',
		placeholder: 'https://example.com',
		description:
			'Link shown after the video has played: http, https, line or tel. Optional; needs a label.',
	},
	{
		displayName: 'External Link Label',
		name: 'label',
		type: 'string',
		default: '',
		description: 'Text of the link shown after the video has played, up to 30 characters',
	},
];

/** An area as LINE takes it; numbers from expressions may come as text. */
function readArea(entry: IDataObject): IDataObject {
	return compact({
		x: asNumber(entry.x),
		y: asNumber(entry.y),
		width: asNumber(entry.width),
		height: asNumber(entry.height),
	});
}

const AREA_ACTION_READERS: Record<string, (entry: IDataObject) => Record<string, unknown>> = {
	uri: (entry) => ({ linkUri: asTrimmed(entry.linkUri) }),
	message: (entry) => ({ text: asText(entry.text) }),
	clipboard: (entry) => ({ clipboardText: asText(entry.clipboardText) }),
};

/** One entry of Areas as an imagemap action; the check names a wrong type. */
function readAreaAction(entry: IDataObject): IDataObject {
	const type = asText(entry.type) || 'uri';
	return compact({
		type,
		...AREA_ACTION_READERS[type]?.(entry),
		label: asText(entry.label),
		area: readArea(entry),
	});
}

/**
 * The areas' actions followed by those given as JSON. JSON alone goes to the check as given,
 * as it always did; neither is a mistake the check could only call "nothing".
 */
function readActions(fields: IDataObject, field: string): unknown {
	const areas = collectionEntries(fields.imagemapAreas, 'area').map(readAreaAction);
	const json = parseJson(fields.actions, `${field}.actions`);
	if (areas.length === 0) {
		if (json !== undefined) return json;
		fail(
			`${field}.actions`,
			'is required: add at least one area under Areas, or give Imagemap Actions as JSON',
		);
	}
	if (json === undefined) return areas;
	if (!Array.isArray(json)) {
		fail(
			`${field}.actions`,
			`must be a JSON array of imagemap actions (they follow the areas), got ${describeValue(json)}`,
		);
	}
	return [...areas, ...json];
}

function readVideo(value: unknown): IDataObject | undefined {
	const [entry] = collectionEntries(value, 'video');
	if (!entry) return undefined;
	const externalLink = compact({ linkUri: asTrimmed(entry.linkUri), label: asText(entry.label) });
	return compact({
		originalContentUrl: asTrimmed(entry.originalContentUrl),
		previewImageUrl: asTrimmed(entry.previewImageUrl),
		area: readArea(entry),
		externalLink: Object.keys(externalLink).length > 0 ? externalLink : undefined,
	});
}

export const imagemap: MessageTypeDefinition = {
	type: 'imagemap',
	builder: {
		option: { name: 'Imagemap', description: 'An image with tappable areas' },
		fields: [
			{
				displayName: 'Base URL',
				name: 'baseUrl',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'https://example.com/imagemap/1',
				description:
					'HTTPS URL of the imagemap images without a file name. LINE appends the width it needs (/1040, /700, /460, /300 or /240).',
			},
			ALT_TEXT_FIELD,
			{
				displayName: 'Base Height',
				name: 'baseHeight',
				type: 'number',
				required: true,
				default: 1040,
				description: 'Height of the imagemap image in pixels when it is 1040 pixels wide',
			},
			{
				displayName: 'Areas',
				name: 'imagemapAreas',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, sortable: true },
				placeholder: 'Add Area',
				default: {},
				description:
					'Tappable areas of the image, each with its action. Together with the actions given as JSON, 1 to 50.',
				options: [{ displayName: 'Area', name: 'area', values: AREA_VALUES }],
			},
			{
				displayName: 'Video',
				name: 'imagemapVideo',
				type: 'fixedCollection',
				placeholder: 'Add Video',
				default: {},
				description: 'A video played in an area of the image. Optional.',
				options: [{ displayName: 'Video', name: 'video', values: VIDEO_VALUES }],
			},
			{
				displayName: 'Imagemap Actions (JSON)',
				name: 'actions',
				type: 'json',
				default: '',
				placeholder:
					'[{ "type": "uri", "linkUri": "https://example.com", "area": { "x": 0, "y": 0, "width": 1040, "height": 1040 } }]',
				description:
					'Optional JSON array of imagemap actions, usually from an expression; they follow the areas above. Each has a type (uri, message or clipboard) and an area in pixels of the 1040-wide image.',
			},
		],
		read: (fields, field) =>
			compact({
				type: 'imagemap',
				baseUrl: asTrimmed(fields.baseUrl),
				altText: asText(fields.altText),
				baseSize: { width: 1040, height: asNumber(fields.baseHeight ?? 1040) },
				actions: readActions(fields, field),
				video: readVideo(fields.imagemapVideo),
			}),
	},
	check: checkImagemap,
};
