import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import type { MockLine, MockRequest } from '../test/support/mockLine';
import {
	actAsUser,
	deliverEvents,
	SandboxError,
	tapRichMenu,
	type SandboxCore,
	type UserAction,
} from './core';
import { SANDBOX_PHONE_NUMBERS } from './officialAccount';
import { RichMenuState } from './richMenus';
import { picturePng } from './png';
import type { Chat, ChatEntry, LineMessage } from './store';

/**
 * The sandbox's one port: the chat page (`/`), its JSON API and pictures (`/sandbox/…`), and
 * LINE's API (everything else), passed on to the mock LINE platform.
 */

export interface ServerParts {
	core: SandboxCore;
	mock: MockLine;
	pageDir: string;
	reset(): void;
}

const PAGE_FILES: Record<string, { file: string; type: string }> = {
	'/': { file: 'index.html', type: 'text/html; charset=utf-8' },
	'/sandbox/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
	'/sandbox/dom.js': { file: 'dom.js', type: 'text/javascript; charset=utf-8' },
	'/sandbox/flex.js': { file: 'flex.js', type: 'text/javascript; charset=utf-8' },
	'/sandbox/messages.js': { file: 'messages.js', type: 'text/javascript; charset=utf-8' },
	'/sandbox/templates.js': { file: 'templates.js', type: 'text/javascript; charset=utf-8' },
	'/sandbox/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

/** The page loads nothing from elsewhere; only what the bot sends (images, videos) may. */
const CONTENT_SECURITY_POLICY =
	"default-src 'self'; img-src * data:; media-src *; frame-ancestors 'none'";

export function createServer(parts: ServerParts): http.Server {
	return http.createServer((req, res) => {
		route(parts, req, res).catch((error: Error) => {
			const status = error instanceof SandboxError ? error.status : 500;
			if (!res.headersSent) sendJson(res, status, { message: error.message });
			else res.end();
		});
	});
}

async function route(parts: ServerParts, req: IncomingMessage, res: ServerResponse) {
	const url = new URL(req.url ?? '/', 'http://sandbox');
	const page = PAGE_FILES[url.pathname];
	if (page && req.method === 'GET') {
		const content = await readFile(path.join(parts.pageDir, page.file));
		res.writeHead(200, {
			'content-type': page.type,
			'cache-control': 'no-store',
			'content-security-policy': CONTENT_SECURITY_POLICY,
		});
		res.end(content);
	} else if (url.pathname === '/favicon.ico') {
		res.writeHead(204).end();
	} else if (url.pathname.startsWith('/sandbox/images/') && req.method === 'GET') {
		servePicture(url, res);
	} else if (url.pathname.startsWith('/sandbox/richmenus/') && req.method === 'GET') {
		serveRichMenuImage(parts.core, url, res);
	} else if (url.pathname.startsWith('/sandbox/api/')) {
		await api(parts, req, res, url.pathname.slice('/sandbox/api'.length));
	} else {
		proxyToLine(parts, req, res);
	}
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify(body));
}

function servePicture(url: URL, res: ServerResponse): void {
	const seed = decodeURIComponent(url.pathname.slice('/sandbox/images/'.length)).replace(
		/\.png$/,
		'',
	);
	const size = (name: string) =>
		Math.min(Math.max(Number(url.searchParams.get(name)) || 240, 1), 1024);
	res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=3600' });
	res.end(picturePng(seed, size('w'), size('h')));
}

/** `/sandbox/richmenus/{richMenuId}/image`: the image uploaded to a rich menu, for the page. */
function serveRichMenuImage(core: SandboxCore, url: URL, res: ServerResponse): void {
	const [, , , id, file] = url.pathname.split('/');
	const image =
		file === 'image' ? core.store.richMenus.menus.get(decodeURIComponent(id))?.image : undefined;
	if (!image) {
		sendJson(res, 404, { message: 'No such rich menu image' });
		return;
	}
	res.writeHead(200, { 'content-type': image.contentType, 'cache-control': 'no-store' });
	res.end(image.bytes);
}

// ---------------------------------------------------------------------------------------------
// JSON API

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	if (text.trim() === '') return {};
	try {
		const parsed: unknown = JSON.parse(text);
		if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
			return parsed as Record<string, unknown>;
		}
	} catch {
		// answered below
	}
	throw new SandboxError(400, 'The body must be a JSON object');
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
	const value = body[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw new SandboxError(400, `${name}: must be a string`);
	return value;
}

async function api(parts: ServerParts, req: IncomingMessage, res: ServerResponse, route: string) {
	const { core, mock } = parts;
	const method = req.method ?? 'GET';
	const chatRoute =
		/^\/chats\/([^/]+)\/(messages|send|postback|image|richmenu|richmenu\/tap)$/.exec(route);
	if (method === 'GET' && route === '/events') return streamChanges(core, req, res);
	if (method === 'GET' && route === '/status') return sendJson(res, 200, status(core));
	if (method === 'GET' && route === '/chats') {
		return sendJson(
			res,
			200,
			[...core.store.chats.values()].map((chat) => summary(core, chat)),
		);
	}
	if (method === 'GET' && route === '/requests')
		return sendJson(res, 200, mock.requests.map(listed));
	if (method === 'POST' && route === '/reset') {
		parts.reset();
		return sendJson(res, 200, {});
	}
	if (method === 'PUT' && route === '/webhook') {
		core.webhookUrl = optionalString(await readJson(req), 'url') || undefined;
		core.store.changed();
		return sendJson(res, 200, { webhookUrl: core.webhookUrl ?? null });
	}
	if (method === 'POST' && route === '/webhook/test') {
		return sendJson(res, 200, await deliverEvents(core, []));
	}
	if (chatRoute) {
		const [, encodedId, action] = chatRoute;
		const chatId = decodeURIComponent(encodedId);
		if (method === 'GET' && action === 'messages') {
			const chat = core.store.chats.get(chatId);
			if (!chat) throw new SandboxError(404, `No chat ${chatId}`);
			return sendJson(res, 200, pageEntries(core, chat));
		}
		if (method === 'GET' && action === 'richmenu') {
			return sendJson(res, 200, { richMenu: shownRichMenu(core, chatId) });
		}
		if (method === 'POST' && action === 'richmenu/tap') {
			const body = await readJson(req);
			const result = await tapRichMenu(core, chatId, Number(body.area), stringParams(body.params));
			return sendJson(res, 200, result);
		}
		if (method === 'POST' && action !== 'messages' && action !== 'richmenu') {
			const body = await readJson(req);
			const userId = optionalString(body, 'userId');
			const result = await actAsUser(core, chatId, userAction(action, body), userId);
			return sendJson(res, 200, result);
		}
	}
	throw new SandboxError(404, `No sandbox API ${method} /sandbox/api${route}`);
}

function stringParams(params: unknown): Record<string, string> | undefined {
	const strings = (value: object) => Object.values(value).every((v) => typeof v === 'string');
	if (params !== undefined && (typeof params !== 'object' || params === null || !strings(params))) {
		throw new SandboxError(400, 'params: must be an object of strings');
	}
	return params as Record<string, string> | undefined;
}

function userAction(action: string, body: Record<string, unknown>): UserAction {
	if (action === 'send') return { text: optionalString(body, 'text') ?? '' };
	if (action === 'image') return { image: true };
	return {
		postback: {
			data: optionalString(body, 'data') ?? '',
			params: stringParams(body.params),
			displayText: optionalString(body, 'displayText'),
		},
	};
}

/** The rich menu a user's chat shows (linked, else default), with where the page gets its image. */
function shownRichMenu(core: SandboxCore, chatId: string) {
	const chat = core.store.chats.get(chatId);
	if (!chat) throw new SandboxError(404, `No chat ${chatId}`);
	// LINE shows rich menus in one-to-one chats only.
	const shown = chat.type === 'user' ? core.store.richMenus.shownTo(chatId) : undefined;
	if (!shown) return null;
	const { menu, source } = shown;
	return {
		...RichMenuState.response(menu),
		source,
		imageUrl: menu.image ? `/sandbox/richmenus/${encodeURIComponent(menu.richMenuId)}/image` : null,
	};
}

function status(core: SandboxCore) {
	return {
		apiBaseUrl: core.url,
		chatUrl: `${core.url}/`,
		channel: core.channel,
		bot: { userId: core.botUserId, displayName: 'LINE Sandbox Bot' },
		webhookUrl: core.webhookUrl ?? null,
		lastDelivery: core.lastDelivery ?? null,
		version: core.store.version,
	};
}

/** Server-sent events: the store's version after each change, so the page fetches again. */
function streamChanges(core: SandboxCore, req: IncomingMessage, res: ServerResponse): void {
	res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
	const send = () => res.write(`data: ${core.store.version}\n\n`);
	send();
	const stop = core.store.onChange(send);
	req.on('close', stop);
}

function describe(message: LineMessage): string {
	switch (message.type) {
		case 'text':
		case 'textV2':
			return String(message.text);
		case 'flex':
		case 'template':
		case 'imagemap':
			return `[${message.type}] ${String(message.altText)}`;
		default:
			return `[${message.type}]`;
	}
}

function preview(entry: ChatEntry): string {
	if (entry.from === 'system') return entry.text;
	if (entry.from === 'bot') return describe(entry.message);
	if (entry.postback) return entry.postback.displayText ?? `[postback] ${entry.postback.data}`;
	return entry.message?.type === 'text' ? entry.message.text : '[image]';
}

/**
 * A chat's entries for the page: a bot message with a quote token also says what it quotes
 * (`quoted`: who said it and a preview; null when the token quotes nothing in this chat).
 */
function pageEntries(core: SandboxCore, chat: Chat) {
	return chat.entries.map((entry) => {
		const token = entry.from === 'bot' ? entry.message.quoteToken : undefined;
		if (typeof token !== 'string') return entry;
		const quoted = core.store.quoted(chat.id, token);
		if (!quoted) return { ...entry, quoted: null };
		const userId = quoted.from === 'user' ? quoted.userId : undefined;
		return { ...entry, quoted: { from: quoted.from, userId, text: preview(quoted) } };
	});
}

function summary(core: SandboxCore, chat: Chat) {
	const last = chat.entries.at(-1);
	return {
		id: chat.id,
		type: chat.type,
		name: chat.name,
		members: chat.members.map((userId) => ({
			userId,
			displayName: core.store.people.get(userId)?.displayName ?? userId,
		})),
		left: chat.left,
		...(SANDBOX_PHONE_NUMBERS[chat.id] ? { phoneNumber: SANDBOX_PHONE_NUMBERS[chat.id] } : {}),
		messageCount: chat.entries.length,
		lastAt: last?.at ?? null,
		preview: last ? preview(last) : '',
	};
}

/** A received API request as the JSON API lists it (no Authorization header). */
function listed(request: MockRequest) {
	const { body } = request.response;
	return {
		requestId: request.requestId,
		method: request.method,
		url: request.url,
		operationId: request.operationId ?? null,
		retryKey: request.headers['x-line-retry-key'] ?? null,
		body: request.body ?? null,
		problems: request.problems,
		status: request.response.status,
		response: Buffer.isBuffer(body) ? `<${body.length} bytes>` : (body ?? null),
	};
}

// ---------------------------------------------------------------------------------------------
// LINE's API: the mock LINE platform answers

const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding'];

function endToEnd(headers: http.IncomingHttpHeaders): http.IncomingHttpHeaders {
	return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.includes(name)));
}

function proxyToLine(parts: ServerParts, req: IncomingMessage, res: ServerResponse): void {
	const target = new URL(parts.mock.url);
	const upstream = http.request(
		{
			host: target.hostname,
			port: target.port,
			method: req.method,
			path: req.url,
			headers: endToEnd(req.headers),
			agent: false,
		},
		(answer) => {
			res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
			answer.pipe(res);
			answer.on('end', () => logApiCall(parts, answer.headers['x-line-request-id']));
		},
	);
	upstream.on('error', (error) => {
		if (!res.headersSent) sendJson(res, 502, { message: `sandbox: ${error.message}` });
		else res.end();
	});
	req.pipe(upstream);
}

function logApiCall(parts: ServerParts, requestId: string | string[] | undefined): void {
	const request = parts.mock.requests.find((received) => received.requestId === requestId);
	if (!request) return;
	const problems = request.problems.length > 0 ? `\n    ${request.problems.join('\n    ')}` : '';
	parts.core.log(`${request.method} ${request.url} -> ${request.response.status}${problems}`);
}

export function listeningUrl(server: http.Server): string {
	const { address, port } = server.address() as AddressInfo;
	const host = address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address;
	return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
