import { crc32, deflateSync } from 'node:zlib';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { MockLine, MockRequest } from '../../support/mockLine';
import { binaryOf } from '../fixtures';
import type { ContractCase } from './types';

/** Rich menus: create, validate, get, list, delete, the image, and the default rich menu. */

export const RICH_MENU_ID = 'richmenu-88c05ef6921ae53f8b58a25f3a65faf7';
export const RICH_MENU_ID_2 = 'richmenu-862e6ad6c267d2ddf3f42bc78554f6a4';

// ---------------------------------------------------------------------------------------------
// Real image files, made here: a PNG of any size (zlib-compressed rows) and a JPEG header

function pngChunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typeAndData));
	return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A valid PNG of `width` × `height` grey pixels (8-bit greyscale, every row filter 0); `padding`
 * bytes of a tEXt chunk make it as large as a test needs.
 */
export function png(width: number, height: number, padding = 0): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 0; // greyscale
	const rows = Buffer.alloc((width + 1) * height, 0x80);
	for (let row = 0; row < height; row++) rows[row * (width + 1)] = 0;
	const chunks = [pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows))];
	if (padding > 0) {
		chunks.push(
			pngChunk('tEXt', Buffer.concat([Buffer.from('Comment\0'), Buffer.alloc(padding, 0x61)])),
		);
	}
	chunks.push(pngChunk('IEND', Buffer.alloc(0)));
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]);
}

function segment(marker: number, data: Buffer): Buffer {
	const head = Buffer.from([0xff, marker, 0, 0]);
	head.writeUInt16BE(data.length + 2, 2);
	return Buffer.concat([head, data]);
}

/** The start of a baseline JPEG of `width` × `height`: SOI, JFIF APP0, DQT, SOF0 (3 components), EOI. */
export function jpeg(width: number, height: number): Buffer {
	const jfif = Buffer.from([0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
	const quantization = Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)]);
	const frame = Buffer.from([8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
	frame.writeUInt16BE(height, 1);
	frame.writeUInt16BE(width, 3);
	return Buffer.concat([
		Buffer.from([0xff, 0xd8]),
		segment(0xe0, jfif),
		segment(0xdb, quantization),
		segment(0xc0, frame),
		Buffer.from([0xff, 0xd9]),
	]);
}

// ---------------------------------------------------------------------------------------------
// Rich menus

const POSTBACK_AREA = {
	bounds: { x: 0, y: 0, width: 1250, height: 843 },
	action: { type: 'postback', label: 'Buy', data: 'action=buy&itemid=123', displayText: 'Buy' },
};
const SWITCH_AREA = {
	bounds: { x: 1250, y: 0, width: 1250, height: 843 },
	action: { type: 'richmenuswitch', richMenuAliasId: 'richmenu-alias-b', data: 'tab=b' },
};

/** The same two areas as fixed-collection entries of the node. */
const areaFields = {
	area: [
		{
			x: 0,
			y: 0,
			width: 1250,
			height: 843,
			type: 'postback',
			label: 'Buy',
			data: 'action=buy&itemid=123',
			displayText: 'Buy',
		},
		{
			x: 1250,
			y: 0,
			width: 1250,
			height: 843,
			type: 'richmenuswitch',
			richMenuAliasId: 'richmenu-alias-b',
			data: 'tab=b',
		},
	],
};

const compactMenuFields = {
	richMenuInput: 'fields',
	size: '2500x843',
	name: 'Shop menu',
	chatBarText: 'Shop',
	selected: true,
	areas: areaFields,
};

const COMPACT_MENU = {
	size: { width: 2500, height: 843 },
	selected: true,
	name: 'Shop menu',
	chatBarText: 'Shop',
	areas: [POSTBACK_AREA, SWITCH_AREA],
};

/** A rich menu as LINE answers it (Get, Get Many). */
function menuResponse(richMenuId: string, name: string): IDataObject {
	return {
		richMenuId,
		size: { width: 2500, height: 1686 },
		selected: false,
		name,
		chatBarText: 'Tap here',
		areas: [
			{
				bounds: { x: 0, y: 0, width: 2500, height: 1686 },
				action: { type: 'postback', data: 'action=buy&itemid=123' },
			},
		],
	};
}

const created = (mock: MockLine) => {
	mock.once('POST', '/v2/bot/richmenu', () => ({
		status: 200,
		body: { richMenuId: RICH_MENU_ID },
	}));
};

const requestIdOf = (request: MockRequest) => request.requestId;

function withoutId(menu: IDataObject): IDataObject {
	const copy = { ...menu };
	delete copy.richMenuId;
	return copy;
}

const richMenu = (operation: string, parameters: IDataObject = {}): INodeParameters =>
	({ resource: 'richMenu', operation, ...parameters }) as INodeParameters;

/** A rich menu picked in the Rich Menu dropdown, as n8n stores the choice. */
export const pickedMenu = (richMenuId: string, name = 'Main menu'): IDataObject => ({
	__rl: true,
	mode: 'list',
	value: richMenuId,
	cachedResultName: name,
});

const LARGE_PNG = png(2500, 1686);
const COMPACT_JPEG = jpeg(2500, 843);

/** `binary.data` as n8n holds it in memory mode. */

export const contracts: Record<string, ContractCase[]> = {
	'richMenu/create': [
		{
			name: 'create a compact menu with a postback area and a rich menu switch area',
			parameters: richMenu('create', compactMenuFields),
			arrange: created,
			request: { method: 'POST', path: '/v2/bot/richmenu', body: COMPACT_MENU, retryKey: false },
			output: () => ({ richMenuId: RICH_MENU_ID }),
		},
		{
			name: 'create, upload the JPEG image from the binary field and make it the default',
			parameters: richMenu('create', {
				...compactMenuFields,
				options: { binaryPropertyName: 'menuImage', setAsDefault: true },
			}),
			arrange: created,
			files: [
				{ data: COMPACT_JPEG, fileName: 'menu.jpg', mimeType: 'image/jpeg', field: 'menuImage' },
			],
			before: [
				{ method: 'POST', path: '/v2/bot/richmenu' },
				{ method: 'POST', path: `/v2/bot/richmenu/${RICH_MENU_ID}/content` },
			],
			request: {
				method: 'POST',
				path: `/v2/bot/user/all/richmenu/${RICH_MENU_ID}`,
				retryKey: false,
			},
			output: () => ({
				richMenuId: RICH_MENU_ID,
				image: { mimeType: 'image/jpeg', width: 2500, height: 843, fileSize: COMPACT_JPEG.length },
				isDefault: true,
			}),
		},
		{
			name: 'create a copy of a menu read with Get, as JSON (its richMenuId left out)',
			parameters: richMenu('create', { richMenuInput: 'json', richMenuJson: '={{ $json }}' }),
			input: [menuResponse(RICH_MENU_ID_2, 'Original')],
			arrange: created,
			request: {
				method: 'POST',
				path: '/v2/bot/richmenu',
				body: withoutId(menuResponse(RICH_MENU_ID_2, 'Original')),
				retryKey: false,
			},
			output: () => ({ richMenuId: RICH_MENU_ID }),
		},
	],
	'richMenu/validate': [
		{
			name: 'validate a custom-size menu with message, URI, clipboard and date-time picker areas',
			parameters: richMenu('validate', {
				size: 'custom',
				width: 1600,
				height: 540,
				name: 'Help',
				chatBarText: 'Help',
				areas: {
					area: [
						{ x: 0, y: 0, width: 400, height: 540, type: 'message', label: 'Hi', text: 'hello' },
						{
							x: 400,
							y: 0,
							width: 400,
							height: 540,
							type: 'uri',
							uri: ' https://example.com/help ',
						},
						{
							x: 800,
							y: 0,
							width: 400,
							height: 540,
							type: 'clipboard',
							label: 'Coupon',
							clipboardText: 'SPRING-2026',
						},
						{
							x: 1200,
							y: 0,
							width: 400,
							height: 540,
							type: 'datetimepicker',
							data: 'booking',
							mode: 'date',
							min: '2026-12-01',
						},
					],
				},
			}),
			request: {
				method: 'POST',
				path: '/v2/bot/richmenu/validate',
				body: {
					size: { width: 1600, height: 540 },
					selected: false,
					name: 'Help',
					chatBarText: 'Help',
					areas: [
						{
							bounds: { x: 0, y: 0, width: 400, height: 540 },
							action: { type: 'message', label: 'Hi', text: 'hello' },
						},
						{
							bounds: { x: 400, y: 0, width: 400, height: 540 },
							action: { type: 'uri', uri: 'https://example.com/help' },
						},
						{
							bounds: { x: 800, y: 0, width: 400, height: 540 },
							action: { type: 'clipboard', label: 'Coupon', clipboardText: 'SPRING-2026' },
						},
						{
							bounds: { x: 1200, y: 0, width: 400, height: 540 },
							action: { type: 'datetimepicker', data: 'booking', mode: 'date', min: '2026-12-01' },
						},
					],
				},
				retryKey: false,
			},
			output: (request) => ({
				valid: true,
				name: 'Help',
				areaCount: 4,
				requestId: requestIdOf(request),
			}),
		},
	],
	'richMenu/get': [
		{
			name: 'get the rich menu of the previous item',
			parameters: richMenu('get'),
			input: [{ richMenuId: RICH_MENU_ID }],
			arrange: (mock) =>
				mock.once('GET', `/v2/bot/richmenu/${RICH_MENU_ID}`, () => ({
					status: 200,
					body: menuResponse(RICH_MENU_ID, 'nice rich menu'),
				})),
			request: { method: 'GET', path: `/v2/bot/richmenu/${RICH_MENU_ID}`, retryKey: false },
			output: () => menuResponse(RICH_MENU_ID, 'nice rich menu'),
		},
		{
			name: 'get the rich menu picked from the list',
			parameters: richMenu('get', { richMenuId: pickedMenu(RICH_MENU_ID_2, 'Sale') }),
			arrange: (mock) =>
				mock.once('GET', `/v2/bot/richmenu/${RICH_MENU_ID_2}`, () => ({
					status: 200,
					body: menuResponse(RICH_MENU_ID_2, 'Sale'),
				})),
			request: { method: 'GET', path: `/v2/bot/richmenu/${RICH_MENU_ID_2}`, retryKey: false },
			output: () => menuResponse(RICH_MENU_ID_2, 'Sale'),
		},
	],
	'richMenu/getMany': [
		{
			name: 'every rich menu, one item each',
			parameters: richMenu('getMany'),
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/richmenu/list', () => ({
					status: 200,
					body: {
						richmenus: [menuResponse(RICH_MENU_ID, 'Main'), menuResponse(RICH_MENU_ID_2, 'Sale')],
					},
				})),
			request: { method: 'GET', path: '/v2/bot/richmenu/list', retryKey: false },
			output: () => [menuResponse(RICH_MENU_ID, 'Main'), menuResponse(RICH_MENU_ID_2, 'Sale')],
		},
	],
	'richMenu/delete': [
		{
			name: 'delete the rich menu of the previous item',
			parameters: richMenu('delete'),
			input: [{ richMenuId: RICH_MENU_ID }],
			request: { method: 'DELETE', path: `/v2/bot/richmenu/${RICH_MENU_ID}`, retryKey: false },
			output: (request) => ({
				richMenuId: RICH_MENU_ID,
				deleted: true,
				requestId: requestIdOf(request),
			}),
		},
		{
			name: 'delete the rich menu picked from the list',
			parameters: richMenu('delete', { richMenuId: pickedMenu(RICH_MENU_ID_2) }),
			request: { method: 'DELETE', path: `/v2/bot/richmenu/${RICH_MENU_ID_2}`, retryKey: false },
			output: (request) => ({
				richMenuId: RICH_MENU_ID_2,
				deleted: true,
				requestId: requestIdOf(request),
			}),
		},
		{
			name: 'delete a rich menu given as a plain ID (a workflow saved before the dropdown)',
			parameters: richMenu('delete', { richMenuId: ` ${RICH_MENU_ID_2} ` }),
			request: { method: 'DELETE', path: `/v2/bot/richmenu/${RICH_MENU_ID_2}`, retryKey: false },
			output: (request) => ({
				richMenuId: RICH_MENU_ID_2,
				deleted: true,
				requestId: requestIdOf(request),
			}),
		},
	],
	'richMenu/uploadImage': [
		{
			name: "upload a PNG of the menu's size, checked against it",
			parameters: richMenu('uploadImage', { size: '2500x1686' }),
			input: [{ richMenuId: RICH_MENU_ID }],
			files: [{ data: LARGE_PNG, fileName: 'menu.png', mimeType: 'image/png' }],
			request: {
				method: 'POST',
				path: `/v2/bot/richmenu/${RICH_MENU_ID}/content`,
				body: LARGE_PNG,
				contentType: 'image/png',
				retryKey: false,
			},
			output: (request) => ({
				richMenuId: RICH_MENU_ID,
				mimeType: 'image/png',
				width: 2500,
				height: 1686,
				fileSize: LARGE_PNG.length,
				requestId: requestIdOf(request),
			}),
		},
		{
			name: 'upload a JPEG whose MIME type n8n does not know, recognised by its bytes, to the menu picked from the list',
			parameters: richMenu('uploadImage', {
				binaryPropertyName: 'image',
				richMenuId: pickedMenu(RICH_MENU_ID),
			}),
			files: [
				{
					data: COMPACT_JPEG,
					fileName: 'menu',
					mimeType: 'application/octet-stream',
					field: 'image',
				},
			],
			request: {
				method: 'POST',
				path: `/v2/bot/richmenu/${RICH_MENU_ID}/content`,
				body: COMPACT_JPEG,
				contentType: 'image/jpeg',
				retryKey: false,
			},
			output: (request) => ({
				richMenuId: RICH_MENU_ID,
				mimeType: 'image/jpeg',
				width: 2500,
				height: 843,
				fileSize: COMPACT_JPEG.length,
				requestId: requestIdOf(request),
			}),
		},
	],
	'richMenu/downloadImage': [
		{
			name: 'download the image into a binary field',
			parameters: richMenu('downloadImage'),
			input: [{ richMenuId: RICH_MENU_ID }],
			arrange: (mock) =>
				mock.once('GET', `/v2/bot/richmenu/${RICH_MENU_ID}/content`, () => ({
					status: 200,
					body: LARGE_PNG,
					headers: { 'content-type': 'image/png' },
				})),
			request: { method: 'GET', path: `/v2/bot/richmenu/${RICH_MENU_ID}/content`, retryKey: false },
			output: () => ({
				richMenuId: RICH_MENU_ID,
				mimeType: 'image/png',
				fileName: `${RICH_MENU_ID}.png`,
				fileSize: LARGE_PNG.length,
			}),
			binary: () => ({ data: binaryOf(LARGE_PNG, 'image/png', `${RICH_MENU_ID}.png`) }),
		},
		{
			name: 'download the image of the rich menu picked from the list',
			parameters: richMenu('downloadImage', {
				richMenuId: pickedMenu(RICH_MENU_ID_2),
				binaryPropertyName: 'menu',
			}),
			arrange: (mock) =>
				mock.once('GET', `/v2/bot/richmenu/${RICH_MENU_ID_2}/content`, () => ({
					status: 200,
					body: COMPACT_JPEG,
					headers: { 'content-type': 'image/jpeg' },
				})),
			request: {
				method: 'GET',
				path: `/v2/bot/richmenu/${RICH_MENU_ID_2}/content`,
				retryKey: false,
			},
			output: () => ({
				richMenuId: RICH_MENU_ID_2,
				mimeType: 'image/jpeg',
				fileName: `${RICH_MENU_ID_2}.jpg`,
				fileSize: COMPACT_JPEG.length,
			}),
			binary: () => ({
				menu: binaryOf(COMPACT_JPEG, 'image/jpeg', `${RICH_MENU_ID_2}.jpg`),
			}),
		},
	],
	'richMenu/setDefault': [
		{
			name: 'make the rich menu of the previous item the default',
			parameters: richMenu('setDefault'),
			input: [{ richMenuId: RICH_MENU_ID }],
			request: {
				method: 'POST',
				path: `/v2/bot/user/all/richmenu/${RICH_MENU_ID}`,
				retryKey: false,
			},
			output: (request) => ({
				richMenuId: RICH_MENU_ID,
				isDefault: true,
				requestId: requestIdOf(request),
			}),
		},
		{
			name: 'make the rich menu picked from the list the default',
			parameters: richMenu('setDefault', { richMenuId: pickedMenu(RICH_MENU_ID_2) }),
			request: {
				method: 'POST',
				path: `/v2/bot/user/all/richmenu/${RICH_MENU_ID_2}`,
				retryKey: false,
			},
			output: (request) => ({
				richMenuId: RICH_MENU_ID_2,
				isDefault: true,
				requestId: requestIdOf(request),
			}),
		},
	],
	'richMenu/getDefaultId': [
		{
			name: 'the ID of the default rich menu',
			parameters: richMenu('getDefaultId'),
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/user/all/richmenu', () => ({
					status: 200,
					body: { richMenuId: RICH_MENU_ID },
				})),
			request: { method: 'GET', path: '/v2/bot/user/all/richmenu', retryKey: false },
			output: () => ({ richMenuId: RICH_MENU_ID }),
		},
	],
	'richMenu/cancelDefault': [
		{
			name: 'cancel the default rich menu',
			parameters: richMenu('cancelDefault'),
			request: { method: 'DELETE', path: '/v2/bot/user/all/richmenu', retryKey: false },
			output: (request) => ({ defaultCancelled: true, requestId: requestIdOf(request) }),
		},
	],
};
