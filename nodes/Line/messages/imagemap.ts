import { describeValue, fail } from '../../shared/errors';
import { parseJson } from '../../shared/json';
import { asNumber, asText, asTrimmed, compact } from '../helpers/fieldValues';
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
				displayName: 'Imagemap Actions',
				name: 'actions',
				type: 'json',
				required: true,
				default: '',
				placeholder:
					'[{ "type": "uri", "linkUri": "https://example.com", "area": { "x": 0, "y": 0, "width": 1040, "height": 1040 } }]',
				description:
					'JSON array of 1 to 50 imagemap actions, each with a type (uri, message or clipboard) and an area in pixels of the 1040-wide image',
			},
		],
		read: (fields, field) =>
			compact({
				type: 'imagemap',
				baseUrl: asTrimmed(fields.baseUrl),
				altText: asText(fields.altText),
				baseSize: { width: 1040, height: asNumber(fields.baseHeight ?? 1040) },
				actions: parseJson(fields.actions, `${field}.actions`),
			}),
	},
	check: checkImagemap,
};
