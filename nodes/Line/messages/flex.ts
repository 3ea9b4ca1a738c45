import type { IDataObject } from 'n8n-workflow';

import { describeValue, fail } from '../../shared/errors';
import { isObject } from '../../shared/values';
import { actionPlaceInMessages, checkAction } from '../helpers/actions';
import {
	checkEnum,
	checkList,
	checkMediaUrl,
	checkObject,
	checkString,
	type Obj,
} from '../helpers/fieldChecks';
import { asText, compact } from '../helpers/fieldValues';
import { altTextAndJsonBuilder, checkAltText } from './common';
import type { MessageTypeDefinition } from './types';

const KB = 1024;
const FLEX_ACTION = actionPlaceInMessages('flex messages', 40, false);
const FLEX_COMPONENT_TYPES = [
	'box',
	'button',
	'image',
	'video',
	'icon',
	'text',
	'span',
	'separator',
	'filler',
];

const FLEX_COMPONENT_CHECKS: Record<string, (component: Obj, field: string) => void> = {
	box: (box, field) => {
		checkEnum(box.layout, `${field}.layout`, ['horizontal', 'vertical', 'baseline']);
		const contents = checkList(box.contents, `${field}.contents`, 0, Infinity, 'components');
		contents.forEach((child, i) => checkFlexComponent(child, `${field}.contents[${i}]`));
	},
	button: (button, field) => {
		if (button.action === undefined)
			fail(`${field}.action`, 'is required (a button needs an action)');
	},
	image: (image, field) => checkMediaUrl(image.url, `${field}.url`),
	icon: (icon, field) => checkMediaUrl(icon.url, `${field}.url`),
	video: (video, field) => {
		checkMediaUrl(video.url, `${field}.url`);
		checkMediaUrl(video.previewUrl, `${field}.previewUrl`);
		checkFlexComponent(video.altContent, `${field}.altContent`);
	},
	text: (text, field) => {
		const spans = Array.isArray(text.contents) ? text.contents : [];
		spans.forEach((span, i) => checkFlexComponent(span, `${field}.contents[${i}]`, ['span']));
		if (spans.length === 0) checkString(text.text, `${field}.text`, { max: Infinity });
	},
	span: (span, field) => checkString(span.text, `${field}.text`, { max: Infinity }),
	separator: () => {},
	filler: () => {},
};

function checkFlexComponent(value: unknown, field: string, allowed = FLEX_COMPONENT_TYPES): void {
	const component = checkObject(value, field, `a flex component (${allowed.join(', ')})`);
	checkEnum(component.type, `${field}.type`, allowed);
	FLEX_COMPONENT_CHECKS[component.type as string](component, field);
	if (component.action !== undefined) checkAction(component.action, `${field}.action`, FLEX_ACTION);
}

function checkBubble(value: unknown, field: string): void {
	const bubble = checkObject(value, field, 'a bubble object');
	if (bubble.type !== 'bubble')
		fail(`${field}.type`, `is ${describeValue(bubble.type)}; expected "bubble"`);
	for (const block of ['header', 'body', 'footer']) {
		if (bubble[block] !== undefined)
			checkFlexComponent(bubble[block], `${field}.${block}`, ['box']);
	}
	if (bubble.hero !== undefined)
		checkFlexComponent(bubble.hero, `${field}.hero`, ['box', 'image', 'video']);
	if (bubble.action !== undefined) checkAction(bubble.action, `${field}.action`, FLEX_ACTION);
}

function jsonBytes(value: unknown): number {
	return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

function checkJsonSize(
	value: unknown,
	field: string,
	maxKb: number,
	bytes = jsonBytes(value),
): void {
	if (bytes > maxKb * KB) {
		fail(field, `is ${(bytes / KB).toFixed(1)} KB of JSON; LINE allows at most ${maxKb} KB`);
	}
}

function checkFlexMessage(message: Obj, field: string): void {
	checkAltText(message, field);
	const contentsField = `${field}.contents`;
	const contents = checkObject(message.contents, contentsField, 'a flex bubble or carousel');
	if (contents.type === 'bubble') {
		checkBubble(contents, contentsField);
		checkJsonSize(contents, contentsField, 30);
		return;
	}
	if (contents.type !== 'carousel') {
		fail(
			`${contentsField}.type`,
			`is ${describeValue(contents.type)}; expected "bubble" or "carousel"`,
		);
	}
	const bubbles = checkList(contents.contents, `${contentsField}.contents`, 1, 12, 'bubbles');
	bubbles.forEach((bubble, i) => checkBubble(bubble, `${contentsField}.contents[${i}]`));
	const total = jsonBytes(contents);
	checkJsonSize(contents, contentsField, 50, total);
	// Only a carousel over 30 KB can hold a bubble over 30 KB, so most never measure bubbles.
	if (total > 30 * KB) {
		bubbles.forEach((bubble, i) => checkJsonSize(bubble, `${contentsField}.contents[${i}]`, 30));
	}
}

const JSON_BUILDER = altTextAndJsonBuilder(
	'flex',
	{ name: 'Flex (JSON)', description: 'A bubble or carousel laid out freely, given as JSON' },
	{
		displayName: 'Flex Contents',
		name: 'contents',
		placeholder:
			'{ "type": "bubble", "body": { "type": "box", "layout": "vertical", "contents": [] } }',
		description:
			'A bubble, a carousel or a whole flex message as JSON, e.g. designed in the <a href="https://developers.line.biz/flex-simulator/">Flex Message Simulator</a>. A whole flex message gives its contents, and its alt text when Alt Text is empty.',
	},
);

/**
 * Flex Contents may hold a whole flex message (`{ "type": "flex", "altText", "contents" }`), as
 * copied from LINE's documentation or another tool: its contents are sent, with its alt text
 * unless the Alt Text field has one.
 */
function readFlexFields(fields: IDataObject, field: string): IDataObject {
	const message = JSON_BUILDER.read(fields, field);
	const { contents } = message;
	if (!isObject(contents) || contents.type !== 'flex') return message;
	return compact({
		type: 'flex',
		altText: message.altText ?? asText(contents.altText),
		contents: contents.contents,
	});
}

export const flex: MessageTypeDefinition = {
	type: 'flex',
	builder: { ...JSON_BUILDER, read: readFlexFields },
	check: checkFlexMessage,
};
