import type { IDataObject } from 'n8n-workflow';

import { apiRequests, builder, runLine, runLineOk, USER, useMockLine } from './fixtures';

/**
 * Buttons, Confirm, Carousel and Image Carousel Template composed from fields, through the real
 * node: the `messages` LINE receives (checked by the mock against LINE's OpenAPI), with the
 * defaults n8n gives untouched fields, and the errors that name the field before anything is sent.
 */

const line = useMockLine();

const buttons = (...button: IDataObject[]): IDataObject => ({ button });
const say = (label: string, text = label): IDataObject => ({ type: 'message', label, text });

async function pushed(entry: IDataObject): Promise<IDataObject[]> {
	await runLineOk(line.mock, {
		resource: 'message',
		operation: 'sendPush',
		to: USER,
		...builder(entry),
	});
	const requests = apiRequests(line.mock);
	expect(requests.map((r) => [r.operationId, r.problems])).toEqual([['pushMessage', []]]);
	return (requests[0].body as { messages: IDataObject[] }).messages;
}

describe('each template type of the builder reaches LINE as a valid template message', () => {
	it('Buttons Template, with the image options n8n fills in by default', async () => {
		const messages = await pushed({
			type: 'buttons',
			altText: 'Our menu',
			thumbnailImageUrl: 'https://example.com/menu.jpg',
			imageBackgroundColor: '#FFEEDD',
			templateTitle: 'Menu',
			templateText: 'Please select',
			defaultAction: { action: { type: 'uri', uri: 'https://example.com/menu' } },
			templateButtons: buttons(
				{
					type: 'postback',
					label: 'Buy',
					data: 'action=buy',
					displayText: 'Buy it',
					inputOption: 'openKeyboard',
					fillInText: 'Quantity: ',
				},
				say('Ask', 'I have a question'),
				{ type: 'uri', label: 'View', uri: 'https://example.com/item' },
				{ type: 'datetimepicker', label: 'Book', data: 'book', mode: 'time', initial: '13:30' },
			),
		});
		expect(messages).toEqual([
			{
				type: 'template',
				altText: 'Our menu',
				template: {
					type: 'buttons',
					thumbnailImageUrl: 'https://example.com/menu.jpg',
					imageAspectRatio: 'rectangle',
					imageSize: 'cover',
					imageBackgroundColor: '#FFEEDD',
					title: 'Menu',
					text: 'Please select',
					defaultAction: { type: 'uri', uri: 'https://example.com/menu' },
					actions: [
						{
							type: 'postback',
							label: 'Buy',
							data: 'action=buy',
							displayText: 'Buy it',
							inputOption: 'openKeyboard',
							fillInText: 'Quantity: ',
						},
						say('Ask', 'I have a question'),
						{ type: 'uri', label: 'View', uri: 'https://example.com/item' },
						{ type: 'datetimepicker', label: 'Book', data: 'book', mode: 'time', initial: '13:30' },
					],
				},
			},
		]);
	});

	it('Confirm Template, with the Yes and No buttons it has unless changed', async () => {
		const messages = await pushed({
			type: 'confirm',
			altText: 'Book the table?',
			confirmText: 'Do you want to book this table?',
		});
		expect(messages).toEqual([
			{
				type: 'template',
				altText: 'Book the table?',
				template: {
					type: 'confirm',
					text: 'Do you want to book this table?',
					actions: [say('Yes'), say('No')],
				},
			},
		]);
	});

	it('Confirm Template with buttons of its own', async () => {
		const messages = await pushed({
			type: 'confirm',
			altText: 'Keep the booking?',
			confirmText: 'Keep the booking?',
			confirmButtons: buttons(
				{ type: 'postback', label: 'Keep', data: 'keep=1' },
				{ type: 'postback', label: 'Cancel', data: 'keep=0', displayText: 'Cancel it' },
			),
		});
		expect(messages[0].template).toEqual({
			type: 'confirm',
			text: 'Keep the booking?',
			actions: [
				{ type: 'postback', label: 'Keep', data: 'keep=1' },
				{ type: 'postback', label: 'Cancel', data: 'keep=0', displayText: 'Cancel it' },
			],
		});
	});

	it('Carousel Template', async () => {
		const messages = await pushed({
			type: 'carousel',
			altText: 'Our shoes',
			imageAspectRatio: 'square',
			imageSize: 'contain',
			columns: {
				column: [
					{
						thumbnailImageUrl: 'https://example.com/runner.jpg',
						imageBackgroundColor: '#EEEEEE',
						templateTitle: 'Runner',
						templateText: 'Light and fast',
						defaultAction: { action: { type: 'uri', uri: 'https://example.com/runner' } },
						templateButtons: buttons(
							{ type: 'uri', label: 'Buy', uri: 'https://example.com/buy/runner' },
							say('Ask about Runner'),
						),
					},
					{
						thumbnailImageUrl: 'https://example.com/trail.jpg',
						templateTitle: 'Trail',
						templateText: 'Made for hills',
						templateButtons: buttons(
							{ type: 'clipboard', label: 'Copy code', clipboardText: 'TRAIL10' },
							say('Ask about Trail'),
						),
					},
				],
			},
		});
		expect(messages).toEqual([
			{
				type: 'template',
				altText: 'Our shoes',
				template: {
					type: 'carousel',
					imageAspectRatio: 'square',
					imageSize: 'contain',
					columns: [
						{
							thumbnailImageUrl: 'https://example.com/runner.jpg',
							imageBackgroundColor: '#EEEEEE',
							title: 'Runner',
							text: 'Light and fast',
							defaultAction: { type: 'uri', uri: 'https://example.com/runner' },
							actions: [
								{ type: 'uri', label: 'Buy', uri: 'https://example.com/buy/runner' },
								say('Ask about Runner'),
							],
						},
						{
							thumbnailImageUrl: 'https://example.com/trail.jpg',
							title: 'Trail',
							text: 'Made for hills',
							actions: [
								{ type: 'clipboard', label: 'Copy code', clipboardText: 'TRAIL10' },
								say('Ask about Trail'),
							],
						},
					],
				},
			},
		]);
	});

	it('Image Carousel Template', async () => {
		const messages = await pushed({
			type: 'imageCarousel',
			altText: 'New arrivals',
			imageColumns: {
				column: [
					{
						imageUrl: 'https://example.com/1.jpg',
						type: 'uri',
						label: 'View',
						uri: 'https://example.com/1',
					},
					{ imageUrl: 'https://example.com/2.jpg', type: 'message', text: 'I like 2' },
				],
			},
		});
		expect(messages).toEqual([
			{
				type: 'template',
				altText: 'New arrivals',
				template: {
					type: 'image_carousel',
					columns: [
						{
							imageUrl: 'https://example.com/1.jpg',
							action: { type: 'uri', label: 'View', uri: 'https://example.com/1' },
						},
						{
							imageUrl: 'https://example.com/2.jpg',
							action: { type: 'message', text: 'I like 2' },
						},
					],
				},
			},
		]);
	});
});

describe('errors naming the field, before sending', () => {
	async function errorOf(entry: IDataObject): Promise<string | undefined> {
		const result = await runLine(line.mock, {
			resource: 'message',
			operation: 'sendPush',
			to: USER,
			...builder(entry),
		});
		expect(apiRequests(line.mock)).toEqual([]);
		return result.error?.message;
	}

	it('carousel columns with different numbers of buttons', async () => {
		const column = (title: string, ...button: IDataObject[]) => ({
			templateTitle: title,
			templateText: title,
			templateButtons: { button },
		});
		expect(
			await errorOf({
				type: 'carousel',
				altText: 'Plans',
				columns: { column: [column('A', say('1'), say('2')), column('B', say('1'))] },
			}),
		).toBe(
			'messages[0].template.columns[1].actions: has 1 actions but columns[0] has 2; every column needs the same number [item 0]',
		);
	});

	it('a button label over 20 characters', async () => {
		expect(
			await errorOf({
				type: 'buttons',
				altText: 'Menu',
				templateText: 'Pick one',
				templateButtons: buttons(say('A label of 21 chars!!')),
			}),
		).toBe(
			'messages[0].template.actions[0].label: is too long: 21 characters, LINE allows at most 20 [item 0]',
		);
	});

	it('a confirm template left without buttons', async () => {
		expect(
			await errorOf({
				type: 'confirm',
				altText: 'Sure?',
				confirmText: 'Sure?',
				confirmButtons: {},
			}),
		).toBe('messages[0].template.actions: must hold exactly 2 actions, got 0 [item 0]');
	});
});
