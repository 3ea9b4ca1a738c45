import { randomBytes } from 'node:crypto';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { addDescription } from '../../../shared/items';
import { InputError } from '../../../shared/errors';
import type { ItemParameters } from '../../../shared/parameters';
import { checkInputBinaryField, inputBinaryField } from '../../helpers/binary';
import { chunk } from '../../helpers/recipients';
import type { LineClient } from '../../transport';
import {
	AudienceIds,
	audiencesField,
	MAX_IDS_PER_FILE,
	MAX_IDS_PER_REQUEST,
	readAudienceIds,
	type IdKind,
} from './common';

/** Uploading user IDs or IFAs: by JSON in requests of 10,000, or as one text file (multipart). */

/**
 * Adds IDs to an audience by JSON, 10,000 a request, one request after another (LINE limits
 * concurrent operations per audience). Requests are not repeated once they may have arrived, so
 * no chunk is added twice; when one fails, the error says how far the upload got.
 */
export async function addInChunks(
	client: LineClient,
	itemIndex: number,
	{
		audienceGroupId,
		ids,
		uploadDescription,
		alreadyUploaded = 0,
		total = ids.length,
	}: {
		audienceGroupId: number;
		ids: string[];
		uploadDescription?: string;
		/** IDs uploaded before these (by the request that created the audience). */
		alreadyUploaded?: number;
		total?: number;
	},
): Promise<void> {
	let uploaded = alreadyUploaded;
	for (const part of chunk(ids, MAX_IDS_PER_REQUEST)) {
		try {
			await client.request(
				{
					method: 'PUT',
					path: '/v2/bot/audienceGroup/upload',
					body: {
						audienceGroupId,
						...(uploadDescription ? { uploadDescription } : {}),
						audiences: part.map((id) => ({ id })),
					},
				},
				itemIndex,
			);
		} catch (error) {
			throw addDescription(
				error as Error,
				`Audience ${audienceGroupId}: ${uploaded} of ${total} IDs were uploaded, the other ${total - uploaded} were not. Add them with Audience → Add User IDs (the first ${uploaded} are in LINE already).`,
			);
		}
		uploaded += part.length;
	}
}

// ---------------------------------------------------------------------------------------------
// Uploads by file

export type FileSource = 'binary' | 'list';

/** Where the uploaded file comes from: an input binary field, or a list the node writes as the file. */
export function fileSourceFields(listDescription: string): INodeProperties[] {
	return [
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			default: 'binary',
			options: [
				{
					name: 'Binary File',
					value: 'binary',
					description:
						'A text file from an earlier node (e.g. Read/Write Files from Disk, an HTTP download), one user ID or IFA per line',
				},
				{
					name: 'List of IDs',
					value: 'list',
					description:
						'User IDs or IFAs given here (text or an expression giving a list), uploaded as a text file',
				},
			],
			description:
				'Where the IDs come from. Both are uploaded as one text file of up to 1,500,000 IDs (a JSON upload takes 10,000 per request).',
		},
		{
			...inputBinaryField(
				'the text file',
				'The file holds one user ID or IFA per line (blank lines, surrounding spaces and a UTF-8 byte order mark are ignored); every line is checked before uploading',
			),
			displayOptions: { show: { source: ['binary'] } },
		},
		{ ...audiencesField(listDescription), displayOptions: { show: { source: ['list'] } } },
	];
}

/** What prepare reads of the file source (the file itself is read when it is sent). */
export type PreparedFile =
	| { source: 'binary'; binaryPropertyName: string; fileName: string }
	| { source: 'list'; ids: string[]; kind: IdKind };

export function prepareFile(
	fn: IExecuteFunctions,
	params: ItemParameters,
	itemIndex: number,
	kind: IdKind | undefined,
	ifaHint?: string,
): PreparedFile {
	const source = params.get<FileSource>('source', itemIndex, 'binary');
	if (source === 'list') {
		const ids = readAudienceIds(params.get('audiences', itemIndex), 'audiences', kind, ifaHint);
		ids.check('audiences', MAX_IDS_PER_FILE);
		return { source, ids: ids.ids, kind: ids.kind! };
	}
	const binaryPropertyName = checkInputBinaryField(
		params.get('binaryPropertyName', itemIndex),
		'the text file',
	);
	// Throws, naming the field, when the item has no such binary data.
	const binary = fn.helpers.assertBinaryData(itemIndex, binaryPropertyName);
	return { source, binaryPropertyName, fileName: binary.fileName || 'audience.txt' };
}

/** The IDs of a text file, one per line, checked line by line. */
export function idsOfFile(
	bytes: Buffer,
	field: string,
	kind: IdKind | undefined,
	ifaHint?: string,
): AudienceIds {
	const ids = new AudienceIds(kind, ifaHint);
	const lines = bytes
		.toString('utf8')
		.replace(/^\uFEFF/, '')
		.split(/\r\n|\n|\r/);
	for (let index = 0; index < lines.length; index++) {
		const entry = lines[index].trim();
		if (entry === '') continue;
		ids.add(entry, () => `${field} line ${index + 1}`);
		// A file of millions of lines fails at the first ID too many, without reading the rest.
		if (ids.ids.length > MAX_IDS_PER_FILE) {
			throw new InputError(
				field,
				`holds more than ${MAX_IDS_PER_FILE.toLocaleString('en-US')} IDs (line ${index + 1} is one too many); LINE takes at most that many per file`,
				'Split the IDs over several files: Audience → Add User IDs From File adds more to the same audience.',
			);
		}
	}
	ids.check(field);
	return ids;
}

/** The IDs to upload and the name of the file they go in, the binary file read and checked now. */
export async function readFile(
	fn: IExecuteFunctions,
	prepared: PreparedFile,
	itemIndex: number,
	kind: IdKind | undefined,
	ifaHint?: string,
): Promise<{ ids: string[]; kind: IdKind; fileName: string }> {
	if (prepared.source === 'list') {
		return { ids: prepared.ids, kind: prepared.kind, fileName: 'audience.txt' };
	}
	const bytes = await fn.helpers.getBinaryDataBuffer(itemIndex, prepared.binaryPropertyName);
	const ids = idsOfFile(bytes, prepared.binaryPropertyName, kind, ifaHint);
	return { ids: ids.ids, kind: ids.kind!, fileName: prepared.fileName };
}

// ---------------------------------------------------------------------------------------------
// multipart/form-data

export interface Multipart {
	body: Buffer;
	contentType: string;
}

/** A file name for a Content-Disposition header: quotes and line breaks percent-encoded (as browsers do). */
function quotedFileName(name: string): string {
	return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * A multipart/form-data body of text fields and one text/plain file (RFC 7578), with a random
 * boundary that occurs nowhere in the content.
 */
export function multipartBody(
	fields: Array<[name: string, value: string]>,
	file: { name: string; fileName: string; lines: string[] },
): Multipart {
	const content = Buffer.from(file.lines.map((line) => `${line}\n`).join(''), 'utf8');
	let boundary: string;
	do {
		boundary = `----n8nLineAudience${randomBytes(16).toString('hex')}`;
	} while (
		content.includes(boundary) ||
		fields.some(([, value]) => value.includes(boundary)) ||
		file.fileName.includes(boundary)
	);
	const parts: Buffer[] = fields.map(([name, value]) =>
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
			'utf8',
		),
	);
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${quotedFileName(file.fileName)}"\r\nContent-Type: text/plain\r\n\r\n`,
			'utf8',
		),
		content,
		Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
	);
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
