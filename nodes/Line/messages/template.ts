import { fail } from '../../shared/errors';
import { actionPlaceInMessages, checkAction } from '../helpers/actions';
import {
	checkEnum,
	checkList,
	checkMediaUrl,
	checkObject,
	checkString,
	type Obj,
} from '../helpers/fieldChecks';
import { altTextAndJsonBuilder, checkAltText } from './common';
import type { MessageTypeDefinition } from './types';

const TEMPLATE_ACTION = actionPlaceInMessages('templates', 20, true);
const DEFAULT_ACTION = actionPlaceInMessages('templates', 20, false);
const IMAGE_CAROUSEL_ACTION = actionPlaceInMessages('templates', 12, false);

function checkTemplateImageOptions(template: Obj, field: string): void {
	checkEnum(template.imageAspectRatio, `${field}.imageAspectRatio`, ['rectangle', 'square'], true);
	checkEnum(template.imageSize, `${field}.imageSize`, ['cover', 'contain'], true);
}

function checkActions(value: unknown, field: string, min: number, max: number): number {
	const actions = checkList(value, field, min, max, 'actions');
	actions.forEach((action, i) => checkAction(action, `${field}[${i}]`, TEMPLATE_ACTION));
	return actions.length;
}

/** A buttons template or a carousel column: both allow a shorter text beside an image or title. */
function checkCard(card: Obj, field: string, maxText: number, maxActions: number): number {
	checkMediaUrl(card.thumbnailImageUrl, `${field}.thumbnailImageUrl`, true);
	checkString(card.title, `${field}.title`, { max: 40, optional: true, unit: 'graphemes' });
	const decorated = card.thumbnailImageUrl !== undefined || card.title !== undefined;
	checkString(card.text, `${field}.text`, { max: decorated ? 60 : maxText, unit: 'graphemes' });
	if (card.defaultAction !== undefined) {
		checkAction(card.defaultAction, `${field}.defaultAction`, DEFAULT_ACTION);
	}
	return checkActions(card.actions, `${field}.actions`, 1, maxActions);
}

const TEMPLATE_CHECKS: Record<string, (template: Obj, field: string) => void> = {
	buttons: (template, field) => {
		checkTemplateImageOptions(template, field);
		checkCard(template, field, 160, 4);
	},
	confirm: (template, field) => {
		checkString(template.text, `${field}.text`, { max: 240, unit: 'graphemes' });
		checkActions(template.actions, `${field}.actions`, 2, 2);
	},
	carousel: (template, field) => {
		checkTemplateImageOptions(template, field);
		const columns = checkList(template.columns, `${field}.columns`, 1, 10, 'columns');
		let firstCount = 0;
		columns.forEach((value, i) => {
			const column = checkObject(value, `${field}.columns[${i}]`, 'a carousel column');
			const count = checkCard(column, `${field}.columns[${i}]`, 120, 3);
			if (i === 0) firstCount = count;
			else if (count !== firstCount) {
				fail(
					`${field}.columns[${i}].actions`,
					`has ${count} actions but columns[0] has ${firstCount}; every column needs the same number`,
				);
			}
		});
	},
	image_carousel: (template, field) => {
		const columns = checkList(template.columns, `${field}.columns`, 1, 10, 'columns');
		columns.forEach((value, i) => {
			const column = checkObject(value, `${field}.columns[${i}]`, 'an image carousel column');
			checkMediaUrl(column.imageUrl, `${field}.columns[${i}].imageUrl`);
			checkAction(column.action, `${field}.columns[${i}].action`, IMAGE_CAROUSEL_ACTION);
		});
	},
};

function checkTemplateMessage(message: Obj, field: string): void {
	checkAltText(message, field);
	const template = checkObject(message.template, `${field}.template`, 'a template object');
	checkEnum(template.type, `${field}.template.type`, Object.keys(TEMPLATE_CHECKS));
	TEMPLATE_CHECKS[template.type as string](template, `${field}.template`);
}

export const template: MessageTypeDefinition = {
	type: 'template',
	builder: altTextAndJsonBuilder(
		'template',
		{
			name: 'Template (JSON)',
			description: 'A buttons, confirm, carousel or image carousel template, given as JSON',
		},
		{
			displayName: 'Template',
			name: 'template',
			placeholder: '{ "type": "confirm", "text": "Are you sure?", "actions": [] }',
			description: 'A buttons, confirm, carousel or image_carousel template object as JSON',
		},
	),
	check: checkTemplateMessage,
};
