import type { IDataObject } from 'n8n-workflow';

import type { MockRequest } from '../../support/mockLine';
import { type InputFile, USER, USER_2, userIds } from '../fixtures';
import type { ContractCase } from './types';

/** Audiences (manage-audience.yml): uploads by JSON and by file, retargeting, reading, listing. */

export const AUDIENCE_ID = 1234567890123;
/** The audience picked in the Audience dropdown, as n8n stores the choice. */
export const PICKED_AUDIENCE = {
	__rl: true,
	mode: 'list',
	value: String(AUDIENCE_ID),
	cachedResultName: 'audienceGroupName_01',
};
const BROADCAST_REQUEST_ID = 'bb9744f9-47fa-4a29-941e-1234567890ab';
const USER_3 = 'U95afb1d4df0123456789abcdef012345';
const IFA = '8d5b6b1e-3f4a-4c2b-9e1d-2a3b4c5d6e7f';
const IFA_2 = 'AEBE52E7-03EE-455A-B3C4-E57283966239';

/** LINE's answers, from the examples of manage-audience.yml. */
export const CREATED = {
	audienceGroupId: AUDIENCE_ID,
	createRoute: 'MESSAGING_API',
	type: 'UPLOAD',
	description: 'audienceGroupName_01',
	created: 1613698278,
	permission: 'READ_WRITE',
	expireTimestamp: 1629250278,
	isIfaAudience: false,
};
const CLICK_CREATED = {
	...CREATED,
	type: 'CLICK',
	requestId: BROADCAST_REQUEST_ID,
	clickUrl: 'https://developers.line.biz/',
};
const IMP_CREATED = { ...CREATED, type: 'IMP', requestId: BROADCAST_REQUEST_ID };
const AUDIENCE_GROUP = {
	audienceGroupId: AUDIENCE_ID,
	createRoute: 'OA_MANAGER',
	type: 'UPLOAD',
	description: 'audienceGroupName_01',
	status: 'READY',
	audienceCount: 1887,
	created: 1608617466,
	permission: 'READ',
	isIfaAudience: false,
};
const JOBS = [
	{
		audienceGroupJobId: 12345678,
		audienceGroupId: AUDIENCE_ID,
		description: 'audience_list.txt',
		type: 'DIFF_ADD',
		failedType: 'AUDIENCE_GROUP_AUDIENCE_INSUFFICIENT',
		audienceCount: 0,
		created: 1608617472,
		jobStatus: 'FINISHED',
	},
];
export const AUDIENCE_GROUPS = [
	{
		audienceGroupId: AUDIENCE_ID,
		createRoute: 'OA_MANAGER',
		type: 'CLICK',
		description: 'audienceGroupName_01',
		status: 'IN_PROGRESS',
		audienceCount: 8619,
		created: 1611114828,
		permission: 'READ',
		isIfaAudience: false,
		requestId: 'c10c3d86-f565-4a66-9a33-0123456789ab',
		clickUrl: 'https://example.com/',
	},
	{
		audienceGroupId: 2345678901234,
		createRoute: 'AD_MANAGER',
		type: 'APP_EVENT',
		description: 'audienceGroupName_02',
		status: 'READY',
		audienceCount: 3368,
		created: 1608619802,
		permission: 'READ',
		isIfaAudience: false,
	},
];
const pageOf = (audienceGroups: IDataObject[], page = 1, hasNextPage = false) => ({
	audienceGroups,
	hasNextPage,
	totalCount: audienceGroups.length,
	readWriteAudienceGroupTotalCount: 0,
	size: 40,
	page,
});

const accepted =
	(body: IDataObject = {}) =>
	() => ({ status: 202, body });
const lineRequestId = (request: MockRequest) => request.requestId;
const ids = (...list: string[]) => list.map((id) => ({ id }));
/** The text file of an upload: one ID per line. */
const file = (...list: string[]) => ({
	name: 'file',
	fileName: 'audience.txt',
	contentType: 'text/plain',
	value: list.map((id) => `${id}\n`).join(''),
});

const MANY = userIds(10_001);

/** A text file in an input item's binary field. */
export function textFile(
	field: string,
	fileName: string,
	text: string,
	mimeType = 'text/plain',
): InputFile {
	return { field, fileName, data: Buffer.from(text, 'utf8'), mimeType };
}

export const contracts: Record<string, ContractCase[]> = {
	'audience/create': [
		{
			name: 'create from a list of user IDs, duplicates dropped, with an upload description',
			parameters: {
				resource: 'audience',
				operation: 'create',
				description: 'Spring campaign',
				audiences: `${USER}, ${USER_2}\n${USER}`,
				options: { uploadDescription: 'CRM export' },
			},
			arrange: (mock) => mock.once('POST', '/v2/bot/audienceGroup/upload', accepted(CREATED)),
			request: {
				method: 'POST',
				path: '/v2/bot/audienceGroup/upload',
				body: {
					description: 'Spring campaign',
					uploadDescription: 'CRM export',
					audiences: ids(USER, USER_2),
				},
				retryKey: false,
			},
			output: () => ({ ...CREATED, uploadedIdCount: 2 }),
		},
		{
			name: 'Combine All Items: one audience of the user IDs of all items, paired with all of them',
			parameters: {
				resource: 'audience',
				operation: 'create',
				description: 'Followers',
				audiences: '={{ $json.userId }}',
				options: { combineItems: true },
			},
			input: [{ userId: USER }, { userId: USER_2 }, { userId: USER }, { userId: USER_3 }],
			arrange: (mock) => mock.once('POST', '/v2/bot/audienceGroup/upload', accepted(CREATED)),
			request: {
				method: 'POST',
				path: '/v2/bot/audienceGroup/upload',
				body: { description: 'Followers', audiences: ids(USER, USER_2, USER_3) },
				retryKey: false,
			},
			output: () => ({ ...CREATED, uploadedIdCount: 3 }),
			pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }],
		},
		{
			name: 'an audience of IFAs',
			parameters: {
				resource: 'audience',
				operation: 'create',
				description: 'App users',
				audiences: '={{ $json.ifas }}',
				options: { isIfaAudience: true },
			},
			input: [{ ifas: [IFA, IFA_2] }],
			arrange: (mock) =>
				mock.once(
					'POST',
					'/v2/bot/audienceGroup/upload',
					accepted({ ...CREATED, isIfaAudience: true }),
				),
			request: {
				method: 'POST',
				path: '/v2/bot/audienceGroup/upload',
				body: { description: 'App users', isIfaAudience: true, audiences: ids(IFA, IFA_2) },
				retryKey: false,
			},
			output: () => ({ ...CREATED, isIfaAudience: true, uploadedIdCount: 2 }),
		},
		{
			name: '10,001 user IDs: the first 10,000 create the audience, the last one is added to it',
			parameters: {
				resource: 'audience',
				operation: 'create',
				description: 'Everyone',
				audiences: '={{ $json.ids }}',
				options: { uploadDescription: 'import' },
			},
			input: [{ ids: MANY }],
			arrange: (mock) =>
				mock
					.once('POST', '/v2/bot/audienceGroup/upload', accepted(CREATED))
					.once('PUT', '/v2/bot/audienceGroup/upload', accepted()),
			before: [{ method: 'POST', path: '/v2/bot/audienceGroup/upload' }],
			request: {
				method: 'PUT',
				path: '/v2/bot/audienceGroup/upload',
				body: {
					audienceGroupId: AUDIENCE_ID,
					uploadDescription: 'import',
					audiences: ids(MANY[10_000]),
				},
				retryKey: false,
			},
			output: () => ({ ...CREATED, uploadedIdCount: 10_001 }),
		},
	],
	'audience/createFromFile': [
		{
			name: 'create from the text file of the binary field, lines cleaned up and checked',
			parameters: {
				resource: 'audience',
				operation: 'createFromFile',
				description: 'Spring campaign',
				binaryPropertyName: 'ids',
			},
			files: [
				textFile(
					'ids',
					'spring ids.txt',
					`\uFEFF${USER}\r\n  ${USER_2} \r\n\r\n${USER}\r\n${USER_3}`,
				),
			],
			arrange: (mock) =>
				mock.once('POST', '/v2/bot/audienceGroup/upload/byFile', accepted(CREATED)),
			request: {
				method: 'POST',
				path: '/v2/bot/audienceGroup/upload/byFile',
				multipart: [
					{ name: 'description', value: 'Spring campaign' },
					{ ...file(USER, USER_2, USER_3), fileName: 'spring ids.txt' },
				],
				retryKey: false,
			},
			output: () => ({ ...CREATED, uploadedIdCount: 3 }),
		},
		{
			name: 'create from a list uploaded as a text file, with all fields',
			parameters: {
				resource: 'audience',
				operation: 'createFromFile',
				description: 'Spring campaign',
				source: 'list',
				audiences: '={{ $json.ifas }}',
				options: { isIfaAudience: true, uploadDescription: 'CRM export' },
			},
			input: [{ ifas: [IFA, IFA_2, IFA.toUpperCase()] }],
			arrange: (mock) =>
				mock.once(
					'POST',
					'/v2/bot/audienceGroup/upload/byFile',
					accepted({ ...CREATED, isIfaAudience: true }),
				),
			request: {
				method: 'POST',
				path: '/v2/bot/audienceGroup/upload/byFile',
				multipart: [
					{ name: 'description', value: 'Spring campaign' },
					{ name: 'isIfaAudience', value: 'true' },
					{ name: 'uploadDescription', value: 'CRM export' },
					file(IFA, IFA_2),
				],
				retryKey: false,
			},
			output: () => ({ ...CREATED, isIfaAudience: true, uploadedIdCount: 2 }),
		},
	],
	'audience/addUserIds': [
		{
			name: 'add user IDs to the audience of the item',
			parameters: {
				resource: 'audience',
				operation: 'addUserIds',
				audiences: [USER, USER_2],
				options: { uploadDescription: 'April' },
			},
			input: [{ audienceGroupId: AUDIENCE_ID }],
			arrange: (mock) => mock.once('PUT', '/v2/bot/audienceGroup/upload', accepted()),
			request: {
				method: 'PUT',
				path: '/v2/bot/audienceGroup/upload',
				body: {
					audienceGroupId: AUDIENCE_ID,
					uploadDescription: 'April',
					audiences: ids(USER, USER_2),
				},
				retryKey: false,
			},
			output: () => ({ audienceGroupId: AUDIENCE_ID, uploadedIdCount: 2 }),
		},
		{
			name: 'add user IDs to the audience picked from the list',
			parameters: {
				resource: 'audience',
				operation: 'addUserIds',
				audienceGroupId: PICKED_AUDIENCE,
				audiences: USER,
			},
			arrange: (mock) => mock.once('PUT', '/v2/bot/audienceGroup/upload', accepted()),
			request: {
				method: 'PUT',
				path: '/v2/bot/audienceGroup/upload',
				body: { audienceGroupId: AUDIENCE_ID, audiences: ids(USER) },
				retryKey: false,
			},
			output: () => ({ audienceGroupId: AUDIENCE_ID, uploadedIdCount: 1 }),
		},
	],
	'audience/addUserIdsFromFile': [
		{
			name: 'add the text file of the binary field to the audience of the item',
			parameters: {
				resource: 'audience',
				operation: 'addUserIdsFromFile',
				binaryPropertyName: 'data',
				options: { uploadDescription: 'April export' },
			},
			input: [{ audienceGroupId: AUDIENCE_ID }],
			files: [textFile('data', 'april.csv', `${USER}\n${USER_2}\n`, 'text/csv')],
			request: {
				method: 'PUT',
				path: '/v2/bot/audienceGroup/upload/byFile',
				multipart: [
					{ name: 'audienceGroupId', value: String(AUDIENCE_ID) },
					{ name: 'uploadDescription', value: 'April export' },
					{ ...file(USER, USER_2), fileName: 'april.csv' },
				],
				retryKey: false,
			},
			output: () => ({ audienceGroupId: AUDIENCE_ID, uploadedIdCount: 2 }),
		},
		{
			name: 'add a list uploaded as a text file to the audience picked from the list',
			parameters: {
				resource: 'audience',
				operation: 'addUserIdsFromFile',
				audienceGroupId: PICKED_AUDIENCE,
				source: 'list',
				audiences: `${USER}\n${USER_2}`,
			},
			arrange: (mock) => mock.once('PUT', '/v2/bot/audienceGroup/upload/byFile', accepted()),
			request: {
				method: 'PUT',
				path: '/v2/bot/audienceGroup/upload/byFile',
				multipart: [{ name: 'audienceGroupId', value: String(AUDIENCE_ID) }, file(USER, USER_2)],
				retryKey: false,
			},
			output: () => ({ audienceGroupId: AUDIENCE_ID, uploadedIdCount: 2 }),
		},
	],
	'audience/createClickBased': [
		{
			name: 'users who clicked one URL of the broadcast of the item',
			parameters: {
				resource: 'audience',
				operation: 'createClickBased',
				description: 'Clicked the sale',
				options: { clickUrl: 'https://developers.line.biz/' },
			},
			input: [{ requestId: BROADCAST_REQUEST_ID }],
			arrange: (mock) => mock.once('POST', '/v2/bot/audienceGroup/click', accepted(CLICK_CREATED)),
			request: {
				method: 'POST',
				path: '/v2/bot/audienceGroup/click',
				body: {
					description: 'Clicked the sale',
					requestId: BROADCAST_REQUEST_ID,
					clickUrl: 'https://developers.line.biz/',
				},
				retryKey: false,
			},
			output: () => CLICK_CREATED,
		},
	],
	'audience/createImpressionBased': [
		{
			name: 'users who opened the broadcast of the item',
			parameters: {
				resource: 'audience',
				operation: 'createImpressionBased',
				description: 'Opened the sale',
			},
			input: [{ requestId: BROADCAST_REQUEST_ID }],
			arrange: (mock) => mock.once('POST', '/v2/bot/audienceGroup/imp', accepted(IMP_CREATED)),
			request: {
				method: 'POST',
				path: '/v2/bot/audienceGroup/imp',
				body: { description: 'Opened the sale', requestId: BROADCAST_REQUEST_ID },
				retryKey: false,
			},
			output: () => IMP_CREATED,
		},
	],
	'audience/rename': [
		{
			name: 'rename the audience of the item',
			parameters: { resource: 'audience', operation: 'rename', description: 'Spring 2026' },
			input: [{ audienceGroupId: AUDIENCE_ID }],
			request: {
				method: 'PUT',
				path: `/v2/bot/audienceGroup/${AUDIENCE_ID}/updateDescription`,
				body: { description: 'Spring 2026' },
				retryKey: false,
			},
			output: (request) => ({
				audienceGroupId: AUDIENCE_ID,
				description: 'Spring 2026',
				requestId: lineRequestId(request),
			}),
		},
		{
			name: 'rename the audience picked from the list',
			parameters: {
				resource: 'audience',
				operation: 'rename',
				audienceGroupId: PICKED_AUDIENCE,
				description: 'Spring 2026',
			},
			request: {
				method: 'PUT',
				path: `/v2/bot/audienceGroup/${AUDIENCE_ID}/updateDescription`,
				body: { description: 'Spring 2026' },
				retryKey: false,
			},
			output: (request) => ({
				audienceGroupId: AUDIENCE_ID,
				description: 'Spring 2026',
				requestId: lineRequestId(request),
			}),
		},
	],
	'audience/delete': [
		{
			name: 'delete the audience of the item',
			parameters: { resource: 'audience', operation: 'delete' },
			input: [{ audienceGroupId: AUDIENCE_ID }],
			request: {
				method: 'DELETE',
				path: `/v2/bot/audienceGroup/${AUDIENCE_ID}`,
				retryKey: false,
			},
			output: (request) => ({
				audienceGroupId: AUDIENCE_ID,
				deleted: true,
				requestId: lineRequestId(request),
			}),
		},
		{
			name: 'delete the audience picked from the list',
			parameters: { resource: 'audience', operation: 'delete', audienceGroupId: PICKED_AUDIENCE },
			request: {
				method: 'DELETE',
				path: `/v2/bot/audienceGroup/${AUDIENCE_ID}`,
				retryKey: false,
			},
			output: (request) => ({
				audienceGroupId: AUDIENCE_ID,
				deleted: true,
				requestId: lineRequestId(request),
			}),
		},
	],
	'audience/get': [
		{
			name: "the audience's fields at the top, then its jobs and ad account",
			parameters: { resource: 'audience', operation: 'get' },
			input: [{ audienceGroupId: AUDIENCE_ID }],
			arrange: (mock) =>
				mock.once('GET', `/v2/bot/audienceGroup/${AUDIENCE_ID}`, () => ({
					status: 200,
					body: {
						audienceGroup: AUDIENCE_GROUP,
						jobs: JOBS,
						adaccount: { name: 'Ad Account Name' },
					},
				})),
			request: { method: 'GET', path: `/v2/bot/audienceGroup/${AUDIENCE_ID}`, retryKey: false },
			output: () => ({ ...AUDIENCE_GROUP, jobs: JOBS, adaccount: { name: 'Ad Account Name' } }),
		},
		{
			name: 'the audience picked from the list',
			parameters: { resource: 'audience', operation: 'get', audienceGroupId: PICKED_AUDIENCE },
			arrange: (mock) =>
				mock.once('GET', `/v2/bot/audienceGroup/${AUDIENCE_ID}`, () => ({
					status: 200,
					body: { audienceGroup: AUDIENCE_GROUP, jobs: [] },
				})),
			request: { method: 'GET', path: `/v2/bot/audienceGroup/${AUDIENCE_ID}`, retryKey: false },
			output: () => ({ ...AUDIENCE_GROUP, jobs: [] }),
		},
	],
	'audience/getShared': [
		{
			name: 'a shared audience with its owner',
			parameters: { resource: 'audience', operation: 'getShared' },
			input: [{ audienceGroupId: AUDIENCE_ID }],
			arrange: (mock) =>
				mock.once('GET', `/v2/bot/audienceGroup/shared/${AUDIENCE_ID}`, () => ({
					status: 200,
					body: {
						audienceGroup: AUDIENCE_GROUP,
						jobs: [],
						owner: { serviceType: 'lap', id: 'A012345678', name: 'Ad Account Name' },
					},
				})),
			request: {
				method: 'GET',
				path: `/v2/bot/audienceGroup/shared/${AUDIENCE_ID}`,
				retryKey: false,
			},
			output: () => ({
				...AUDIENCE_GROUP,
				jobs: [],
				owner: { serviceType: 'lap', id: 'A012345678', name: 'Ad Account Name' },
			}),
		},
		{
			name: 'the shared audience picked from the list',
			parameters: {
				resource: 'audience',
				operation: 'getShared',
				audienceGroupId: PICKED_AUDIENCE,
			},
			arrange: (mock) =>
				mock.once('GET', `/v2/bot/audienceGroup/shared/${AUDIENCE_ID}`, () => ({
					status: 200,
					body: { audienceGroup: AUDIENCE_GROUP, jobs: [] },
				})),
			request: {
				method: 'GET',
				path: `/v2/bot/audienceGroup/shared/${AUDIENCE_ID}`,
				retryKey: false,
			},
			output: () => ({ ...AUDIENCE_GROUP, jobs: [] }),
		},
	],
	'audience/list': [
		{
			name: 'Return All with every filter: one item per audience',
			parameters: {
				resource: 'audience',
				operation: 'list',
				returnAll: true,
				filters: {
					description: ' audienceGroupName ',
					status: 'READY',
					createRoute: 'OA_MANAGER',
					includesExternalPublicGroups: false,
				},
			},
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/audienceGroup/list', () => ({
					status: 200,
					body: pageOf(AUDIENCE_GROUPS),
				})),
			request: {
				method: 'GET',
				path: '/v2/bot/audienceGroup/list',
				query: {
					page: '1',
					size: '40',
					description: 'audienceGroupName',
					status: 'READY',
					createRoute: 'OA_MANAGER',
					includesExternalPublicGroups: 'false',
				},
				retryKey: false,
			},
			output: () => AUDIENCE_GROUPS,
		},
		{
			name: 'Limit 1 asks for pages of 1',
			parameters: { resource: 'audience', operation: 'list', limit: 1 },
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/audienceGroup/list', () => ({
					status: 200,
					body: { ...pageOf(AUDIENCE_GROUPS.slice(0, 1), 1, true), size: 1 },
				})),
			request: {
				method: 'GET',
				path: '/v2/bot/audienceGroup/list',
				query: { page: '1', size: '1' },
				retryKey: false,
			},
			output: () => AUDIENCE_GROUPS[0],
		},
	],
	'audience/listShared': [
		{
			name: 'shared audiences, own ones included',
			parameters: {
				resource: 'audience',
				operation: 'listShared',
				returnAll: true,
				filters: { includesOwnedAudienceGroups: true, createRoute: 'AD_MANAGER' },
			},
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/audienceGroup/shared/list', () => ({
					status: 200,
					body: pageOf(AUDIENCE_GROUPS),
				})),
			request: {
				method: 'GET',
				path: '/v2/bot/audienceGroup/shared/list',
				query: {
					page: '1',
					size: '40',
					includesOwnedAudienceGroups: 'true',
					createRoute: 'AD_MANAGER',
				},
				retryKey: false,
			},
			output: () => AUDIENCE_GROUPS,
		},
	],
};
