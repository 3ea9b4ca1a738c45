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
		const content: Record<string, unknown> = {
			...message,
			quoteToken: randomToken(24),
			...(message.type === 'image' ? { contentProvider: { type: 'line' } } : {}),
		};
		event = webhookEvent('message', source, { replyToken, message: content });
		entry = core.store.addUserEntry(chat, {
			userId: who,
			webhookEventId: event.webhookEventId as string,
			message,
		});
		content.markAsReadToken = core.store.issueReadToken(chat.id, entry.seq);
	}
	const delivery = await deliverEvents(core, [event]);
	entry.delivery = delivery;
	core.store.changed();
	return { event, delivery, replyToken };
}
