import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { audio } from './audio';
import { buttons } from './buttons';
import { card } from './card';
import { cardCarousel } from './cardCarousel';
import { carousel } from './carousel';
import { confirm } from './confirm';
import { coupon } from './coupon';
import { flex } from './flex';
import { image } from './image';
import { imageCarousel } from './imageCarousel';
import { imagemap } from './imagemap';
import { withJoinItems } from './joinItems';
import { json } from './json';
import { location } from './location';
import { fieldsShownFor } from './shownFor';
import { sticker } from './sticker';
import { template } from './template';
import { text } from './text';
import { textV2 } from './textV2';
import type { MessageCheck, MessageReader, MessageTypeDefinition } from './types';
import { video } from './video';

/**
 * The LINE message types, one file each. A new type is its file plus a line here: in
 * CHECKED_TYPES if LINE takes it (checks.ts checks it), in BUILT_TYPES if the builder composes it.
 */

/** The types LINE accepts, in the order error messages list them. */
const CHECKED_TYPES: MessageTypeDefinition[] = [
	text,
	textV2,
	sticker,
	image,
	video,
	audio,
	location,
	imagemap,
	template,
	flex,
	coupon,
];

/** The types of the builder, in the order of their fields (a shared field stands at its first). */
const BUILT_TYPES: MessageTypeDefinition[] = [
	text,
	textV2,
	sticker,
	image,
	video,
	audio,
	location,
	imagemap,
	buttons,
	confirm,
	withJoinItems(carousel),
	withJoinItems(imageCarousel),
	card,
	withJoinItems(cardCarousel),
	flex,
	template,
	json,
];

export const MESSAGE_TYPE_NAMES: readonly string[] = CHECKED_TYPES.map(({ type }) => type);

export const MESSAGE_CHECKS: Readonly<Record<string, MessageCheck>> = Object.fromEntries(
	CHECKED_TYPES.map(({ type, check }) => [type, check as MessageCheck]),
);

export const MESSAGE_READERS: Readonly<Record<string, MessageReader>> = Object.fromEntries(
	BUILT_TYPES.map(({ type, builder }) => [type, (builder as NonNullable<typeof builder>).read]),
);

/** The builder's Type list, alphabetical by name as the UI lists options. */
export function messageTypeOptions(): INodePropertyOptions[] {
	return BUILT_TYPES.map(({ type, builder }) => ({ ...builder?.option, value: type }))
		.map(({ name, value, description }) => ({ name: name as string, value, description }))
		.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The fields of every built type, each shown for the types that list it. */
export function messageTypeFields(): INodeProperties[] {
	return fieldsShownFor(
		BUILT_TYPES.map(({ type, builder }) => ({ type, fields: builder?.fields ?? [] })),
	);
}
