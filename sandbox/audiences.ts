/**
 * The channel's audiences as LINE keeps them: user-ID uploads (with one job per upload), and
 * click- and impression-based audiences made from a broadcast or narrowcast.
 */

export type AudienceType = 'UPLOAD' | 'CLICK' | 'IMP';

export interface AudienceJob {
	audienceGroupJobId: number;
	audienceGroupId: number;
	description?: string;
	type: 'DIFF_ADD';
	jobStatus: 'FINISHED';
	audienceCount: number;
	created: number;
}

export interface Audience {
	audienceGroupId: number;
	type: AudienceType;
	description: string;
	created: number;
	expireTimestamp: number;
	isIfaAudience: boolean;
	/** The broadcast or narrowcast a click- or impression-based audience comes from. */
	requestId?: string;
	clickUrl?: string;
	/** User IDs (or IFAs) in the audience. */
	ids: Set<string>;
	jobs: AudienceJob[];
}

/** LINE keeps an audience for 180 days. */
export const AUDIENCE_LIFETIME_SECONDS = 15_552_000;
export const MAX_AUDIENCES = 1000;

export class AudienceState {
	readonly groups = new Map<number, Audience>();
	private nextId = 0;
	private nextJobId = 0;

	clear(): void {
		this.groups.clear();
	}

	/** Audience IDs like LINE's: 13-digit numbers. */
	newId(): number {
		return 1_700_000_000_000 + ++this.nextId;
	}

	addJob(audience: Audience, added: number, created: number, description?: string): void {
		audience.jobs.unshift({
			audienceGroupJobId: 50_000_000 + ++this.nextJobId,
			audienceGroupId: audience.audienceGroupId,
			...(description ? { description } : {}),
			type: 'DIFF_ADD',
			jobStatus: 'FINISHED',
			audienceCount: added,
			created,
		});
		// LINE answers the last 50 jobs.
		audience.jobs.length = Math.min(audience.jobs.length, 50);
	}

	/**
	 * The audience as LINE's get and list operations answer it. An empty upload audience stays
	 * IN_PROGRESS; click and impression audiences say 0 users below 20, to keep users private.
	 * (LINE's examples show `expireTimestamp` here too; its OpenAPI document has no such field.)
	 */
	static group(audience: Audience): Record<string, unknown> {
		const count = audience.ids.size;
		return {
			audienceGroupId: audience.audienceGroupId,
			type: audience.type,
			description: audience.description,
			status: audience.type === 'UPLOAD' && count === 0 ? 'IN_PROGRESS' : 'READY',
			audienceCount: audience.type === 'UPLOAD' || count >= 20 ? count : 0,
			created: audience.created,
			permission: 'READ_WRITE',
			createRoute: 'MESSAGING_API',
			isIfaAudience: audience.isIfaAudience,
			...(audience.requestId ? { requestId: audience.requestId } : {}),
			...(audience.clickUrl ? { clickUrl: audience.clickUrl } : {}),
		};
	}
}
