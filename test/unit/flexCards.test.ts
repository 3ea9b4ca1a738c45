import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { messageBuilderFields, readMessages } from '../../nodes/Line/helpers/messageBuilder';
import { readCard } from '../../nodes/Line/messages/cardFields';
import { InputError } from '../../nodes/shared/errors';
import type { ItemParameters } from '../../nodes/shared/parameters';
import { validateSchema } from '../support/openapi';

/**
 * Flex Card and Flex Card Carousel (flex messages made from fields) and Flex (JSON): the fields
 * the user sees, the messages they become, and the errors that name the field to fix.
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

/** The messages the builder makes of these entries, checked as before sending. */
function read(...entries: IDataObject[]): IDataObject[] {
	const messages = readMessages(
		fakeParams({ messagesInput: 'builder', messages: { message: entries }, messageOptions: {} }),
		0,
	);
	messages.forEach((message, i) => {
		expect(validateSchema('messaging-api', 'Message', message, `messages[${i}]`)).toEqual([]);
	});
	return messages;
}

function errorOf(run: () => unknown): string {
	let caught: unknown;
	try {
		run();
	} catch (error) {
		caught = error;
	}
	if (caught instanceof InputError) return caught.message;
	throw new Error(`expected an InputError, got ${caught === undefined ? 'none' : String(caught)}`);
}

function row(key: string, value: string): IDataObject {
	return {
		type: 'box',
		layout: 'baseline',
		spacing: 'sm',
		contents: [
			{ type: 'text', text: key, size: 'sm', color: '#aaaaaa', flex: 2, wrap: true },
			{ type: 'text', text: value, size: 'sm', weight: 'bold', align: 'end', flex: 3, wrap: true },
		],
	};
}

function titleOnly(title: string): IDataObject {
	return {
		type: 'bubble',
		body: {
			type: 'box',
			layout: 'vertical',
			spacing: 'sm',
			contents: [{ type: 'text', text: title, weight: 'bold', size: 'xl', wrap: true }],
		},
	};
}

const FULL_CARD: IDataObject = {
	heroImageUrl: ' https://example.com/shoe.jpg ',
	cardTitle: 'Runner 2',
	cardLines: 'Light and fast.\r\n\n  \nFree delivery this week',
	cardRows: {
		row: [
			{ key: 'Price', value: '฿1,290' },
			{ key: 'Sizes', value: 38 },
		],
	},
	cardButtons: {
		button: [
			{ type: 'uri', label: 'Buy', uri: 'https://example.com/buy', style: 'primary' },
			{ type: 'postback', label: 'Remind me', data: 'remind=runner2', style: 'link' },
		],
	},
	cardOptions: {
		heroAspectRatio: '1:1',
		heroAspectMode: 'fit',
		heroActionUri: 'https://example.com/runner2',
		titleColor: '#1DB446',
		buttonColor: '#0066cc',
		backgroundColor: '#FFFFFF',
		footerNote: 'Prices include VAT',
	},
};

const FULL_BUBBLE: IDataObject = {
	type: 'bubble',
	hero: {
		type: 'image',
		url: 'https://example.com/shoe.jpg',
		size: 'full',
		aspectRatio: '1:1',
		aspectMode: 'fit',
		action: { type: 'uri', uri: 'https://example.com/runner2' },
	},
	body: {
		type: 'box',
		layout: 'vertical',
		spacing: 'sm',
		contents: [
			{ type: 'text', text: 'Runner 2', weight: 'bold', size: 'xl', wrap: true, color: '#1DB446' },
			{ type: 'text', text: 'Light and fast.', wrap: true },
			{ type: 'text', text: 'Free delivery this week', wrap: true },
			{
				type: 'box',
				layout: 'vertical',
				margin: 'lg',
				spacing: 'sm',
				contents: [row('Price', '฿1,290'), row('Sizes', '38')],
			},
		],
	},
	footer: {
		type: 'box',
		layout: 'vertical',
		spacing: 'sm',
		contents: [
			{
				type: 'button',
				style: 'primary',
				color: '#0066cc',
				action: { type: 'uri', label: 'Buy', uri: 'https://example.com/buy' },
			},
			{
				type: 'button',
				style: 'link',
				color: '#0066cc',
				action: { type: 'postback', label: 'Remind me', data: 'remind=runner2' },
			},
			{
				type: 'text',
				text: 'Prices include VAT',
				size: 'xs',
				color: '#aaaaaa',
				align: 'center',
				wrap: true,
				margin: 'md',
			},
		],
	},
	styles: {
		hero: { backgroundColor: '#FFFFFF' },
		body: { backgroundColor: '#FFFFFF' },
		footer: { backgroundColor: '#FFFFFF' },
	},
};

const BUBBLE = titleOnly('Order shipped');

// ---------------------------------------------------------------------------------------------

describe('the fields of the flex types', () => {
	const fields = messageBuilderFields({ show: { resource: ['message'] } });
	const messages = fields.find((field) => field.name === 'messages') as INodeProperties;
	const values = (messages.options as Array<{ values: INodeProperties[] }>)[0].values;
	const byName = (list: INodeProperties[], name: string) =>
		list.find((field) => field.name === name) as INodeProperties;
	const valuesOf = (field: INodeProperties) =>
		(field.options as Array<{ values: INodeProperties[] }>)[0].values;
	const shownFor = (type: string) =>
		values
			.filter((value) => value.displayOptions?.show?.type?.includes(type))
			.map((value) => value.name);

	it('offers Flex Card, Flex Card Carousel and Flex (JSON) in the Type list', () => {
		const options = byName(values, 'type').options as INodePropertyOptions[];
		const names = Object.fromEntries(options.map((option) => [option.value, option.name]));
		expect([names.card, names.cardCarousel, names.flex]).toEqual([
			'Flex Card',
			'Flex Card Carousel',
			'Flex (JSON)',
		]);
	});

	it('shows the card fields for Flex Card and the cards, each with the same fields, for the carousel', () => {
		const cardFields = [
			'heroImageUrl',
			'cardTitle',
			'cardLines',
			'cardRows',
			'cardButtons',
			'cardOptions',
		];
		expect(shownFor('card')).toEqual(['altText', ...cardFields]);
		expect(shownFor('cardCarousel')).toEqual(['altText', 'joinItems', 'cards']);
		expect(shownFor('flex')).toEqual(['altText', 'contents']);
		const cards = byName(values, 'cards');
		expect(cards).toMatchObject({
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true, maxAllowedFields: 12 },
		});
		expect(valuesOf(cards).map((field) => field.name)).toEqual(cardFields);
	});

	it('offers buttons with the flex actions, a label and a style, up to 4', () => {
		const buttons = byName(values, 'cardButtons');
		expect(buttons.typeOptions).toMatchObject({ multipleValues: true, maxAllowedFields: 4 });
		const button = valuesOf(buttons);
		expect(button.map((field) => field.name).slice(0, 2)).toEqual(['type', 'label']);
		expect(byName(button, 'label').required).toBe(true);
		const actionTypes = (byName(button, 'type').options as INodePropertyOptions[]).map(
			(option) => option.value,
		);
		expect(actionTypes.sort()).toEqual([
			'clipboard',
			'datetimepicker',
			'message',
			'postback',
			'uri',
		]);
		const styles = byName(button, 'style');
		expect(styles.default).toBe('primary');
		expect((styles.options as INodePropertyOptions[]).map((option) => option.value)).toEqual([
			'link',
			'primary',
			'secondary',
		]);
	});

	it('keeps the card options sorted by display name, with color pickers for the colors', () => {
		const options = byName(values, 'cardOptions').options as INodeProperties[];
		const names = options.map((option) => option.displayName);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(
			options.filter((option) => option.type === 'color').map((option) => option.name),
		).toEqual(['backgroundColor', 'buttonColor', 'titleColor']);
		expect(byName(options, 'heroAspectRatio').default).toBe('20:13');
		expect(byName(options, 'heroAspectMode').default).toBe('cover');
	});
});

describe('Flex Card', () => {
	it('builds the whole card: image, title, text lines, rows, buttons, colors and note', () => {
		expect(read({ type: 'card', altText: 'New arrival', ...FULL_CARD })).toEqual([
			{ type: 'flex', altText: 'New arrival', contents: FULL_BUBBLE },
		]);
	});

	it('leaves out what is not given: a title alone is a body alone', () => {
		expect(read({ type: 'card', altText: 'a', cardTitle: 'Hello', cardLines: '\n' })).toEqual([
			{ type: 'flex', altText: 'a', contents: titleOnly('Hello') },
		]);
	});

	it('gives an image alone the 20:13 cover layout, and a button alone the primary style', () => {
		expect(readCard({ heroImageUrl: 'https://example.com/a.png' }, 'messages[0]')).toEqual({
			type: 'bubble',
			hero: {
				type: 'image',
				url: 'https://example.com/a.png',
				size: 'full',
				aspectRatio: '20:13',
				aspectMode: 'cover',
			},
		});
		expect(
			readCard({ cardButtons: { button: [{ label: 'Hi', text: 'hi' }] } }, 'messages[0]'),
		).toEqual({
			type: 'bubble',
			footer: {
				type: 'box',
				layout: 'vertical',
				spacing: 'sm',
				contents: [
					{
						type: 'button',
						style: 'primary',
						action: { type: 'message', label: 'Hi', text: 'hi' },
					},
				],
			},
		});
	});

	it.each<[string, IDataObject, string]>([
		[
			'a color that is not #RRGGBB',
			{ cardTitle: 'a', cardOptions: { titleColor: 'red' } },
			'messages[0].cardOptions.titleColor: "red" is not a color; expected a hex code #RRGGBB, e.g. #1DB446',
		],
		[
			'a short hex color',
			{ cardTitle: 'a', cardOptions: { backgroundColor: '#fff' } },
			'messages[0].cardOptions.backgroundColor: "#fff" is not a color',
		],
		[
			'5 buttons',
			{
				cardButtons: {
					button: [1, 2, 3, 4, 5].map((n) => ({ type: 'message', label: `B${n}`, text: 'x' })),
				},
			},
			'messages[0].cardButtons: must hold 0 to 4 buttons, got 5',
		],
		[
			'a button without a label',
			{ cardButtons: { button: [{ type: 'message', text: 'x' }] } },
			'messages[0].cardButtons[0].label: is required (a label, 1 to 40 characters)',
		],
		[
			'a button action LINE does not take in flex messages',
			{ cardButtons: { button: [{ type: 'camera', label: 'Camera' }] } },
			'messages[0].cardButtons[0].type: "camera" actions are only allowed in quick reply buttons',
		],
		[
			'a button URI that is not a link',
			{ cardButtons: { button: [{ type: 'uri', label: 'Go', uri: 'example.com' }] } },
			'messages[0].cardButtons[0].uri: "example.com" must start with http://',
		],
		[
			'a row without a value',
			{ cardRows: { row: [{ key: 'Price', value: '' }] } },
			'messages[0].cardRows[0].value: is empty',
		],
		[
			'an image over plain HTTP',
			{ heroImageUrl: 'http://example.com/a.jpg' },
			'messages[0].heroImageUrl: "http://example.com/a.jpg" is not an HTTPS URL',
		],
		[
			'an image taller than three times its width',
			{ heroImageUrl: 'https://example.com/a.jpg', cardOptions: { heroAspectRatio: '1:4' } },
			'messages[0].cardOptions.heroAspectRatio: "1:4" is too tall',
		],
		[
			'an aspect ratio that is not width:height',
			{ heroImageUrl: 'https://example.com/a.jpg', cardOptions: { heroAspectRatio: '16/9' } },
			'messages[0].cardOptions.heroAspectRatio: "16/9" is not an aspect ratio',
		],
		[
			'an empty card',
			{ cardTitle: '  ', cardOptions: { footerNote: '' } },
			'messages[0]: is an empty card; give it an image, a title, text, rows or buttons',
		],
	])('names the field of %s', (_name, fields, message) => {
		expect(errorOf(() => read({ type: 'card', altText: 'a', ...fields }))).toContain(message);
	});

	it('needs the alt text', () => {
		expect(errorOf(() => read({ type: 'card', cardTitle: 'a' }))).toMatch(
			/^messages\[0\]\.altText: is required/,
		);
	});
});

describe('Flex Card Carousel', () => {
	const cards = (count: number) =>
		Array.from({ length: count }, (_, i) => ({ cardTitle: `Card ${i + 1}` }));

	it('builds one bubble per card, in order', () => {
		expect(
			read({
				type: 'cardCarousel',
				altText: 'Our shoes',
				cards: { card: [FULL_CARD, { cardTitle: 'More soon' }] },
			}),
		).toEqual([
			{
				type: 'flex',
				altText: 'Our shoes',
				contents: { type: 'carousel', contents: [FULL_BUBBLE, titleOnly('More soon')] },
			},
		]);
	});

	it('takes 12 cards, and names the field with 13 or none', () => {
		const [twelve] = read({ type: 'cardCarousel', altText: 'a', cards: { card: cards(12) } });
		expect((twelve.contents as IDataObject).contents).toHaveLength(12);
		expect(
			errorOf(() => read({ type: 'cardCarousel', altText: 'a', cards: { card: cards(13) } })),
		).toBe('messages[0].cards: must hold 1 to 12 cards, got 13');
		expect(errorOf(() => read({ type: 'cardCarousel', altText: 'a', cards: {} }))).toBe(
			'messages[0].cards: must hold 1 to 12 cards, got 0',
		);
	});

	it('names the card and its field in errors', () => {
		const card = { cardTitle: 'b', cardOptions: { buttonColor: 'blue' } };
		expect(
			errorOf(() =>
				read({ type: 'cardCarousel', altText: 'a', cards: { card: [{ cardTitle: 'a' }, card] } }),
			),
		).toMatch(/^messages\[0\]\.cards\[1\]\.cardOptions\.buttonColor: "blue" is not a color/);
	});
});

describe('Flex (JSON)', () => {
	const flex = (contents: unknown, altText = 'Order'): IDataObject => ({
		type: 'flex',
		altText,
		contents: contents as IDataObject,
	});

	it('takes a bubble or a carousel, as JSON text or as an object', () => {
		const carousel = { type: 'carousel', contents: [BUBBLE, BUBBLE] };
		expect(read(flex(JSON.stringify(BUBBLE)), flex(carousel))).toEqual([
			{ type: 'flex', altText: 'Order', contents: BUBBLE },
			{ type: 'flex', altText: 'Order', contents: carousel },
		]);
	});

	it('takes a whole flex message: its contents, and its alt text when Alt Text is empty', () => {
		const whole = { type: 'flex', altText: 'From the JSON', contents: BUBBLE };
		expect(read(flex(JSON.stringify(whole), ''), flex(whole, 'From the field'))).toEqual([
			{ type: 'flex', altText: 'From the JSON', contents: BUBBLE },
			{ type: 'flex', altText: 'From the field', contents: BUBBLE },
		]);
	});

	it('still checks what the whole message holds', () => {
		const whole = { type: 'flex', contents: BUBBLE };
		expect(errorOf(() => read(flex(whole, '')))).toMatch(/^messages\[0\]\.altText: is required/);
		const notFlex = { type: 'flex', altText: 'a', contents: { type: 'text', text: 'hi' } };
		expect(errorOf(() => read(flex(notFlex, '')))).toMatch(
			/^messages\[0\]\.contents\.type: is "text"; expected "bubble" or "carousel"/,
		);
	});
});
