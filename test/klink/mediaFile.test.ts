import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { Klink } from '../../nodes/Klink/Klink.node';
import { runNode } from '../support/engine';
import { json, klinkCredential, useMockKlink } from './fixtures';

/**
 * Media File → Create: the file of an input item's binary field goes to klink.cloud as base64 in
 * `data` (`POST /api/v1/media-manager/files`).
 */

const klink = useMockKlink();

interface InputFile {
	data: Buffer;
	fileName: string;
	mimeType: string;
}

/**
 * The klink.cloud node, given input items that carry files: the test engine's input node emits
 * JSON only, so the files are attached with n8n's own binary helper just before the node runs.
 */
function klinkWithFiles(files: Array<InputFile | undefined>): INodeType {
	const node = new Klink();
	const withFiles = Object.create(node) as INodeType;
	withFiles.execute = async function (this: IExecuteFunctions) {
		const items = this.getInputData();
		for (const [index, file] of files.entries()) {
			if (!file) continue;
			items[index].binary = {
				data: await this.helpers.prepareBinaryData(file.data, file.fileName, file.mimeType),
			};
		}
		return (await node.execute.call(this)) as INodeExecutionData[][];
	};
	return withFiles;
}

const PNG = Buffer.from(
	'89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
		'1f15c4890000000d49444154789c63f8cfc0f01f0005000201e5272de50000000049454e44ae426082',
	'hex',
);
const PDF = Buffer.from('%PDF-1.4\n% Thai: สวัสดี\n', 'utf8');

async function upload(files: Array<InputFile | undefined>, parameters: INodeParameters = {}) {
	return await runNode({
		nodeType: klinkWithFiles(files),
		parameters: { resource: 'mediaFile', operation: 'create', ...parameters },
		credentials: klinkCredential(klink.mock),
		input: files.map(() => ({})),
	});
}

describe('Create File from binary data', () => {
	it('sends the bytes as base64 in data, and nothing else by default', async () => {
		const result = await upload([{ data: PNG, fileName: 'red-pixel.png', mimeType: 'image/png' }]);

		expect(result.error).toBeUndefined();
		expect(klink.mock.invalidRequests()).toEqual([]);
		const [request] = klink.mock.requests;
		expect([request.method, request.path]).toEqual(['POST', '/api/v1/media-manager/files']);
		expect(request.body).toEqual({ data: PNG.toString('base64') });
		expect(Buffer.from((request.body as { data: string }).data, 'base64').equals(PNG)).toBe(true);
		expect(json(result.items)).toEqual([
			{
				id: expect.any(String),
				uploadId: expect.any(String),
				fileSize: PNG.length,
				fileName: null,
			},
		]);
	});

	it('a data URI with the MIME type, a file name and a folder when asked', async () => {
		const result = await upload(
			[{ data: PDF, fileName: 'quote.pdf', mimeType: 'application/pdf' }],
			{
				additionalFields: {
					dataFormat: 'dataUri',
					fileName: '={{ $binary.data.fileName }}',
					folderId: 'fo-1',
				},
			},
		);
		expect(result.error).toBeUndefined();
		expect(klink.mock.requests[0].body).toEqual({
			data: `data:application/pdf;base64,${PDF.toString('base64')}`,
			fileName: 'quote.pdf',
			folderId: 'fo-1',
		});
		expect(result.items[0].json.fileSize).toBe(PDF.length);
	});

	it('each item uploads its own file', async () => {
		const result = await upload([
			{ data: PNG, fileName: 'a.png', mimeType: 'image/png' },
			{ data: PDF, fileName: 'b.pdf', mimeType: 'application/pdf' },
		]);
		expect(klink.mock.requests.map((r) => (r.body as { data: string }).data)).toEqual([
			PNG.toString('base64'),
			PDF.toString('base64'),
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('an item without the binary field stops the run before anything is sent', async () => {
		const result = await upload([
			{ data: PNG, fileName: 'a.png', mimeType: 'image/png' },
			undefined,
		]);
		expect(result.error?.message).toMatch(/binary/i);
		expect(result.error?.itemIndex).toBe(1);
		expect(klink.mock.requests).toEqual([]);
	});

	it('an empty file is refused', async () => {
		const result = await upload([
			{ data: Buffer.alloc(0), fileName: 'empty.txt', mimeType: 'text/plain' },
		]);
		expect(result.error?.message).toMatch(/^data: the file is empty \[item 0\]$/);
		expect(klink.mock.requests).toEqual([]);
	});
});
