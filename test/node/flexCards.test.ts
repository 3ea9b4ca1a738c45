import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { apiRequests, builder, runLine, runLineOk, USER, useMockLine } from './fixtures';

/**
 * Flex Card, Flex Card Carousel and Flex (JSON) through the real node: the messages LINE
 * receives (the mock checks them against LINE's OpenAPI) and the errors that stop a send.
 */

const line = useMockLine();

const push = (parameters: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation: 'sendPush',
	to: USER,
	...parameters,
});

/** Pushes with the given message parameters and returns the `messages` LINE received. */
async function pushedMessages(
	parameters: INodeParameters,
	input?: IDataObject[],
): Promise<IDataObject[][]> {
	await runLineOk(line.mock, push(parameters), { input });
	const requests = apiRequests(line.mock);
	expect(requests.map((r) => [r.operationId, r.problems])).toEqual(
		requests.map(() => ['pushMessage', []]),
	);
	return requests.map((r) => (r.body as { messages: IDataObject[] }).messages);
}

function text(value: string, look: IDataObject = {}): IDataObject {
	return { type: 'text', text: value, ...look };
}

function box(contents: IDataObject[], look: IDataObject = {}): IDataObject {
	return { type: 'box', layout: 'vertical', ...look, contents };
}

function row(key: string, value: string): IDataObject {
	return {
		type: 'box',
		layout: 'baseline',
		spacing: 'sm',
		contents: [
			text(key, { size: 'sm', color: '#aaaaaa', flex: 2, wrap: true }),
			text(value, { size: 'sm', weight: 'bold', align: 'end', flex: 3, wrap: true }),
		],
	};
}

const TITLE = { weight: 'bold', size: 'xl', wrap: true };

const PRODUCT: IDataObject = {
	heroImageUrl: 'https://example.com/tea.jpg',
	cardTitle: 'Jasmine tea',
	cardLines: 'Loose leaf, 100 g\nShips in 2 days',
	cardRows: {
		row: [
			{ key: 'Price', value: '฿240' },
			{ key: 'Origin', value: 'Chiang Rai' },
		],
	},
	cardButtons: {
		button: [
			{ type: 'uri', label: 'Buy now', uri: 'https://example.com/tea/buy', style: 'primary' },
			{
				type: 'message',
				label: 'Ask a question',
				text: 'About the jasmine tea',
				style: 'secondary',
			},
		],
	},
	cardOptions: {
		heroAspectRatio: '20:13',
		heroActionUri: 'https://example.com/tea',
		titleColor: '#1DB446',
		buttonColor: '#1DB446',
		backgroundColor: '#FFF8E7',
		footerNote: 'Free delivery over ฿500',
	},
};

const PRODUCT_BUBBLE: IDataObject = {
	type: 'bubble',
	hero: {
		type: 'image',
		url: 'https://example.com/tea.jpg',
		size: 'full',
		aspectRatio: '20:13',
		aspectMode: 'cover',
		action: { type: 'uri', uri: 'https://example.com/tea' },
	},
	body: box(
		[
			text('Jasmine tea', { ...TITLE, color: '#1DB446' }),
			text('Loose leaf, 100 g', { wrap: true }),
			text('Ships in 2 days', { wrap: true }),
			box([row('Price', '฿240'), row('Origin', 'Chiang Rai')], { margin: 'lg', spacing: 'sm' }),
		],
		{ spacing: 'sm' },
	),
	footer: box(
		[
			{
				type: 'button',
				style: 'primary',
				color: '#1DB446',
				action: { type: 'uri', label: 'Buy now', uri: 'https://example.com/tea/buy' },
			},
			{
				type: 'button',
				style: 'secondary',
				color: '#1DB446',
				action: { type: 'message', label: 'Ask a question', text: 'About the jasmine tea' },
			},
			text('Free delivery over ฿500', {
				size: 'xs',
				color: '#aaaaaa',
				align: 'center',
				wrap: true,
				margin: 'md',
			}),
		],
		{ spacing: 'sm' },
	),
	styles: {
		hero: { backgroundColor: '#FFF8E7' },
		body: { backgroundColor: '#FFF8E7' },
		footer: { backgroundColor: '#FFF8E7' },
	},
};

const titleBubble = (title: string): IDataObject => ({
	type: 'bubble',
	body: box([text(title, TITLE)], { spacing: 'sm' }),
});

describe('Flex Card', () => {
	it('sends the card as a flex bubble LINE accepts', async () => {
		const [messages] = await pushedMessages(
			builder({ type: 'card', altText: 'Jasmine tea, ฿240', ...PRODUCT }),
		);
		expect(messages).toEqual([
			{ type: 'flex', altText: 'Jasmine tea, ฿240', contents: PRODUCT_BUBBLE },
		]);
	});

	it('fills the card from each item', async () => {
		const sent = await pushedMessages(
			builder({
				type: 'card',
				altText: '={{ $json.name }}',
				cardTitle: '={{ $json.name }}',
				cardRows: { row: [{ key: 'Price', value: '={{ $json.price }}' }] },
			}),
			[
				{ name: 'Green tea', price: 180 },
				{ name: 'Oolong', price: 320 },
			],
		);
		expect(sent).toEqual(
			[
				['Green tea', '180'],
				['Oolong', '320'],
			].map(([name, price]) => [
				{
					type: 'flex',
					altText: name,
					contents: {
						type: 'bubble',
						body: box(
							[text(name, TITLE), box([row('Price', price)], { margin: 'lg', spacing: 'sm' })],
							{ spacing: 'sm' },
						),
					},
				},
			]),
		);
	});
});

describe('Flex Card Carousel', () => {
	it('sends the cards as a flex carousel, one bubble each in order', async () => {
		const [messages] = await pushedMessages(
			builder({
				type: 'cardCarousel',
				altText: 'Our teas',
				cards: { card: [PRODUCT, { cardTitle: 'More teas soon' }] },
			}),
		);
		expect(messages).toEqual([
			{
				type: 'flex',
				altText: 'Our teas',
				contents: { type: 'carousel', contents: [PRODUCT_BUBBLE, titleBubble('More teas soon')] },
			},
		]);
	});
});

describe('errors that stop the send and name the field', () => {
	const cards = (count: number) =>
		Array.from({ length: count }, (_, i) => ({ cardTitle: `Tea ${i + 1}` }));
	const buttons = (count: number) =>
		Array.from({ length: count }, (_, i) => ({
			type: 'message',
			label: `Option ${i + 1}`,
			text: `option ${i + 1}`,
		}));

	it.each<[string, IDataObject, string]>([
		[
			'13 cards',
			{ type: 'cardCarousel', altText: 'Teas', cards: { card: cards(13) } },
			'messages[0].cards: must hold 1 to 12 cards, got 13 [item 0]',
		],
		[
			'a color that is not a hex code',
			{ type: 'card', altText: 'Tea', cardTitle: 'Tea', cardOptions: { titleColor: 'green' } },
			'messages[0].cardOptions.titleColor: "green" is not a color; expected a hex code #RRGGBB, e.g. #1DB446 [item 0]',
		],
		[
			'a bad color in the third card',
			{
				type: 'cardCarousel',
				altText: 'Teas',
				cards: { card: [...cards(2), { cardTitle: 'c', cardOptions: { buttonColor: '#12345' } }] },
			},
			'messages[0].cards[2].cardOptions.buttonColor: "#12345" is not a color; expected a hex code #RRGGBB, e.g. #1DB446 [item 0]',
		],
		[
			'5 buttons',
			{ type: 'card', altText: 'Tea', cardTitle: 'Tea', cardButtons: { button: buttons(5) } },
			'messages[0].cardButtons: must hold 0 to 4 buttons, got 5 [item 0]',
		],
	])('%s', async (_name, entry, message) => {
		const result = await runLine(line.mock, push(builder(entry)));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(message);
		expect(line.mock.requests).toHaveLength(0);
	});
});

describe('Flex (JSON) takes what the Flex Message Simulator and LINE documents give', () => {
	const bubble = titleBubble('Order shipped');
	const carousel = { type: 'carousel', contents: [bubble, titleBubble('Order delivered')] };

	it.each<[string, unknown, string, IDataObject]>([
		['a bubble', bubble, 'Your order', { altText: 'Your order', contents: bubble }],
		['a carousel', carousel, 'Your orders', { altText: 'Your orders', contents: carousel }],
		[
			'a whole flex message, with its alt text when Alt Text gives none',
			{ type: 'flex', altText: 'Order update', contents: bubble },
			'={{ $json.altText }}',
			{ altText: 'Order update', contents: bubble },
		],
		[
			'a whole flex message, with the Alt Text field instead of its own',
			{ type: 'flex', altText: 'Order update', contents: carousel },
			'Two orders',
			{ altText: 'Two orders', contents: carousel },
		],
	])('%s', async (_name, pasted, altText, expected) => {
		const [messages] = await pushedMessages(
			builder({ type: 'flex', altText, contents: JSON.stringify(pasted, null, 2) }),
			[{ altText: '' }],
		);
		expect(messages).toEqual([{ type: 'flex', ...expected }]);
	});
});
