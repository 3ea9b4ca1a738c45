import { randomBytes } from 'node:crypto';

/**
 * The channel's rich menus as LINE keeps them: the menus and their images, aliases, the menu
 * linked to each user, the default menu, batch requests, and the taps users made (for the rich
 * menu statistics).
 */

export type RichMenuAction = { type: string } & Record<string, unknown>;

export interface RichMenuBounds {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface RichMenuArea {
	bounds: RichMenuBounds;
	action: RichMenuAction;
}

/** The rich menu object of LINE's create request. */
export interface RichMenuObject {
	size: { width: number; height: number };
	selected: boolean;
	name: string;
	chatBarText: string;
	areas: RichMenuArea[];
}

export interface RichMenuImage {
	bytes: Buffer;
	contentType: 'image/png' | 'image/jpeg';
}

export interface RichMenu extends RichMenuObject {
	richMenuId: string;
	image?: RichMenuImage;
}

export interface RichMenuBatch {
	phase: 'ongoing' | 'succeeded' | 'failed';
	acceptedTime: string;
	completedTime?: string;
}

export interface RichMenuTap {
	richMenuId: string;
	area: number;
	userId: string;
	at: number;
}

/** How a user came to see a menu, in LINE's order of priority. */
export type RichMenuSource = 'linked' | 'default';

/** LINE's limits: 1,000 rich menus and 1,000 aliases per channel. */
export const MAX_RICH_MENUS = 1000;
export const MAX_ALIASES = 1000;

/** A rich menu ID like LINE's: `richmenu-` and 32 hex digits. */
export function richMenuId(): string {
	return `richmenu-${randomBytes(16).toString('hex')}`;
}

export class RichMenuState {
	readonly menus = new Map<string, RichMenu>();
	/** Alias ID → rich menu ID. An alias outlives its menu (LINE does not delete it). */
	readonly aliases = new Map<string, string>();
	/** User ID → the rich menu linked to that user. */
	readonly links = new Map<string, string>();
	defaultId: string | undefined;
	/** By the request ID of the batch request. */
	readonly batches = new Map<string, RichMenuBatch>();
	readonly taps: RichMenuTap[] = [];

	clear(): void {
		this.menus.clear();
		this.aliases.clear();
		this.links.clear();
		this.defaultId = undefined;
		this.batches.clear();
		this.taps.length = 0;
	}

	create(object: RichMenuObject): RichMenu {
		const menu: RichMenu = { ...structuredClone(object), richMenuId: richMenuId() };
		this.menus.set(menu.richMenuId, menu);
		return menu;
	}

	/** Deleting a menu takes it from the users it was linked to and from the default. */
	delete(id: string): boolean {
		if (!this.menus.delete(id)) return false;
		for (const [userId, linked] of this.links) if (linked === id) this.links.delete(userId);
		if (this.defaultId === id) this.defaultId = undefined;
		return true;
	}

	/** The menu a user sees: the one linked to them, else the default one. */
	shownTo(userId: string): { menu: RichMenu; source: RichMenuSource } | undefined {
		const linked = this.menus.get(this.links.get(userId) ?? '');
		if (linked) return { menu: linked, source: 'linked' };
		const byDefault = this.menus.get(this.defaultId ?? '');
		return byDefault ? { menu: byDefault, source: 'default' } : undefined;
	}

	/** The rich menu as LINE's get and list operations answer it (no image). */
	static response(menu: RichMenu): RichMenuObject & { richMenuId: string } {
		const { richMenuId: id, size, selected, name, chatBarText, areas } = menu;
		return structuredClone({ richMenuId: id, size, selected, name, chatBarText, areas });
	}
}
