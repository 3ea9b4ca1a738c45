import type { RichMenuAction } from './richMenus';
import {
	messageId,
	isLineId,
	randomToken,
	type Chat,
	type SandboxStore,
	type UserEntry,
} from './store';
import {
	callbackBody,
	deliverSigned,
	noWebhook,
	webhookEvent,
	type Delivery,
	type WebhookEvent,
	type WebhookSource,
} from './webhook';

/** What the LINE API, the JSON API and the `Sandbox` object share. */

export interface Channel {
	id: string;
	secret: string;
	accessToken: string;
}

export interface SandboxCore {
	readonly store: SandboxStore;
	readonly channel: Channel;
	readonly botUserId: string;
	readonly webhookTimeoutMs: number;
	/** The sandbox's base URL (known once it listens). */
	url: string;
	webhookUrl?: string;
	lastDelivery?: Delivery;
	log(line: string): void;
}

/** A problem with a request to the sandbox's own API (not LINE's): answered as `{ message }`. */
export class SandboxError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

/** A generated picture served by the sandbox (profile pictures, the images users send). */
export function pictureUrl(core: SandboxCore, seed: string, width = 240, height = 240): string {
	return `${core.url}/sandbox/images/${encodeURIComponent(seed)}.png?w=${width}&h=${height}`;
}

/** Sends `events` to the channel's webhook URL (or `url`), signed like LINE. */
export async function deliverEvents(
	core: SandboxCore,
	events: WebhookEvent[],
	url = core.webhookUrl,
): Promise<Delivery> {
	const delivery = url
		? await deliverSigned(
				url,
				core.channel.secret,
				callbackBody(core.botUserId, events),
				core.webhookTimeoutMs,
			)
		: noWebhook();
	core.lastDelivery = delivery;
	core.store.changed();
	const what = events.map((event) => event.type).join(', ') || 'no events (test)';
	core.log(`webhook ${url ?? '-'} <- ${what}: ${delivery.summary}`);
	return delivery;
}

export type UserAction =
	| { text: string }
	| { image: true }
	| { postback: { data: string; params?: Record<string, string>; displayText?: string } };

export interface UserActionResult {
	/** The event sent to the webhook. */
	event: WebhookEvent;
	delivery: Delivery;
	replyToken: string;
}

function speakingChat(core: SandboxCore, chatId: string): Chat {
	const known = core.store.chats.get(chatId);
	// A new user can talk to the bot; unknown groups and rooms do not exist.
	const chat = known ?? (isLineId(chatId, 'U') ? core.store.chatFor(chatId) : undefined);
	if (!chat) throw new SandboxError(404, `No chat ${chatId}`);
	if (chat.left) throw new SandboxError(409, `The bot has left ${chat.name}`);
	return chat;
}

function speaker(core: SandboxCore, chat: Chat, userId: string | undefined): string {
	if (chat.type === 'user') {
		if (userId !== undefined && userId !== chat.id) {
			throw new SandboxError(400, `Only ${chat.id} speaks in this one-to-one chat`);
		}
		return chat.id;
	}
	const who = userId ?? chat.members[0];
	if (!isLineId(who, 'U')) {
		throw new SandboxError(
			400,
			`Give the userId (U + 32 hex digits) of who speaks in ${chat.name}`,
		);
	}
	if (!chat.members.includes(who)) {
		// Someone new joins the group or room by speaking in it.
		core.store.chatFor(who);
		chat.members.push(who);
	}
	return who;
}

function sourceOf(chat: Chat, userId: string): WebhookSource {
	if (chat.type === 'group') return { type: 'group', groupId: chat.id, userId };
	if (chat.type === 'room') return { type: 'room', roomId: chat.id, userId };
	return { type: 'user', userId };
}

function checkAction(action: UserAction): void {
	if ('text' in action) {
		const length = typeof action.text === 'string' ? [...action.text].length : 0;
		if (length < 1 || length > 5000) {
			throw new SandboxError(400, 'text: must be a string of 1 to 5000 characters');
		}
	}
	if ('postback' in action) {
		const data = action.postback?.data;
		if (typeof data !== 'string' || data.length < 1 || data.length > 300) {
			throw new SandboxError(400, 'data: must be a string of 1 to 300 characters');
		}
	}
}

/**
 * A user says something in a chat: the chat shows it, and the webhook gets the event (with a
 * reply token for that chat and, for messages, a Mark As Read token), signed like LINE.
 */
export async function actAsUser(
	core: SandboxCore,
	chatId: string,
	action: UserAction,
	userId?: string,
): Promise<UserActionResult> {
	checkAction(action);
	const chat = speakingChat(core, chatId);
	const who = speaker(core, chat, userId);
	const replyToken = core.store.issueReplyToken(chat.id);
	const source = sourceOf(chat, who);
	let event: WebhookEvent;
	let entry: UserEntry;
	if ('postback' in action) {
		const { data, params, displayText } = action.postback;
		event = webhookEvent('postback', source, {
			replyToken,
			postback: { data, ...(params ? { params } : {}) },
		});
		entry = core.store.addUserEntry(chat, {
			userId: who,
			webhookEventId: event.webhookEventId as string,
			postback: { data, params, displayText },
		});
	} else {
		const id = messageId();
		const message =
			'text' in action
				? { type: 'text' as const, id, text: action.text }
				: { type: 'image' as const, id };
		if (message.type === 'image') core.store.images.add(id);
		const quoteToken = randomToken(24);
		const content: Record<string, unknown> = {
			...message,
			quoteToken,
			...(message.type === 'image' ? { contentProvider: { type: 'line' } } : {}),
		};
		event = webhookEvent('message', source, { replyToken, message: content });
		entry = core.store.addUserEntry(chat, {
			userId: who,
			webhookEventId: event.webhookEventId as string,
			message,
			quoteToken,
		});
		content.markAsReadToken = core.store.issueReadToken(chat.id, entry.seq);
	}
	const delivery = await deliverEvents(core, [event]);
	entry.delivery = delivery;
	core.store.changed();
	return { event, delivery, replyToken };
}

export interface RichMenuTapResult {
	/** The action of the area that was tapped. */
	action: RichMenuAction;
	/** The event sent to the webhook: none for links and copying. */
	event?: WebhookEvent;
	delivery?: Delivery;
	replyToken?: string;
}

const PICKED: Record<string, RegExp> = {
	date: /^\d{4}-\d{2}-\d{2}$/,
	time: /^\d{2}:\d{2}$/,
	datetime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
};

/** What the user picked in a date-time picker: `{ [mode]: value }`, in the picker's range. */
function pickedValue(action: RichMenuAction, params: Record<string, string> | undefined) {
	const mode = String(action.mode);
	const value = params?.[mode];
	const example = { date: '2025-12-24', time: '18:30', datetime: '2025-12-24T18:30' }[mode];
	if (typeof value !== 'string' || !PICKED[mode]?.test(value)) {
		throw new SandboxError(
			400,
			`params: give what the user picked, e.g. { "${mode}": "${example}" }`,
		);
	}
	const { min, max } = action as { min?: string; max?: string };
	if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
		throw new SandboxError(400, `params.${mode}: the picker allows ${min ?? '…'} to ${max ?? '…'}`);
	}
	return { [mode]: value };
}

/** What a rich menu switch does: link the alias's menu to the user, and say how it went. */
function switchRichMenu(
	core: SandboxCore,
	userId: string,
	action: RichMenuAction,
): Record<string, string> {
	const aliasId = String(action.richMenuAliasId);
	const { aliases, menus, links } = core.store.richMenus;
	const target = aliases.get(aliasId);
	if (target === undefined) return { status: 'RICHMENU_ALIAS_ID_NOTFOUND' };
	if (!menus.has(target)) return { status: 'RICHMENU_NOTFOUND' };
	links.set(userId, target);
	return { newRichMenuAliasId: aliasId, status: 'SUCCESS' };
}

/**
 * A user taps area `area` (its index) of the rich menu they see, and it does what LINE does: a
 * message or postback event as that user, the date-time picker's postback with what they picked
 * (`params`), a switch to another menu (which LINE links to the user) with its postback; links
 * and copying happen on the page and send no event.
 */
export async function tapRichMenu(
	core: SandboxCore,
	userId: string,
	area: number,
	params?: Record<string, string>,
): Promise<RichMenuTapResult> {
	const chat = core.store.chats.get(userId);
	if (chat?.type !== 'user') throw new SandboxError(404, `No one-to-one chat with ${userId}`);
	const shown = core.store.richMenus.shownTo(userId);
	if (!shown) throw new SandboxError(409, `${chat.name} has no rich menu`);
	const { menu } = shown;
	const tapped = Number.isInteger(area) ? menu.areas[area] : undefined;
	if (!tapped) {
		throw new SandboxError(400, `area: the rich menu has areas 0 to ${menu.areas.length - 1}`);
	}
	const { action } = tapped;
	const picked = action.type === 'datetimepicker' ? pickedValue(action, params) : undefined;
	core.store.richMenus.taps.push({ richMenuId: menu.richMenuId, area, userId, at: Date.now() });
	const postback = (extra: { params?: Record<string, string>; displayText?: string }) =>
		actAsUser(core, userId, { postback: { data: String(action.data), ...extra } });
	switch (action.type) {
		case 'message':
			return { action, ...(await actAsUser(core, userId, { text: String(action.text) })) };
		case 'postback': {
			const displayText = action.displayText ?? action.text;
			return {
				action,
				...(await postback(typeof displayText === 'string' ? { displayText } : {})),
			};
		}
		case 'datetimepicker':
			return { action, ...(await postback({ params: picked })) };
		case 'richmenuswitch':
			return { action, ...(await postback({ params: switchRichMenu(core, userId, action) })) };
		default:
			core.store.changed();
			return { action };
	}
}
