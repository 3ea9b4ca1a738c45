import type { MockRequest } from '../../support/mockLine';
import type { ContractCase } from './types';
import { picked, RICH_MENU_A, RICH_MENU_B } from './richMenuUsers';

/** The rich menu alias operations. */

const lineRequestId = (request: MockRequest) => request.requestId;
const ALIASES = [
	{ richMenuAliasId: 'richmenu-alias-a', richMenuId: RICH_MENU_A },
	{ richMenuAliasId: 'richmenu-alias-b', richMenuId: RICH_MENU_B },
];

export const contracts: Record<string, ContractCase[]> = {
	'richMenuAlias/create': [
		{
			name: 'alias for the rich menu of the input item',
			parameters: {
				resource: 'richMenuAlias',
				operation: 'create',
				richMenuAliasId: 'richmenu-alias-a',
			},
			input: [{ richMenuId: RICH_MENU_A }],
			request: {
				method: 'POST',
				path: '/v2/bot/richmenu/alias',
				body: { richMenuAliasId: 'richmenu-alias-a', richMenuId: RICH_MENU_A },
				retryKey: false,
			},
			output: (request) => ({
				richMenuAliasId: 'richmenu-alias-a',
				richMenuId: RICH_MENU_A,
				requestId: lineRequestId(request),
			}),
		},
		{
			name: 'alias for the rich menu picked from the list',
			parameters: {
				resource: 'richMenuAlias',
				operation: 'create',
				richMenuAliasId: 'richmenu-alias-b',
				richMenuId: picked(RICH_MENU_B),
			},
			request: {
				method: 'POST',
				path: '/v2/bot/richmenu/alias',
				body: { richMenuAliasId: 'richmenu-alias-b', richMenuId: RICH_MENU_B },
				retryKey: false,
			},
			output: (request) => ({
				richMenuAliasId: 'richmenu-alias-b',
				richMenuId: RICH_MENU_B,
				requestId: lineRequestId(request),
			}),
		},
	],
	'richMenuAlias/get': [
		{
			name: 'the alias of the input item',
			parameters: { resource: 'richMenuAlias', operation: 'get' },
			input: [{ richMenuAliasId: 'richmenu-alias-a' }],
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/richmenu/alias/richmenu-alias-a', () => ({
					status: 200,
					body: ALIASES[0],
				})),
			request: { method: 'GET', path: '/v2/bot/richmenu/alias/richmenu-alias-a', retryKey: false },
			output: () => ALIASES[0],
		},
		{
			name: 'the alias picked from the list',
			parameters: {
				resource: 'richMenuAlias',
				operation: 'get',
				richMenuAliasId: picked('richmenu-alias-b'),
			},
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/richmenu/alias/richmenu-alias-b', () => ({
					status: 200,
					body: ALIASES[1],
				})),
			request: { method: 'GET', path: '/v2/bot/richmenu/alias/richmenu-alias-b', retryKey: false },
			output: () => ALIASES[1],
		},
	],
	'richMenuAlias/update': [
		{
			name: 'point the alias of the input item at another rich menu',
			parameters: { resource: 'richMenuAlias', operation: 'update', richMenuId: RICH_MENU_B },
			input: [{ richMenuAliasId: 'richmenu-alias-a', richMenuId: RICH_MENU_A }],
			request: {
				method: 'POST',
				path: '/v2/bot/richmenu/alias/richmenu-alias-a',
				body: { richMenuId: RICH_MENU_B },
				retryKey: false,
			},
			output: (request) => ({
				richMenuAliasId: 'richmenu-alias-a',
				richMenuId: RICH_MENU_B,
				requestId: lineRequestId(request),
			}),
		},
		{
			name: 'point the alias picked from the list at the rich menu picked from the list',
			parameters: {
				resource: 'richMenuAlias',
				operation: 'update',
				richMenuAliasId: picked('richmenu-alias-b'),
				richMenuId: picked(RICH_MENU_A),
			},
			request: {
				method: 'POST',
				path: '/v2/bot/richmenu/alias/richmenu-alias-b',
				body: { richMenuId: RICH_MENU_A },
				retryKey: false,
			},
			output: (request) => ({
				richMenuAliasId: 'richmenu-alias-b',
				richMenuId: RICH_MENU_A,
				requestId: lineRequestId(request),
			}),
		},
	],
	'richMenuAlias/delete': [
		{
			name: 'delete the alias of the input item',
			parameters: { resource: 'richMenuAlias', operation: 'delete' },
			input: [{ richMenuAliasId: 'richmenu-alias-b' }],
			request: {
				method: 'DELETE',
				path: '/v2/bot/richmenu/alias/richmenu-alias-b',
				retryKey: false,
			},
			output: (request) => ({
				richMenuAliasId: 'richmenu-alias-b',
				deleted: true,
				requestId: lineRequestId(request),
			}),
		},
		{
			name: 'delete the alias picked from the list',
			parameters: {
				resource: 'richMenuAlias',
				operation: 'delete',
				richMenuAliasId: picked('richmenu-alias-a'),
			},
			request: {
				method: 'DELETE',
				path: '/v2/bot/richmenu/alias/richmenu-alias-a',
				retryKey: false,
			},
			output: (request) => ({
				richMenuAliasId: 'richmenu-alias-a',
				deleted: true,
				requestId: lineRequestId(request),
			}),
		},
		{
			name: 'delete an alias given as a plain ID (a workflow saved before the dropdown)',
			parameters: {
				resource: 'richMenuAlias',
				operation: 'delete',
				richMenuAliasId: 'richmenu-alias-a',
			},
			request: {
				method: 'DELETE',
				path: '/v2/bot/richmenu/alias/richmenu-alias-a',
				retryKey: false,
			},
			output: (request) => ({
				richMenuAliasId: 'richmenu-alias-a',
				deleted: true,
				requestId: lineRequestId(request),
			}),
		},
	],
	'richMenuAlias/list': [
		{
			name: 'every alias, one item each',
			parameters: { resource: 'richMenuAlias', operation: 'list', returnAll: true },
			arrange: (mock) =>
				mock.once('GET', '/v2/bot/richmenu/alias/list', () => ({
					status: 200,
					body: { aliases: ALIASES },
				})),
			request: { method: 'GET', path: '/v2/bot/richmenu/alias/list', retryKey: false },
			output: () => ALIASES,
		},
	],
};
