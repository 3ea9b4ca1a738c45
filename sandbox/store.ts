import { randomBytes } from 'node:crypto';

import { AudienceState } from './audiences';
import { OfficialAccountState } from './officialAccount';
import { SANDBOX_GROUP, SANDBOX_ROOM, SANDBOX_USERS, type Person } from './people';
import { RichMenuState } from './richMenus';
import type { Delivery } from './webhook';

export { SANDBOX_BOT, SANDBOX_GROUP, SANDBOX_ROOM, SANDBOX_USERS, type Person } from './people';

/**
 * What the sandbox remembers: the people and chats of the channel, every message the bot sent
 * (and how), what the users said and whether it reached the webhook, the single-use tokens LINE
 * hands out with webhook events, and the channel's rich menus, audiences, coupons and
 * memberships.
 */

export type ChatType = 'user' | 'group' | 'room';
export type SendKind = 'push' | 'reply' | 'multicast' | 'broadcast' | 'narrowcast' | 'pnp';
export type LineMessage = { type: string } & Record<string, unknown>;

interface EntryBase {
	/** Order of the entry in the whole sandbox (entries of one chat are in this order). */
	seq: number;
	at: string;
}

/** A message the bot sent. */
export interface BotEntry extends EntryBase {
	from: 'bot';
	via: SendKind;
	/** The `x-line-request-id` of the API call that sent it. */
	requestId: string;
	id: string;
	quoteToken: string;
	message: LineMessage;
}

/** Something a user did in the chat, sent to the webhook as an event. */
export interface UserEntry extends EntryBase {
	from: 'user';
	userId: string;
	webhookEventId: string;
	message?: { type: 'text'; id: string; text: string } | { type: 'image'; id: string };
	/** The quote token the message event carried: the bot quotes the message with it. */
	quoteToken?: string;
	postback?: { data: string; params?: Record<string, string>; displayText?: string };
	/** Undefined while the webhook request is under way. */
	delivery?: Delivery;
	/** Set by the Mark As Read API. */
	read: boolean;
}

/** Something the chat shows that is no message (loading animation, the bot leaving). */
export interface NoteEntry extends EntryBase {
	from: 'system';
	text: string;
	/** For a loading animation: when it stops (earlier when the bot sends a message). */
	loadingUntil?: string;
}

export type ChatEntry = BotEntry | UserEntry | NoteEntry;

/** A request that sent messages: who got them (for statistics, audiences and redelivery). */
export interface SentRequest {
	requestId: string;
	via: SendKind;
	/** When LINE accepted it (ISO). */
	at: string;
	/** The chats (users, groups, rooms) the messages went to. */
	to: string[];
	messageCount: number;
	/** Narrowcasts: how many recipients the request targeted (its progress says so). */
	targetCount?: number;
}

export interface Chat {
	id: string;
	type: ChatType;
	name: string;
	/** Users in a group or room (the bot is not counted); the user of a one-to-one chat. */
	members: string[];
	/** The bot left the group or room. */
	left: boolean;
	entries: ChatEntry[];
}

const LINE_ID = /^[UCR][0-9a-f]{32}$/;

export function isLineId(id: unknown, prefixes = 'UCR'): id is string {
	return typeof id === 'string' && LINE_ID.test(id) && prefixes.includes(id[0]);
}

/** A message ID like LINE's (a decimal number as a string). */
export function messageId(): string {
	return BigInt(`0x${randomBytes(7).toString('hex')}`).toString();
}

export function randomToken(bytes = 16): string {
	return randomBytes(bytes).toString('hex');
}

export class SandboxStore {
	readonly people = new Map<string, Person>();
	readonly chats = new Map<string, Chat>();
	/** IDs of the images users sent (their content is served by the content API). */
	readonly images = new Set<string>();
	/** The requests that sent messages, by request ID. */
	readonly sends = new Map<string, SentRequest>();
	readonly richMenus = new RichMenuState();
	readonly audiences = new AudienceState();
	readonly account = new OfficialAccountState();
	private readonly replyTokens = new Map<string, { chatId: string; expiresAt: number }>();
	private readonly readTokens = new Map<string, { chatId: string; seq: number }>();
	private readonly listeners = new Set<() => void>();
	private notifyScheduled = false;
	private seq = 0;
	/** Grows with every change, so that the page knows when to fetch again. */
	version = 0;

	constructor(private readonly replyTokenTtlMs: number) {
		this.seed();
	}

	/** Back to the seeded users, group and room, with no messages and no tokens. */
	reset(): void {
		this.people.clear();
		this.chats.clear();
		this.images.clear();
		this.sends.clear();
		this.richMenus.clear();
		this.audiences.clear();
		this.account.clear();
		this.replyTokens.clear();
		this.readTokens.clear();
		this.seed();
		this.changed();
	}

	private seed(): void {
		for (const person of SANDBOX_USERS) {
			this.people.set(person.userId, { ...person });
			this.addChat(person.userId, 'user', person.displayName, [person.userId]);
		}
		for (const [chat, type] of [
			[SANDBOX_GROUP, 'group'],
			[SANDBOX_ROOM, 'room'],
		] as const) {
			this.addChat(chat.id, type, chat.name, [...chat.members]);
		}
	}

	private addChat(id: string, type: ChatType, name: string, members: string[]): Chat {
		const chat: Chat = { id, type, name, members, left: false, entries: [] };
		this.chats.set(id, chat);
		return chat;
	}

	/** Runs `listener` after changes (at most once per tick). */
	onChange(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	changed(): void {
		this.version++;
		if (this.notifyScheduled) return;
		this.notifyScheduled = true;
		setImmediate(() => {
			this.notifyScheduled = false;
			for (const listener of this.listeners) listener();
		});
	}

	/** The chat with this ID; a new one when the bot sends to an ID it has not seen. */
	chatFor(id: string): Chat {
		const existing = this.chats.get(id);
		if (existing) return existing;
		const short = id.slice(1, 7);
		if (id.startsWith('U')) {
			this.people.set(id, { userId: id, displayName: `User ${short}` });
			return this.addChat(id, 'user', `User ${short}`, [id]);
		}
		return id.startsWith('C')
			? this.addChat(id, 'group', `Group ${short}`, [])
			: this.addChat(id, 'room', `Room ${short}`, []);
	}

	/** One-to-one chats: the friends of the account, who receive broadcasts and narrowcasts. */
	userChats(): Chat[] {
		return [...this.chats.values()].filter((chat) => chat.type === 'user');
	}

	private push<T extends ChatEntry>(chat: Chat, entry: Omit<T, 'seq' | 'at'>): T {
		const full = { ...entry, seq: ++this.seq, at: new Date().toISOString() } as T;
		chat.entries.push(full);
		this.changed();
		return full;
	}

	addBotMessages(
		chatId: string,
		messages: LineMessage[],
		via: SendKind,
		requestId: string,
	): Array<{ id: string; quoteToken: string }> {
		const chat = this.chatFor(chatId);
		return messages.map((message) => {
			const entry = this.push<BotEntry>(chat, {
				from: 'bot',
				via,
				requestId,
				id: messageId(),
				quoteToken: randomBytes(24).toString('base64url'),
				message,
			});
			return { id: entry.id, quoteToken: entry.quoteToken };
		});
	}

	/** Records a request that sent `messageCount` messages to each of `to`. */
	recordSend(
		requestId: string,
		via: SendKind,
		to: string[],
		messageCount: number,
		targetCount?: number,
	): SentRequest {
		const sent: SentRequest = {
			requestId,
			via,
			at: new Date().toISOString(),
			to,
			messageCount,
			...(targetCount === undefined ? {} : { targetCount }),
		};
		this.sends.set(requestId, sent);
		return sent;
	}

	addUserEntry(chat: Chat, entry: Omit<UserEntry, 'seq' | 'at' | 'from' | 'read'>): UserEntry {
		return this.push<UserEntry>(chat, { from: 'user', read: false, ...entry });
	}

	addNote(chat: Chat, text: string, loadingUntil?: Date): NoteEntry {
		return this.push<NoteEntry>(chat, {
			from: 'system',
			text,
			...(loadingUntil ? { loadingUntil: loadingUntil.toISOString() } : {}),
		});
	}

	/**
	 * The message of `chatId` that `quoteToken` quotes (a user's message from a webhook event, or
	 * the bot's from a send's answer). Like LINE's, quote tokens work only in their message's chat.
	 */
	quoted(chatId: string, quoteToken: string): BotEntry | UserEntry | undefined {
		const entries = this.chats.get(chatId)?.entries ?? [];
		return entries.find(
			(entry): entry is BotEntry | UserEntry =>
				entry.from !== 'system' && entry.quoteToken === quoteToken,
		);
	}

	/** A reply token for an event from `chatId`: single use, valid for a minute like LINE's. */
	issueReplyToken(chatId: string): string {
		const now = Date.now();
		for (const [token, issued] of this.replyTokens) {
			if (issued.expiresAt <= now) this.replyTokens.delete(token);
		}
		const token = randomToken();
		this.replyTokens.set(token, { chatId, expiresAt: now + this.replyTokenTtlMs });
		return token;
	}

	/** The chat a reply token belongs to, if it is valid; a token is valid once. */
	useReplyToken(token: string): string | undefined {
		const issued = this.replyTokens.get(token);
		this.replyTokens.delete(token);
		return issued && issued.expiresAt > Date.now() ? issued.chatId : undefined;
	}

	/** A Mark As Read token for the user's message `seq` (and all before it). */
	issueReadToken(chatId: string, seq: number): string {
		const token = randomToken(24);
		this.readTokens.set(token, { chatId, seq });
		return token;
	}

	/** Marks what the users said in the token's chat, up to the token's message, as read. */
	markAsRead(token: string): boolean {
		const marked = this.readTokens.get(token);
		const chat = marked && this.chats.get(marked.chatId);
		if (!marked || !chat) return false;
		for (const entry of chat.entries) {
			if (entry.from === 'user' && entry.seq <= marked.seq) entry.read = true;
		}
		this.changed();
		return true;
	}
}
