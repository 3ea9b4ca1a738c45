import type { IDataObject } from 'n8n-workflow';

import { apiRequests, builder, runLine, runLineOk, USER, useMockLine } from './fixtures';

/**
 * Imagemap messages composed from fields (Areas, Video) through the real node: the request LINE
 * receives (checked by the mock against LINE's OpenAPI), the JSON actions alongside them, and
 * the errors that name the field before anything is sent.
 */

const line = useMockLine();

const BASE = {
	type: 'imagemap',
	baseUrl: 'https://example.com/imagemap/sale',
	altText: 'Summer sale',
	baseHeight: 1040,
};

const SENT_BASE = {
	type: 'imagemap',
	baseUrl: 'https://example.com/imagemap/sale',
	altText: 'Summer sale',
	baseSize: { width: 1040, height: 1040 },
};

const JSON_ACTION = {
	type: 'message',
	text: 'Bottom',
	area: { x: 0, y: 520, width: 1040, height: 520 },
};

function areas(...area: IDataObject[]): IDataObject {
	return { imagemapAreas: { area } };
}

async function push(entry: IDataObject, input?: IDataObject[]) {
	return await runLine(
		line.mock,
		{ resource: 'message', operation: 'sendPush', to: USER, ...builder(entry) },
		{ input },
	);
}

async function pushedImagemaps(entry: IDataObject, input?: IDataObject[]): Promise<IDataObject[]> {
	await runLineOk(
		line.mock,
		{ resource: 'message', operation: 'sendPush', to: USER, ...builder(entry) },
		{ input },
	);
	return apiRequests(line.mock).map((r) => (r.body as { messages: IDataObject[] }).messages[0]);
}

describe('Areas', () => {
	it('sends one action per area: a link, a message and a clipboard text, with labels', async () => {
		const [message] = await pushedImagemaps({
			...BASE,
			...areas(
				{
					type: 'uri',
					linkUri: ' https://example.com/sale ',
					label: 'Open the sale',
					x: 0,
					y: 0,
					width: 520,
					height: 520,
				},
				{ type: 'message', text: 'Show me shoes', x: 520, y: 0, width: 520, height: 520 },
				{ type: 'clipboard', clipboardText: 'SUMMER25', x: 0, y: 520, width: 1040, height: 520 },
			),
		});
		expect(message).toEqual({
			...SENT_BASE,
			actions: [
				{
					type: 'uri',
					linkUri: 'https://example.com/sale',
					label: 'Open the sale',
					area: { x: 0, y: 0, width: 520, height: 520 },
				},
				{ type: 'message', text: 'Show me shoes', area: { x: 520, y: 0, width: 520, height: 520 } },
				{
					type: 'clipboard',
					clipboardText: 'SUMMER25',
					area: { x: 0, y: 520, width: 1040, height: 520 },
				},
			],
		});
	});

	it('puts the areas first, then the actions given as JSON', async () => {
		const [message] = await pushedImagemaps({
			...BASE,
			...areas({
				type: 'uri',
				linkUri: 'https://example.com',
				x: 0,
				y: 0,
				width: 1040,
				height: 520,
			}),
			actions: JSON.stringify([JSON_ACTION]),
		});
		expect(message.actions).toEqual([
			{
				type: 'uri',
				linkUri: 'https://example.com',
				area: { x: 0, y: 0, width: 1040, height: 520 },
			},
			JSON_ACTION,
		]);
	});

	it('takes sizes and texts from expressions, per item', async () => {
		const sent = await pushedImagemaps(
			{
				...BASE,
				...areas({
					type: 'message',
					text: '={{ $json.answer }}',
					x: 0,
					y: 0,
					width: 1040,
					height: '={{ $json.height }}',
				}),
			},
			[
				{ answer: 'Yes', height: 1040 },
				{ answer: 'No', height: '700' },
			],
		);
		expect(sent.map((message) => message.actions)).toEqual([
			[{ type: 'message', text: 'Yes', area: { x: 0, y: 0, width: 1040, height: 1040 } }],
			[{ type: 'message', text: 'No', area: { x: 0, y: 0, width: 1040, height: 700 } }],
		]);
	});
});

describe('Video', () => {
	const VIDEO = {
		originalContentUrl: 'https://example.com/clip.mp4',
		previewImageUrl: 'https://example.com/clip.jpg',
		x: 0,
		y: 0,
		width: 1040,
		height: 585,
	};
	const SENT_VIDEO = {
		originalContentUrl: 'https://example.com/clip.mp4',
		previewImageUrl: 'https://example.com/clip.jpg',
		area: { x: 0, y: 0, width: 1040, height: 585 },
	};
	const AREA = {
		type: 'uri',
		linkUri: 'https://example.com',
		x: 0,
		y: 585,
		width: 1040,
		height: 455,
	};

	it('plays a video in an area, with its link shown after it', async () => {
		const [message] = await pushedImagemaps({
			...BASE,
			...areas(AREA),
			imagemapVideo: {
				video: { ...VIDEO, linkUri: 'https://example.com/more', label: 'See more' },
			},
		});
		expect(message.video).toEqual({
			...SENT_VIDEO,
			externalLink: { linkUri: 'https://example.com/more', label: 'See more' },
		});
	});

	it('sends no external link when its fields are empty', async () => {
		const [message] = await pushedImagemaps({
			...BASE,
			...areas(AREA),
			imagemapVideo: { video: { ...VIDEO, linkUri: '', label: '' } },
		});
		expect(message.video).toEqual(SENT_VIDEO);
	});

	it('names a link without a label', async () => {
		const result = await push({
			...BASE,
			...areas(AREA),
			imagemapVideo: { video: { ...VIDEO, linkUri: 'https://example.com/more' } },
		});
		expect(result.error?.message).toBe(
			'messages[0].video.externalLink.label: is required (text, 1 to 30 characters) [item 0]',
		);
		expect(apiRequests(line.mock)).toEqual([]);
	});
});

describe('actions as JSON, as before', () => {
	it('sends the JSON actions alone, exactly as given', async () => {
		const actions = [
			{
				type: 'uri',
				linkUri: 'https://example.com/a',
				area: { x: 0, y: 0, width: 520, height: 1040 },
			},
			{ ...JSON_ACTION, area: { x: 520, y: 0, width: 520, height: 1040 } },
		];
		const [message] = await pushedImagemaps({ ...BASE, actions: JSON.stringify(actions) });
		expect(message).toEqual({ ...SENT_BASE, actions });
	});

	it('takes the actions from an expression', async () => {
		const [message] = await pushedImagemaps({ ...BASE, actions: '={{ $json.actions }}' }, [
			{ actions: [JSON_ACTION] },
		]);
		expect(message.actions).toEqual([JSON_ACTION]);
	});
});

describe('errors naming the field, before sending', () => {
	it('no area and no JSON', async () => {
		const result = await push({ ...BASE, actions: '' });
		expect(result.error?.message).toBe(
			'messages[0].actions: is required: add at least one area under Areas, or give Imagemap Actions as JSON [item 0]',
		);
		expect(apiRequests(line.mock)).toEqual([]);
	});

	it('an area without its link, by its place among the actions', async () => {
		const result = await push({
			...BASE,
			...areas(
				{ type: 'message', text: 'ok', x: 0, y: 0, width: 520, height: 1040 },
				{ type: 'uri', linkUri: '', x: 520, y: 0, width: 520, height: 1040 },
			),
		});
		expect(result.error?.message).toBe(
			'messages[0].actions[1].linkUri: is required (a URI, 1 to 1000 characters) [item 0]',
		);
		expect(apiRequests(line.mock)).toEqual([]);
	});

	it('an area of no width', async () => {
		const result = await push({
			...BASE,
			...areas({ type: 'message', text: 'ok', x: 0, y: 0, width: 0, height: 1040 }),
		});
		expect(result.error?.message).toBe(
			'messages[0].actions[0].area.width: is number 0; expected a width in pixels, an integer of at least 1 [item 0]',
		);
	});

	it('JSON next to areas that is not an array', async () => {
		const result = await push({
			...BASE,
			...areas({ type: 'message', text: 'ok', x: 0, y: 0, width: 1040, height: 1040 }),
			actions: JSON.stringify(JSON_ACTION),
		});
		expect(result.error?.message).toBe(
			'messages[0].actions: must be a JSON array of imagemap actions (they follow the areas), got an object [item 0]',
		);
	});

	it('more than 50 actions in all', async () => {
		const area = { type: 'message', text: 'ok', x: 0, y: 0, width: 10, height: 10 };
		const result = await push({
			...BASE,
			...areas(...Array.from({ length: 30 }, () => area)),
			actions: JSON.stringify(Array.from({ length: 21 }, () => JSON_ACTION)),
		});
		expect(result.error?.message).toBe(
			'messages[0].actions: must hold 1 to 50 imagemap actions, got 51 [item 0]',
		);
	});
});
