import type { MockRequest, MockResponse } from '../test/support/mockLine';
import { parseMultipart } from '../test/support/openapi';
import {
	bodyOf,
	header,
	ok,
	omit,
	query,
	queryList,
	seconds,
	segment,
	type Operation,
} from './answers';
import {
	AUDIENCE_LIFETIME_SECONDS,
	AudienceState,
	MAX_AUDIENCES,
	type Audience,
	type AudienceType,
} from './audiences';
import type { SandboxCore } from './core';
import { isLineId, type SandboxStore } from './store';

/**
 * LINE's audience API: audiences of uploaded user IDs (JSON or a text file), click- and
 * impression-based audiences of a broadcast or narrowcast, and the recipients of narrowcasts.
 * The sandbox's audiences are ready at once (LINE takes a while); shared audiences are none.
 */

/** LINE's audience errors: a message, and a code in `details`. */
function audienceError(message: string, code: string, status = 400): MockResponse {
	return { status, body: { message, details: [{ message: code }] } };
}

const NOT_FOUND = audienceError('audience group not found', 'AUDIENCE_GROUP_NOT_FOUND');
const MAX_IDS_PER_FILE = 1_500_000;
const IFA = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audience name: 1–120 characters, not blank, no control characters. */
function descriptionProblem(description: unknown): MockResponse | undefined {
	if (typeof description !== 'string' || description.trim() === '') {
		return audienceError('audienceGroupName is required', 'AUDIENCE_GROUP_NAME_REQUIRED');
	}
	if ([...description].length > 120) {
		return audienceError('size over audienceGroupName', 'AUDIENCE_GROUP_NAME_SIZE_OVER');
	}
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(description)) {
		return audienceError('invalid audienceGroupName', 'AUDIENCE_GROUP_NAME_WRONG');
	}
	return undefined;
}

function uploadDescriptionProblem(uploadDescription: unknown): MockResponse | undefined {
	return typeof uploadDescription === 'string' && [...uploadDescription].length > 300
		? audienceError('size over uploadDescription', 'UPLOAD_DESCRIPTION_SIZE_OVER')
		: undefined;
}

/** User IDs (or IFAs for an IFA audience), each in its format. */
function idsProblem(ids: string[], isIfa: boolean): MockResponse | undefined {
	const valid = (id: string) => (isIfa ? IFA.test(id) : isLineId(id, 'U'));
	return ids.every(valid)
		? undefined
		: audienceError('Invalid audience id', 'UPLOAD_AUDIENCE_GROUP_INVALID_AUDIENCE_ID_FORMAT');
}

function audienceOf(core: SandboxCore, id: unknown): Audience | undefined {
	return core.store.audiences.groups.get(Number(id));
}

function newAudience(
	core: SandboxCore,
	type: AudienceType,
	fields: Partial<Audience> & { description: string },
): Audience | MockResponse {
	const { groups } = core.store.audiences;
	if (groups.size >= MAX_AUDIENCES) {
		return audienceError('audience group count over', 'AUDIENCE_GROUP_COUNT_MAX_OVER');
	}
	const created = seconds();
	const audience: Audience = {
		audienceGroupId: core.store.audiences.newId(),
		type,
		created,
		expireTimestamp: created + AUDIENCE_LIFETIME_SECONDS,
		isIfaAudience: false,
		ids: new Set(),
		jobs: [],
		...fields,
	};
	groups.set(audience.audienceGroupId, audience);
	core.store.changed();
	return audience;
}

/** The create answer: the audience without its status and count. */
function created(audience: Audience): MockResponse {
	const fields = omit(AudienceState.group(audience), 'status', 'audienceCount');
	return ok({ ...fields, expireTimestamp: audience.expireTimestamp }, 202);
}

function upload(core: SandboxCore, audience: Audience, ids: string[], uploadDescription?: string) {
	const before = audience.ids.size;
	for (const id of ids) audience.ids.add(id);
	core.store.audiences.addJob(audience, audience.ids.size - before, seconds(), uploadDescription);
	core.store.changed();
}

interface JsonUpload {
	audienceGroupId?: number;
	description?: string;
	isIfaAudience?: boolean;
	uploadDescription?: string;
	audiences?: Array<{ id?: string }>;
}

const jsonIds = (body: JsonUpload) => (body.audiences ?? []).map((entry) => String(entry.id ?? ''));

function createUploadAudience(
	core: SandboxCore,
	fields: { description?: string; isIfaAudience?: boolean; uploadDescription?: string },
	ids: string[],
): MockResponse {
	const isIfa = fields.isIfaAudience === true;
	const problem =
		descriptionProblem(fields.description) ??
		uploadDescriptionProblem(fields.uploadDescription) ??
		idsProblem(ids, isIfa);
	if (problem) return problem;
	const audience = newAudience(core, 'UPLOAD', {
		description: fields.description!,
		isIfaAudience: isIfa,
	});
	if ('status' in audience) return audience;
	if (ids.length > 0) upload(core, audience, ids, fields.uploadDescription);
	return created(audience);
}

function addToAudience(
	core: SandboxCore,
	fields: { audienceGroupId?: unknown; uploadDescription?: string },
	ids: string[],
): MockResponse {
	const audience = audienceOf(core, fields.audienceGroupId);
	if (!audience || audience.type !== 'UPLOAD') return NOT_FOUND;
	const problem =
		uploadDescriptionProblem(fields.uploadDescription) ?? idsProblem(ids, audience.isIfaAudience);
	if (problem) return problem;
	upload(core, audience, ids, fields.uploadDescription);
	return ok({}, 202);
}

const createAudienceGroup: Operation = (core, request) => {
	const body = bodyOf<JsonUpload>(request);
	return createUploadAudience(core, body, jsonIds(body));
};

const addAudienceToAudienceGroup: Operation = (core, request) => {
	const body = bodyOf<JsonUpload>(request);
	return addToAudience(core, body, jsonIds(body));
};

/** The form fields and the IDs of the text file (one a line) of a multipart upload. */
function fileUpload(
	request: MockRequest,
): { fields: Record<string, string>; ids: string[] } | MockResponse {
	const parts = parseMultipart(request.bodyBytes, header(request, 'content-type'));
	if (typeof parts === 'string') return audienceError(parts, 'INVALID_REQUEST');
	const fields = Object.fromEntries(parts.map((part) => [part.name, part.value]));
	const ids = (fields.file ?? '')
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '');
	if (ids.length === 0) {
		return audienceError(
			'no valid audience id in the file',
			'UPLOAD_AUDIENCE_GROUP_NO_VALID_AUDIENCE_IDS',
		);
	}
	if (ids.length > MAX_IDS_PER_FILE) {
		return audienceError('too many audience ids', 'UPLOAD_AUDIENCE_GROUP_TOO_MANY_AUDIENCE_IDS');
	}
	return { fields, ids };
}

const createAudienceForUploadingUserIds: Operation = (core, request) => {
	const uploaded = fileUpload(request);
	if ('status' in uploaded) return uploaded;
	const { fields, ids } = uploaded;
	return createUploadAudience(
		core,
		{ ...fields, isIfaAudience: fields.isIfaAudience === 'true' },
		ids,
	);
};

const addUserIdsToAudience: Operation = (core, request) => {
	const uploaded = fileUpload(request);
	if ('status' in uploaded) return uploaded;
	return addToAudience(core, uploaded.fields, uploaded.ids);
};

/** Click and impression audiences come from a broadcast or narrowcast of the last 60 days. */
function messageAudience(
	core: SandboxCore,
	request: MockRequest,
	type: 'CLICK' | 'IMP',
): MockResponse {
	const { description, requestId, clickUrl } = bodyOf<{
		description?: string;
		requestId?: string;
		clickUrl?: string;
	}>(request);
	const problem = descriptionProblem(description);
	if (problem) return problem;
	const sent = core.store.sends.get(requestId ?? '');
	if (!sent || (sent.via !== 'broadcast' && sent.via !== 'narrowcast')) {
		return audienceError('request id not found', 'AUDIENCE_GROUP_REQUESTID_INVALID');
	}
	const audience = newAudience(core, type, {
		description: description!,
		requestId: sent.requestId,
		...(clickUrl ? { clickUrl } : {}),
		// Everyone who got the message saw it; nobody opens links in the sandbox.
		ids: new Set(type === 'IMP' ? sent.to.filter((id) => isLineId(id, 'U')) : []),
	});
	if ('status' in audience) return audience;
	const group = {
		...omit(AudienceState.group(audience), 'status', 'audienceCount'),
		expireTimestamp: audience.expireTimestamp,
	};
	// The impression answer has fewer fields than the click one.
	const imp = omit(group, 'isIfaAudience', 'expireTimestamp', 'permission', 'createRoute');
	return ok(type === 'CLICK' ? group : imp, 202);
}

const createClickBasedAudienceGroup: Operation = (core, request) =>
	messageAudience(core, request, 'CLICK');

const createImpBasedAudienceGroup: Operation = (core, request) =>
	messageAudience(core, request, 'IMP');

const updateAudienceGroupDescription: Operation = (core, request) => {
	const audience = audienceOf(core, segment(request, 4));
	if (!audience) return NOT_FOUND;
	const { description } = bodyOf<{ description?: string }>(request);
	const problem = descriptionProblem(description);
	if (problem) return problem;
	audience.description = description!;
	core.store.changed();
	return ok();
};

const deleteAudienceGroup: Operation = (core, request) => {
	if (!core.store.audiences.groups.delete(Number(segment(request, 4)))) return NOT_FOUND;
	core.store.changed();
	return ok();
};

const getAudienceData: Operation = (core, request) => {
	const audience = audienceOf(core, segment(request, 4));
	if (!audience) return NOT_FOUND;
	return ok({ audienceGroup: AudienceState.group(audience), jobs: structuredClone(audience.jobs) });
};

function page(request: MockRequest, audiences: Audience[]): MockResponse {
	const pageNumber = Number(query(request, 'page'));
	const size = Number(query(request, 'size') ?? 20) || 20;
	const start = (pageNumber - 1) * size;
	return ok({
		audienceGroups: audiences
			.slice(start, start + size)
			.map((audience) => AudienceState.group(audience)),
		hasNextPage: start + size < audiences.length,
		totalCount: audiences.length,
		readWriteAudienceGroupTotalCount: audiences.length,
		size,
		page: pageNumber,
	});
}

const getAudienceGroups: Operation = (core, request) => {
	const name = query(request, 'description')?.toLowerCase();
	const statuses = queryList(request, 'status');
	const routes = queryList(request, 'createRoute');
	const audiences = [...core.store.audiences.groups.values()]
		.reverse() // newest first
		.filter((audience) => {
			const group = AudienceState.group(audience);
			return (
				(!name || audience.description.toLowerCase().includes(name)) &&
				(statuses.length === 0 || statuses.includes(String(group.status))) &&
				(routes.length === 0 || routes.includes('MESSAGING_API'))
			);
		});
	return page(request, audiences);
};

/** No other channel shares an audience with the sandbox's. */
const getSharedAudienceGroups: Operation = (_core, request) => page(request, []);

const getSharedAudienceData: Operation = () => NOT_FOUND;

export const audienceOperations: Record<string, Operation> = {
	createAudienceGroup,
	addAudienceToAudienceGroup,
	createAudienceForUploadingUserIds,
	addUserIdsToAudience,
	createClickBasedAudienceGroup,
	createImpBasedAudienceGroup,
	updateAudienceGroupDescription,
	deleteAudienceGroup,
	getAudienceData,
	getAudienceGroups,
	getSharedAudienceData,
	getSharedAudienceGroups,
};

// ---------------------------------------------------------------------------------------------
// Narrowcast recipients

type Recipient = {
	type?: string;
	audienceGroupId?: number;
	requestId?: string;
	and?: Recipient[];
	or?: Recipient[];
	not?: Recipient;
};

/**
 * The friends a narrowcast's recipient object names: an audience's users, the users an earlier
 * request went to (redelivery), or and/or/not of those; every friend when there is none.
 */
export function narrowcastRecipients(
	store: SandboxStore,
	recipient: unknown,
): { userIds: Set<string> } | MockResponse {
	const friends = store.userChats().map((chat) => chat.id);
	let refused: MockResponse | undefined;
	const resolve = (node: Recipient, where: string): Set<string> => {
		switch (node.type) {
			case 'audience': {
				const audience = store.audiences.groups.get(Number(node.audienceGroupId));
				if (!audience) {
					refused ??= {
						status: 400,
						body: {
							message: 'The request body has 1 error(s)',
							details: [
								{ message: 'audience group not found', property: `${where}.audienceGroupId` },
							],
						},
					};
					return new Set();
				}
				return new Set(friends.filter((id) => audience.ids.has(id)));
			}
			case 'redelivery': {
				const sent = store.sends.get(node.requestId ?? '');
				if (!sent) {
					refused ??= {
						status: 400,
						body: {
							message: 'The request body has 1 error(s)',
							details: [{ message: 'request not found', property: `${where}.requestId` }],
						},
					};
					return new Set();
				}
				return new Set(friends.filter((id) => sent.to.includes(id)));
			}
			case 'operator': {
				const given = (['and', 'or', 'not'] as const).filter((name) => node[name] !== undefined);
				if (given.length !== 1) {
					refused ??= {
						status: 400,
						body: {
							message: 'The request body has 1 error(s)',
							details: [{ message: 'exactly one of and, or, not is needed', property: where }],
						},
					};
					return new Set();
				}
				if (node.and) {
					const sets = node.and.map((entry, i) => resolve(entry, `${where}.and[${i}]`));
					return new Set(friends.filter((id) => sets.every((set) => set.has(id))));
				}
				if (node.or) {
					const sets = node.or.map((entry, i) => resolve(entry, `${where}.or[${i}]`));
					return new Set(friends.filter((id) => sets.some((set) => set.has(id))));
				}
				const excluded = node.not ? resolve(node.not, `${where}.not`) : new Set<string>();
				return new Set(friends.filter((id) => !excluded.has(id)));
			}
			default:
				return new Set(friends);
		}
	};
	const userIds = recipient ? resolve(recipient as Recipient, 'recipient') : new Set(friends);
	return refused ?? { userIds };
}
