import type { MockRequest, MockResponse } from '../test/support/mockLine';
import {
	bodyErrors,
	bodyOf,
	header,
	INVALID_USER_ID,
	invalidProperty,
	lineError,
	NOT_FOUND,
	ok,
	query,
	segment,
	type Operation,
} from './answers';
import type { SandboxCore } from './core';
import { imageSize } from './png';
import {
	MAX_ALIASES,
	MAX_RICH_MENUS,
	RichMenuState,
	type RichMenu,
	type RichMenuAction,
	type RichMenuObject,
} from './richMenus';
import { isLineId } from './store';

/**
 * LINE's rich menu API: menus and their images, the default menu, menus linked to users (one by
 * one, in bulk and in batches) and aliases, answering and refusing like LINE's API reference.
 */

type Problem = { property: string; message: string };

const RICH_MENU_ID = /^richmenu-[0-9a-f]{32}$/;
const ALIAS_ID = /^[a-z0-9_-]{1,32}$/;
const MAX_AREAS = 20;
const MAX_IMAGE_BYTES = 1024 * 1024;
const NO_IMAGE = lineError(400, 'must upload richmenu image before applying it to user');
const NO_RICH_MENU_FOR_ALIAS = lineError(400, 'richmenu not found');
const ALIAS_NOT_FOUND = lineError(404, 'richmenu alias not found');

const invalidRichMenuId = (property: string) =>
	bodyErrors([{ property, message: 'invalid richMenuId' }]);

const graphemes = (text: string) => [...new Intl.Segmenter().segment(text)].length;

function isInteger(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value);
}

/** What LINE requires of an area's action beyond the OpenAPI document (LINE-RULES). */
function actionProblems(action: RichMenuAction, where: string): Problem[] {
	const problems: Problem[] = [];
	const need = (name: string, max: number) => {
		const value = action[name];
		if (typeof value !== 'string' || value === '') {
			problems.push({ property: `${where}.${name}`, message: 'must be specified' });
		} else if (graphemes(value) > max) {
			problems.push({ property: `${where}.${name}`, message: `size must be between 1 and ${max}` });
		}
	};
	if (typeof action.label === 'string' && graphemes(action.label) > 20) {
		problems.push({ property: `${where}.label`, message: 'size must be between 0 and 20' });
	}
	switch (action.type) {
		case 'postback':
			need('data', 300);
			break;
		case 'message':
			need('text', 300);
			break;
		case 'uri': {
			need('uri', 1000);
			const uri = action.uri;
			if (typeof uri === 'string' && uri !== '' && !/^(https?|line|tel):/i.test(uri)) {
				problems.push({ property: `${where}.uri`, message: 'invalid uri' });
			}
			break;
		}
		case 'datetimepicker':
			need('data', 300);
			if (!['date', 'time', 'datetime'].includes(String(action.mode))) {
				problems.push({ property: `${where}.mode`, message: 'must be specified' });
			}
			break;
		case 'richmenuswitch':
			need('richMenuAliasId', 32);
			need('data', 300);
			break;
		case 'clipboard':
			need('clipboardText', 1000);
			break;
		default:
			// Camera, camera roll and location actions work in quick replies only.
			problems.push({
				property: `${where}.type`,
				message: `the ${String(action.type)} action cannot be used in a rich menu`,
			});
	}
	return problems;
}

/** LINE's rules for a rich menu object that its OpenAPI document leaves out. */
export function richMenuProblems(object: Partial<RichMenuObject>): Problem[] {
	const problems: Problem[] = [];
	for (const name of ['size', 'selected', 'name', 'chatBarText', 'areas'] as const) {
		if (object[name] === undefined) problems.push({ property: name, message: 'must be specified' });
	}
	const { size, areas } = object;
	if (size) {
		const { width, height } = size;
		if (!isInteger(width) || width < 800 || width > 2500) {
			problems.push({ property: 'size.width', message: 'must be between 800 and 2500' });
		}
		if (!isInteger(height) || height < 250) {
			problems.push({ property: 'size.height', message: 'must be at least 250' });
		}
		if (isInteger(width) && isInteger(height) && width / height < 1.45) {
			problems.push({ property: 'size', message: 'width / height must be at least 1.45' });
		}
	}
	if (!Array.isArray(areas)) return problems;
	if (areas.length > MAX_AREAS) {
		problems.push({ property: 'areas', message: `size must be between 0 and ${MAX_AREAS}` });
	}
	areas.forEach((area, index) => {
		const where = `areas[${index}]`;
		const { bounds, action } = area ?? {};
		if (!bounds) {
			problems.push({ property: `${where}.bounds`, message: 'must be specified' });
		} else {
			for (const name of ['x', 'y', 'width', 'height'] as const) {
				if (!isInteger(bounds[name])) {
					problems.push({ property: `${where}.bounds.${name}`, message: 'must be specified' });
				}
			}
			if (
				size &&
				(bounds.x + bounds.width > size.width || bounds.y + bounds.height > size.height)
			) {
				problems.push({
					property: `${where}.bounds`,
					message: 'must be inside the rich menu',
				});
			}
		}
		if (!action?.type) {
			problems.push({ property: `${where}.action`, message: 'must be specified' });
		} else {
			problems.push(...actionProblems(action, `${where}.action`));
		}
	});
	return problems;
}

const state = (core: SandboxCore) => core.store.richMenus;

function checkedObject(request: MockRequest): RichMenuObject | MockResponse {
	const object = bodyOf<RichMenuObject>(request);
	const problems = richMenuProblems(object);
	return problems.length > 0 ? bodyErrors(problems) : object;
}

const createRichMenu: Operation = (core, request) => {
	const object = checkedObject(request);
	if ('status' in object) return object;
	if (state(core).menus.size >= MAX_RICH_MENUS) {
		return lineError(400, `The number of rich menus reached the limit (${MAX_RICH_MENUS})`);
	}
	const menu = state(core).create(object);
	core.store.changed();
	core.log(`rich menu ${menu.richMenuId} created (${menu.name})`);
	return ok({ richMenuId: menu.richMenuId });
};

const validateRichMenuObject: Operation = (_core, request) => {
	const object = checkedObject(request);
	return 'status' in object ? object : ok();
};

/** The menu whose ID is the path segment `index`. */
function menuAt(core: SandboxCore, request: MockRequest, index: number): RichMenu | undefined {
	return state(core).menus.get(segment(request, index));
}

const getRichMenu: Operation = (core, request) => {
	const menu = menuAt(core, request, 4);
	return menu ? ok(RichMenuState.response(menu)) : NOT_FOUND;
};

const getRichMenuList: Operation = (core) =>
	ok({ richmenus: [...state(core).menus.values()].map((menu) => RichMenuState.response(menu)) });

const deleteRichMenu: Operation = (core, request) => {
	if (!state(core).delete(segment(request, 4))) return NOT_FOUND;
	core.store.changed();
	return ok();
};

/** Only on the api-data host at LINE; the sandbox answers both hosts on one port. */
const setRichMenuImage: Operation = (core, request) => {
	const menu = menuAt(core, request, 4);
	if (!menu) return NOT_FOUND;
	const contentType = (header(request, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (contentType !== 'image/png' && contentType !== 'image/jpeg') {
		return lineError(415, `Unsupported Content-Type: ${contentType || '(none)'}`);
	}
	if (menu.image)
		return { status: 400, body: { message: 'An image has already been uploaded to the richmenu' } };
	const bytes = request.bodyBytes;
	const image = imageSize(bytes);
	const fits =
		image?.type === contentType &&
		bytes.length <= MAX_IMAGE_BYTES &&
		image.width !== undefined &&
		image.height !== undefined &&
		image.width >= 800 &&
		image.width <= 2500 &&
		image.height >= 250 &&
		image.width / image.height >= 1.45;
	if (!fits)
		return { status: 400, body: { message: 'The image size is not allowed for richmenu' } };
	menu.image = { bytes: Buffer.from(bytes), contentType };
	core.store.changed();
	return ok();
};

const getRichMenuImage: Operation = (core, request) => {
	const image = menuAt(core, request, 4)?.image;
	if (!image) return NOT_FOUND;
	return { status: 200, body: image.bytes, headers: { 'content-type': image.contentType } };
};

const setDefaultRichMenu: Operation = (core, request) => {
	const menu = menuAt(core, request, 6);
	if (!menu) return NOT_FOUND;
	if (!menu.image) return NO_IMAGE;
	state(core).defaultId = menu.richMenuId;
	core.store.changed();
	return ok();
};

const getDefaultRichMenuId: Operation = (core) => {
	const id = state(core).defaultId;
	return id ? ok({ richMenuId: id }) : lineError(404, 'no default richmenu');
};

const cancelDefaultRichMenu: Operation = (core) => {
	state(core).defaultId = undefined;
	core.store.changed();
	return ok();
};

// ---------------------------------------------------------------------------------------------
// Menus of users

/** LINE links menus only to friends; to anyone else it answers 200 and links nothing. */
const isFriend = (core: SandboxCore, userId: string) =>
	core.store.chats.get(userId)?.type === 'user';

const getRichMenuIdOfUser: Operation = (core, request) => {
	const userId = segment(request, 4);
	if (!isLineId(userId, 'U')) return INVALID_USER_ID;
	const linked = isFriend(core, userId) ? state(core).links.get(userId) : undefined;
	return linked ? ok({ richMenuId: linked }) : lineError(404, 'the user has no richmenu');
};

const linkRichMenuIdToUser: Operation = (core, request) => {
	const userId = segment(request, 4);
	if (!isLineId(userId, 'U')) return INVALID_USER_ID;
	const menu = menuAt(core, request, 6);
	if (!menu) return NOT_FOUND;
	if (!menu.image) return NO_IMAGE;
	if (isFriend(core, userId)) state(core).links.set(userId, menu.richMenuId);
	core.store.changed();
	return ok();
};

const unlinkRichMenuIdFromUser: Operation = (core, request) => {
	const userId = segment(request, 4);
	if (!isLineId(userId, 'U')) return INVALID_USER_ID;
	state(core).links.delete(userId);
	core.store.changed();
	return ok();
};

function wrongUserIds(userIds: string[]): MockResponse | undefined {
	const wrong = userIds.findIndex((id) => !isLineId(id, 'U'));
	return wrong === -1 ? undefined : invalidProperty(`userIds[${wrong}]`);
}

const linkRichMenuIdToUsers: Operation = (core, request) => {
	const { richMenuId, userIds } = bodyOf<{ richMenuId: string; userIds: string[] }>(request);
	const wrong = wrongUserIds(userIds);
	if (wrong) return wrong;
	if (!RICH_MENU_ID.test(richMenuId)) return invalidRichMenuId('richMenuId');
	const menu = state(core).menus.get(richMenuId);
	if (!menu) return lineError(404, 'richmenu not found');
	if (!menu.image) return NO_IMAGE;
	for (const userId of userIds) {
		if (isFriend(core, userId)) state(core).links.set(userId, richMenuId);
	}
	core.store.changed();
	return ok({}, 202);
};

const unlinkRichMenuIdFromUsers: Operation = (core, request) => {
	const { userIds } = bodyOf<{ userIds: string[] }>(request);
	const wrong = wrongUserIds(userIds);
	if (wrong) return wrong;
	for (const userId of userIds) state(core).links.delete(userId);
	core.store.changed();
	return ok({}, 202);
};

// ---------------------------------------------------------------------------------------------
// Batches: replace or unlink the menus linked to users, by the menu they have

type BatchOperation =
	| { type: 'link'; from: string; to: string }
	| { type: 'unlink'; from: string }
	| { type: 'unlinkAll' };

/** The checks of LINE's batch and validate-batch endpoints, with LINE's answers. */
function batchProblem(core: SandboxCore, operations: BatchOperation[]): MockResponse | undefined {
	if (
		operations.some((op) => op.type === 'unlinkAll') &&
		operations.some((op) => op.type !== 'unlinkAll')
	) {
		return bodyErrors([
			{
				property: 'operations[].type',
				message: "'unlinkAll' type can't be combined with other type",
			},
		]);
	}
	const froms = new Set<string>();
	for (const [index, op] of operations.entries()) {
		if (op.type === 'unlinkAll') continue;
		if (froms.has(op.from)) {
			return bodyErrors([
				{ property: 'operations[].from', message: `from richmenu (${op.from}) is duplicated` },
			]);
		}
		froms.add(op.from);
		const ids: Array<['from' | 'to', string]> = [['from', op.from]];
		if (op.type === 'link') ids.push(['to', op.to]);
		for (const [name, id] of ids) {
			const property = `operations[${index}].${name}`;
			if (!RICH_MENU_ID.test(id)) return invalidRichMenuId(property);
			const menu = state(core).menus.get(id);
			if (!menu) {
				return bodyErrors([{ property, message: `Richmenu (${id}) is not found` }], 404);
			}
			if (name === 'to' && !menu.image) {
				return bodyErrors([
					{ property, message: `'to' richmenu (${id}) must have image but it doesn't` },
				]);
			}
		}
	}
	return undefined;
}

/** Every operation applies to the links as they were before the request (LINE runs them in parallel). */
const richMenuBatch: Operation = (core, request) => {
	const { operations } = bodyOf<{ operations: BatchOperation[] }>(request);
	const problem = batchProblem(core, operations);
	if (problem) return problem;
	const { links } = state(core);
	const acceptedTime = new Date().toISOString();
	for (const [userId, linked] of [...links]) {
		for (const op of operations) {
			if (op.type === 'unlinkAll' || (op.type === 'unlink' && op.from === linked)) {
				links.delete(userId);
			} else if (op.type === 'link' && op.from === linked) {
				links.set(userId, op.to);
			}
		}
	}
	state(core).batches.set(request.requestId, {
		phase: 'succeeded',
		acceptedTime,
		completedTime: new Date().toISOString(),
	});
	core.store.changed();
	return ok({}, 202);
};

const validateRichMenuBatchRequest: Operation = (core, request) =>
	batchProblem(core, bodyOf<{ operations: BatchOperation[] }>(request).operations) ?? ok();

const getRichMenuBatchProgress: Operation = (core, request) => {
	const batch = state(core).batches.get(query(request, 'requestId') ?? '');
	return batch ? ok(batch) : NOT_FOUND;
};

// ---------------------------------------------------------------------------------------------
// Aliases

/** The menu an alias may point to: an existing menu with its image. */
function aliasTarget(core: SandboxCore, richMenuId: string): MockResponse | undefined {
	if (!RICH_MENU_ID.test(richMenuId)) return invalidRichMenuId('richMenuId');
	return state(core).menus.get(richMenuId)?.image ? undefined : NO_RICH_MENU_FOR_ALIAS;
}

const createRichMenuAlias: Operation = (core, request) => {
	const { richMenuAliasId, richMenuId } = bodyOf<{ richMenuAliasId: string; richMenuId: string }>(
		request,
	);
	const wrong = aliasTarget(core, richMenuId);
	if (wrong) return wrong;
	const { aliases } = state(core);
	if (aliases.has(richMenuAliasId)) return lineError(400, 'conflict richmenu alias id');
	if (aliases.size >= MAX_ALIASES) {
		return lineError(400, `The number of rich menu aliases reached the limit (${MAX_ALIASES})`);
	}
	aliases.set(richMenuAliasId, richMenuId);
	core.store.changed();
	return ok();
};

/** The alias ID in the path, checked like LINE. */
function pathAlias(request: MockRequest): string | MockResponse {
	const aliasId = segment(request, 5);
	if (!ALIAS_ID.test(aliasId)) {
		return {
			status: 400,
			body: { message: "The value for the 'richMenuAliasId' parameter is invalid" },
		};
	}
	return aliasId;
}

const getRichMenuAlias: Operation = (core, request) => {
	const aliasId = pathAlias(request);
	if (typeof aliasId !== 'string') return aliasId;
	const richMenuId = state(core).aliases.get(aliasId);
	return richMenuId ? ok({ richMenuAliasId: aliasId, richMenuId }) : ALIAS_NOT_FOUND;
};

const updateRichMenuAlias: Operation = (core, request) => {
	const aliasId = pathAlias(request);
	if (typeof aliasId !== 'string') return aliasId;
	if (!state(core).aliases.has(aliasId)) return ALIAS_NOT_FOUND;
	const { richMenuId } = bodyOf<{ richMenuId: string }>(request);
	const wrong = aliasTarget(core, richMenuId);
	if (wrong) return wrong;
	state(core).aliases.set(aliasId, richMenuId);
	core.store.changed();
	return ok();
};

const deleteRichMenuAlias: Operation = (core, request) => {
	const aliasId = pathAlias(request);
	if (typeof aliasId !== 'string') return aliasId;
	if (!state(core).aliases.delete(aliasId)) return ALIAS_NOT_FOUND;
	core.store.changed();
	return ok();
};

const getRichMenuAliasList: Operation = (core) =>
	ok({
		aliases: [...state(core).aliases].map(([richMenuAliasId, richMenuId]) => ({
			richMenuAliasId,
			richMenuId,
		})),
	});

export const richMenuOperations: Record<string, Operation> = {
	createRichMenu,
	validateRichMenuObject,
	getRichMenu,
	getRichMenuList,
	deleteRichMenu,
	setRichMenuImage,
	getRichMenuImage,
	setDefaultRichMenu,
	getDefaultRichMenuId,
	cancelDefaultRichMenu,
	getRichMenuIdOfUser,
	linkRichMenuIdToUser,
	unlinkRichMenuIdFromUser,
	linkRichMenuIdToUsers,
	unlinkRichMenuIdFromUsers,
	richMenuBatch,
	validateRichMenuBatchRequest,
	getRichMenuBatchProgress,
	createRichMenuAlias,
	getRichMenuAlias,
	updateRichMenuAlias,
	deleteRichMenuAlias,
	getRichMenuAliasList,
};
