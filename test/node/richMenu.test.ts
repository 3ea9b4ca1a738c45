import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	checkRichMenuImage,
	imageInfo,
	MAX_IMAGE_BYTES,
} from '../../nodes/Line/actions/richMenu/image';
import { jpeg, png, RICH_MENU_ID } from './contracts/richMenu';
import { apiRequests, builder, type InputFile, runLine, USER, useMockLine } from './fixtures';

/**
 * Rich menus: the checks made before anything is sent (the menu's size, areas and actions; the
 * image's type, bytes and pixel size), the image read from and written to binary fields, the
 * steps of Create with an image, and the actions quick replies share with rich menus.
 */

const line = useMockLine();

async function runWithFiles(
	parameters: INodeParameters,
	files: Array<InputFile | undefined>,
	{ input, continueOnFail }: { input?: IDataObject[]; continueOnFail?: boolean } = {},
) {
	return await runLine(line.mock, parameters, {
		files,
		input: input ?? files.map(() => ({ richMenuId: RICH_MENU_ID })),
		continueOnFail,
	});
}

const pngFile = (data: Buffer): InputFile => ({
	data,
	fileName: 'menu.png',
	mimeType: 'image/png',
});

const richMenu = (operation: string, parameters: IDataObject = {}): INodeParameters =>
	({ resource: 'richMenu', operation, ...parameters }) as INodeParameters;

/** One area entry of the fields, covering the whole compact menu unless told otherwise. */
const area = (fields: IDataObject = {}): IDataObject => ({
	x: 0,
	y: 0,
	width: 2500,
	height: 843,
	type: 'postback',
	data: 'tab=home',
	...fields,
});

const menu = (fields: IDataObject = {}): IDataObject => ({
	size: '2500x843',
	name: 'Main',
	chatBarText: 'Menu',
	areas: { area: [area()] },
	...fields,
});

// ---------------------------------------------------------------------------------------------

describe('reading the pixel size of an image', () => {
	it('PNG: the width and height of its IHDR chunk', () => {
		expect(imageInfo(png(2500, 1686))).toEqual({
			mimeType: 'image/png',
			width: 2500,
			height: 1686,
		});
		expect(imageInfo(png(800, 270))).toEqual({ mimeType: 'image/png', width: 800, height: 270 });
	});

	it('JPEG: the frame size of the SOF0 segment, after the segments before it', () => {
		expect(imageInfo(jpeg(1200, 810))).toEqual({
			mimeType: 'image/jpeg',
			width: 1200,
			height: 810,
		});
	});

	it('JPEG: a progressive frame (SOF2) after fill bytes, and not a Huffman table (C4)', () => {
		const bytes = jpeg(2500, 843);
		const sof0 = bytes.indexOf(Buffer.from([0xff, 0xc0]));
		const huffman = Buffer.from([0xff, 0xc4, 0x00, 0x06, 0x00, 0x10, 0x20, 0x30]);
		const progressive = Buffer.concat([
			bytes.subarray(0, sof0),
			huffman,
			Buffer.from([0xff, 0xff]), // fill bytes before the marker
			Buffer.from([0xc2]),
			bytes.subarray(sof0 + 2),
		]);
		expect(imageInfo(progressive)).toEqual({ mimeType: 'image/jpeg', width: 2500, height: 843 });
	});

	it('a header cut short: the type without a size; other formats: nothing', () => {
		expect(imageInfo(png(2500, 843).subarray(0, 20))).toEqual({ mimeType: 'image/png' });
		const bytes = jpeg(2500, 843);
		expect(imageInfo(bytes.subarray(0, bytes.indexOf(Buffer.from([0xff, 0xc0])) + 4))).toEqual({
			mimeType: 'image/jpeg',
		});
		expect(imageInfo(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBeUndefined();
		expect(imageInfo(Buffer.alloc(0))).toBeUndefined();
	});
});

describe("LINE's rules for a rich menu image", () => {
	it('a PNG or JPEG of an allowed size passes, whatever MIME type n8n gave it', () => {
		expect(checkRichMenuImage(png(2500, 1686), 'data', 'application/octet-stream')).toEqual({
			mimeType: 'image/png',
			width: 2500,
			height: 1686,
			fileSize: png(2500, 1686).length,
		});
		expect(checkRichMenuImage(jpeg(800, 540), 'data', 'image/png').mimeType).toBe('image/jpeg');
	});

	it.each([
		[png(700, 250), 'data: is 700 × 250 pixels: LINE takes rich menus 800 to 2500 pixels wide'],
		[png(2600, 843), 'data: is 2600 × 843 pixels: LINE takes rich menus 800 to 2500 pixels wide'],
		[png(1000, 200), 'data: is 1000 × 200 pixels: LINE takes rich menus at least 250 pixels high'],
		[
			jpeg(1200, 900),
			'data: is 1200 × 900 pixels: LINE needs rich menus at least 1.45 times as wide as high (at most 827 pixels high at this width)',
		],
	])('refuses a wrong pixel size (%#)', (bytes, message) => {
		expect(() => checkRichMenuImage(bytes, 'data', 'image/png')).toThrow(message);
	});

	it('an image exactly 1 MB passes, one byte more is refused', () => {
		const base = png(2500, 843);
		// A tEXt chunk of n bytes adds n + 20 (length, type, keyword "Comment\0", CRC).
		const exactly = png(2500, 843, MAX_IMAGE_BYTES - base.length - 20);
		expect(exactly.length).toBe(MAX_IMAGE_BYTES);
		expect(checkRichMenuImage(exactly, 'data', 'image/png').fileSize).toBe(MAX_IMAGE_BYTES);
		const over = png(2500, 843, MAX_IMAGE_BYTES - base.length - 19);
		expect(() => checkRichMenuImage(over, 'data', 'image/png')).toThrow(
			'data: is 1.00 MB (1048577 bytes); LINE takes rich menu images of at most 1 MB (1048576 bytes)',
		);
	});

	it("refuses an image that is not the menu's size", () => {
		expect(() =>
			checkRichMenuImage(png(2500, 1686), 'menuImage', 'image/png', { width: 2500, height: 843 }),
		).toThrow(
			"menuImage: is 2500 × 1686 pixels but the rich menu is 2500 × 843; LINE needs the image to have the menu's size",
		);
	});

	it('refuses other formats, empty files and headers without a size', () => {
		expect(() => checkRichMenuImage(Buffer.from('GIF89a'), 'data', 'image/gif')).toThrow(
			'data: is not a PNG or JPEG image (its MIME type is image/gif)',
		);
		expect(() => checkRichMenuImage(Buffer.alloc(0), 'data', 'image/png')).toThrow(
			'data: the file is empty',
		);
		expect(() => checkRichMenuImage(png(2500, 843).subarray(0, 16), 'data', 'image/png')).toThrow(
			'data: its PNG header is incomplete: the pixel size cannot be read',
		);
	});
});

// ---------------------------------------------------------------------------------------------

describe('Upload Image: checked before anything is uploaded', () => {
	it('a GIF: an error naming the binary field and the item, nothing sent', async () => {
		const gif = { data: Buffer.from('GIF89a....'), fileName: 'menu.gif', mimeType: 'image/gif' };
		const result = await runWithFiles(richMenu('uploadImage'), [gif]);
		expect(result.error?.message).toBe(
			'data: is not a PNG or JPEG image (its MIME type is image/gif) [item 0]',
		);
		expect(result.error?.description).toContain('PNG or JPEG only');
		expect(apiRequests(line.mock)).toEqual([]);
	});

	it('an image of another size than the Rich Menu Size chosen', async () => {
		const result = await runWithFiles(richMenu('uploadImage', { size: '2500x843' }), [
			pngFile(png(2500, 1686)),
		]);
		expect(result.error?.message).toBe(
			"data: is 2500 × 1686 pixels but the rich menu is 2500 × 843; LINE needs the image to have the menu's size [item 0]",
		);
		expect(apiRequests(line.mock)).toEqual([]);
	});

	it('a bad item anywhere stops the run before the good ones are uploaded', async () => {
		const result = await runWithFiles(richMenu('uploadImage'), [
			pngFile(png(2500, 843)),
			pngFile(png(2500, 843, MAX_IMAGE_BYTES)),
		]);
		expect(result.error?.message).toMatch(
			/^data: is 1\.0\d MB \(\d+ bytes\); LINE takes rich menu images of at most 1 MB \(1048576 bytes\) \[item 1\]$/,
		);
		expect(apiRequests(line.mock)).toEqual([]);
	});

	it('an item without the binary field, and an empty field name, under Continue On Fail', async () => {
		const result = await runWithFiles(
			richMenu('uploadImage', { binaryPropertyName: '={{ $json.field }}' }),
			[undefined, undefined],
			{
				input: [
					{ richMenuId: RICH_MENU_ID, field: 'menuImage' },
					{ richMenuId: RICH_MENU_ID, field: ' ' },
				],
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.error, item.pairedItem])).toEqual([
			[expect.stringContaining('menuImage'), { item: 0 }],
			['binaryPropertyName: is empty [item 1]', { item: 1 }],
		]);
		expect(apiRequests(line.mock)).toEqual([]);
	});

	it('a rich menu alias instead of an ID', async () => {
		const result = await runWithFiles(richMenu('uploadImage'), [pngFile(png(2500, 843))], {
			input: [{ richMenuId: 'richmenu-alias-a' }],
		});
		expect(result.error?.message).toBe(
			'richMenuId: "richmenu-alias-a" is not a rich menu ID (richmenu- followed by 32 hex characters) [item 0]',
		);
		expect(apiRequests(line.mock)).toEqual([]);
	});
});

describe('Create and Validate: the rich menu checked before sending', () => {
	async function refused(operation: string, fields: IDataObject): Promise<string | undefined> {
		const result = await runLine(line.mock, richMenu(operation, fields));
		expect(apiRequests(line.mock)).toEqual([]);
		return result.error?.message;
	}

	it('an area that ends outside the menu', async () => {
		const areas = { area: [area({ width: 1250 }), area({ x: 1250, width: 1251 })] };
		expect(await refused('create', menu({ areas }))).toBe(
			'areas[1].bounds: ends at x 2501, outside the menu (2500 pixels wide) [item 0]',
		);
		expect(
			await refused('validate', menu({ areas: { area: [area({ y: 1, height: 843 })] } })),
		).toBe('areas[0].bounds: ends at y 844, outside the menu (843 pixels high) [item 0]');
	});

	it('no area, or more than 20', async () => {
		expect(await refused('create', menu({ areas: {} }))).toBe(
			'areas: is empty; a rich menu needs 1 to 20 areas [item 0]',
		);
		const many = Array.from({ length: 21 }, (_, i) => area({ x: i * 100, width: 100 }));
		expect(await refused('create', menu({ areas: { area: many } }))).toBe(
			'areas: holds 21 areas; LINE allows at most 20 [item 0]',
		);
	});

	it('a chat bar text over 14 characters, a name over 300, an empty name', async () => {
		expect(await refused('create', menu({ chatBarText: 'Tap to open me!' }))).toBe(
			'chatBarText: is too long: 15 characters, LINE allows at most 14 [item 0]',
		);
		expect(await refused('create', menu({ name: 'x'.repeat(301) }))).toBe(
			'name: is too long: 301 characters, LINE allows at most 300 [item 0]',
		);
		// An expression can give what the required field's check in the UI does not let through.
		expect(await refused('create', menu({ name: '={{ "" }}' }))).toBe(
			'name: is empty (text, 1 to 300 characters) [item 0]',
		);
	});

	it('a custom size LINE refuses', async () => {
		expect(await refused('create', menu({ size: 'custom', width: 2600, height: 843 }))).toBe(
			'size.width: is 2600; LINE takes rich menus 800 to 2500 pixels wide [item 0]',
		);
		expect(await refused('create', menu({ size: 'custom', width: 1000, height: 800 }))).toBe(
			'size: 1000 × 800 is too tall: LINE needs rich menus at least 1.45 times as wide as high (at most 689 pixels high at this width) [item 0]',
		);
	});

	it('actions that do not work in rich menus, and incomplete ones', async () => {
		const action = async (fields: IDataObject) =>
			await refused('create', menu({ areas: { area: [area(fields)] } }));
		expect(await action({ type: 'camera', label: 'Photo' })).toBe(
			'areas[0].action.type: "camera" actions work only in quick reply buttons; expected one of clipboard, datetimepicker, message, postback, richmenuswitch, uri [item 0]',
		);
		expect(
			await action({
				type: 'richmenuswitch',
				richMenuAliasId: '={{ $json.alias }}',
				data: 'tab=b',
			}),
		).toBe('areas[0].action.richMenuAliasId: is required (text, 1 to 32 characters) [item 0]');
		expect(await action({ type: 'richmenuswitch', richMenuAliasId: 'Tab B', data: 'b' })).toBe(
			'areas[0].action.richMenuAliasId: "Tab B" is not a rich menu alias ID (1 to 32 of a-z, 0-9, _ and -) [item 0]',
		);
		expect(await action({ type: 'uri', uri: 'example.com' })).toBe(
			'areas[0].action.uri: "example.com" must start with http://, https://, line:// or tel: [item 0]',
		);
		expect(await action({ type: 'postback', data: 'x'.repeat(301) })).toBe(
			'areas[0].action.data: is too long: 301 characters, LINE allows at most 300 [item 0]',
		);
		expect(await action({ type: 'message', label: '🍎'.repeat(21), text: 'hi' })).toBe(
			'areas[0].action.label: is too long: 21 characters, LINE allows at most 20 [item 0]',
		);
	});

	it('JSON: the same checks, and what is missing', async () => {
		const json = (value: unknown) => ({
			richMenuInput: 'json',
			richMenuJson: JSON.stringify(value),
		});
		expect(await refused('validate', json({ size: { width: 2500, height: 843 } }))).toBe(
			'selected: is required (true or false) [item 0]',
		);
		const richMenu = {
			size: { width: 2500, height: 843 },
			selected: false,
			name: 'Main',
			chatBarText: 'Menu',
			areas: [{ bounds: { x: 0, y: 0, width: 2500, height: 843 }, action: { type: 'location' } }],
		};
		expect(await refused('validate', json(richMenu))).toBe(
			'areas[0].action.type: "location" actions work only in quick reply buttons; expected one of clipboard, datetimepicker, message, postback, richmenuswitch, uri [item 0]',
		);
		expect(
			await refused('validate', { richMenuInput: 'json', richMenuJson: '{ "size": ' }),
		).toMatch(/^richMenuJson: not valid JSON/);
	});

	it('Set as Default without an image to upload', async () => {
		const result = await runLine(
			line.mock,
			richMenu('create', { ...menu(), options: { setAsDefault: true } }),
		);
		expect(result.error?.message).toBe(
			'options.setAsDefault: needs the image of the menu: LINE refuses a default rich menu without one [item 0]',
		);
		expect(apiRequests(line.mock)).toEqual([]);
	});

	it("an image that is not the menu's size: the menu is not even created", async () => {
		const result = await runWithFiles(
			richMenu('create', { ...menu(), options: { binaryPropertyName: 'data' } }),
			[pngFile(png(2500, 1686))],
		);
		expect(result.error?.message).toBe(
			"data: is 2500 × 1686 pixels but the rich menu is 2500 × 843; LINE needs the image to have the menu's size [item 0]",
		);
		expect(apiRequests(line.mock)).toEqual([]);
	});
});

describe('Create with an image', () => {
	it('the upload failing after the menu was created: the error names the menu left without image', async () => {
		line.mock.once('POST', '/v2/bot/richmenu', () => ({
			status: 200,
			body: { richMenuId: RICH_MENU_ID },
		}));
		line.mock.once('POST', `/v2/bot/richmenu/${RICH_MENU_ID}/content`, () => ({
			status: 400,
			body: { message: 'An image has already been uploaded to the richmenu' },
		}));
		const result = await runWithFiles(
			richMenu('create', {
				...menu(),
				options: { binaryPropertyName: 'data', setAsDefault: true },
			}),
			[pngFile(png(2500, 843))],
		);
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.description).toContain(
			`The rich menu ${RICH_MENU_ID} was created without its image: finish with Rich Menu → Upload Image, or remove it with Rich Menu → Delete.`,
		);
		// Nothing is made the default after a failed upload.
		expect(apiRequests(line.mock).map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /v2/bot/richmenu',
			`POST /v2/bot/richmenu/${RICH_MENU_ID}/content`,
		]);
	});
});

describe('the default rich menu and the image download', () => {
	it('Get Default ID: no default set (LINE answers 404) is richMenuId null, not an error', async () => {
		line.mock.once('GET', '/v2/bot/user/all/richmenu', () => ({
			status: 404,
			body: { message: 'no default richmenu' },
		}));
		const result = await runLine(line.mock, richMenu('getDefaultId'));
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([{ richMenuId: null }]);
	});

	it('Get Default ID: other errors stay errors', async () => {
		line.mock.on('GET', '/v2/bot/user/all/richmenu', () => ({
			status: 403,
			body: { message: 'Access to this API is not available for your account' },
		}));
		const result = await runLine(line.mock, richMenu('getDefaultId'));
		expect(result.error?.message).toBe(
			'LINE API error 403: Access to this API is not available for your account',
		);
	});

	it('Download Image: a JPEG keeps its bytes and gets a .jpg name, into the field asked for', async () => {
		const bytes = jpeg(2500, 843);
		line.mock.once('GET', `/v2/bot/richmenu/${RICH_MENU_ID}/content`, () => ({
			status: 200,
			body: bytes,
			headers: { 'content-type': 'image/jpeg' },
		}));
		const result = await runLine(
			line.mock,
			richMenu('downloadImage', { binaryPropertyName: 'menuImage' }),
			{ input: [{ richMenuId: RICH_MENU_ID }] },
		);
		expect(result.error).toBeUndefined();
		expect(apiRequests(line.mock)[0].path).toBe(`/v2/bot/richmenu/${RICH_MENU_ID}/content`);
		const [item] = result.items;
		expect(item.json).toEqual({
			richMenuId: RICH_MENU_ID,
			mimeType: 'image/jpeg',
			fileName: `${RICH_MENU_ID}.jpg`,
			fileSize: bytes.length,
		});
		expect(Buffer.from(item.binary!.menuImage.data, 'base64').equals(bytes)).toBe(true);
		expect(item.binary!.menuImage.mimeType).toBe('image/jpeg');
	});

	it('Get Many: no rich menus, no items', async () => {
		line.mock.once('GET', '/v2/bot/richmenu/list', () => ({
			status: 200,
			body: { richmenus: [] },
		}));
		const result = await runLine(line.mock, richMenu('getMany'));
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});
});

describe('actions quick replies share with rich menus', () => {
	async function pushedQuickReply(button: IDataObject) {
		return await runLine(line.mock, {
			resource: 'message',
			operation: 'sendPush',
			to: USER,
			...builder({ type: 'text', text: 'Your coupon' }),
			messageOptions: { quickReply: { items: [button] } },
		} as INodeParameters);
	}

	it('a clipboard button copies its text', async () => {
		const result = await pushedQuickReply({
			type: 'clipboard',
			label: 'Copy code',
			clipboardText: 'SPRING-2026',
		});
		expect(result.error).toBeUndefined();
		const body = apiRequests(line.mock)[0].body as { messages: IDataObject[] };
		expect(body.messages[0].quickReply).toEqual({
			items: [
				{
					type: 'action',
					action: { type: 'clipboard', label: 'Copy code', clipboardText: 'SPRING-2026' },
				},
			],
		});
	});

	it('a rich menu switch is refused in a quick reply', async () => {
		const result = await pushedQuickReply({
			type: 'richmenuswitch',
			label: 'Tab B',
			richMenuAliasId: 'richmenu-alias-b',
			data: 'b',
		});
		expect(result.error?.message).toContain(
			'messages[0].quickReply.items[0].action.type: "richmenuswitch" is not an action type LINE accepts here (richmenuswitch works only in rich menus)',
		);
		expect(apiRequests(line.mock)).toEqual([]);
	});
});
