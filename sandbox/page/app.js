// The LINE sandbox's chat page: shows what the bot sent, lets you write as the LINE users and tap
// what the bot sent. Data comes from the sandbox's JSON API (/sandbox/api/…); a server-sent event
// says when it changed. (A module: strict, and loaded after the page.)

import { describeAction, el, image, webAddress } from './dom.js';
import { botMessage } from './messages.js';

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

/** Says on the page what an action did there (links, copying), for the person and for tests. */
function tell(text, data = {}) {
	const note = $('action-note');
	note.hidden = false;
	note.replaceChildren(text);
	for (const key of Object.keys(note.dataset)) delete note.dataset[key];
	Object.assign(note.dataset, data);
}

/** A URI action: http(s) links open in a new tab (and the page says so); others are shown. */
function openLink(uri) {
	const url = /^https?:\/\//i.test(uri ?? '') ? webAddress(uri) : null;
	if (!url) {
		tell(`The bot's link: ${uri} (the sandbox opens only http and https links)`, { uri });
		return;
	}
	window.open(url, '_blank', 'noopener');
	tell(`Opened ${url}`, { opened: url });
}

function copy(text) {
	const copied = () => tell(`Copied "${text}"`, { copied: text });
	const refused = () => tell(`The browser did not let the page copy "${text}"`, { copied: text });
	if (!navigator.clipboard) refused();
	else navigator.clipboard.writeText(text).then(copied, refused);
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

/** A postback's `inputOption`: what LINE opens or closes after it. */
function applyInputOption(action) {
	const menu = state.richMenu ? menuState() : undefined;
	switch (action.inputOption) {
		case 'closeRichMenu':
		case 'openRichMenu':
			if (menu) menu.open = action.inputOption === 'openRichMenu';
			break;
		case 'openKeyboard':
			if (menu) menu.open = false;
			if (action.fillInText) $('text').value = action.fillInText;
			$('text').focus();
			break;
		case 'openVoice':
			tell('LINE would open voice input (the sandbox has none)');
			break;
		default:
			return;
	}
	renderRichMenu();
}

/**
 * The event a tapped button, chip, imagemap area or flex part sends as the user: a message
 * action's text, a postback (its displayText shows in the chat; `params`: what a date-time
 * picker picked). Other actions send none.
 */
function sendAsUser(action, params) {
	switch (action.type) {
		case 'message':
			return say(action.text);
		case 'postback':
			return postback(action.data, { displayText: action.displayText ?? action.text });
		case 'datetimepicker':
			return postback(action.data, { params });
		case 'richmenuswitch':
			return postback(action.data, { params: { newRichMenuAliasId: action.richMenuAliasId } });
		default:
			return undefined;
	}
}

/**
 * What tapping an action does in LINE, wherever it is (rich menu area, template or flex button,
 * quick reply chip, imagemap area, flex part): links, copying, pickers and LINE's own screens
 * happen on the page; then `send(action, params)` tells the sandbox (a date-time picker sends
 * only once something is picked).
 */
function perform(action, send = sendAsUser) {
	let params;
	switch (action.type) {
		case 'uri':
			openLink(action.uri ?? action.linkUri);
			break;
		case 'clipboard':
			copy(action.clipboardText);
			break;
		case 'camera':
		case 'cameraRoll':
		case 'location':
			tell(`${describeAction(action)}: the sandbox cannot do that in LINE's place`, {
				action: action.type,
			});
			break;
		case 'datetimepicker': {
			const value = askDateTime(action);
			if (!value) return;
			params = { [action.mode]: value };
			break;
		}
		case 'postback':
			applyInputOption(action);
			break;
		case 'message':
		case 'richmenuswitch':
			break;
		default:
			tell(`The sandbox cannot do a "${action.type}" action`);
			return;
	}
	send(action, params);
}

// ------------------------------------------------------------------------------------------
// Rendering

const time = (iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
/** A user's display name: the sandbox knows every user's (their chats list them). */
function nameOf(userId) {
	const members = state.chats.flatMap((chat) => chat.members);
	return members.find((member) => member.userId === userId)?.displayName ?? userId;
}
const bubble = (...children) => el('div', { class: 'bubble' }, children);

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
			botMessage(entry, { perform, nameOf, botName: state.status?.bot.displayName }),
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
			{ type: 'button', 'data-action': action.type, onclick: () => perform(action) },
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

/**
 * A tap on an area does what any action does on the page; the sandbox then does the rest for
 * every tap (it counts taps, sends events, switches menus).
 */
function tapArea(index, action) {
	const path = `/sandbox/api/chats/${encodeURIComponent(state.selected)}/richmenu/tap`;
	if (action.type === 'richmenuswitch') menuState().switching = true;
	perform(action, (_, params) => api('POST', path, { area: index, params }).catch(showError));
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
