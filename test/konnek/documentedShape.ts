/**
 * The request Konnek documents for `POST {base url}/{channel}/send/{clientID}`
 * (../shared/reference/konnek-send-message.txt), as a checker: every problem of a request body
 * as `<field>: <what>` (empty = as documented). `timestampt` (the sample's spelling) is allowed.
 */

type Obj = Record<string, unknown>;

const TYPES = [
	'text',
	'image',
	'video',
	'audio',
	'voice',
	'document',
	'button',
	'list',
	'location',
];
const MEDIA = ['image', 'video', 'audio', 'voice', 'document'];
const HEADER_TYPES = ['text', 'image', 'video', 'document'];
const TOP_LEVEL = [
	'id',
	'reply_id',
	'times',
	'timestamp',
	'timestampt',
	'reply_token',
	'recipient',
	'type',
	'body',
	'header',
	'footer',
];
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function isObject(value: unknown): value is Obj {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function nonEmptyString(value: unknown): boolean {
	return typeof value === 'string' && value !== '';
}

export function konnekShapeProblems(body: unknown): string[] {
	const problems: string[] = [];
	const need = (ok: boolean, field: string, what: string) => {
		if (!ok) problems.push(`${field}: ${what}`);
	};
	if (!isObject(body)) return ['body: must be a JSON object'];
	for (const key of Object.keys(body)) need(TOP_LEVEL.includes(key), key, 'not documented');
	need(nonEmptyString(body.id), 'id', 'mandatory string');
	need(Number.isInteger(body.times), 'times', 'mandatory integer (Unix timestamp)');
	need(
		typeof body.timestamp === 'string' && RFC3339.test(body.timestamp),
		'timestamp',
		'mandatory date-time',
	);
	if (body.timestampt !== undefined)
		need(body.timestampt === body.timestamp, 'timestampt', 'must equal timestamp');
	need(nonEmptyString(body.recipient), 'recipient', 'mandatory string');
	need(TYPES.includes(body.type as string), 'type', `one of ${TYPES.join(', ')}`);
	for (const key of ['reply_id', 'reply_token']) {
		if (body[key] !== undefined) need(typeof body[key] === 'string', key, 'string');
	}
	const content = isObject(body.body) ? body.body : {};
	const type = body.type as string;
	if (type === 'text') need(nonEmptyString(content.text), 'body.text', 'mandatory for text');
	if (MEDIA.includes(type)) {
		const media = isObject(content.media) ? content.media : {};
		need(nonEmptyString(media.url), 'body.media.url', `mandatory for ${type}`);
		if (media.name !== undefined) need(typeof media.name === 'string', 'body.media.name', 'string');
	}
	if (type === 'location') {
		const location = isObject(content.location) ? content.location : {};
		need(typeof location.latitude === 'number', 'body.location.latitude', 'mandatory float');
		need(typeof location.longitude === 'number', 'body.location.longitude', 'mandatory float');
	}
	if (type === 'button') {
		const buttons = content.button;
		need(Array.isArray(buttons) && buttons.length > 0, 'body.button', 'mandatory list');
		(Array.isArray(buttons) ? buttons : []).forEach((button: Obj, i) => {
			need(nonEmptyString(button.key), `body.button[${i}].key`, 'mandatory');
			need(nonEmptyString(button.title), `body.button[${i}].title`, 'mandatory');
		});
	}
	if (type === 'list') {
		const list = isObject(content.list) ? content.list : {};
		need(nonEmptyString(list.title), 'body.list.title', 'mandatory');
		const sections = Array.isArray(list.sections) ? (list.sections as Obj[]) : [];
		need(sections.length > 0, 'body.list.sections', 'mandatory list');
		sections.forEach((section, s) => {
			need(nonEmptyString(section.title), `body.list.sections[${s}].title`, 'mandatory');
			need(
				nonEmptyString(section.description),
				`body.list.sections[${s}].description`,
				'mandatory',
			);
			const actions = Array.isArray(section.actions) ? (section.actions as Obj[]) : [];
			need(actions.length > 0, `body.list.sections[${s}].actions`, 'mandatory list');
			actions.forEach((action, a) => {
				for (const key of ['key', 'title', 'description']) {
					need(
						nonEmptyString(action[key]),
						`body.list.sections[${s}].actions[${a}].${key}`,
						'mandatory',
					);
				}
			});
		});
	}
	const interactive = type === 'button' || type === 'list';
	if (body.header !== undefined) {
		need(interactive, 'header', 'only for button and list');
		const header = isObject(body.header) ? body.header : {};
		need(HEADER_TYPES.includes(header.type as string), 'header.type', HEADER_TYPES.join(', '));
		if (header.type === 'text') need(nonEmptyString(header.text), 'header.text', 'mandatory');
		else need(nonEmptyString(header.media_url), 'header.media_url', 'mandatory');
	}
	if (body.footer !== undefined) {
		need(interactive, 'footer', 'only for button and list');
		const footer = isObject(body.footer) ? body.footer : {};
		need(nonEmptyString(footer.title), 'footer.title', 'mandatory');
		need(nonEmptyString(footer.text), 'footer.text', 'mandatory');
	}
	return problems;
}
