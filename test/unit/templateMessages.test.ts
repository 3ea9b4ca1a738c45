import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { messageBuilderFields, readMessages } from '../../nodes/Line/helpers/messageBuilder';
import {
	readCarouselColumn,
	readImageCarouselColumn,
} from '../../nodes/Line/messages/templateFields';
import { InputError } from '../../nodes/shared/errors';
import type { ItemParameters } from '../../nodes/shared/parameters';
import { validateSchema } from '../support/openapi';

/**
 * Buttons, Confirm, Carousel and Image Carousel Template (template messages made from fields):
 * the fields the user sees, the LINE messages they become, and the errors that name the field.
 */

// ---------------------------------------------------------------------------------------------
// Helpers

function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Stands in for ItemParameters: reads a plain parameters object by dotted path. */
function fakeParams(parameters: Record<string, unknown>): ItemParameters {
	const get = (name: string, _itemIndex: number, fallback?: unknown) => {
		let value: unknown = parameters;
		for (const key of name.split('.')) value = isRecord(value) ? value[key] : undefined;
		return value === undefined ? fallback : value;
	};
	return { get } as unknown as ItemParameters;
}

/** The message the builder makes of this entry, checked as before sending and against the spec. */
function read(entry: IDataObject): IDataObject {
	const messages = readMessages(
		fakeParams({ messagesInput: 'builder', messages: { message: [entry] }, messageOptions: {} }),
		0,
	);
	expect(validateSchema('messaging-api', 'Message', messages[0], 'messages[0]')).toEqual([]);
	return messages[0];
}

function errorOf(entry: IDataObject): string {
	let caught: unknown;
	try {
		read(entry);
	} catch (error) {
		caught = error;
	}
	if (caught instanceof InputError) return caught.message;
	throw new Error(`expected an InputError, got ${caught === undefined ? 'none' : String(caught)}`);
}

const button = (label: string, text = label): IDataObject => ({ type: 'message', label, text });
const buttons = (...entries: IDataObject[]): IDataObject => ({ button: entries });
const sent = (label: string, text = label): IDataObject => ({ type: 'message', label, text });

function column(title: string, ...entries: IDataObject[]): IDataObject {
	return {
		templateTitle: title,
		templateText: `About ${title}`,
		templateButtons: buttons(...entries),
	};
}

// ---------------------------------------------------------------------------------------------
// The fields

describe('the fields of the template types', () => {
	const fields = messageBuilderFields({ show: { resource: ['message'], operation: ['sendPush'] } });
	const byName = (list: INodeProperties[], name: string) =>
		list.find((field) => field.name === name) as INodeProperties;
	const valuesOf = (field: INodeProperties) =>
		(field.options as Array<{ values: INodeProperties[] }>)[0].values;
	const values = valuesOf(byName(fields, 'messages'));
	const shownFor = (type: string) =>
		values
			.filter((value) => value.displayOptions?.show?.type?.includes(type))
			.map((value) => value.name);
	const optionNames = (field: INodeProperties) =>
		(field.options as INodePropertyOptions[]).map((option) => option.name);

	it('offers the four template types and Template (JSON) in the Type list', () => {
		const options = byName(values, 'type').options as INodePropertyOptions[];
		const names = Object.fromEntries(options.map((option) => [option.value, option.name]));
		expect([
			names.buttons,
			names.confirm,
			names.carousel,
			names.imageCarousel,
			names.template,
		]).toEqual([
			'Buttons Template',
			'Confirm Template',
			'Carousel Template',
			'Image Carousel Template',
			'Template (JSON)',
		]);
	});

	it('shows each type its own fields', () => {
		expect(shownFor('buttons')).toEqual([
			'altText',
			'thumbnailImageUrl',
			'imageAspectRatio',
			'imageSize',
			'imageBackgroundColor',
			'templateTitle',
			'templateText',
			'defaultAction',
			'templateButtons',
		]);
		expect(shownFor('confirm')).toEqual(['altText', 'confirmText', 'confirmButtons']);
		expect(shownFor('carousel')).toEqual([
			'altText',
			'imageAspectRatio',
			'imageSize',
			'columns',
			'joinItems',
		]);
		expect(shownFor('imageCarousel')).toEqual(['altText', 'joinItems', 'imageColumns']);
	});

	it('gives a carousel column the fields of a buttons template, with at most 3 buttons', () => {
		const columnValues = valuesOf(byName(values, 'columns'));
		expect(columnValues.map(({ name }) => name)).toEqual([
			'thumbnailImageUrl',
			'imageBackgroundColor',
			'templateTitle',
			'templateText',
			'defaultAction',
			'templateButtons',
		]);
		expect(byName(columnValues, 'templateButtons').typeOptions?.maxAllowedFields).toBe(3);
		expect(byName(values, 'templateButtons').typeOptions?.maxAllowedFields).toBe(4);
		expect(byName(values, 'confirmButtons').typeOptions?.maxAllowedFields).toBe(2);
		expect(byName(values, 'columns').typeOptions?.maxAllowedFields).toBe(10);
	});

	it('offers the action types LINE takes in templates, postback with its input option', () => {
		const buttonValues = valuesOf(byName(values, 'templateButtons'));
		expect(optionNames(byName(buttonValues, 'type'))).toEqual([
			'Clipboard',
			'Date-Time Picker',
			'Message',
			'Postback',
			'URI',
		]);
		expect(byName(buttonValues, 'label').required).toBe(true);
		expect(byName(buttonValues, 'inputOption').displayOptions?.show?.type).toEqual(['postback']);
		expect(byName(buttonValues, 'fillInText').displayOptions?.show?.type).toEqual(['postback']);
		const imageColumn = valuesOf(byName(values, 'imageColumns'));
		expect(imageColumn.map(({ name }) => name).slice(0, 3)).toEqual(['imageUrl', 'type', 'label']);
		expect(byName(imageColumn, 'label').required).toBe(false);
	});

	it('sets Yes and No as the default buttons of a confirm template', () => {
		expect(byName(values, 'confirmButtons').default).toEqual(buttons(button('Yes'), button('No')));
	});
});

// ---------------------------------------------------------------------------------------------
// The readers

describe('Buttons Template', () => {
	it('builds the whole template: image and its options, title, text, default action and buttons', () => {
		const message = read({
			type: 'buttons',
			altText: 'Our menu',
			thumbnailImageUrl: ' https://example.com/menu.jpg ',
			imageAspectRatio: 'square',
			imageSize: 'contain',
			imageBackgroundColor: '#FFEEDD',
			templateTitle: 'Menu',
			templateText: 'Please select',
			defaultAction: { action: { type: 'uri', label: '', uri: 'https://example.com/menu' } },
			templateButtons: buttons(
				{
					type: 'postback',
					label: 'Buy',
					data: 'action=buy&item=1',
					displayText: 'I want to buy it',
					inputOption: 'openKeyboard',
					fillInText: 'How many? ',
				},
				button('Ask', 'I have a question'),
				{
					type: 'datetimepicker',
					label: 'Book',
					data: 'book=1',
					mode: 'date',
					initial: '2025-12-25',
					max: '',
					min: '',
				},
				{ type: 'clipboard', label: 'Copy code', clipboardText: 'MENU10' },
			),
		});
		expect(message).toEqual({
			type: 'template',
			altText: 'Our menu',
			template: {
				type: 'buttons',
				thumbnailImageUrl: 'https://example.com/menu.jpg',
				imageAspectRatio: 'square',
				imageSize: 'contain',
				imageBackgroundColor: '#FFEEDD',
				title: 'Menu',
				text: 'Please select',
				defaultAction: { type: 'uri', uri: 'https://example.com/menu' },
				actions: [
					{
						type: 'postback',
						label: 'Buy',
						data: 'action=buy&item=1',
						displayText: 'I want to buy it',
						inputOption: 'openKeyboard',
						fillInText: 'How many? ',
					},
					sent('Ask', 'I have a question'),
					{
						type: 'datetimepicker',
						label: 'Book',
						data: 'book=1',
						mode: 'date',
						initial: '2025-12-25',
					},
					{ type: 'clipboard', label: 'Copy code', clipboardText: 'MENU10' },
				],
			},
		});
	});

	it('leaves out what is not given, and the image options without an image', () => {
		const message = read({
			type: 'buttons',
			altText: 'Question',
			thumbnailImageUrl: '',
			imageAspectRatio: 'rectangle',
			imageSize: 'cover',
			imageBackgroundColor: '#000000',
			templateTitle: '',
			templateText: 'Pick one',
			defaultAction: {},
			templateButtons: buttons(button('A'), {
				type: 'postback',
				label: 'B',
				data: 'b',
				inputOption: '',
			}),
		});
		expect(message).toEqual({
			type: 'template',
			altText: 'Question',
			template: {
				type: 'buttons',
				text: 'Pick one',
				actions: [sent('A'), { type: 'postback', label: 'B', data: 'b' }],
			},
		});
	});

	it('names the field LINE would refuse', () => {
		const base = { type: 'buttons', altText: 'Menu', templateText: 'Pick one' };
		expect(errorOf({ ...base, templateButtons: buttons(button('A'.repeat(21))) })).toBe(
			'messages[0].template.actions[0].label: is too long: 21 characters, LINE allows at most 20',
		);
		expect(errorOf(base)).toBe('messages[0].template.actions: must hold 1 to 4 actions, got 0');
		expect(
			errorOf({
				...base,
				templateButtons: buttons(button('1'), button('2'), button('3'), button('4'), button('5')),
			}),
		).toBe('messages[0].template.actions: must hold 1 to 4 actions, got 5');
		expect(
			errorOf({
				...base,
				templateTitle: 'Menu',
				templateText: 'x'.repeat(61),
				templateButtons: buttons(button('A')),
			}),
		).toBe('messages[0].template.text: is too long: 61 characters, LINE allows at most 60');
		expect(
			errorOf({
				...base,
				templateButtons: buttons(button('A')),
				thumbnailImageUrl: 'https://example.com/a.jpg',
				imageBackgroundColor: 'white',
			}),
		).toBe(
			'messages[0].template.imageBackgroundColor: "white" is not a color; expected a hex code #RRGGBB, e.g. #1DB446',
		);
		expect(
			errorOf({
				...base,
				templateButtons: buttons(button('A')),
				defaultAction: { action: { type: 'uri', uri: '' } },
			}),
		).toBe('messages[0].template.defaultAction.uri: is required (a URI, 1 to 1000 characters)');
		expect(errorOf({ ...base, altText: '', templateButtons: buttons(button('A')) })).toBe(
			'messages[0].altText: is required (text, 1 to 1500 characters)',
		);
	});

	it('refuses an action type that works only in quick replies, saying so', () => {
		expect(
			errorOf({
				type: 'buttons',
				altText: 'Menu',
				templateText: 'Pick one',
				templateButtons: buttons({ type: 'camera', label: 'Photo' }),
			}),
		).toBe(
			'messages[0].template.actions[0].type: "camera" actions are only allowed in quick reply buttons',
		);
	});
});

describe('Confirm Template', () => {
	it('builds the question and its two buttons', () => {
		const message = read({
			type: 'confirm',
			altText: 'Book the table?',
			confirmText: 'Do you want to book this table?',
			confirmButtons: buttons(
				{ type: 'postback', label: 'Book', data: 'book=7', displayText: 'Book it' },
				button('Not now', 'No, thanks'),
			),
		});
		expect(message).toEqual({
			type: 'template',
			altText: 'Book the table?',
			template: {
				type: 'confirm',
				text: 'Do you want to book this table?',
				actions: [
					{ type: 'postback', label: 'Book', data: 'book=7', displayText: 'Book it' },
					sent('Not now', 'No, thanks'),
				],
			},
		});
	});

	it('needs exactly two buttons and the text', () => {
		const base = { type: 'confirm', altText: 'Sure?', confirmText: 'Sure?' };
		expect(errorOf({ ...base, confirmButtons: buttons(button('Yes')) })).toBe(
			'messages[0].template.actions: must hold exactly 2 actions, got 1',
		);
		expect(
			errorOf({ ...base, confirmText: '', confirmButtons: buttons(button('Yes'), button('No')) }),
		).toBe('messages[0].template.text: is required (text, 1 to 240 characters)');
	});
});

describe('Carousel Template', () => {
	it('builds one column per entry, with the image options once for all columns', () => {
		const message = read({
			type: 'carousel',
			altText: 'Our shoes',
			imageAspectRatio: 'square',
			imageSize: 'cover',
			columns: {
				column: [
					{
						thumbnailImageUrl: 'https://example.com/runner.jpg',
						imageBackgroundColor: '#eeeeee',
						templateTitle: 'Runner',
						templateText: 'Light and fast',
						defaultAction: { action: { type: 'uri', uri: 'https://example.com/runner' } },
						templateButtons: buttons(
							{ type: 'uri', label: 'Buy', uri: 'https://example.com/buy/runner' },
							button('Ask'),
						),
					},
					{
						templateText: 'Made for hills',
						templateButtons: buttons(
							{ type: 'postback', label: 'Remind me', data: 'remind=trail' },
							button('Ask'),
						),
					},
				],
			},
		});
		expect(message).toEqual({
			type: 'template',
			altText: 'Our shoes',
			template: {
				type: 'carousel',
				imageAspectRatio: 'square',
				imageSize: 'cover',
				columns: [
					{
						thumbnailImageUrl: 'https://example.com/runner.jpg',
						imageBackgroundColor: '#eeeeee',
						title: 'Runner',
						text: 'Light and fast',
						defaultAction: { type: 'uri', uri: 'https://example.com/runner' },
						actions: [
							{ type: 'uri', label: 'Buy', uri: 'https://example.com/buy/runner' },
							sent('Ask'),
						],
					},
					{
						text: 'Made for hills',
						actions: [{ type: 'postback', label: 'Remind me', data: 'remind=trail' }, sent('Ask')],
					},
				],
			},
		});
	});

	it('sends no image options when no column has an image', () => {
		const message = read({
			type: 'carousel',
			altText: 'Plans',
			imageAspectRatio: 'rectangle',
			imageSize: 'cover',
			columns: { column: [column('Basic', button('Pick'))] },
		});
		expect(message.template).toEqual({
			type: 'carousel',
			columns: [{ title: 'Basic', text: 'About Basic', actions: [sent('Pick')] }],
		});
	});

	it('names the column and field LINE would refuse', () => {
		const base = { type: 'carousel', altText: 'Plans' };
		const eleven = Array.from({ length: 11 }, (_, i) => column(`Plan ${i}`, button('Pick')));
		expect(errorOf({ ...base, columns: { column: eleven } })).toBe(
			'messages[0].template.columns: must hold 1 to 10 columns, got 11',
		);
		expect(errorOf(base)).toBe('messages[0].template.columns: must hold 1 to 10 columns, got 0');
		expect(
			errorOf({
				...base,
				columns: {
					column: [column('A', button('1'), button('2')), column('B', button('1'))],
				},
			}),
		).toBe(
			'messages[0].template.columns[1].actions: has 1 actions but columns[0] has 2; every column needs the same number',
		);
		expect(
			errorOf({
				...base,
				columns: { column: [column('A', button('1'), button('2'), button('3'), button('4'))] },
			}),
		).toBe('messages[0].template.columns[0].actions: must hold 1 to 3 actions, got 4');
		expect(
			errorOf({
				...base,
				columns: { column: [column('A', button('1')), column('B', button('x'.repeat(21)))] },
			}),
		).toBe(
			'messages[0].template.columns[1].actions[0].label: is too long: 21 characters, LINE allows at most 20',
		);
		expect(
			errorOf({
				...base,
				columns: {
					column: [
						column('A', button('1')),
						{
							...column('B', button('1')),
							thumbnailImageUrl: 'https://example.com/b.jpg',
							imageBackgroundColor: '#12345',
						},
					],
				},
			}),
		).toBe(
			'messages[0].template.columns[1].imageBackgroundColor: "#12345" is not a color; expected a hex code #RRGGBB, e.g. #1DB446',
		);
	});

	it('reads one column on its own, for carousels made of input items', () => {
		expect(
			readCarouselColumn(
				{
					thumbnailImageUrl: 'https://example.com/a.jpg ',
					templateTitle: 'A',
					templateText: 'About A',
					templateButtons: buttons(button('Pick')),
				},
				'messages[0].template.columns[3]',
			),
		).toEqual({
			thumbnailImageUrl: 'https://example.com/a.jpg',
			title: 'A',
			text: 'About A',
			actions: [sent('Pick')],
		});
		expect(() =>
			readCarouselColumn(
				{ thumbnailImageUrl: 'https://example.com/a.jpg', imageBackgroundColor: 'red' },
				'messages[0].template.columns[3]',
			),
		).toThrow('messages[0].template.columns[3].imageBackgroundColor: "red" is not a color');
	});
});

describe('Image Carousel Template', () => {
	it('builds one image and its action per column', () => {
		const message = read({
			type: 'imageCarousel',
			altText: 'New arrivals',
			imageColumns: {
				column: [
					{
						imageUrl: ' https://example.com/1.jpg',
						type: 'uri',
						label: 'View',
						uri: 'https://example.com/1',
					},
					{ imageUrl: 'https://example.com/2.jpg', type: 'postback', label: '', data: 'like=2' },
				],
			},
		});
		expect(message).toEqual({
			type: 'template',
			altText: 'New arrivals',
			template: {
				type: 'image_carousel',
				columns: [
					{
						imageUrl: 'https://example.com/1.jpg',
						action: { type: 'uri', label: 'View', uri: 'https://example.com/1' },
					},
					{ imageUrl: 'https://example.com/2.jpg', action: { type: 'postback', data: 'like=2' } },
				],
			},
		});
	});

	it('names the column and field LINE would refuse', () => {
		const base = { type: 'imageCarousel', altText: 'New' };
		const image = (i: number): IDataObject => ({
			imageUrl: `https://example.com/${i}.jpg`,
			type: 'message',
			text: `Photo ${i}`,
		});
		expect(
			errorOf({
				...base,
				imageColumns: { column: Array.from({ length: 11 }, (_, i) => image(i)) },
			}),
		).toBe('messages[0].template.columns: must hold 1 to 10 columns, got 11');
		expect(
			errorOf({
				...base,
				imageColumns: { column: [image(0), { ...image(1), label: 'Thirteen char' }] },
			}),
		).toBe(
			'messages[0].template.columns[1].action.label: is too long: 13 characters, LINE allows at most 12',
		);
		expect(
			errorOf({
				...base,
				imageColumns: { column: [{ ...image(0), imageUrl: 'http://example.com/0.jpg' }] },
			}),
		).toBe(
			'messages[0].template.columns[0].imageUrl: "http://example.com/0.jpg" is not an HTTPS URL',
		);
	});

	it('reads one column on its own, for carousels made of input items', () => {
		expect(
			readImageCarouselColumn(
				{ imageUrl: 'https://example.com/1.jpg', type: 'message', label: 'Like', text: 'I like 1' },
				'messages[0].template.columns[0]',
			),
		).toEqual({
			imageUrl: 'https://example.com/1.jpg',
			action: { type: 'message', label: 'Like', text: 'I like 1' },
		});
	});
});
