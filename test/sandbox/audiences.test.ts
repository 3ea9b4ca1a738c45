import {
	SANDBOX_GROUP,
	SANDBOX_USERS,
	startSandbox,
	type BotEntry,
	type Sandbox,
} from '../../sandbox';
import { validateSchema } from '../support/openapi';
import { lineCall } from './support';

/** The sandbox's audiences: LINE's audience API (state, errors), and narrowcasts to audiences. */

const [AIKO, BEN, CHAI] = SANDBOX_USERS.map((user) => user.userId);
const STRANGER = 'U0123456789abcdef0123456789abcdef';

let sandbox: Sandbox;
let call: ReturnType<typeof lineCall>;

beforeEach(async () => {
	sandbox = await startSandbox();
	call = lineCall(sandbox);
});
afterEach(async () => {
	try {
		expect(sandbox.invalidRequests().map((r) => [r.method, r.url, r.problems])).toEqual([]);
	} finally {
		await sandbox.close();
	}
});

const ids = (...userIds: string[]) => userIds.map((id) => ({ id }));

async function createAudience(description: string, userIds: string[] = []): Promise<number> {
	const response = await call('POST', '/v2/bot/audienceGroup/upload', {
		description,
		audiences: ids(...userIds),
	});
	expect(response.status).toBe(202);
	return response.data.audienceGroupId;
}

const audience = async (id: number) => (await call('GET', `/v2/bot/audienceGroup/${id}`)).data;

/** A multipart upload of a text file of IDs, as the node sends it. */
function fileForm(fields: Record<string, string>, lines: string[]) {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	form.append('file', new Blob([lines.join('\n')], { type: 'text/plain' }), 'ids.txt');
	return form;
}

/** Who got the bot's messages sent by the request `requestId`. */
function recipientsOf(requestId: string): string[] {
	return sandbox
		.chats()
		.filter((chat) =>
			chat.entries.some(
				(entry) => entry.from === 'bot' && (entry as BotEntry).requestId === requestId,
			),
		)
		.map((chat) => chat.id);
}

describe('audiences of user IDs', () => {
	it('create by JSON: LINE’s 202 answer; the audience holds the IDs, with one job per upload', async () => {
		const created = await call('POST', '/v2/bot/audienceGroup/upload', {
			description: 'Hikers',
			uploadDescription: 'first list',
			audiences: ids(AIKO, BEN, AIKO),
		});
		expect(created.status).toBe(202);
		expect(validateSchema('manage-audience', 'CreateAudienceGroupResponse', created.data)).toEqual(
			[],
		);
		expect(created.data).toMatchObject({
			type: 'UPLOAD',
			description: 'Hikers',
			createRoute: 'MESSAGING_API',
			permission: 'READ_WRITE',
			isIfaAudience: false,
		});
		expect(created.data.expireTimestamp - created.data.created).toBe(180 * 86_400);
		const id = created.data.audienceGroupId;
		expect(String(id)).toMatch(/^\d{13}$/);

		const added = await call('PUT', '/v2/bot/audienceGroup/upload', {
			audienceGroupId: id,
			uploadDescription: 'more',
			audiences: ids(CHAI),
		});
		expect(added.status).toBe(202);
		const data = await audience(id);
		expect(validateSchema('manage-audience', 'GetAudienceDataResponse', data)).toEqual([]);
		expect(data.audienceGroup).toMatchObject({ status: 'READY', audienceCount: 3 });
		expect(
			data.jobs.map((job: { description: string; audienceCount: number }) => [
				job.description,
				job.audienceCount,
			]),
		).toEqual([
			['more', 1],
			['first list', 2],
		]);
	});

	it('an empty audience stays IN_PROGRESS with 0 users, as LINE says', async () => {
		const id = await createAudience('Nobody yet');
		expect((await audience(id)).audienceGroup).toMatchObject({
			status: 'IN_PROGRESS',
			audienceCount: 0,
		});
		expect((await audience(id)).jobs).toEqual([]);
	});

	it('refuses bad names and IDs like LINE, and creates nothing', async () => {
		const cases: Array<[object, string, string]> = [
			[{ description: '  ' }, 'audienceGroupName is required', 'AUDIENCE_GROUP_NAME_REQUIRED'],
			[{ description: 'two\nlines' }, 'invalid audienceGroupName', 'AUDIENCE_GROUP_NAME_WRONG'],
			[
				{ description: 'x', audiences: ids(AIKO, 'nobody') },
				'Invalid audience id',
				'UPLOAD_AUDIENCE_GROUP_INVALID_AUDIENCE_ID_FORMAT',
			],
			[
				{ description: 'x', uploadDescription: 'a'.repeat(301) },
				'size over uploadDescription',
				'UPLOAD_DESCRIPTION_SIZE_OVER',
			],
		];
		for (const [body, message, code] of cases) {
			const response = await call('POST', '/v2/bot/audienceGroup/upload', body);
			expect([response.status, response.data]).toEqual([
				400,
				{ message, details: [{ message: code }] },
			]);
		}
		const list = await call('GET', '/v2/bot/audienceGroup/list?page=1');
		expect(list.data.totalCount).toBe(0);
		const unknown = await call('PUT', '/v2/bot/audienceGroup/upload', {
			audienceGroupId: 1234,
			audiences: ids(AIKO),
		});
		expect(unknown.data).toEqual({
			message: 'audience group not found',
			details: [{ message: 'AUDIENCE_GROUP_NOT_FOUND' }],
		});
	});

	it('create and add by text file (multipart), one ID a line', async () => {
		const created = await call(
			'POST',
			'/v2/bot/audienceGroup/upload/byFile',
			fileForm({ description: 'From a file', uploadDescription: 'ids.txt' }, [
				'\uFEFF' + AIKO,
				'',
				` ${BEN} `,
			]),
		);
		expect(created.status).toBe(202);
		const id = created.data.audienceGroupId;
		expect((await audience(id)).audienceGroup.audienceCount).toBe(2);
		const added = await call(
			'PUT',
			'/v2/bot/audienceGroup/upload/byFile',
			fileForm({ audienceGroupId: String(id) }, [CHAI, STRANGER]),
		);
		expect(added.status).toBe(202);
		expect((await audience(id)).audienceGroup.audienceCount).toBe(4);
		const bad = await call(
			'PUT',
			'/v2/bot/audienceGroup/upload/byFile',
			fileForm({ audienceGroupId: String(id) }, [CHAI, 'not-an-id']),
		);
		expect(bad.status).toBe(400);
		expect((await audience(id)).audienceGroup.audienceCount).toBe(4);
	});

	it('rename, delete; list pages and filters like LINE', async () => {
		const first = await createAudience('Spring hikers', [AIKO]);
		await createAudience('Autumn hikers', [BEN]);
		const third = await createAudience('Cyclists');
		expect(
			(
				await call('PUT', `/v2/bot/audienceGroup/${first}/updateDescription`, {
					description: 'Summer hikers',
				})
			).status,
		).toBe(200);

		const page1 = await call('GET', '/v2/bot/audienceGroup/list?page=1&size=2');
		expect(validateSchema('manage-audience', 'GetAudienceGroupsResponse', page1.data)).toEqual([]);
		expect(page1.data).toMatchObject({ hasNextPage: true, totalCount: 3, page: 1, size: 2 });
		const page2 = await call('GET', '/v2/bot/audienceGroup/list?page=2&size=2');
		expect(page2.data).toMatchObject({ hasNextPage: false, page: 2 });
		const names = [...page1.data.audienceGroups, ...page2.data.audienceGroups].map(
			(group: { description: string }) => group.description,
		);
		expect(names).toEqual(['Cyclists', 'Autumn hikers', 'Summer hikers']);

		const hikers = await call('GET', '/v2/bot/audienceGroup/list?page=1&description=HIKERS');
		expect(hikers.data.audienceGroups).toHaveLength(2);
		const pending = await call('GET', '/v2/bot/audienceGroup/list?page=1&status=IN_PROGRESS');
		expect(
			pending.data.audienceGroups.map(
				(group: { audienceGroupId: number }) => group.audienceGroupId,
			),
		).toEqual([third]);
		const fromManager = await call(
			'GET',
			'/v2/bot/audienceGroup/list?page=1&createRoute=OA_MANAGER',
		);
		expect(fromManager.data.totalCount).toBe(0);

		expect((await call('DELETE', `/v2/bot/audienceGroup/${third}`)).status).toBe(200);
		expect((await call('GET', `/v2/bot/audienceGroup/${third}`)).status).toBe(400);
		expect((await call('DELETE', `/v2/bot/audienceGroup/${third}`)).status).toBe(400);
	});

	it('shared audiences: none', async () => {
		const list = await call('GET', '/v2/bot/audienceGroup/shared/list?page=1');
		expect(list.data).toMatchObject({ audienceGroups: [], totalCount: 0, hasNextPage: false });
		const id = await createAudience('Mine', [AIKO]);
		expect((await call('GET', `/v2/bot/audienceGroup/shared/${id}`)).status).toBe(400);
	});
});

describe('audiences of a broadcast or narrowcast, and narrowcasts to audiences', () => {
	async function broadcast(text: string): Promise<string> {
		const response = await call('POST', '/v2/bot/message/broadcast', {
			messages: [{ type: 'text', text }],
		});
		return response.headers['x-line-request-id'];
	}

	it('impression audience: the users who got the message (0 shown below 20, like LINE); click audience: nobody', async () => {
		const requestId = await broadcast('Sale!');
		const imp = await call('POST', '/v2/bot/audienceGroup/imp', {
			description: 'Saw the sale',
			requestId,
		});
		expect(imp.status).toBe(202);
		expect(
			validateSchema('manage-audience', 'CreateImpBasedAudienceGroupResponse', imp.data),
		).toEqual([]);
		expect(imp.data).toMatchObject({ type: 'IMP', requestId });
		expect((await audience(imp.data.audienceGroupId)).audienceGroup).toMatchObject({
			audienceCount: 0,
			status: 'READY',
		});

		const click = await call('POST', '/v2/bot/audienceGroup/click', {
			description: 'Clicked',
			requestId,
			clickUrl: 'https://example.com/sale',
		});
		expect(
			validateSchema('manage-audience', 'CreateClickBasedAudienceGroupResponse', click.data),
		).toEqual([]);
		expect(click.data).toMatchObject({ type: 'CLICK', clickUrl: 'https://example.com/sale' });

		// Only broadcasts and narrowcasts make such audiences.
		const push = await call('POST', '/v2/bot/message/push', {
			to: AIKO,
			messages: [{ type: 'text', text: 'x' }],
		});
		const refused = await call('POST', '/v2/bot/audienceGroup/imp', {
			description: 'x',
			requestId: push.headers['x-line-request-id'],
		});
		expect(refused.status).toBe(400);

		// The impression audience holds the three users: a narrowcast to it reaches them.
		const narrowcast = await call('POST', '/v2/bot/message/narrowcast', {
			messages: [{ type: 'text', text: 'Last day of the sale' }],
			recipient: { type: 'audience', audienceGroupId: imp.data.audienceGroupId },
		});
		expect(recipientsOf(narrowcast.headers['x-line-request-id']).sort()).toEqual(
			[AIKO, BEN, CHAI].sort(),
		);
	});

	it('narrowcast recipients: audiences, and/or/not, redelivery; only friends; limit.max', async () => {
		const hikers = await createAudience('Hikers', [AIKO, BEN, STRANGER]);
		const cyclists = await createAudience('Cyclists', [BEN, CHAI]);
		const send = async (recipient: object, limit?: object) => {
			const response = await call('POST', '/v2/bot/message/narrowcast', {
				messages: [{ type: 'text', text: 'Hi' }],
				recipient,
				...(limit ? { limit } : {}),
			});
			expect(response.status).toBe(202);
			return response.headers['x-line-request-id'] as string;
		};
		const audienceOf = (audienceGroupId: number) => ({ type: 'audience', audienceGroupId });

		// The stranger is no friend: LINE sends to friends only.
		expect(recipientsOf(await send(audienceOf(hikers))).sort()).toEqual([AIKO, BEN].sort());
		const both = await send({ type: 'operator', and: [audienceOf(hikers), audienceOf(cyclists)] });
		expect(recipientsOf(both)).toEqual([BEN]);
		const either = await send({ type: 'operator', or: [audienceOf(hikers), audienceOf(cyclists)] });
		expect(recipientsOf(either).sort()).toEqual([AIKO, BEN, CHAI].sort());
		const notHikers = await send({ type: 'operator', not: audienceOf(hikers) });
		expect(recipientsOf(notHikers)).toEqual([CHAI]);
		const again = await send({ type: 'redelivery', requestId: both });
		expect(recipientsOf(again)).toEqual([BEN]);
		expect(recipientsOf(await send(audienceOf(cyclists), { max: 1 }))).toHaveLength(1);

		const progress = await call('GET', `/v2/bot/message/progress/narrowcast?requestId=${either}`);
		expect(progress.data).toMatchObject({ phase: 'succeeded', targetCount: 3, successCount: 3 });

		const unknown = await call('POST', '/v2/bot/message/narrowcast', {
			messages: [{ type: 'text', text: 'Hi' }],
			recipient: audienceOf(999),
		});
		expect([unknown.status, unknown.data.details]).toEqual([
			400,
			[{ message: 'audience group not found', property: 'recipient.audienceGroupId' }],
		]);
		expect(recipientsOf(unknown.headers['x-line-request-id'])).toEqual([]);
		const twoOperators = await call('POST', '/v2/bot/message/narrowcast', {
			messages: [{ type: 'text', text: 'Hi' }],
			recipient: { type: 'operator', and: [audienceOf(hikers)], not: audienceOf(cyclists) },
		});
		expect(twoOperators.status).toBe(400);
		expect(sandbox.conversation(SANDBOX_GROUP.id)).toEqual([]);
	});
});
