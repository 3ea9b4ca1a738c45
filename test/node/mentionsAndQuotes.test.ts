import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	apiRequests,
	builder,
	REPLY_TOKEN,
	runLine,
	runLineOk,
	USER,
	USER_2,
	useMockLine,
} from './fixtures';

/**
 * Text with Mentions and Quote Token through the real node: the request LINE receives (checked
 * by the mock against LINE's OpenAPI) and the errors that name the field before anything is sent.
 */

const line = useMockLine();

const EMOJI = { productId: '5ac1bfd5040ab15980c9b435', emojiId: '002' };

/** A LINE Trigger item of a text message in a group, as the trigger outputs it (the raw event). */
function groupMessageEvent(userId: string, quoteToken: string, text: string): IDataObject {
	return {
		type: 'message',
		replyToken: REPLY_TOKEN,
		source: { type: 'group', groupId: 'Ca56f94637c0123456789abcdef012345', userId },
		message: { type: 'text', id: '468789577898262530', quoteToken, text },
		userId,
		text,
	};
}

function mentions(text: string, ...placeholder: IDataObject[]): IDataObject {
	return { type: 'textV2', textWithPlaceholders: text, substitution: { placeholder } };
}

function sentMessages(): IDataObject[][] {
	return apiRequests(line.mock).map((r) => (r.body as { messages: IDataObject[] }).messages);
}

describe('Text with Mentions', () => {
	it('pushes a textV2 message with a user mention, an everyone mention and a LINE emoji', async () => {
		await runLineOk(line.mock, {
			resource: 'message',
			operation: 'sendPush',
			to: USER,
			...builder(
				mentions(
					'{user} and {everyone}: doors open at 9 {smile}',
					{ key: 'user', type: 'user', userId: USER_2 },
					{ key: 'everyone', type: 'all' },
					{ key: 'smile', type: 'emoji', ...EMOJI },
				),
			),
		});
		const [request] = apiRequests(line.mock);
		expect(request.operationId).toBe('pushMessage');
		expect(request.body).toEqual({
			to: USER,
			messages: [
				{
					type: 'textV2',
					text: '{user} and {everyone}: doors open at 9 {smile}',
					substitution: {
						user: { type: 'mention', mentionee: { type: 'user', userId: USER_2 } },
						everyone: { type: 'mention', mentionee: { type: 'all' } },
						smile: { type: 'emoji', ...EMOJI },
					},
				},
			],
		});
	});

	it('replies mentioning the sender of each item, quoting their message', async () => {
		const input = [
			groupMessageEvent(USER, 'quote-1', 'Is the shop open?'),
			groupMessageEvent(USER_2, 'quote-2', 'Me too?'),
		];
		await runLineOk(
			line.mock,
			{
				resource: 'message',
				operation: 'sendReply',
				replyToken: '={{ $json.replyToken }}',
				...builder({
					...mentions('{asker} yes, until 6 pm', {
						key: 'asker',
						type: 'user',
						userId: '={{ $json.source.userId }}',
					}),
					quoteToken: '={{ $json.message.quoteToken }}',
				}),
			},
			{ input },
		);
		expect(sentMessages()).toEqual(
			[
				[USER, 'quote-1'],
				[USER_2, 'quote-2'],
			].map(([userId, quoteToken]) => [
				{
					type: 'textV2',
					text: '{asker} yes, until 6 pm',
					substitution: { asker: { type: 'mention', mentionee: { type: 'user', userId } } },
					quoteToken,
				},
			]),
		);
	});

	it('sends {{ and }} as they are, with no placeholder needed', async () => {
		await runLineOk(line.mock, {
			resource: 'message',
			operation: 'sendPush',
			to: USER,
			...builder({ type: 'textV2', textWithPlaceholders: 'Type {{help}} for the menu' }),
		});
		expect(sentMessages()).toEqual([[{ type: 'textV2', text: 'Type {{help}} for the menu' }]]);
	});

	it('refuses a {key} with no placeholder, naming the field and the fix, before sending', async () => {
		const result = await runLine(line.mock, {
			resource: 'message',
			operation: 'sendPush',
			to: USER,
			...builder(
				{ type: 'text', text: 'first' },
				mentions('Hi {name}!', { key: 'user', type: 'user', userId: USER }),
			),
		});
		expect(result.error?.message).toBe(
			'messages[1].substitution.name: is required for {name} in text [item 0]',
		);
		expect(result.error?.description).toBe(
			'Add a placeholder (a substitution) with the key "name", or write {{name}} to send the braces as text',
		);
		expect(apiRequests(line.mock)).toEqual([]);
	});

	it('refuses a user mention whose user ID is not one, naming the field', async () => {
		const result = await runLine(line.mock, {
			resource: 'message',
			operation: 'sendPush',
			to: USER,
			...builder(mentions('{u}', { key: 'u', type: 'user', userId: 'alice' })),
		});
		expect(result.error?.message).toBe(
			'messages[0].substitution.u.mentionee.userId: "alice" is not a LINE user ID (expected U followed by 32 hex characters, e.g. U4af4980629...) [item 0]',
		);
		expect(apiRequests(line.mock)).toEqual([]);
	});
});

describe('Quote Token', () => {
	const parameters = (...messages: IDataObject[]): INodeParameters => ({
		resource: 'message',
		operation: 'sendReply',
		replyToken: REPLY_TOKEN,
		...builder(...messages),
	});

	it('quotes the user message in text and sticker replies, and leaves it out when empty', async () => {
		await runLineOk(
			line.mock,
			parameters(
				{ type: 'text', text: 'Noted', quoteToken: 'q-text' },
				{ type: 'sticker', packageId: '446', stickerId: '1988', quoteToken: 'q-sticker' },
				{ type: 'text', text: 'No quote', quoteToken: '' },
			),
		);
		const [request] = apiRequests(line.mock);
		expect(request.operationId).toBe('replyMessage');
		expect(request.body).toEqual({
			replyToken: REPLY_TOKEN,
			messages: [
				{ type: 'text', text: 'Noted', quoteToken: 'q-text' },
				{ type: 'sticker', packageId: '446', stickerId: '1988', quoteToken: 'q-sticker' },
				{ type: 'text', text: 'No quote' },
			],
		});
	});
});
