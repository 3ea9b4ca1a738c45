// What the chat page's drawing code shares: elements built with DOM APIs (whatever the bot sent
// is only ever text, never HTML), links and images limited to http(s) addresses, and tappable
// parts that perform a LINE action.

/** el('p', { class: 'x', onclick: f }, 'text', child, …): a DOM element (text is never HTML). */
export function el(tag, props = {}, ...children) {
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

/**
 * Sets inline styles through the DOM (the page's CSP forbids style attributes); undefined values
 * are left out. Names are CSS property names: `{ 'background-color': '#fff' }`.
 */
export function styled(node, styles) {
	for (const [name, value] of Object.entries(styles)) {
		if (value !== undefined && value !== null) node.style.setProperty(name, String(value));
	}
	return node;
}

/** `value` as an absolute http(s) URL, else null: nothing else goes into a src or href. */
export function webAddress(value) {
	if (typeof value !== 'string' || value === '') return null;
	// A detached link parses the address (relative to the page) and loads nothing.
	const parsed = document.createElement('a');
	parsed.href = value;
	return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

/** An image; when it does not load, the next of `fallbacks`, then a placeholder naming it. */
export function image(src, className = 'media', fallbacks = []) {
	const url = webAddress(src);
	if (!url) return el('div', { class: 'placeholder' }, `image: ${String(src ?? '')}`);
	const img = el('img', { class: className, src: url, alt: 'image' });
	img.addEventListener('error', () =>
		img.replaceWith(
			fallbacks.length > 0
				? image(fallbacks[0], className, fallbacks.slice(1))
				: el('div', { class: 'placeholder' }, `image: ${src}`),
		),
	);
	return img;
}

/** A link opening in a new tab; only the label when the address is no http(s) URL. */
export function link(href, label) {
	const url = webAddress(href);
	return url
		? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, label)
		: el('span', {}, label);
}

/** What an action does, in a few words (the title of whatever performs it). */
export function describeAction(action) {
	switch (action.type) {
		case 'message':
			return `Says "${action.text}"`;
		case 'postback':
			return `Postback ${action.data}`;
		case 'uri':
			return `Opens ${action.uri ?? action.linkUri}`;
		case 'datetimepicker':
			return `Picks a ${action.mode}`;
		case 'richmenuswitch':
			return `Switches to ${action.richMenuAliasId}`;
		case 'clipboard':
			return `Copies "${action.clipboardText}"`;
		case 'camera':
			return 'Opens the camera';
		case 'cameraRoll':
			return 'Opens the camera roll';
		case 'location':
			return 'Sends a location';
		default:
			return String(action.type);
	}
}

/**
 * Makes `node` perform `action` when tapped (or activated with the keyboard); a tap on a
 * tappable part inside it does only that part's action, as in LINE.
 */
export function tappable(node, action, perform) {
	if (!action || typeof action !== 'object') return node;
	node.classList.add('tappable');
	node.dataset.action = String(action.type);
	if (node.tagName !== 'BUTTON') {
		node.setAttribute('role', 'button');
		node.tabIndex = 0;
		node.addEventListener('keydown', (event) => {
			if (event.key !== 'Enter' && event.key !== ' ') return;
			event.preventDefault();
			event.stopPropagation();
			perform(action);
		});
	}
	if (!node.title) node.title = describeAction(action);
	node.addEventListener('click', (event) => {
		event.stopPropagation();
		perform(action);
	});
	return node;
}

/** A button that performs `action`, labelled with its label. */
export function actionButton(action, perform, className) {
	if (!action) return null;
	const label = action.label ?? action.text ?? action.type;
	return tappable(el('button', { class: className, type: 'button' }, label), action, perform);
}
