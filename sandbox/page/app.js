'use strict';

// The LINE sandbox's chat page: shows what the bot sent, lets you write as the LINE users.
// Data comes from the sandbox's JSON API (/sandbox/api/…); a server-sent event says when it changed.

const state = {
	status: null,
	chats: [],
	selected: null,
	entries: [],
	/** The rich menu the selected chat shows (one-to-one chats only), or null. */
	richMenu: null,
	/** Per chat: the menu last drawn and whether it is open (the chat bar toggles it). */
	menuOpen: {},
};
const $ = (id) => document.getElementById(id);

/** el('p', { class: 'x', onclick: f }, 'text', child, …): a DOM element (text is never HTML). */
function el(tag, props = {}, ...children) {
	const node = document.createElement(tag);
	for (const [key, value] of Object.entries(props)) {
		if (value === undefined || value === null || value === false) continue;
		if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
		else node.setAttribute(key, value);
	}
	for (const child of children.flat(Infinity)) {
		if (child !== undefined && child !== null && child !== false) node.append(child);
	}
	return node;
}

async function api(method, path, body) {
	const response = await fetch(path, {
		method,
		headers: body ? { 'content-type': 'application/json' } : {},
		body: body ? JSON.stringify(body) : undefined,
	});
	const data = await response.json();
	if (!response.ok) throw new Error(data.message);
	return data;
}

// ------------------------------------------------------------------------------------------
// Loading

let refreshing = false;
let refreshAgain = false;
async function refresh() {
	const [status, chats] = await Promise.all([
		api('GET', '/sandbox/api/status'),
		api('GET', '/sandbox/api/chats'),
	]);
	state.status = status;
	state.chats = chats;
	if (!chats.some((chat) => chat.id === state.selected)) state.selected = chats[0]?.id ?? null;
	const chatPath = `/sandbox/api/chats/${encodeURIComponent(state.selected)}`;
	const [entries, shown] = state.selected
		? await Promise.all([api('GET', `${chatPath}/messages`), api('GET', `${chatPath}/richmenu`)])
		: [[], { richMenu: null }];
	state.entries = entries;
	state.richMenu = shown.richMenu;
	render();
}
/** One refresh at a time; changes announced meanwhile are fetched right after it. */
function scheduleRefresh() {
	if (refreshing) {
		refreshAgain = true;
		return;
	}
	refreshing = true;
	refresh()
		.catch(showError)
		.finally(() => {
			refreshing = false;
			if (refreshAgain) {
				refreshAgain = false;
				scheduleRefresh();
			}
		});
}
function showError(error) {
	$('webhook-status').replaceChildren(el('span', { class: 'bad' }, String(error.message ?? error)));
}

// ------------------------------------------------------------------------------------------
// What the user does

const selectedChat = () => state.chats.find((chat) => chat.id === state.selected);
const speaker = () =>
	selectedChat()?.type === 'user' ? undefined : $('speaker').value || undefined;

async function act(action, body) {
	const path = `/sandbox/api/chats/${encodeURIComponent(state.selected)}/${action}`;
	await api('POST', path, { ...body, userId: speaker() }).catch(showError);
}
const say = (text) => act('send', { text });
const postback = (data, extra = {}) => act('postback', { data, ...extra });

function openLink(uri) {
	if (/^https?:\/\//i.test(uri)) window.open(uri, '_blank', 'noopener');
	else alert(`The bot's link: ${uri}`);
}

const PICKER_FORMATS = { date: 'yyyy-MM-dd', time: 'HH:mm', datetime: "yyyy-MM-dd'T'HH:mm" };
/** Asks what the user picks in a date-time picker; undefined when they cancel. */
function askDateTime(action) {
	const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString();
	const suggestion =
		action.initial ??
		{ date: now.slice(0, 10), time: now.slice(11, 16), datetime: now.slice(0, 16) }[action.mode];
	const value = prompt(
		`${action.label ?? 'Pick'}: ${action.mode} (${PICKER_FORMATS[action.mode]})`,
		suggestion,
	);
	return value || undefined;
}
function pickDateTime(action) {
	const value = askDateTime(action);
	if (value) postback(action.data, { params: { [action.mode]: value } });
}

/** What tapping a button, a chip or an imagemap area does in LINE. */
function perform(action) {
	switch (action.type) {
		case 'message':
			return say(action.text);
		case 'postback':
			return postback(action.data, { displayText: action.displayText ?? action.text });
		case 'uri':
			return openLink(action.uri ?? action.linkUri);
		case 'datetimepicker':
			return pickDateTime(action);
		case 'clipboard':
			return navigator.clipboard?.writeText(action.clipboardText);
		case 'richmenuswitch':
			return postback(action.data, { params: { newRichMenuAliasId: action.richMenuAliasId } });
		default:
			alert(`The sandbox cannot do a "${action.type}" action.`);
	}
}

function actionButton(action, className = 'action') {
	if (!action) return null;
	const label = action.label ?? action.text ?? action.type;
	return el(
		'button',
		{ class: className, type: 'button', title: action.type, onclick: () => perform(action) },
		label,
	);
}

// ------------------------------------------------------------------------------------------
// How LINE shows what the bot sent

function image(src, className = 'media') {
	const img = el('img', { class: className, src, alt: 'image' });
	img.addEventListener('error', () =>
		img.replaceWith(el('div', { class: 'placeholder' }, `image: ${src}`)),
	);
	return img;
}

const bubble = (...children) => el('div', { class: 'bubble' }, children);
const link = (href, label) => el('a', { href, target: '_blank', rel: 'noopener' }, label);

function flex(node) {
	if (!node) return null;
	switch (node.type) {
		case 'carousel':
			return el('div', { class: 'carousel' }, node.contents.map(flex));
		case 'bubble':
			return el(
				'div',
				{ class: 'card' },
				['header', 'hero', 'body', 'footer'].map((part) => flex(node[part])),
			);
		case 'box':
			return el('div', { class: `box box-${node.layout}` }, (node.contents ?? []).map(flex));
		case 'text': {
			const text = node.contents?.length
				? node.contents.map((span) => span.text).join('')
				: node.text;
			return el('p', { class: node.weight === 'bold' ? 'bold' : null }, text);
		}
		case 'image':
			return image(node.url, null);
		case 'video':
			return el('div', { class: 'placeholder' }, '▶ video (', link(node.url, 'open'), ')');
		case 'icon':
			return image(node.url, 'icon');
		case 'button':
			return actionButton(node.action);
		case 'separator':
			return el('hr');
		default:
			return null;
	}
}

function templateCard(column) {
	return el(
		'div',
		{ class: 'card' },
		column.thumbnailImageUrl && image(column.thumbnailImageUrl, null),
		column.title && el('p', { class: 'bold' }, column.title),
		el('p', {}, column.text),
		el(
			'div',
			{},
			(column.actions ?? []).map((action) => actionButton(action)),
		),
	);
}

function template(t) {
	switch (t.type) {
		case 'buttons':
			return templateCard(t);
		case 'confirm':
			return templateCard({ text: t.text, actions: t.actions });
		case 'carousel':
			return el('div', { class: 'carousel' }, t.columns.map(templateCard));
		case 'image_carousel':
			return el(
				'div',
				{ class: 'carousel' },
				t.columns.map((column) =>
					el('div', { class: 'card' }, image(column.imageUrl, null), actionButton(column.action)),
				),
			);
		default:
			return bubble(`[template ${t.type}]`);
	}
}

/** textV2: `{name}` placeholders stand for mentions and emojis. */
function textV2(message) {
	return message.text.replace(/\{(\w+)\}/g, (whole, key) => {
		const part = message.substitution?.[key];
		if (part?.type === 'mention') return `@${part.mentionee?.userId ?? 'All'}`;
		return part?.type === 'emoji' ? '😀' : whole;
	});
}

function botMessage(message) {
	switch (message.type) {
		case 'text':
			return bubble(message.text);
		case 'textV2':
			return bubble(textV2(message));
		case 'sticker':
			return el(
				'div',
				{ class: 'placeholder' },
				`🧸 sticker ${message.packageId}/${message.stickerId}`,
			);
		case 'image':
			return image(message.previewImageUrl ?? message.originalContentUrl);
		case 'video':
			return el('div', { class: 'placeholder' }, '▶ ', link(message.originalContentUrl, 'video'));
		case 'audio':
			return el(
				'div',
				{ class: 'placeholder' },
				'♪ ',
				link(message.originalContentUrl, 'audio'),
				` (${Math.round(message.duration / 1000)} s)`,
			);
		case 'location':
			return bubble(
				el('span', { class: 'bold' }, `📍 ${message.title}`),
				`\n${message.address}\n${message.latitude}, ${message.longitude}`,
			);
		case 'flex':
			return flex(message.contents);
		case 'template':
			return template(message.template);
		case 'coupon':
			return el('div', { class: 'placeholder' }, `🎟 coupon ${message.couponId}`);
		case 'imagemap':
			return el(
				'div',
				{ class: 'card' },
				image(`${message.baseUrl}/1040`, null),
				message.actions.map((action) => actionButton(action)),
			);
		default:
			return bubble(JSON.stringify(message, null, 2));
	}
}

// ------------------------------------------------------------------------------------------
// Rendering

const time = (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const nameOf = (userId) =>
	selectedChat()?.members.find((member) => member.userId === userId)?.displayName ?? userId;

function deliveryText(delivery) {
	if (!delivery) return el('span', {}, 'sending…');
	return el(
		'span',
		{ class: delivery.ok ? 'ok' : 'bad', title: delivery.url ?? '' },
		delivery.summary,
	);
}

function entryItem(entry, isLast) {
	if (entry.from === 'system') {
		const typing = isLast && entry.loadingUntil && Date.parse(entry.loadingUntil) > Date.now();
		return el(
			'li',
			{ class: 'system' },
			el(
				'span',
				{ class: typing ? 'note typing' : 'note' },
				typing ? 'The bot is typing' : entry.text,
			),
		);
	}
	if (entry.from === 'bot') {
		const sender = entry.message.sender?.name ?? state.status?.bot.displayName;
		return el(
			'li',
			{ class: 'bot' },
			botMessage(entry.message),
			el('span', { class: 'meta' }, `${sender} · ${entry.via} · ${time(entry.at)}`),
		);
	}
	const content = entry.postback
		? bubble(
				entry.postback.displayText ??
					`postback: ${entry.postback.data}${entry.postback.params ? ` ${JSON.stringify(entry.postback.params)}` : ''}`,
			)
		: entry.message.type === 'image'
			? image(`/sandbox/images/${entry.message.id}.png?w=320&h=240`)
			: bubble(entry.message.text);
	const who = selectedChat()?.type === 'user' ? '' : `${nameOf(entry.userId)} · `;
	return el(
		'li',
		{ class: 'user' },
		content,
		el(
			'span',
			{ class: 'meta' },
			who,
			deliveryText(entry.delivery),
			entry.read ? ' · Read' : '',
			` · ${time(entry.at)}`,
		),
	);
}

/** Quick replies show under the bot's last message until someone says something. */
function quickReplies() {
	const last = state.entries.filter((entry) => entry.from !== 'system').at(-1);
	const items = last?.from === 'bot' ? (last.message.quickReply?.items ?? []) : [];
	return items.map(({ action, imageUrl }) =>
		el(
			'button',
			{ type: 'button', onclick: () => perform(action) },
			imageUrl && image(imageUrl, null),
			action.label ?? action.type,
		),
	);
}

function renderChats() {
	$('chats').replaceChildren(
		...state.chats.map((chat) =>
			el(
				'li',
				{
					class: chat.id === state.selected ? 'selected' : null,
					onclick: () => {
						state.selected = chat.id;
						scheduleRefresh();
					},
				},
				el(
					'div',
					{},
					el('span', { class: 'name' }, chat.name),
					el('span', { class: 'kind' }, chat.left ? `${chat.type}, left` : chat.type),
				),
				el('div', { class: 'preview' }, chat.preview || ' '),
			),
		),
	);
}

function renderStatus() {
	const { webhookUrl, lastDelivery, channel, apiBaseUrl } = state.status;
	$('webhook-status').replaceChildren(
		webhookUrl ? `Webhook: ${webhookUrl}` : el('span', { class: 'bad' }, 'No webhook URL set'),
		lastDelivery && webhookUrl ? el('div', {}, 'Last request: ', deliveryText(lastDelivery)) : '',
	);
	if (document.activeElement !== $('webhook-url')) $('webhook-url').value = webhookUrl ?? '';
	const fields = {
		'API Base URL / Data API Base URL': apiBaseUrl,
		'Channel ID': channel.id,
		'Channel Secret': channel.secret,
		'Channel Access Token': channel.accessToken,
	};
	$('credential-fields').replaceChildren(
		...Object.entries(fields).flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]),
	);
}

function renderChat() {
	const chat = selectedChat();
	$('chat-header').replaceChildren(
		chat ? el('span', { class: 'bold' }, chat.name) : '',
		chat ? el('small', {}, chat.id) : '',
		chat?.phoneNumber
			? el('small', { title: 'For LINE notification messages' }, chat.phoneNumber)
			: '',
	);
	const list = $('messages');
	const atBottom =
		list.dataset.chat !== state.selected ||
		list.scrollHeight - list.scrollTop - list.clientHeight < 40;
	list.dataset.chat = state.selected;
	list.replaceChildren(
		...state.entries.map((entry, i) => entryItem(entry, i === state.entries.length - 1)),
	);
	if (atBottom) list.scrollTop = list.scrollHeight;
	$('quick-replies').replaceChildren(...quickReplies());
	const speakers = chat && chat.type !== 'user' ? chat.members : [];
	const current = $('speaker').value;
	$('speaker').replaceChildren(
		...speakers.map((member) => el('option', { value: member.userId }, member.displayName)),
	);
	if (speakers.some((member) => member.userId === current)) $('speaker').value = current;
	$('speaker').hidden = speakers.length === 0;
	for (const control of $('composer').elements) control.disabled = !chat || chat.left;
}

// ------------------------------------------------------------------------------------------
// The rich menu: its image with a tappable region per area, opened and closed by the chat bar

function describeAction(action) {
	switch (action.type) {
		case 'message':
			return `Says "${action.text}"`;
		case 'postback':
			return `Postback ${action.data}`;
		case 'uri':
			return `Opens ${action.uri}`;
		case 'datetimepicker':
			return `Picks a ${action.mode}`;
		case 'richmenuswitch':
			return `Switches to ${action.richMenuAliasId}`;
		case 'clipboard':
			return `Copies "${action.clipboardText}"`;
		default:
			return action.type;
	}
}

function menuState() {
	const menu = state.richMenu;
	const known = state.menuOpen[state.selected];
	if (known?.richMenuId !== menu.richMenuId) {
		// A menu the user switched to shows open; any other opens as its `selected` says.
		const open = known?.switching ? true : menu.selected;
		state.menuOpen[state.selected] = { richMenuId: menu.richMenuId, open };
	}
	return state.menuOpen[state.selected];
}

/** What tapping an area does in LINE: links and copying happen here; the sandbox does the rest. */
function tapArea(index, action) {
	const chatId = state.selected;
	const shown = menuState();
	let params;
	if (action.type === 'uri') openLink(action.uri);
	if (action.type === 'clipboard')
		navigator.clipboard?.writeText(action.clipboardText).catch(() => {});
	if (action.type === 'datetimepicker') {
		const value = askDateTime(action);
		if (!value) return;
		params = { [action.mode]: value };
	}
	if (action.type === 'richmenuswitch') shown.switching = true;
	if (action.type === 'postback') {
		if (action.inputOption === 'closeRichMenu') shown.open = false;
		if (action.inputOption === 'openKeyboard') {
			shown.open = false;
			if (action.fillInText) $('text').value = action.fillInText;
			$('text').focus();
		}
		renderRichMenu();
	}
	const path = `/sandbox/api/chats/${encodeURIComponent(chatId)}/richmenu/tap`;
	api('POST', path, { area: index, params }).catch(showError);
}

function richMenuArea(area, index, size) {
	const button = el('button', {
		class: 'rich-menu-area',
		type: 'button',
		title: area.action.label ?? describeAction(area.action),
		'aria-label': area.action.label ?? describeAction(area.action),
		'data-area': index,
		'data-action': area.action.type,
		onclick: () => tapArea(index, area.action),
	});
	// Styles set through the DOM: the page's CSP forbids inline style attributes.
	const percent = (value, of) => `${(value / of) * 100}%`;
	button.style.left = percent(area.bounds.x, size.width);
	button.style.top = percent(area.bounds.y, size.height);
	button.style.width = percent(area.bounds.width, size.width);
	button.style.height = percent(area.bounds.height, size.height);
	return button;
}

function renderRichMenu() {
	const box = $('rich-menu');
	const menu = state.richMenu;
	box.hidden = !menu;
	if (!menu) {
		box.replaceChildren();
		return;
	}
	const shown = menuState();
	const bar = el(
		'button',
		{
			id: 'chat-bar',
			type: 'button',
			'aria-expanded': String(shown.open),
			title: `${menu.name} (${menu.source === 'linked' ? 'linked to this user' : 'default'})`,
			onclick: () => {
				shown.open = !shown.open;
				renderRichMenu();
			},
		},
		menu.chatBarText,
		el('span', { class: 'chevron' }, shown.open ? ' ▾' : ' ▴'),
	);
	if (!shown.open) {
		box.replaceChildren(bar);
		return;
	}
	const panel = el(
		'div',
		{ id: 'rich-menu-panel', 'data-rich-menu-id': menu.richMenuId },
		menu.imageUrl
			? el('img', { src: menu.imageUrl, alt: menu.name })
			: el('div', { class: 'placeholder' }, 'No image uploaded for this rich menu'),
		menu.areas.map((area, index) => richMenuArea(area, index, menu.size)),
	);
	panel.style.aspectRatio = `${menu.size.width} / ${menu.size.height}`;
	box.replaceChildren(bar, panel);
}

function render() {
	renderStatus();
	renderChats();
	renderChat();
	renderRichMenu();
}

// ------------------------------------------------------------------------------------------
// Wiring

$('composer').addEventListener('submit', (event) => {
	event.preventDefault();
	const text = $('text').value;
	if (!text.trim()) return;
	$('text').value = '';
	say(text);
});
$('send-image').addEventListener('click', () => act('image', {}));
$('webhook-form').addEventListener('submit', (event) => {
	event.preventDefault();
	api('PUT', '/sandbox/api/webhook', { url: $('webhook-url').value.trim() }).catch(showError);
});
$('webhook-test').addEventListener('click', () =>
	api('POST', '/sandbox/api/webhook/test').catch(showError),
);

new EventSource('/sandbox/api/events').onmessage = scheduleRefresh;
// Redraws a loading animation that ran out (nothing changes on the server then).
setInterval(() => {
	const until = Date.parse(state.entries.at(-1)?.loadingUntil);
	if (until > Date.now() - 2000) renderChat();
}, 1000);
scheduleRefresh();
