import type { IDataObject, INodeParameterResourceLocator } from 'n8n-workflow';

import type { MockRequest } from '../../support/mockLine';
import { USER, USER_2, UUID } from '../fixtures';
import type { ContractCase } from './types';

/** The rich menu operations on users (link, unlink, get) and the batch operations. */

export const RICH_MENU_A = 'richmenu-88c05ef6921ae53f8b58a25f3a65faf7';
export const RICH_MENU_B = 'richmenu-862e6ad6c267d2ddf3f42bc78554f6a4';
const USER_3 = 'U95afb1d4df0123456789abcdef012345';

/** A choice of a Rich Menu or Rich Menu Alias dropdown, as n8n stores it. */
export const picked = (value: string): INodeParameterResourceLocator => ({
	__rl: true,
	mode: 'list',
	value,
});

const lineRequestId = (request: MockRequest) => request.requestId;
const accepted = () => ({ status: 202, body: {} });
const bodyOf = (request: MockRequest) => request.body as IDataObject;

export const contracts: Record<string, ContractCase[]> = {
	'richMenu/linkToUser': [
		{
			name: 'link a rich menu to the user of the event',
			parameters: { resource: 'richMenu', operation: 'linkToUser', richMenuId: RICH_MENU_A },
			input: [{ source: { type: 'user', userId: USER } }],
			request: {
				method: 'POST',
				path: `/v2/bot/user/${USER}/richmenu/${RICH_MENU_A}`,
				retryKey: false,
			},
			output: (request) => ({
				userId: USER,
				richMenuId: RICH_MENU_A,
				linked: true,
				requestId: lineRequestId(request),
			}),
		},
		{
			name: 'link the rich menu picked from the list to the user of the event',
			parameters: {
				resource: 'richMenu',
				operation: 'linkToUser',
				richMenuId: picked(RICH_MENU_B),
			},
			input: [{ source: { type: 'user', userId: USER } }],
			request: {
				method: 'POST',
				path: `/v2/bot/user/${USER}/richmenu/${RICH_MENU_B}`,
				retryKey: false,
			},
			output: (request) => ({
				userId: USER,
				richMenuId: RICH_MENU_B,
				linked: true,
				requestId: lineRequestId(request),
			}),
		},
	],
	'richMenu/unlinkFromUser': [
		{
			name: 'unlink the rich menu of the user of the event',
			parameters: { resource: 'richMenu', operation: 'unlinkFromUser' },
			input: [{ source: { type: 'user', userId: USER } }],
			request: { method: 'DELETE', path: `/v2/bot/user/${USER}/richmenu`, retryKey: false },
			output: (request) => ({ userId: USER, unlinked: true, requestId: lineRequestId(request) }),
		},
	],
	'richMenu/getOfUser': [
		{
			name: 'the rich menu linked to the user of the event',
			parameters: { resource: 'richMenu', operation: 'getOfUser' },
			input: [{ source: { type: 'user', userId: USER } }],
			arrange: (mock) =>
				mock.once('GET', `/v2/bot/user/${USER}/richmenu`, () => ({
					status: 200,
					body: { richMenuId: RICH_MENU_A },
				})),
			request: { method: 'GET', path: `/v2/bot/user/${USER}/richmenu`, retryKey: false },
			output: () => ({ userId: USER, richMenuId: RICH_MENU_A }),
		},
	],
	'richMenu/linkToUsers': [
		{
			name: 'link a rich menu to a list of users (duplicates dropped)',
			parameters: {
				resource: 'richMenu',
				operation: 'linkToUsers',
				richMenuId: RICH_MENU_A,
				userIds: `${USER}, ${USER_2}\n${USER}`,
			},
			arrange: (mock) => mock.once('POST', '/v2/bot/richmenu/bulk/link', accepted),
			request: {
				method: 'POST',
				path: '/v2/bot/richmenu/bulk/link',
				body: { richMenuId: RICH_MENU_A, userIds: [USER, USER_2] },
				retryKey: false,
			},
			output: (request) => ({
				richMenuId: RICH_MENU_A,
				userCount: 2,
				userIds: [USER, USER_2],
				requests: [{ requestId: lineRequestId(request), userCount: 2 }],
			}),
		},
		{
			name: 'one request per run for the users of all items (Combine All Items, Output One Item per Request), to the rich menu picked from the list',
			parameters: {
				resource: 'richMenu',
				operation: 'linkToUsers',
				richMenuId: picked(RICH_MENU_B),
				userIds: '={{ $json.userId }}',
				options: { combineItems: true, outputPerRequest: true },
			},
			input: [{ userId: USER }, { userId: USER_2 }, { userId: USER_3 }],
			arrange: (mock) => mock.once('POST', '/v2/bot/richmenu/bulk/link', accepted),
			request: {
				method: 'POST',
				path: '/v2/bot/richmenu/bulk/link',
				body: { richMenuId: RICH_MENU_B, userIds: [USER, USER_2, USER_3] },
				retryKey: false,
			},
			output: (request) => ({
				richMenuId: RICH_MENU_B,
				requestId: lineRequestId(request),
				userCount: 3,
				userIds: [USER, USER_2, USER_3],
			}),
			pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }],
		},
	],
	'richMenu/unlinkFromUsers': [
		{
			name: 'unlink the rich menus of users given as an array',
			parameters: {
				resource: 'richMenu',
				operation: 'unlinkFromUsers',
				userIds: '={{ $json.members }}',
			},
			input: [{ members: [USER_2, USER_3] }],
			arrange: (mock) => mock.once('POST', '/v2/bot/richmenu/bulk/unlink', accepted),
			request: {
				method: 'POST',
				path: '/v2/bot/richmenu/bulk/unlink',
				body: { userIds: [USER_2, USER_3] },
				retryKey: false,
			},
			output: (request) => ({
				userCount: 2,
				userIds: [USER_2, USER_3],
				requests: [{ requestId: lineRequestId(request), userCount: 2 }],
			}),
		},
	],
	'richMenu/batch': [
		{
			name: 'replace, unlink and unlink all, given field by field, with a resume key',
			parameters: {
				resource: 'richMenu',
				operation: 'batch',
				operationsInput: 'builder',
				operations: {
					operation: [
						{ type: 'link', from: RICH_MENU_A, to: RICH_MENU_B },
						{ type: 'unlink', from: ` ${RICH_MENU_B} ` },
						{ type: 'unlinkAll' },
					],
				},
				options: { resumeRequestKey: 'spring-menu_2026' },
			},
			arrange: (mock) => mock.once('POST', '/v2/bot/richmenu/batch', accepted),
			request: {
				method: 'POST',
				path: '/v2/bot/richmenu/batch',
				body: {
					operations: [
						{ type: 'link', from: RICH_MENU_A, to: RICH_MENU_B },
						{ type: 'unlink', from: RICH_MENU_B },
						{ type: 'unlinkAll' },
					],
					resumeRequestKey: 'spring-menu_2026',
				},
				retryKey: false,
			},
			output: (request) => ({
				requestId: lineRequestId(request),
				resumeRequestKey: 'spring-menu_2026',
				operationCount: 3,
				operations: bodyOf(request).operations as IDataObject[],
			}),
		},
		{
			name: 'reset all users, with a resume key the node derives',
			parameters: { resource: 'richMenu', operation: 'batch', operationsInput: 'resetAll' },
			arrange: (mock) => mock.once('POST', '/v2/bot/richmenu/batch', accepted),
			request: {
				method: 'POST',
				path: '/v2/bot/richmenu/batch',
				body: {
					operations: [{ type: 'unlinkAll' }],
					resumeRequestKey: expect.stringMatching(UUID),
				},
				retryKey: false,
			},
			output: (request) => ({
				requestId: lineRequestId(request),
				resumeRequestKey: bodyOf(request).resumeRequestKey as string,
				operationCount: 1,
				operations: [{ type: 'unlinkAll' }],
			}),
		},
	],
	'richMenu/validateBatch': [
		{
			name: 'validate a whole batch request body given as JSON',
			parameters: {
				resource: 'richMenu',
				operation: 'validateBatch',
				operationsInput: 'json',
				operationsJson: '={{ $json.batch }}',
			},
			input: [
				{
					batch: {
						operations: [{ type: 'link', from: RICH_MENU_A, to: RICH_MENU_B }],
						resumeRequestKey: 'menu-switch-1',
					},
				},
			],
			request: {
				method: 'POST',
				path: '/v2/bot/richmenu/validate/batch',
				body: {
					operations: [{ type: 'link', from: RICH_MENU_A, to: RICH_MENU_B }],
					resumeRequestKey: 'menu-switch-1',
				},
				retryKey: false,
			},
			output: (request) => ({
				valid: true,
				operationCount: 1,
				requestId: lineRequestId(request),
			}),
		},
	],
	'richMenu/getBatchProgress': [
		{
			name: 'progress of the batch of the input item',
			parameters: { resource: 'richMenu', operation: 'getBatchProgress' },
			input: [{ requestId: 'f70dd685-499a-4231-a441-f24b8d4fba21', operationCount: 1 }],
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/richmenu/progress/batch', () => ({
					status: 200,
					body: {
						phase: 'succeeded',
						acceptedTime: '2026-11-22T10:15:30.121Z',
						completedTime: '2026-11-22T10:16:01.902Z',
					},
				})),
			request: {
				method: 'GET',
				path: '/v2/bot/richmenu/progress/batch',
				query: { requestId: 'f70dd685-499a-4231-a441-f24b8d4fba21' },
				retryKey: false,
			},
			output: () => ({
				requestId: 'f70dd685-499a-4231-a441-f24b8d4fba21',
				phase: 'succeeded',
				acceptedTime: '2026-11-22T10:15:30.121Z',
				completedTime: '2026-11-22T10:16:01.902Z',
			}),
		},
	],
};
