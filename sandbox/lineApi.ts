import type { MockLine, MockRequest, MockResponse } from '../test/support/mockLine';
import { accountOperations } from './accountApi';
import {
	bodyOf,
	header,
	invalidProperty,
	NOT_FOUND,
	ok,
	segment,
	bodyErrors,
	type Operation,
} from './answers';
import { audienceOperations, narrowcastRecipients } from './audienceApi';
import { deliverEvents, pictureUrl, type SandboxCore } from './core';
import { picturePng } from './png';
import { richMenuOperations } from './richMenuApi';
import { isLineId, type Chat, type LineMessage, type SendKind } from './store';
import { webhookEventWithoutSource } from './webhook';

/**
 * The LINE API operations whose answers depend on the sandbox's state. They run as handlers of
 * the mock LINE platform, after its checks (auth, OpenAPI validation, retry keys), so every
 * request here is valid; everything else (quota, validate/*, tokens) is the mock's own answer.
 */

function sendTo(
	core: SandboxCore,
	chats: Chat[],
	request: MockRequest,
	via: SendKind,
	targetCount?: number,
): Array<{ id: string; quoteToken: string }> {
	const { messages } = bodyOf<{ messages: LineMessage[] }>(request);
	core.store.recordSend(
		request.requestId,
		via,
		chats.map((chat) => chat.id),
		messages.length,
		targetCount,
	);
	return chats.flatMap((chat) =>
		core.store.addBotMessages(chat.id, messages, via, request.requestId),
	);
}

const pushMessage: Operation = (core, request) => {
	const { to, messages } = bodyOf<{ to: string; messages: LineMessage[] }>(request);
	if (!isLineId(to)) return invalidProperty('to');
	core.store.recordSend(request.requestId, 'push', [to], messages.length);
	return ok({
		sentMessages: core.store.addBotMessages(to, messages, 'push', request.requestId),
	});
};

const replyMessage: Operation = (core, request) => {
	const { replyToken, messages } = bodyOf<{ replyToken: string; messages: LineMessage[] }>(request);
	const chatId = core.store.useReplyToken(replyToken);
	if (!chatId) return { status: 400, body: { message: 'Invalid reply token' } };
	core.store.recordSend(request.requestId, 'reply', [chatId], messages.length);
	return ok({
		sentMessages: core.store.addBotMessages(chatId, messages, 'reply', request.requestId),
	});
};

const multicast: Operation = (core, request) => {
	const { to } = bodyOf<{ to: string[] }>(request);
	const wrong = to.findIndex((id) => !isLineId(id, 'U'));
	if (wrong !== -1) return invalidProperty(`to[${wrong}]`);
	sendTo(
		core,
		[...new Set(to)].map((id) => core.store.chatFor(id)),
		request,
		'multicast',
	);
	return ok();
};

const broadcast: Operation = (core, request) => {
	sendTo(core, core.store.userChats(), request, 'broadcast');
	return ok();
};

/**
 * A narrowcast goes to the friends its recipient names (audiences, earlier requests, and/or/not
 * of them; every friend without one), at most `limit.max`. Demographic filters match everyone.
 */
const narrowcast: Operation = (core, request) => {
	const { recipient, limit } = bodyOf<{ recipient?: unknown; limit?: { max?: number } }>(request);
	const recipients = narrowcastRecipients(core.store, recipient);
	if ('status' in recipients) return recipients;
	const userIds = [...recipients.userIds].slice(0, limit?.max ?? Infinity);
	const chats = userIds.map((id) => core.store.chatFor(id));
	sendTo(core, chats, request, 'narrowcast', chats.length);
	return ok({}, 202);
};

const getNarrowcastProgress: Operation = (core, request) => {
	const sent = core.store.sends.get(String(request.query.requestId));
	if (sent?.via !== 'narrowcast') return NOT_FOUND;
	const count = sent.targetCount ?? sent.to.length;
	return ok({
		phase: 'succeeded',
		successCount: count,
		failureCount: 0,
		targetCount: count,
		acceptedTime: sent.at,
		completedTime: sent.at,
	});
};

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * A LINE notification message: to the user whose phone number hashes to `to` (422 like LINE when
 * nobody has it). Then the delivery completion event, with the delivery tag or the hash.
 */
const pushMessagesByPhone: Operation = (core, request) => {
	const { to } = bodyOf<{ to: string }>(request);
	if (!SHA256_HEX.test(to)) {
		return bodyErrors([{ property: 'to', message: 'The value must be a valid SHA-256 digest.' }]);
	}
	const userId = core.store.account.phoneHashes.get(to);
	if (!userId) return { status: 422, body: { message: 'Failed to send messages' } };
	sendTo(core, [core.store.chatFor(userId)], request, 'pnp');
	const data = header(request, 'x-line-delivery-tag') ?? to;
	// LINE sends the event once the message was delivered, after its answer.
	setImmediate(() => {
		void deliverEvents(core, [webhookEventWithoutSource('delivery', { delivery: { data } })]);
	});
	return ok();
};

const showLoadingAnimation: Operation = (core, request) => {
	const { chatId, loadingSeconds = 20 } = bodyOf<{ chatId: string; loadingSeconds?: number }>(
		request,
	);
	// LINE shows it in one-to-one chats only.
	if (!isLineId(chatId, 'U')) return invalidProperty('chatId');
	const until = new Date(Date.now() + loadingSeconds * 1000);
	core.store.addNote(core.store.chatFor(chatId), `Loading animation (${loadingSeconds} s)`, until);
	return ok({}, 202);
};

/** An unknown token is accepted silently (what LINE answers to one is not documented). */
const markMessagesAsReadByToken: Operation = (core, request) => {
	core.store.markAsRead(bodyOf<{ markAsReadToken: string }>(request).markAsReadToken);
	return ok();
};

const getBotInfo: Operation = (core) =>
	ok({
		userId: core.botUserId,
		basicId: '@sandbox',
		displayName: 'LINE Sandbox Bot',
		pictureUrl: pictureUrl(core, core.botUserId),
		chatMode: 'bot',
		markAsReadMode: 'manual',
	});

/** Only friends (users with a one-to-one chat) have a profile. */
const getProfile: Operation = (core, request) => {
	const userId = segment(request, 4);
	const person = core.store.people.get(userId);
	if (!person || core.store.chats.get(userId)?.type !== 'user') return NOT_FOUND;
	return ok({ ...person, pictureUrl: pictureUrl(core, userId) });
};

/** `start` is the offset a previous page's `next` gave. */
function idPage(
	ids: string[],
	request: MockRequest,
	key: 'userIds' | 'memberIds',
	pageSize: number,
): MockResponse {
	const start = Number(request.query.start ?? 0) || 0;
	const limit = Number(request.query.limit ?? pageSize);
	const next = start + limit < ids.length ? String(start + limit) : undefined;
	return ok({ [key]: ids.slice(start, start + limit), ...(next ? { next } : {}) });
}

const getFollowers: Operation = (core, request) =>
	idPage(
		core.store.userChats().map((chat) => chat.id),
		request,
		'userIds',
		300,
	);

/** The group or room in the path, if the bot is in it. */
function groupOf(core: SandboxCore, request: MockRequest): Chat | undefined {
	const chat = core.store.chats.get(segment(request, 4));
	const type = segment(request, 3);
	return chat && chat.type === type && !chat.left ? chat : undefined;
}

const getGroupSummary: Operation = (core, request) => {
	const group = groupOf(core, request);
	if (!group) return NOT_FOUND;
	return ok({ groupId: group.id, groupName: group.name, pictureUrl: pictureUrl(core, group.id) });
};

const getMemberCount: Operation = (core, request) => {
	const chat = groupOf(core, request);
	return chat ? ok({ count: chat.members.length }) : NOT_FOUND;
};

const getMemberIds: Operation = (core, request) => {
	const chat = groupOf(core, request);
	return chat ? idPage(chat.members, request, 'memberIds', 100) : NOT_FOUND;
};

const getMemberProfile: Operation = (core, request) => {
	const chat = groupOf(core, request);
	const userId = segment(request, 6);
	const person = core.store.people.get(userId);
	if (!chat || !person || !chat.members.includes(userId)) return NOT_FOUND;
	return ok({
		displayName: person.displayName,
		userId,
		pictureUrl: pictureUrl(core, userId),
	});
};

const leave: Operation = (core, request) => {
	const chat = groupOf(core, request);
	if (!chat) return NOT_FOUND;
	chat.left = true;
	core.store.addNote(chat, `The bot left the ${chat.type}`);
	return ok();
};

/** Users can send only text and (generated) pictures in the sandbox. */
const getMessageContent: Operation = (core, request) => {
	const id = segment(request, 4);
	if (!core.store.images.has(id)) return NOT_FOUND;
	const preview = request.path.endsWith('/preview');
	return {
		status: 200,
		body: preview ? picturePng(id, 160, 120) : picturePng(id, 640, 480),
		headers: { 'content-type': 'image/png' },
	};
};

const getMessageContentTranscoding: Operation = (core, request) =>
	core.store.images.has(segment(request, 4)) ? ok({ status: 'succeeded' }) : NOT_FOUND;

const getWebhookEndpoint: Operation = (core) =>
	ok(
		core.webhookUrl ? { endpoint: core.webhookUrl, active: true } : { endpoint: '', active: false },
	);

const setWebhookEndpoint: Operation = (core, request) => {
	core.webhookUrl = bodyOf<{ endpoint: string }>(request).endpoint || undefined;
	core.store.changed();
	core.log(`webhook URL set to ${core.webhookUrl ?? '(none)'}`);
	return ok();
};

/** Really sends LINE's test request (a signed body with no events) and says what came back. */
const testWebhookEndpoint: Operation = async (core, request) => {
	const endpoint = bodyOf<{ endpoint?: string } | undefined>(request)?.endpoint || core.webhookUrl;
	const delivery = await deliverEvents(core, [], endpoint);
	return ok({
		success: delivery.ok,
		timestamp: delivery.at,
		statusCode: delivery.statusCode,
		reason: delivery.reason === 'NO_WEBHOOK' ? 'COULD_NOT_CONNECT' : delivery.reason,
		detail: delivery.detail,
	});
};

const MESSAGING_OPERATIONS: Record<string, Operation> = {
	pushMessage,
	replyMessage,
	multicast,
	broadcast,
	narrowcast,
	getNarrowcastProgress,
	showLoadingAnimation,
	markMessagesAsReadByToken,
	getBotInfo,
	getProfile,
	getFollowers,
	getGroupSummary,
	getGroupMemberCount: getMemberCount,
	getRoomMemberCount: getMemberCount,
	getGroupMembersIds: getMemberIds,
	getRoomMembersIds: getMemberIds,
	getGroupMemberProfile: getMemberProfile,
	getRoomMemberProfile: getMemberProfile,
	leaveGroup: leave,
	leaveRoom: leave,
	getMessageContent,
	getMessageContentPreview: getMessageContent,
	getMessageContentTranscodingByMessageId: getMessageContentTranscoding,
	getWebhookEndpoint,
	setWebhookEndpoint,
	testWebhookEndpoint,
	pushMessagesByPhone,
};

const OPERATIONS: Record<string, Operation> = {
	...MESSAGING_OPERATIONS,
	...richMenuOperations,
	...audienceOperations,
	...accountOperations,
};

/** Installs the sandbox's operations on the mock (again after every `mock.reset()`). */
export function installLineApi(mock: MockLine, core: SandboxCore): void {
	for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
		mock.on(method, /^\//, (request) => {
			const operation = OPERATIONS[request.operationId ?? ''];
			return operation ? operation(core, request) : undefined;
		});
	}
}
