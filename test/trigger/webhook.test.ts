import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { LineConnectorChannelAccessTokenApi } from '../../credentials/LineConnectorChannelAccessTokenApi.credentials';
import { LineConnectorChannelIdSecretApi } from '../../credentials/LineConnectorChannelIdSecretApi.credentials';
import { LineTrigger } from '../../nodes/Line/LineTrigger.node';
import type { TestCredential } from '../support/engine';
import { validateSchema } from '../support/openapi';
import {
	BOT_USER_ID,
	createTriggerHarness,
	fileMessage,
	fromUser,
	GROUP_ID,
	inGroup,
	inRoom,
	lineEvent,
	mediaMessage,
	messageEvent,
	ROOM_ID,
	signedBy,
	textMessage,
	USER_ID,
	webhookBody,
	type Delivery,
} from '../support/webhook';

/**
 * The LINE Trigger's webhook in n8n-core's WebhookContext, over real HTTP: signature checks on
 * the raw bytes, LINE's Verify request, one item per event with convenience fields, filters.
 */

const SECRET = 'c0ffee00c0ffee00c0ffee00c0ffee00';
const nodeType = new LineTrigger();

/** `null`: the credential's Channel Secret field was never filled in. */
function tokenCredential(channelSecret: string | null = SECRET): TestCredential {
	return {
		type: 'lineConnectorChannelAccessTokenApi',
		credentialType: new LineConnectorChannelAccessTokenApi(),
		data: {
			accessToken: 'test-channel-access-token',
			...(channelSecret === null ? {} : { channelSecret }),
		},
	};
}

function idSecretCredential(channelSecret = SECRET): TestCredential {
	return {
		type: 'lineConnectorChannelIdSecretApi',
		credentialType: new LineConnectorChannelIdSecretApi(),
		data: { channelId: '1234567890', channelSecret },
	};
}

function trigger(parameters: INodeParameters = {}, credentials = [tokenCredential()]) {
	return createTriggerHarness({ nodeType, parameters, credentials });
}

async function deliverSigned(
	events: IDataObject[],
	parameters: INodeParameters = {},
): Promise<Delivery> {
	const body = webhookBody(events);
	return await trigger(parameters).deliver(body, { headers: signedBy(SECRET, body) });
}

function jsonOf(delivery: Delivery): IDataObject[] {
	return delivery.items.map((item) => item.json);
}

function expectRan(delivery: Delivery, count: number): void {
	expect(delivery.error).toBeUndefined();
	expect(delivery.status).toBe(200);
	expect(delivery.ran).toBe(true);
	expect(delivery.items).toHaveLength(count);
}

function expectRefused(delivery: Delivery, status = 401): void {
	expect(delivery.error).toBeUndefined();
	expect(delivery.status).toBe(status);
	expect(delivery.ran).toBe(false);
	expect(delivery.items).toEqual([]);
	expect(delivery.answeredBy).toBe('node');
}

describe('the test bodies', () => {
	it('are valid LINE webhook bodies (webhook.yml CallbackRequest)', () => {
		const body = JSON.parse(
			webhookBody([
				messageEvent(textMessage('Hello')),
				messageEvent(mediaMessage('image', '1001'), { source: inGroup }),
				messageEvent(fileMessage('1002', 'report.pdf'), { source: inRoom }),
				lineEvent('follow', { follow: { isUnblocked: false } }, { replyToken: 'r' }),
				lineEvent('unsend', { unsend: { messageId: '1003' } }),
				lineEvent('postback', { postback: { data: 'a=1' } }, { replyToken: 'r' }),
			]),
		) as unknown;
		expect(validateSchema('webhook', 'CallbackRequest', body)).toEqual([]);
	});
});

describe('valid events', () => {
	it('answers LINE 200 with no body and starts the workflow with one item for the event', async () => {
		const event = messageEvent(textMessage('Hello, n8n'), { replyToken: 'nHuyWiB7yP5Zw52FIkcQ' });
		const delivery = await deliverSigned([event]);

		expectRan(delivery, 1);
		expect(delivery.body).toBe('');
		expect(delivery.answeredBy).toBe('n8n');
		const [json] = jsonOf(delivery);
		// The raw event is kept as LINE sent it, at the top level.
		expect(json).toMatchObject(event);
		expect((json.message as IDataObject).text).toBe('Hello, n8n');
		expect((json.source as IDataObject).userId).toBe(USER_ID);
		expect(json).toEqual({
			...event,
			destination: BOT_USER_ID,
			eventType: 'message',
			sourceType: 'user',
			userId: USER_ID,
			groupId: null,
			roomId: null,
			chatId: USER_ID,
			replyToken: 'nHuyWiB7yP5Zw52FIkcQ',
			messageType: 'text',
			text: 'Hello, n8n',
			messageId: '468789577898262530',
			mentionedUserIds: [],
			isBotMentioned: false,
			quoteToken: 'q-468789577898262530',
			quotedMessageId: null,
			webhookEventId: event.webhookEventId,
			isRedelivery: false,
		});
		expect(delivery.items[0].binary).toBeUndefined();
	});

	it('makes one item per event of a body, in LINE’s order, each with its own fields', async () => {
		const events = [
			messageEvent(textMessage('in the group', '2001'), { source: inGroup }),
			lineEvent('follow', { follow: { isUnblocked: true } }, { replyToken: 'follow-token' }),
			lineEvent('postback', { postback: { data: 'action=buy&item=1' } }, { source: inRoom }),
			lineEvent('unsend', { unsend: { messageId: '2002' } }, { source: inGroup }),
			messageEvent({
				type: 'sticker',
				id: '2003',
				packageId: '446',
				stickerId: '1988',
				stickerResourceType: 'STATIC',
				quoteToken: 'q',
			}),
			lineEvent(
				'memberJoined',
				{ joined: { members: [fromUser] } },
				{ source: { type: 'group', groupId: GROUP_ID }, replyToken: 'mj' },
			),
			lineEvent('delivery', { delivery: { data: 'pnp-hash' } }, { source: null }),
		];
		const delivery = await deliverSigned(events);

		expectRan(delivery, events.length);
		const items = jsonOf(delivery);
		expect(items.map((item) => item.webhookEventId)).toEqual(events.map((e) => e.webhookEventId));
		expect(
			items.map((item) => [
				item.eventType,
				item.sourceType,
				item.chatId,
				item.messageType,
				item.text,
			]),
		).toEqual([
			['message', 'group', GROUP_ID, 'text', 'in the group'],
			['follow', 'user', USER_ID, null, null],
			['postback', 'room', ROOM_ID, null, null],
			['unsend', 'group', GROUP_ID, null, null],
			['message', 'user', USER_ID, 'sticker', null],
			['memberJoined', 'group', GROUP_ID, null, null],
			['delivery', null, null, null, null],
		]);
		expect(items[0]).toMatchObject({
			groupId: GROUP_ID,
			userId: USER_ID,
			roomId: null,
			messageId: '2001',
		});
		expect(items[1]).toMatchObject({ replyToken: 'follow-token', userId: USER_ID });
		expect(items[2]).toMatchObject({
			roomId: ROOM_ID,
			groupId: null,
			postback: { data: 'action=buy&item=1' },
		});
		// The unsent message's ID, to find what to take back.
		expect(items[3].messageId).toBe('2002');
		expect(items[5]).toMatchObject({
			userId: null,
			replyToken: 'mj',
			joined: { members: [fromUser] },
		});
		expect(items[6]).toMatchObject({
			destination: BOT_USER_ID,
			delivery: { data: 'pnp-hash' },
			replyToken: null,
		});
		for (const item of items) expect(item.destination).toBe(BOT_USER_ID);
	});

	it.each([
		['emoji', 'Hi 🍎👍🏽👨‍👩‍👧 ✨ (LINE counts 🍎 as 2)'],
		['Thai', 'สวัสดีครับ ขอบคุณที่ใช้บริการ'],
		['Japanese', 'こんにちは、LINEです。漢字・ｶﾀｶﾅ・ひらがな'],
	])('verifies %s text against the raw bytes, whatever the body’s formatting', async (_n, text) => {
		const event = messageEvent(textMessage(text));
		const bodies = [
			webhookBody([event]),
			JSON.stringify({ destination: BOT_USER_ID, events: [event] }, null, 2),
			// LINE may escape non-ASCII characters: different bytes, same JSON.
			webhookBody([event]).replace(
				/[\u0080-\uffff]/g,
				(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
			),
		];
		for (const body of bodies) {
			const delivery = await trigger().deliver(body, { headers: signedBy(SECRET, body) });
			expectRan(delivery, 1);
			expect(jsonOf(delivery)[0]).toMatchObject({ text, message: { text } });
		}
	});

	it('takes the channel secret from the Channel ID and Secret credential when that is chosen', async () => {
		const body = webhookBody([messageEvent(textMessage('hi'))]);
		const harness = trigger({ authentication: 'channelIdSecret' }, [
			tokenCredential('the-other-credentials-secret'),
			idSecretCredential(SECRET),
		]);
		expectRan(await harness.deliver(body, { headers: signedBy(SECRET, body) }), 1);
		expectRefused(
			await harness.deliver(body, { headers: signedBy('the-other-credentials-secret', body) }),
		);
	});

	it('ignores spaces around the channel secret in the credential', async () => {
		const body = webhookBody([messageEvent(textMessage('hi'))]);
		const harness = trigger({}, [tokenCredential(`  ${SECRET}\n`)]);
		expectRan(await harness.deliver(body, { headers: signedBy(SECRET, body) }), 1);
	});

	it('keeps what LINE sends at the top level, and marks redelivered events', async () => {
		const event = messageEvent(textMessage('again'), { redelivery: true, replyToken: 'old-token' });
		const delivery = await deliverSigned([event]);
		expectRan(delivery, 1);
		expect(jsonOf(delivery)[0]).toMatchObject({
			isRedelivery: true,
			deliveryContext: { isRedelivery: true },
			replyToken: 'old-token',
			webhookEventId: event.webhookEventId,
		});
	});
});

describe('node versions', () => {
	it('a new LINE Trigger is version 2', () => {
		expect(nodeType.description.version).toEqual([1, 2]);
		expect(nodeType.description.defaultVersion).toBe(2);
	});

	it('version 1 (workflows made before version 2) answers, refuses and gives items exactly as version 2', async () => {
		const events = [
			messageEvent(textMessage('Hello')),
			messageEvent(mediaMessage('image', '1001'), { source: inGroup }),
			lineEvent('follow', { follow: { isUnblocked: false } }, { replyToken: 'r' }),
		];
		const body = webhookBody(events);
		const parameters: INodeParameters = { eventTypes: ['message'] };
		const outcome = async (typeVersion: number) => {
			const harness = createTriggerHarness({
				nodeType,
				parameters,
				credentials: [tokenCredential()],
				typeVersion,
			});
			const signed = await harness.deliver(body, { headers: signedBy(SECRET, body) });
			const forged = await harness.deliver(body, { headers: signedBy('another', body) });
			return [signed, forged].map((d) => ({
				status: d.status,
				body: d.body,
				ran: d.ran,
				answeredBy: d.answeredBy,
				items: jsonOf(d),
			}));
		};
		const [version1, version2] = [await outcome(1), await outcome(2)];
		expect(version1).toEqual(version2);
		expect(version2.map((d) => [d.status, d.ran, d.items.length])).toEqual([
			[200, true, 2],
			[401, false, 0],
		]);
	});

	it('checks the signature of a body whose content type n8n does not read for version 2 nodes', async () => {
		const body = webhookBody([messageEvent(textMessage('Hello'))]);
		for (const contentType of ['application/octet-stream', '']) {
			const harness = trigger();
			const signed = await harness.deliver(body, {
				headers: { ...signedBy(SECRET, body), 'content-type': contentType },
			});
			expectRan(signed, 1);
			const forged = await harness.deliver(body, {
				headers: { ...signedBy('another', body), 'content-type': contentType },
			});
			expectRefused(forged);
		}
	});
});

describe('requests that are not from LINE: 401, nothing runs', () => {
	const body = webhookBody([messageEvent(textMessage('Hello'))]);

	it.each<[string, Record<string, string>, string?]>([
		['without x-line-signature', {}],
		['with an empty signature', { 'x-line-signature': '' }],
		['with a signature made with another secret', signedBy('not-the-channel-secret', body)],
		[
			'with a signature of another body',
			signedBy(SECRET, webhookBody([messageEvent(textMessage('Hellp'))])),
		],
		[
			'with a signature of the body re-serialised',
			signedBy(SECRET, JSON.stringify(JSON.parse(body), null, 1)),
		],
		['with a signature in hex instead of Base64', { 'x-line-signature': 'ab'.repeat(32) }],
	])('refuses a request %s', async (_name, headers) => {
		const delivery = await trigger().deliver(body, { headers });
		expectRefused(delivery);
		expect(JSON.parse(delivery.body)).toEqual({ message: 'Invalid signature' });
	});

	it('refuses a body altered after LINE signed it', async () => {
		const headers = signedBy(SECRET, body);
		const delivery = await trigger().deliver(body.replace('Hello', 'Hellp'), { headers });
		expectRefused(delivery);
	});

	it('refuses everything when the credential has no channel secret, even a request signed with an empty key', async () => {
		for (const secret of [null, '', '   ']) {
			const harness = trigger({}, [tokenCredential(secret)]);
			expectRefused(await harness.deliver(body, { headers: signedBy('', body) }));
			expectRefused(await harness.deliver(body, { headers: signedBy(SECRET, body) }));
		}
	});
});

describe('requests that start nothing', () => {
	it('answers LINE’s Verify request (no events) with 200 and does not run', async () => {
		const body = webhookBody([]);
		const delivery = await trigger().deliver(body, { headers: signedBy(SECRET, body) });
		expectRefused(delivery, 200);
		expect(delivery.body).toBe('');
	});

	it('refuses an unsigned Verify request like any other', async () => {
		expectRefused(await trigger().deliver(webhookBody([])));
	});

	it('answers 400 to a signed body that is not a LINE webhook', async () => {
		for (const [body, contentType] of [
			['{"destination":"U1"}', 'application/json'],
			['not json at all', 'text/plain'],
		]) {
			const delivery = await trigger().deliver(body, {
				headers: { ...signedBy(SECRET, body), 'content-type': contentType },
			});
			expectRefused(delivery, 400);
		}
	});
});

describe('filters', () => {
	const events = [
		messageEvent(textMessage('text from a user', '3001')),
		messageEvent(mediaMessage('image', '3002'), { source: inGroup }),
		lineEvent('follow', { follow: { isUnblocked: false } }, { replyToken: 'f' }),
		messageEvent(textMessage('text in a room', '3003'), { source: inRoom }),
		lineEvent('postback', { postback: { data: 'p=1' } }, { source: inGroup, replyToken: 'p' }),
		messageEvent(textMessage('redelivered', '3004'), { redelivery: true }),
		lineEvent('delivery', { delivery: { data: 'd' } }, { source: null }),
	];
	const ids = (delivery: Delivery) =>
		jsonOf(delivery).map((item) => item.messageId ?? item.eventType);

	it('lets everything through by default', async () => {
		const delivery = await deliverSigned(events);
		expect(ids(delivery)).toEqual([
			'3001',
			'3002',
			'follow',
			'3003',
			'postback',
			'3004',
			'delivery',
		]);
	});

	it('keeps only the chosen event types', async () => {
		const delivery = await deliverSigned(events, { eventTypes: ['postback', 'follow'] });
		expect(ids(delivery)).toEqual(['follow', 'postback']);
	});

	it('keeps only the chosen message types, leaving other events alone', async () => {
		const delivery = await deliverSigned(events, { messageTypes: ['image'] });
		expect(ids(delivery)).toEqual(['3002', 'follow', 'postback', 'delivery']);
	});

	it('keeps only the chosen source types (events without a source are dropped)', async () => {
		const delivery = await deliverSigned(events, { sourceTypes: ['group', 'room'] });
		expect(ids(delivery)).toEqual(['3002', '3003', 'postback']);
	});

	it('combines filters', async () => {
		const delivery = await deliverSigned(events, {
			eventTypes: ['message'],
			messageTypes: ['text'],
			sourceTypes: ['user'],
		});
		expect(ids(delivery)).toEqual(['3001', '3004']);
	});

	it('drops redelivered events when asked', async () => {
		const delivery = await deliverSigned(events, { options: { ignoreRedelivered: true } });
		expect(ids(delivery)).toEqual(['3001', '3002', 'follow', '3003', 'postback', 'delivery']);
	});

	it('answers 200 and runs nothing when every event is filtered out', async () => {
		const delivery = await deliverSigned(events, { eventTypes: ['beacon'] });
		expectRefused(delivery, 200);
		const redelivered = await deliverSigned([events[5]], { options: { ignoreRedelivered: true } });
		expectRefused(redelivered, 200);
	});
});

describe('mentions and quotes in groups', () => {
	const OTHER_USER_ID = 'U0ther0000000000000000000000000aa';
	const THIRD_USER_ID = 'U7hird0000000000000000000000000bb';
	const botMentionee = { index: 0, length: 4, type: 'user', userId: BOT_USER_ID, isSelf: true };
	const otherMentionee = (index: number, userId = OTHER_USER_ID) => ({
		index,
		length: 6,
		type: 'user',
		userId,
		isSelf: false,
	});

	function mentioning(text: string, id: string, mentionees: IDataObject[]): IDataObject {
		return { ...textMessage(text, id), mention: { mentionees } };
	}

	const toBot = messageEvent(
		mentioning('@Bot what is the weather, @Alice?', '4001', [botMentionee, otherMentionee(26)]),
		{ source: inGroup },
	);
	const toOther = messageEvent(mentioning('@Alice lunch?', '4002', [otherMentionee(0)]), {
		source: inGroup,
	});
	const inRoomToOther = messageEvent(mentioning('@Alice hi', '4003', [otherMentionee(0)]), {
		source: inRoom,
	});
	const unmentionedInGroup = messageEvent(textMessage('no one mentioned', '4004'), {
		source: inGroup,
	});
	const stickerInGroup = messageEvent(
		{
			type: 'sticker',
			id: '4005',
			packageId: '446',
			stickerId: '1988',
			stickerResourceType: 'STATIC',
			quoteToken: 'q-4005',
		},
		{ source: inGroup },
	);
	const oneOnOne = messageEvent(textMessage('hello bot', '4006'));
	const postbackInGroup = lineEvent(
		'postback',
		{ postback: { data: 'p=1' } },
		{ source: inGroup, replyToken: 'p' },
	);
	const joinedGroup = lineEvent(
		'join',
		{},
		{ source: { type: 'group', groupId: GROUP_ID }, replyToken: 'j' },
	);
	const all = [
		toBot,
		toOther,
		inRoomToOther,
		unmentionedInGroup,
		stickerInGroup,
		oneOnOne,
		postbackInGroup,
		joinedGroup,
	];
	const ids = (delivery: Delivery) =>
		jsonOf(delivery).map((item) => item.messageId ?? item.eventType);
	const onlyMentioned = { onlyWhenBotMentioned: true };

	it('are valid LINE webhook bodies (webhook.yml CallbackRequest)', () => {
		const body = JSON.parse(webhookBody(all)) as unknown;
		expect(validateSchema('webhook', 'CallbackRequest', body)).toEqual([]);
	});

	it('passes every message when Only When Bot Is Mentioned is off', async () => {
		const delivery = await deliverSigned(all);
		expect(ids(delivery)).toEqual([
			'4001',
			'4002',
			'4003',
			'4004',
			'4005',
			'4006',
			'postback',
			'join',
		]);
	});

	it('passes group and room messages only when they mention the bot, and everything else', async () => {
		const delivery = await deliverSigned(all, onlyMentioned);
		expectRan(delivery, 4);
		expect(ids(delivery)).toEqual(['4001', '4006', 'postback', 'join']);
		expect(jsonOf(delivery)[0]).toMatchObject({ isBotMentioned: true, chatId: GROUP_ID });
	});

	it('runs nothing when the only message mentions someone else', async () => {
		expectRefused(await deliverSigned([toOther], onlyMentioned), 200);
		expectRan(await deliverSigned([toOther]), 1);
	});

	it('does not take @All for a mention of the bot', async () => {
		const atAll = messageEvent(
			mentioning('@All meeting at 3', '4007', [{ index: 0, length: 4, type: 'all' }]),
			{ source: inGroup },
		);
		expect(validateSchema('webhook', 'CallbackRequest', JSON.parse(webhookBody([atAll])))).toEqual(
			[],
		);
		expectRefused(await deliverSigned([atAll], onlyMentioned), 200);
		const [json] = jsonOf(await deliverSigned([atAll]));
		expect(json).toMatchObject({ mentionedUserIds: [], isBotMentioned: false });
	});

	it('adds the mentioned user IDs, whether the bot is mentioned, and the quote fields', async () => {
		const quoting = messageEvent(
			{
				...mentioning('@Bot @Alice @Bob @Alice see above', '4008', [
					botMentionee,
					otherMentionee(5),
					otherMentionee(12, THIRD_USER_ID),
					otherMentionee(17),
					// A user who has not let the account see their profile: LINE sends no userId.
					{ index: 24, length: 4, type: 'user' },
				]),
				quotedMessageId: '4001',
			},
			{ source: inGroup },
		);
		const delivery = await deliverSigned([quoting]);
		expectRan(delivery, 1);
		const [json] = jsonOf(delivery);
		expect(json).toMatchObject({
			mentionedUserIds: [BOT_USER_ID, OTHER_USER_ID, THIRD_USER_ID],
			isBotMentioned: true,
			quoteToken: 'q-4008',
			quotedMessageId: '4001',
		});
		// The event itself is untouched.
		expect(json.message).toEqual(quoting.message);
	});

	it('gives messages without mentions or a quote empty mention fields', async () => {
		const delivery = await deliverSigned([unmentionedInGroup, stickerInGroup, oneOnOne]);
		expect(
			jsonOf(delivery).map((item) => [
				item.mentionedUserIds,
				item.isBotMentioned,
				item.quoteToken,
				item.quotedMessageId,
			]),
		).toEqual([
			[[], false, 'q-4004', null],
			[[], false, 'q-4005', null],
			[[], false, 'q-4006', null],
		]);
	});

	it('gives events other than messages the same fields, empty', async () => {
		const [postback] = jsonOf(await deliverSigned([postbackInGroup]));
		expect(postback).toMatchObject({
			mentionedUserIds: [],
			isBotMentioned: false,
			quoteToken: null,
			quotedMessageId: null,
		});
	});
});
