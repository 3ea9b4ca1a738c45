import type { MockLine, MockRequest, MockResponse } from '../test/support/mockLine';
import { deliverEvents, pictureUrl, type SandboxCore } from './core';
import { picturePng } from './png';
import { isLineId, type Chat, type LineMessage } from './store';

/**
 * The LINE API operations whose answers depend on the sandbox's chats. They run as handlers of the
 * mock LINE platform, after its checks (auth, OpenAPI validation, retry keys), so every request
 * here is valid; everything else (quota, statistics, validate/*, tokens) is the mock's own answer.
 */

type Operation = (core: SandboxCore, request: MockRequest) => MockResponse | Promise<MockResponse>;

const ok = (body: unknown = {}, status = 200): MockResponse => ({ status, body });
const NOT_FOUND: MockResponse = { status: 404, body: { message: 'Not found' } };

/** LINE's answer when an ID in the body does not exist. */
function invalidProperty(property: string): MockResponse {
	return {
		status: 400,
		body: {
			message: `The property, '${property}', in the request body is invalid (line: -, column: -)`,
		},
	};
}

function bodyOf<T>(request: MockRequest): T {
	return request.body as T;
}

/** The `{name}` segment of the path (e.g. 4 for `/v2/bot/group/{groupId}/…`). */
function segment(request: MockRequest, index: number): string {
	return decodeURIComponent(request.path.split('/')[index] ?? '');
}

function sendTo(
	core: SandboxCore,
	chats: Chat[],
	request: MockRequest,
	via: 'multicast' | 'broadcast' | 'narrowcast',
): void {
	const { messages } = bodyOf<{ messages: LineMessage[] }>(request);
	for (const chat of chats) core.store.addBotMessages(chat.id, messages, via, request.requestId);
}

const pushMessage: Operation = (core, request) => {
	const { to, messages } = bodyOf<{ to: string; messages: LineMessage[] }>(request);
	if (!isLineId(to)) return invalidProperty('to');
	return ok({
		sentMessages: core.store.addBotMessages(to, messages, 'push', request.requestId),
	});
};

const replyMessage: Operation = (core, request) => {
	const { replyToken, messages } = bodyOf<{ replyToken: string; messages: LineMessage[] }>(request);
	const chatId = core.store.useReplyToken(replyToken);
	if (!chatId) return { status: 400, body: { message: 'Invalid reply token' } };
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

/** Every friend receives a narrowcast: the sandbox has no audiences or demographics. */
const narrowcast: Operation = (core, request) => {
	const chats = core.store.userChats();
	sendTo(core, chats, request, 'narrowcast');
	core.store.narrowcasts.set(request.requestId, {
		acceptedTime: new Date().toISOString(),
		targetCount: chats.length,
	});
	return ok({}, 202);
};

const getNarrowcastProgress: Operation = (core, request) => {
	const progress = core.store.narrowcasts.get(String(request.query.requestId));
	if (!progress) return NOT_FOUND;
	return ok({
		phase: 'succeeded',
		successCount: progress.targetCount,
		failureCount: 0,
		targetCount: progress.targetCount,
		acceptedTime: progress.acceptedTime,
		completedTime: progress.acceptedTime,
	});
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

const OPERATIONS: Record<string, Operation> = {
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
