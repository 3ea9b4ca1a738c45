import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import {
	startMockLine,
	testAssertionKey,
	type MockRequest,
	type TestAssertionKey,
} from '../test/support/mockLine';
import {
	actAsUser,
	tapRichMenu,
	type Channel,
	type RichMenuTapResult,
	type SandboxCore,
	type UserActionResult,
} from './core';
import type { RichMenu, RichMenuSource } from './richMenus';
import { installLineApi } from './lineApi';
import { createServer, listeningUrl } from './server';
import { SANDBOX_BOT, SandboxStore, type Chat, type ChatEntry } from './store';

/**
 * A LINE sandbox: a stand-in for the LINE platform on this machine, to see the nodes work in a
 * real n8n without a LINE account. LINE's API (validated against LINE's OpenAPI documents), a
 * chat page where you play the LINE users, and signed webhook events for what they say.
 */

export type { Channel, RichMenuTapResult, UserActionResult } from './core';
export type { RichMenu, RichMenuArea, RichMenuSource } from './richMenus';
export { hashPhoneNumber, SANDBOX_PHONE_NUMBERS } from './officialAccount';
export type { Chat, ChatEntry, BotEntry, UserEntry, NoteEntry, Person } from './store';
export type { Delivery, WebhookEvent } from './webhook';
export { SANDBOX_BOT, SANDBOX_GROUP, SANDBOX_ROOM, SANDBOX_USERS } from './store';

export const DEFAULT_SANDBOX_CHANNEL: Channel = {
	id: '2000000001',
	secret: '5a4e6d7c8b9a0f1e2d3c4b5a69788796',
	accessToken: 'sandbox-channel-access-token',
};

export interface SandboxOptions {
	/** Default 0: any free port (the CLI uses 8790). */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Where events go until a LINE Trigger sets another with the webhook endpoint API. */
	webhookUrl?: string;
	channelId?: string;
	channelSecret?: string;
	channelAccessToken?: string;
	/** How long a reply token is valid (default 60 s, like LINE). */
	replyTokenTtlMs?: number;
	/** How long to wait for the webhook's answer (default 10 s; LINE itself waits less). */
	webhookTimeoutMs?: number;
	/** LINE's OpenAPI documents (default $LINE_OPENAPI_DIR, else ../shared/line-openapi of the repo). */
	openApiDir?: string;
	/** Message sends accepted per second; more are answered 429 like LINE's rate limit (default: no limit). */
	rateLimitPerSecond?: number;
	/** How long a token issued for the channel ID and secret works (default 15 minutes, like LINE). */
	tokenTtlMs?: number;
	/** Called with a line for each API call and webhook delivery (the CLI prints them). */
	log?: (line: string) => void;
}

export interface Sandbox {
	/** LINE's API base URL: use it for both the API and the Data API base URLs. */
	readonly url: string;
	/** The chat page. */
	readonly chatUrl: string;
	readonly channel: Channel;
	/** The channel's assertion signing key: its kid and private JWK go into the JWT credential. */
	readonly assertionKey: Pick<TestAssertionKey, 'kid' | 'privateJwk'>;
	readonly botUserId: string;
	/** Every request LINE's API received (live), with its OpenAPI problems and answer. */
	readonly requests: MockRequest[];
	readonly webhookUrl: string | undefined;
	/** Requests that failed OpenAPI validation. */
	invalidRequests(): MockRequest[];
	chats(): Chat[];
	/** What was said in a chat (user, group or room ID), oldest first; empty for an unknown chat. */
	conversation(chatId: string): ChatEntry[];
	/** A user writes `text` in the chat: the webhook gets a signed message event. */
	sendText(chatId: string, text: string, options?: { userId?: string }): Promise<UserActionResult>;
	/** A user taps a postback button. */
	sendPostback(
		chatId: string,
		data: string,
		options?: { userId?: string; params?: Record<string, string>; displayText?: string },
	): Promise<UserActionResult>;
	/** A user sends a (generated) picture; its content is served by the content API. */
	sendImage(chatId: string, options?: { userId?: string }): Promise<UserActionResult>;
	/** The rich menu a user sees (linked to them, else the default), with its image. */
	richMenuOf(userId: string): { menu: RichMenu; source: RichMenuSource } | undefined;
	/**
	 * A user taps area `area` (its index) of the rich menu they see, as on the chat page; `params`
	 * is what they picked in a date-time picker, e.g. `{ date: '2025-12-24' }`.
	 */
	tapRichMenu(
		userId: string,
		area: number,
		options?: { params?: Record<string, string> },
	): Promise<RichMenuTapResult>;
	setWebhookUrl(url: string | undefined): void;
	/**
	 * Forgets messages, requests, tokens, retry keys, rich menus, audiences and coupons (the webhook
	 * URL stays).
	 */
	reset(): void;
	close(): Promise<void>;
}

/** The repository's root folder, found from this file in the sources or in `sandbox/.build`. */
function repoRoot(): string {
	for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
		const manifest = path.join(dir, 'package.json');
		if (
			existsSync(manifest) &&
			JSON.parse(readFileSync(manifest, 'utf8')).name === 'n8n-nodes-line-connector'
		) {
			return dir;
		}
	}
	throw new Error(`LINE sandbox: no n8n-nodes-line-connector folder above ${__dirname}`);
}

/** The OpenAPI loader reads LINE_OPENAPI_DIR when it first needs a document. */
function useOpenApiDir(root: string, dir: string | undefined): void {
	if (dir) process.env.LINE_OPENAPI_DIR = path.resolve(dir);
	process.env.LINE_OPENAPI_DIR ??= path.resolve(root, '../shared/line-openapi');
	const file = path.join(process.env.LINE_OPENAPI_DIR, 'messaging-api.yml');
	if (!existsSync(file)) {
		throw new Error(
			`LINE sandbox: LINE's OpenAPI documents are not in ${file} (set LINE_OPENAPI_DIR)`,
		);
	}
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const root = repoRoot();
	useOpenApiDir(root, options.openApiDir);
	const channel: Channel = {
		id: options.channelId ?? DEFAULT_SANDBOX_CHANNEL.id,
		secret: options.channelSecret ?? DEFAULT_SANDBOX_CHANNEL.secret,
		accessToken: options.channelAccessToken ?? DEFAULT_SANDBOX_CHANNEL.accessToken,
	};
	const assertionKey = testAssertionKey();
	const mock = await startMockLine({
		channelAccessToken: channel.accessToken,
		channelId: channel.id,
		channelSecret: channel.secret,
		rateLimitPerSecond: options.rateLimitPerSecond,
		tokenTtlMs: options.tokenTtlMs,
		assertionKeys: { [assertionKey.kid]: assertionKey.publicJwk },
	});
	const store = new SandboxStore(options.replyTokenTtlMs ?? 60_000);
	const core: SandboxCore = {
		store,
		channel,
		botUserId: SANDBOX_BOT.userId,
		webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
		url: '',
		webhookUrl: options.webhookUrl || undefined,
		log: options.log ?? (() => {}),
	};
	installLineApi(mock, core);
	const reset = () => {
		mock.reset(); // also forgets the sandbox's handlers
		installLineApi(mock, core);
		store.reset();
		core.lastDelivery = undefined;
	};

	const server = createServer({ core, mock, pageDir: path.join(root, 'sandbox', 'page'), reset });
	try {
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
		});
	} catch (error) {
		await mock.close();
		throw error;
	}
	core.url = listeningUrl(server);

	return {
		url: core.url,
		chatUrl: `${core.url}/`,
		channel,
		assertionKey: { kid: assertionKey.kid, privateJwk: assertionKey.privateJwk },
		botUserId: core.botUserId,
		requests: mock.requests,
		get webhookUrl() {
			return core.webhookUrl;
		},
		invalidRequests: () => mock.invalidRequests(),
		chats: () => [...store.chats.values()],
		conversation: (chatId) => store.chats.get(chatId)?.entries ?? [],
		sendText: (chatId, text, { userId } = {}) => actAsUser(core, chatId, { text }, userId),
		sendPostback: (chatId, data, { userId, params, displayText } = {}) =>
			actAsUser(core, chatId, { postback: { data, params, displayText } }, userId),
		sendImage: (chatId, { userId } = {}) => actAsUser(core, chatId, { image: true }, userId),
		richMenuOf: (userId) => store.richMenus.shownTo(userId),
		tapRichMenu: (userId, area, { params } = {}) => tapRichMenu(core, userId, area, params),
		setWebhookUrl(url) {
			core.webhookUrl = url || undefined;
			store.changed();
		},
		reset,
		async close() {
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			// The page's event stream and keep-alive sockets would otherwise hold the server open.
			server.closeAllConnections();
			await closed;
			await mock.close();
		},
	};
}
