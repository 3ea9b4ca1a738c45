import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { messageBuilderFields, readMessages } from '../../nodes/Line/helpers/messageBuilder';
import { InputError } from '../../nodes/shared/errors';
import type { ItemParameters } from '../../nodes/shared/parameters';
import { validateSchema } from '../support/openapi';

/**
 * Text with Mentions (textV2) and the Quote Token of text, textV2 and sticker messages: the
 * builder's fields, the messages read from them and the errors that name the field.
 */

const USER_ID = 'U4af4980629b06f3b9d3f8a1b2c3d4e5f';
const EMOJI = { productId: '5ac1bfd5040ab15980c9b435', emojiId: '002' };

/** The builder's parameters with these message entries, read the way ItemParameters would. */
function read(...entries: IDataObject[]): IDataObject[] {
	const parameters = { messagesInput: 'builder', messages: { message: entries } };
	const get = (name: string, _itemIndex: number, fallback?: unknown) => {
		let value: unknown = parameters;
		for (const key of name.split('.')) {
			value = value !== null && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
		}
		return value === undefined ? fallback : value;
	};
	return readMessages({ get } as unknown as ItemParameters, 0);
}

function problem(run: () => unknown): InputError {
	let caught: unknown;
	try {
		run();
	} catch (error) {
		caught = error;
	}
	if (caught instanceof InputError) return caught;
	throw new Error(`expected an InputError, got ${caught === undefined ? 'none' : String(caught)}`);
}

function mentions(text: string, ...placeholder: IDataObject[]): IDataObject {
	return { type: 'textV2', textWithPlaceholders: text, substitution: { placeholder } };
}

describe('the builder fields', () => {
	const fields = messageBuilderFields({ show: { resource: ['message'] } });
	const messages = fields.find((field) => field.name === 'messages') as INodeProperties;
	const values = (messages.options as Array<{ values: INodeProperties[] }>)[0].values;
	const typeList = values[0].options as INodePropertyOptions[];
	const shownFor = (type: string) =>
		values
			.filter((value) => value.name !== 'type' && value.displayOptions?.show?.type?.includes(type))
			.map((value) => value.name)
			.sort();

	it('offers Text with Mentions, with its text, placeholders and quote token', () => {
		expect(typeList.find((option) => option.value === 'textV2')?.name).toBe('Text with Mentions');
		expect(shownFor('textV2')).toEqual(['quoteToken', 'substitution', 'textWithPlaceholders']);
		const text = values.find((value) => value.name === 'textWithPlaceholders');
		expect(text?.description).toContain('Write {{ and }} for literal braces');
	});

	it('shows the one Quote Token field for text, textV2 and sticker messages only', () => {
		const quoteToken = values.filter((value) => value.name === 'quoteToken');
		expect(quoteToken).toHaveLength(1);
		expect(quoteToken[0]).toMatchObject({ displayName: 'Quote Token', default: '' });
		expect(quoteToken[0].required).toBeFalsy();
		expect(quoteToken[0].displayOptions?.show?.type).toEqual(['text', 'textV2', 'sticker']);
		expect(quoteToken[0].description).toContain('message.quoteToken');
	});

	it('gives each placeholder a key, a type and the fields of that type', () => {
		const substitution = values.find((value) => value.name === 'substitution') as INodeProperties;
		const placeholder = (
			substitution.options as Array<{ name: string; values: INodeProperties[] }>
		)[0];
		expect(placeholder.name).toBe('placeholder');
		const type = placeholder.values.find((value) => value.name === 'type') as INodeProperties;
		expect((type.options as INodePropertyOptions[]).map((o) => [o.name, o.value])).toEqual([
			['Everyone Mention', 'all'],
			['LINE Emoji', 'emoji'],
			['User Mention', 'user'],
		]);
		const shownForType = (kind: string) =>
			placeholder.values
				.filter((value) => value.displayOptions?.show?.type?.includes(kind))
				.map((value) => value.name);
		expect(shownForType('user')).toEqual(['userId']);
		expect(shownForType('all')).toEqual([]);
		expect(shownForType('emoji')).toEqual(['productId', 'emojiId']);
	});
});

describe('Text with Mentions', () => {
	it('turns each placeholder into its substitution, in a shape LINE accepts', () => {
		const messages = read(
			mentions(
				'{user} {all}, sale today! {smile}',
				{ key: 'user', type: 'user', userId: ` ${USER_ID} ` },
				{ key: 'all', type: 'all' },
				{ key: 'smile', type: 'emoji', ...EMOJI },
			),
		);
		expect(messages).toEqual([
			{
				type: 'textV2',
				text: '{user} {all}, sale today! {smile}',
				substitution: {
					user: { type: 'mention', mentionee: { type: 'user', userId: USER_ID } },
					all: { type: 'mention', mentionee: { type: 'all' } },
					smile: { type: 'emoji', ...EMOJI },
				},
			},
		]);
		expect(validateSchema('messaging-api', 'Message', messages[0], 'messages[0]')).toEqual([]);
	});

	it('needs no placeholder for braces written double, and sends none when there are none', () => {
		expect(read({ type: 'textV2', textWithPlaceholders: 'Use {{code}} here' })).toEqual([
			{ type: 'textV2', text: 'Use {{code}} here' },
		]);
	});

	it('reports a {key} without a placeholder on that key, with how to fix it', () => {
		const error = problem(() =>
			read(mentions('Hi {name}, {user}', { key: 'user', type: 'user', userId: USER_ID })),
		);
		expect(error.message).toBe('messages[0].substitution.name: is required for {name} in text');
		expect(error.hint).toBe(
			'Add a placeholder (a substitution) with the key "name", or write {{name}} to send the braces as text',
		);
	});

	it('reports a key given twice', () => {
		const error = problem(() =>
			read(mentions('{a}', { key: 'a', type: 'all' }, { key: 'a', type: 'user', userId: USER_ID })),
		);
		expect(error.message).toBe('messages[0].substitution: key "a" is given twice');
	});

	it('reports a key LINE does not take and an invalid {key} in the text', () => {
		expect(problem(() => read(mentions('{a b}', { key: 'a b', type: 'all' }))).message).toBe(
			'messages[0].substitution: key "a b" must be 1 to 20 letters, digits or underscores',
		);
		expect(problem(() => read(mentions('Hello {a b}'))).message).toBe(
			'messages[0].text: {a b} is not a valid placeholder (1 to 20 letters, digits or underscores); write {{ and }} for literal braces',
		);
	});

	it('names the missing user ID and emoji ID of a placeholder', () => {
		expect(problem(() => read(mentions('{u}', { key: 'u', type: 'user' }))).message).toContain(
			'messages[0].substitution.u.mentionee.userId: nothing is not a LINE user ID',
		);
		expect(
			problem(() => read(mentions('{e}', { key: 'e', type: 'emoji', productId: EMOJI.productId })))
				.message,
		).toBe('messages[0].substitution.e.emojiId: is required (text, at least 1 characters)');
	});

	it('names a placeholder type given by an expression that is not one', () => {
		expect(problem(() => read(mentions('{x}', { key: 'x', type: 'group' }))).message).toBe(
			'messages[0].substitution.x.type: "group" is not a placeholder type; expected one of user, all, emoji',
		);
	});

	it('reports an empty text', () => {
		expect(problem(() => read(mentions('', { key: 'a', type: 'all' }))).message).toBe(
			'messages[0].text: is required (text, 1 to 5000 characters)',
		);
	});
});

describe('Quote Token', () => {
	it.each<[string, IDataObject, IDataObject]>([
		['text', { type: 'text', text: 'Got it' }, { type: 'text', text: 'Got it' }],
		[
			'textV2',
			mentions('{user}, got it', { key: 'user', type: 'user', userId: USER_ID }),
			{
				type: 'textV2',
				text: '{user}, got it',
				substitution: { user: { type: 'mention', mentionee: { type: 'user', userId: USER_ID } } },
			},
		],
		[
			'sticker',
			{ type: 'sticker', packageId: '446', stickerId: '1988' },
			{ type: 'sticker', packageId: '446', stickerId: '1988' },
		],
	])('quotes the message in a %s message, and sends none when empty', (_type, entry, expected) => {
		const [quoting, plain] = read(
			{ ...entry, quoteToken: ' q3Plxr4AgKd ' },
			{ ...entry, quoteToken: '' },
		);
		expect(quoting).toEqual({ ...expected, quoteToken: 'q3Plxr4AgKd' });
		expect(plain).toEqual(expected);
		expect(validateSchema('messaging-api', 'Message', quoting, 'messages[0]')).toEqual([]);
	});

	it('is not read for types LINE takes no quote token on', () => {
		const [image] = read({
			type: 'image',
			originalContentUrl: 'https://example.com/a.jpg',
			quoteToken: 'q',
		});
		expect(image.quoteToken).toBeUndefined();
	});

	it('names a quote token that is not text, in a sticker message too', () => {
		const parameters = {
			messagesInput: 'json',
			messagesJson: [{ type: 'sticker', packageId: '446', stickerId: '1988', quoteToken: 7 }],
		};
		const get = (name: string, _i: number, fallback?: unknown) =>
			(parameters as IDataObject)[name] ?? fallback;
		expect(problem(() => readMessages({ get } as unknown as ItemParameters, 0)).message).toBe(
			'messages[0].quoteToken: must be text, got number 7',
		);
	});
});
