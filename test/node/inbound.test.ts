import type { INodeParameters } from 'n8n-workflow';

import { validateSchema } from '../support/openapi';
import {
	apiRequests,
	GROUP,
	nodeType,
	ROOM,
	runLine,
	runLineOk,
	USER,
	USER_2,
	useMockLine,
} from './fixtures';

/**
 * The inbound side: profiles, groups and rooms, mark as read. IDs are checked before anything is
 * sent; answers keep LINE's fields.
 */

const line = useMockLine();

interface IdCase {
	operation: string;
	parameters: INodeParameters;
	/** The parameter that gets the bad value in the second item. */
	field: string;
	bad: string;
	message: RegExp;
}

const idCases: IdCase[] = [
	{
		operation: 'user/getProfile',
		parameters: { userId: USER },
		field: 'userId',
		bad: GROUP,
		message: /^userId: "C[0-9a-f]{32}" is a group ID, but only user IDs are allowed here/,
	},
	{
		operation: 'group/getSummary',
		parameters: { groupId: GROUP },
		field: 'groupId',
		bad: USER,
		message: /^groupId: "U[0-9a-f]{32}" is a user ID, but only group IDs are allowed here/,
	},
	{
		operation: 'group/getMemberCount',
		parameters: { groupId: GROUP },
		field: 'groupId',
		bad: ROOM,
		message: /^groupId: "R[0-9a-f]{32}" is a room ID, but only group IDs are allowed here/,
	},
	{
		operation: 'group/getMemberIds',
		parameters: { groupId: GROUP, returnAll: true },
		field: 'groupId',
		bad: 'my-group',
		message: /^groupId: "my-group" is not a LINE group ID \(expected C followed by 32 hex/,
	},
	{
		operation: 'group/getMemberProfile',
		parameters: { groupId: GROUP, userId: USER },
		field: 'userId',
		bad: 'U123',
		message: /^userId: "U123" is not a LINE user ID/,
	},
	{
		operation: 'group/getMemberProfile',
		parameters: { groupId: GROUP, userId: USER },
		field: 'groupId',
		bad: '',
		message: /^groupId: .* is not a LINE group ID/,
	},
	{
		operation: 'group/leave',
		parameters: { groupId: GROUP },
		field: 'groupId',
		bad: USER,
		message: /^groupId: .* is a user ID/,
	},
	{
		operation: 'room/getMemberCount',
		parameters: { roomId: ROOM },
		field: 'roomId',
		bad: GROUP,
		message: /^roomId: .* is a group ID, but only room IDs are allowed here/,
	},
	{
		operation: 'room/getMemberIds',
		parameters: { roomId: ROOM, limit: 5 },
		field: 'roomId',
		bad: 'R' + 'X'.repeat(32),
		message: /^roomId: .* is not a LINE room ID/,
	},
	{
		operation: 'room/getMemberProfile',
		parameters: { roomId: ROOM, userId: USER },
		field: 'userId',
		bad: ROOM,
		message: /^userId: .* is a room ID, but only user IDs are allowed here/,
	},
	{
		operation: 'room/leave',
		parameters: { roomId: ROOM },
		field: 'roomId',
		bad: GROUP,
		message: /^roomId: .* is a group ID/,
	},
];

describe('IDs are checked before anything is sent; the error names the field and the item', () => {
	it.each(idCases.map((c) => [`${c.operation} ${c.field} ${JSON.stringify(c.bad)}`, c] as const))(
		'%s',
		async (_name, { operation, parameters, field, bad, message }) => {
			const [resource, op] = operation.split('/');
			const result = await runLine(
				line.mock,
				{ resource, operation: op, ...parameters, [field]: '={{ $json.id }}' },
				{ input: [{ id: parameters[field] }, { id: bad }] },
			);
			expect(result.status).toBe('error');
			expect(result.error?.message).toMatch(message);
			expect(result.error?.message).toMatch(/\[item 1\]$/);
			expect(result.error?.itemIndex).toBe(1);
			// The first item was fine, yet nothing was sent.
			expect(line.mock.requests).toEqual([]);
		},
	);

	it('under continueOnFail the bad item becomes an error item and the others are sent', async () => {
		const result = await runLine(
			line.mock,
			{ resource: 'user', operation: 'getProfile', userId: '={{ $json.id }}' },
			{ input: [{ id: USER }, { id: 'nobody' }, { id: USER_2 }], continueOnFail: true },
		);
		expect(apiRequests(line.mock).map((r) => r.path)).toEqual([
			`/v2/bot/profile/${USER}`,
			`/v2/bot/profile/${USER_2}`,
		]);
		expect(
			result.items.map((item) => [item.json.userId ?? item.json.error, item.pairedItem]),
		).toEqual([
			[USER, { item: 0 }],
			[expect.stringMatching(/^userId: "nobody" is not a LINE user ID/), { item: 1 }],
			[USER_2, { item: 2 }],
		]);
	});
});

describe('answers', () => {
	it("profiles keep LINE's fields (and the mock's answers follow LINE's response schemas)", async () => {
		const [profile] = await runLineOk(line.mock, {
			resource: 'user',
			operation: 'getProfile',
			userId: USER,
		});
		expect(profile.json).toMatchObject({ userId: USER, displayName: expect.any(String) });
		expect(validateSchema('messaging-api', 'UserProfileResponse', profile.json)).toEqual([]);

		line.mock.reset();
		const [member] = await runLineOk(line.mock, {
			resource: 'group',
			operation: 'getMemberProfile',
			groupId: GROUP,
			userId: USER,
		});
		const { groupId, ...memberProfile } = member.json;
		expect(groupId).toBe(GROUP);
		expect(validateSchema('messaging-api', 'GroupUserProfileResponse', memberProfile)).toEqual([]);

		line.mock.reset();
		const [summary] = await runLineOk(line.mock, {
			resource: 'group',
			operation: 'getSummary',
			groupId: GROUP,
		});
		expect(summary.json).toMatchObject({ groupId: GROUP });
		expect(validateSchema('messaging-api', 'GroupSummaryResponse', summary.json)).toEqual([]);
	});

	it('a profile LINE does not have (404: not a friend, or blocked) is an error with LINE message', async () => {
		line.mock.once('GET', `/v2/bot/profile/${USER}`, () => ({
			status: 404,
			body: { message: 'Not found' },
		}));
		const result = await runLine(line.mock, {
			resource: 'user',
			operation: 'getProfile',
			userId: USER,
		});
		expect(result.error).toMatchObject({
			message: expect.stringContaining('Not found'),
			httpCode: '404',
		});
	});

	it('leave sends a POST without a body for each item', async () => {
		const items = await runLineOk(
			line.mock,
			{ resource: 'room', operation: 'leave', roomId: '={{ $json.roomId }}' },
			{ input: [{ roomId: ROOM }, { roomId: `${ROOM.slice(0, -1)}f` }] },
		);
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => [r.method, r.path, r.rawBody])).toEqual([
			['POST', `/v2/bot/room/${ROOM}/leave`, ''],
			['POST', `/v2/bot/room/${ROOM.slice(0, -1)}f/leave`, ''],
		]);
		expect(items.map((item) => item.json)).toEqual([
			{ roomId: ROOM, left: true, requestId: requests[0].requestId },
			{ roomId: `${ROOM.slice(0, -1)}f`, left: true, requestId: requests[1].requestId },
		]);
	});
});

describe('Mark as Read', () => {
	const markAsRead: INodeParameters = { resource: 'chat', operation: 'markAsRead' };

	it('sends the token of each message event', async () => {
		const items = await runLineOk(line.mock, markAsRead, {
			input: [
				{ message: { markAsReadToken: 'token-a' } },
				{ message: { markAsReadToken: 'token-b' } },
			],
		});
		const requests = apiRequests(line.mock);
		expect(requests.map((r) => [r.path, r.body])).toEqual([
			['/v2/bot/chat/markAsRead', { markAsReadToken: 'token-a' }],
			['/v2/bot/chat/markAsRead', { markAsReadToken: 'token-b' }],
		]);
		expect(items.map((item) => item.json)).toEqual(
			requests.map((r) => ({ markedAsRead: true, requestId: r.requestId })),
		);
	});

	it('an event without a token (not a message event) is refused before anything is sent', async () => {
		const result = await runLine(line.mock, markAsRead, {
			input: [{ message: { markAsReadToken: 'token-a' } }, { type: 'follow' }],
		});
		expect(result.error?.message).toBe('markAsReadToken: is empty [item 1]');
		expect(result.error?.description).toContain('Only message events carry one');
		expect(line.mock.requests).toEqual([]);
	});

	it("LINE's refusal of a token is an error with LINE message", async () => {
		line.mock.once('POST', '/v2/bot/chat/markAsRead', () => ({
			status: 400,
			body: { message: 'Invalid markAsReadToken' },
		}));
		const result = await runLine(line.mock, markAsRead, {
			input: [{ message: { markAsReadToken: 'token-a' } }],
		});
		expect(result.error).toMatchObject({
			message: expect.stringContaining('Invalid markAsReadToken'),
			httpCode: '400',
		});
	});
});

describe('node description', () => {
	it('offers the resources in alphabetical order', () => {
		const resource = nodeType.description.properties.find((p) => p.name === 'resource');
		const names = (resource?.options as Array<{ name: string }>).map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(names).toEqual(
			expect.arrayContaining(['Content', 'Group', 'Room', 'User', 'Webhook', 'Chat']),
		);
	});
});
