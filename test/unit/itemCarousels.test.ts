import type { IDataObject } from 'n8n-workflow';

import { joinItemCarousels, type CarouselJoin } from '../../nodes/Line/helpers/itemCarousels';
import { markJoined } from '../../nodes/Line/messages/joinItems';
import type { Unit } from '../../nodes/shared/items';

/** Carousels from input items: how the items' columns become requests. */

const USER_A = 'U' + 'a'.repeat(32);
const USER_B = 'U' + 'b'.repeat(32);

interface Push {
	to: string;
	messages: IDataObject[];
	retryKey: string;
}

function column(name: string): IDataObject {
	return { text: name, actions: [{ type: 'message', label: 'Buy', text: `Buy ${name}` }] };
}

function carousel(columns: IDataObject[], joined = true): IDataObject {
	const message = {
		type: 'template',
		altText: 'Products',
		template: { type: 'carousel', columns },
	};
	return joined ? markJoined(message) : message;
}

function flexCarousel(name: string): IDataObject {
	const bubble = {
		type: 'bubble',
		body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: name }] },
	};
	return markJoined({
		type: 'flex',
		altText: 'Cards',
		contents: { type: 'carousel', contents: [bubble] },
	});
}

const JOIN: CarouselJoin<Push> = {
	messagesOf: ({ messages }) => messages,
	keyOf: ({ to }, messages) => JSON.stringify({ to, messages }),
	withMessages: (push, messages, part, first) => ({
		...push,
		messages,
		retryKey: part === 0 ? push.retryKey : `derived-${first}-${part}`,
	}),
};

function pushes(messagesOf: (item: number) => IDataObject[], count: number, to = () => USER_A) {
	return Array.from(
		{ length: count },
		(_, item): Unit<Push> => ({
			items: [item],
			value: { to: to(), messages: messagesOf(item), retryKey: `key-${item}` },
		}),
	);
}

const columnsOf = (message: IDataObject) =>
	((message.template as IDataObject).columns as IDataObject[]).map(({ text }) => text);

describe('Columns From All Items', () => {
	it('joins the columns of all items to one chat into one carousel, paired with every item', () => {
		const units = joinItemCarousels(
			pushes((item) => [carousel([column(`P${item}`)])], 3),
			JOIN,
		);
		expect(units).toHaveLength(1);
		expect(units[0].items).toEqual([0, 1, 2]);
		expect(units[0].value.retryKey).toBe('key-0');
		expect(units[0].value.messages.map(columnsOf)).toEqual([['P0', 'P1', 'P2']]);
	});

	it('splits 23 columns into carousels of 10 and keeps the other messages around them', () => {
		const units = joinItemCarousels(
			pushes(
				(item) => [
					{ type: 'text', text: 'Our products' },
					carousel([column(`P${item}`)]),
					{ type: 'text', text: 'Reply to order' },
				],
				23,
			),
			JOIN,
		);
		expect(units).toHaveLength(1);
		const [intro, first, second, third, outro] = units[0].value.messages;
		expect(intro).toEqual({ type: 'text', text: 'Our products' });
		expect([first, second, third].map((message) => columnsOf(message).length)).toEqual([10, 10, 3]);
		expect(columnsOf(third)).toEqual(['P20', 'P21', 'P22']);
		expect(outro.text).toBe('Reply to order');
	});

	it('over 5 messages makes more requests, each paired with the items whose columns it holds', () => {
		const units = joinItemCarousels(
			pushes((item) => [carousel([column(`P${item}`)])], 61),
			JOIN,
		);
		expect(units.map(({ value }) => value.messages.length)).toEqual([5, 2]);
		expect(units[0].items).toEqual([...Array(50).keys()]);
		expect(units[1].items).toEqual([...Array(11).keys()].map((i) => i + 50));
		// The later request has a retry key of its own, derived from the first item and its part.
		expect(units.map(({ value }) => value.retryKey)).toEqual(['key-0', 'derived-0-1']);
	});

	it('keeps the quick reply on the last carousel only', () => {
		const units = joinItemCarousels(
			pushes((item) => {
				const message = carousel([column(`P${item}`)]);
				message.quickReply = {
					items: [{ type: 'action', action: { type: 'message', label: 'More', text: 'More' } }],
				};
				return [message];
			}, 15),
			JOIN,
		);
		const [first, last] = units[0].value.messages;
		expect(first.quickReply).toBeUndefined();
		expect(last.quickReply).toBeDefined();
	});

	it('joins flex cards 12 to a carousel', () => {
		const units = joinItemCarousels(
			pushes((item) => [flexCarousel(`C${item}`)], 13),
			JOIN,
		);
		const sizes = units[0].value.messages.map(
			(message) => ((message.contents as IDataObject).contents as unknown[]).length,
		);
		expect(sizes).toEqual([12, 1]);
	});

	it('items to different chats get requests of their own, in the order of their first item', () => {
		const units = joinItemCarousels(
			pushes(
				(item) => [carousel([column(`P${item}`)])],
				4,
				(() => {
					let n = 0;
					return () => (n++ % 2 === 0 ? USER_A : USER_B);
				})(),
			),
			JOIN,
		);
		expect(units.map(({ value: { to } }) => to)).toEqual([USER_A, USER_B]);
		expect(units.map(({ items }) => items)).toEqual([
			[0, 2],
			[1, 3],
		]);
	});

	it('leaves runs without such a carousel as they are', () => {
		const input = pushes((item) => [carousel([column(`P${item}`)], false)], 3);
		expect(joinItemCarousels(input, JOIN)).toBe(input);
	});

	it('a reply takes one request: too many columns are an error naming the field and the items', () => {
		expect(() =>
			joinItemCarousels(
				pushes((item) => [carousel([column(`P${item}`)])], 51),
				{
					...JOIN,
					maxRequests: 1,
				},
			),
		).toThrow(/messages\[0\]\.joinItems: items 0–50 need 6 messages \(6 carousels\)/);
	});

	it('checks the joined carousels against LINE’s rules, naming the items joined', () => {
		const units = pushes((item) => {
			const own = column(`P${item}`);
			if (item === 1)
				(own.actions as IDataObject[]).push({ type: 'message', label: 'Ask', text: 'Ask' });
			return [carousel([own])];
		}, 2);
		expect(() => joinItemCarousels(units, JOIN)).toThrow(
			/messages\[0\]\.template\.columns\[1\]\.actions: has 2 actions but columns\[0\] has 1.*items 0–1 joined/,
		);
	});
});
